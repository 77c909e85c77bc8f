package org.cordon.range.world;

import java.util.Optional;

/** What a post really is, written to truth/posts.jsonl. */
record Truth(boolean extremist, Optional<Tier> tier, Optional<String> releaseId, boolean hardNegative,
    Optional<String> outreachId, Optional<StatementRef> statement) {

  Truth(boolean extremist, Optional<Tier> tier, Optional<String> releaseId, boolean hardNegative,
      Optional<String> outreachId) {
    this(extremist, tier, releaseId, hardNegative, outreachId, Optional.empty());
  }

  Truth withStatement(StatementRef ref) {
    return new Truth(extremist, tier, releaseId, hardNegative, outreachId, Optional.of(ref));
  }

  /** A statement or a re-post of it: official material of an outlet. */
  static Truth statement(StatementRef ref) {
    return new Truth(true, Optional.of(Tier.OFFICIAL_PROPAGANDA), Optional.empty(), false, Optional.empty(), Optional.of(ref));
  }

  enum Tier {
    THREAT_TO_LIFE("threat_to_life"),
    GRAPHIC_VIOLENCE("graphic_violence"),
    OFFICIAL_PROPAGANDA("official_propaganda"),
    PROMOTIONAL("promotional");

    final String wireName;

    Tier(String wireName) {
      this.wireName = wireName;
    }
  }

  static Truth benign() {
    return new Truth(false, Optional.empty(), Optional.empty(), false, Optional.empty());
  }

  static Truth hardNegative(Optional<String> releaseId) {
    return new Truth(false, Optional.empty(), releaseId, true, Optional.empty());
  }

  static Truth promotional() {
    return new Truth(true, Optional.of(Tier.PROMOTIONAL), Optional.empty(), false, Optional.empty());
  }

  static Truth release(Release release) {
    return new Truth(true, Optional.of(release.tier()), Optional.of(release.id()), false, Optional.empty());
  }

  static Truth outreach(boolean grooming, String conversationId) {
    return new Truth(grooming, Optional.empty(), Optional.empty(), false, Optional.of(conversationId));
  }
}
