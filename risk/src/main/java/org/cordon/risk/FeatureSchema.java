package org.cordon.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * The names and order of the features an account is described by. Names are persisted in model
 * files: never rename one; a model binds to features by name, so adding one leaves old models
 * working (they give it no weight).
 */
final class FeatureSchema {
  static final String POSTS = "posts_log";
  static final String FLAGGED_SHARE = "flagged_share";
  static final String FLAGGED = "flagged_log";
  static final String MAX_STRENGTH = "max_strength";
  static final String MEAN_FLAGGED_STRENGTH = "mean_flagged_strength";
  static final String KNOWN_CONTENT = "known_content_log";
  static final String PROFILE = "profile_score";
  static final String AVATAR = "avatar_match";
  static final String BURST = "burst_log";
  static final String SOON_AFTER_RELEASE_SHARE = "soon_after_release_share";
  static final String SOON_AFTER_RELEASE_FLAGGED = "soon_after_release_flagged_log";
  static final String FLAGGED_HASHTAG_SHARE = "flagged_hashtag_share";
  static final String FOLLOWS = "follows_log";
  static final String FOLLOWS_RISKY_SHARE = "follows_risky_share";
  static final String FOLLOWS_RISKY = "follows_risky_log";
  static final String REPOSTS_RISKY = "reposts_risky_log";
  static final String REPOSTS_RISKY_SHARE = "reposts_risky_share";
  static final String ENGAGES_RISKY = "engages_risky_log";
  static final String FOLLOWERS_RISKY = "followers_risky_log";
  static final String PROPAGATION_OUT = "propagation_out";
  static final String PROPAGATION_IN = "propagation_in";
  static final String ENGAGES_NOT_AMPLIFIES_SHARE = "engages_not_amplifies_share";
  static final String MAX_STRENGTH_LOGIT = "max_strength_logit";
  static final String MEAN_FLAGGED_STRENGTH_LOGIT = "mean_flagged_strength_logit";

  static final List<String> FIXED = List.of(
      POSTS, FLAGGED_SHARE, FLAGGED, MAX_STRENGTH, MEAN_FLAGGED_STRENGTH, KNOWN_CONTENT,
      PROFILE, AVATAR,
      BURST, SOON_AFTER_RELEASE_SHARE, SOON_AFTER_RELEASE_FLAGGED, FLAGGED_HASHTAG_SHARE,
      FOLLOWS, FOLLOWS_RISKY_SHARE, FOLLOWS_RISKY, REPOSTS_RISKY, REPOSTS_RISKY_SHARE, ENGAGES_RISKY,
      FOLLOWERS_RISKY, PROPAGATION_OUT, PROPAGATION_IN,
      ENGAGES_NOT_AMPLIFIES_SHARE, MAX_STRENGTH_LOGIT, MEAN_FLAGGED_STRENGTH_LOGIT);

  final List<String> names;
  final int firstKind;

  FeatureSchema(RiskConfig config) {
    List<String> all = new ArrayList<>(FIXED);
    firstKind = all.size();
    for (String kind : config.signalKinds()) {
      all.add(kindShare(kind));
    }
    all.add(kindShare(RiskConfig.OTHER_KIND));
    names = List.copyOf(all);
  }

  static String kindShare(String kind) {
    return "kind." + kind + ".share";
  }

  int size() {
    return names.size();
  }

  int index(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no feature '" + name + "'; known: " + names);
    }
    return i;
  }
}
