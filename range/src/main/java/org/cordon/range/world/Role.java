package org.cordon.range.world;

/**
 * What a person does in the world. The wire name is written to the ground truth and never
 * changes. Rates are per account and day; suspension hazards are per day on the microblog (other
 * platforms scale them, see {@link Site#suspensionFactor}).
 */
enum Role {
  OFFICIAL_OUTLET("official_outlet", true, 0, 6.0, 0.25, 1.0, 9.2, 1.0),
  DISTRIBUTOR("distributor", true, 0.006, 18.0, 0.12, 0.9, 6.6, 1.0),
  HYPERACTIVE_SUPPORTER("hyperactive_supporter", true, 0.010, 25.0, 0.08, 0.85, 6.4, 1.0),
  SUPPORTER("supporter", true, 0.060, 2.0, 0.02, 0.7, 6.19, 1.2),
  RECRUITER("recruiter", true, 0.002, 5.0, 0.03, 0.85, 6.8, 1.0),
  BOT("bot", true, 0.010, 14.0, 0.10, 0.6, 4.0, 1.0),
  ORDINARY_USER("ordinary_user", false, 0.842, 0.8, 0.0005, 0.3, 4.5, 1.3),
  JOURNALIST("journalist", false, 0.012, 2.5, 0.0005, 0.3, 7.5, 1.2),
  RESEARCHER("researcher", false, 0.006, 1.2, 0.0005, 0.3, 6.0, 1.0),
  COUNTER_SPEECH("counter_speech", false, 0.012, 3.0, 0.001, 0.3, 6.0, 1.1),
  VULNERABLE_USER("vulnerable_user", false, 0.040, 1.0, 0.0005, 0.3, 4.0, 1.0);

  final String wireName;
  /** True for the organisation's people: what an IRU looks for. */
  final boolean target;
  /** Share of persons (outlets are a fixed handful, not a share). */
  final double share;
  final double postsPerDay;
  final double suspensionPerDay;
  final double returnProbability;
  /** Log-normal parameters of the profile follower count of a first account. */
  final double followersMu;
  final double followersSigma;

  Role(String wireName, boolean target, double share, double postsPerDay, double suspensionPerDay,
      double returnProbability, double followersMu, double followersSigma) {
    this.wireName = wireName;
    this.target = target;
    this.share = share;
    this.postsPerDay = postsPerDay;
    this.suspensionPerDay = suspensionPerDay;
    this.returnProbability = returnProbability;
    this.followersMu = followersMu;
    this.followersSigma = followersSigma;
  }

  static final Role[] ALL = values();

  static Role draw(double u) {
    double acc = 0;
    for (Role role : ALL) {
      acc += role.share;
      if (u < acc) {
        return role;
      }
    }
    return ORDINARY_USER;
  }

  boolean hardNegativeVoice() {
    return this == JOURNALIST || this == RESEARCHER || this == COUNTER_SPEECH;
  }
}
