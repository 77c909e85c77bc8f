package org.cordon.risk;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How an {@link AccountRiskTracker} reads its inputs.
 *
 * @param signalKinds detector names ({@code Signal.kind()}) counted separately per account; any
 *     other kind is counted under {@link #OTHER_KIND}. Each becomes a feature, so the list is part
 *     of a trained model's contract: append, never reorder or rename.
 * @param knownContentKinds the kinds that mean "this is known material" (hash lists, URL lists,
 *     near-duplicates of known text), as opposed to judgements of new content (lexicon, classifier)
 * @param soonAfterRelease a post this soon after a release first appeared counts as a fast repost
 * @param tierSupport how many flagged posts at least as severe as a tier make it the account's tier
 *     (threat to life needs one: its clock is the shortest)
 * @param propagationRounds rounds of neighbourhood propagation in {@link AccountRiskTracker#propagate()}
 * @param expectedAccounts arrays are sized for this many accounts up front (they grow past it)
 * @param maxAccounts a flood of invented ids stops here instead of exhausting the heap
 * @param deduplicate remember a 64-bit fingerprint of every post and interaction so a replay counts
 *     nothing twice (about 8-16 bytes per item)
 */
public record RiskConfig(
    List<String> signalKinds,
    Set<String> knownContentKinds,
    Duration soonAfterRelease,
    int tierSupport,
    int propagationRounds,
    int expectedAccounts,
    int maxAccounts,
    boolean deduplicate) {

  public static final String OTHER_KIND = "other";

  public RiskConfig {
    signalKinds = List.copyOf(new LinkedHashSet<>(signalKinds));
    knownContentKinds = Set.copyOf(knownContentKinds);
    Objects.requireNonNull(soonAfterRelease, "soonAfterRelease");
    if (signalKinds.contains(OTHER_KIND)) {
      throw new IllegalArgumentException("'" + OTHER_KIND + "' is reserved for kinds not in the list");
    }
    if (signalKinds.size() > 30) {
      throw new IllegalArgumentException("at most 30 signal kinds are tracked per account, got " + signalKinds.size());
    }
    for (String kind : knownContentKinds) {
      if (!signalKinds.contains(kind)) {
        throw new IllegalArgumentException("known-content kind '" + kind + "' is not among the signal kinds " + signalKinds);
      }
    }
    if (soonAfterRelease.isNegative() || soonAfterRelease.isZero()) {
      throw new IllegalArgumentException("soonAfterRelease must be positive: " + soonAfterRelease);
    }
    if (tierSupport < 1) {
      throw new IllegalArgumentException("tierSupport is at least 1: " + tierSupport);
    }
    if (propagationRounds < 1 || propagationRounds > 10) {
      throw new IllegalArgumentException("propagationRounds is between 1 and 10: " + propagationRounds);
    }
    if (expectedAccounts < 16 || maxAccounts < expectedAccounts) {
      throw new IllegalArgumentException("need 16 <= expectedAccounts <= maxAccounts: " + expectedAccounts + ", " + maxAccounts);
    }
  }

  /** The detectors Cordon ships, 30 minutes for a fast repost, two posts to set a tier, three rounds. */
  public static RiskConfig defaults() {
    return new RiskConfig(
        List.of("media-hash", "url-list", "text-near-duplicate", "lexicon", "classifier"),
        Set.of("media-hash", "url-list", "text-near-duplicate"),
        Duration.ofMinutes(30),
        2,
        3,
        1 << 16,
        20_000_000,
        true);
  }

  public RiskConfig withExpectedAccounts(int expected) {
    return new RiskConfig(signalKinds, knownContentKinds, soonAfterRelease, tierSupport, propagationRounds,
        expected, Math.max(maxAccounts, expected), deduplicate);
  }

  public RiskConfig withMaxAccounts(int max) {
    return new RiskConfig(signalKinds, knownContentKinds, soonAfterRelease, tierSupport, propagationRounds,
        Math.min(expectedAccounts, max), max, deduplicate);
  }

  int kindSlots() {
    return signalKinds.size() + 1;
  }
}
