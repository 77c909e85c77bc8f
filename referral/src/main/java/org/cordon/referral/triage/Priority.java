package org.cordon.referral.triage;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Tier;

/**
 * How urgent a flagged item is: higher first.
 *
 * <pre>
 *   priority = 10 × band(tier) + 5 × score + 5 × urgency(age / target(tier))
 *
 *   band:    threat to life 4, graphic violence 3, official propaganda 2, promotional 1, no tier 0
 *   target:  threat to life 15 min; every other tier, and no tier, 2 h (the referral clock)
 *   urgency(u) = 0.8 × u²                       for u ≤ 1  (rises as the item nears its target)
 *              = min(0.999, 0.8 + 0.2 × (1 − e^−(u − 1)))  for u > 1  (overdue: still rising)
 * </pre>
 *
 * Score and urgency each add less than 5 and together less than 10, so a more severe tier always
 * comes first: threat to life ≫ graphic violence ≫ official propaganda ≫ promotional. Within a
 * tier, risk and the clock weigh the same: a low-risk item about to miss its target rises above a
 * fresh high-risk one. A negative age (clock skew between hosts) counts as zero.
 */
public final class Priority {
  private static final Duration THREAT_TO_LIFE_TARGET = Duration.ofMinutes(15);
  private static final Duration REFERRAL_TARGET = Duration.ofHours(2);

  private Priority() {}

  public static double of(Assessment assessment, Duration age) {
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(age, "age");
    Optional<Tier> tier = assessment.tier();
    double used = (age.isNegative() ? 0 : age.toMillis()) / (double) target(tier).toMillis();
    return 10 * band(tier) + 5 * assessment.score() + 5 * urgency(used);
  }

  /** The clock target of a tier: how soon after first seen it should be referred. */
  public static Duration target(Optional<Tier> tier) {
    return tier.filter(t -> t == Tier.THREAT_TO_LIFE).isPresent() ? THREAT_TO_LIFE_TARGET : REFERRAL_TARGET;
  }

  private static int band(Optional<Tier> tier) {
    if (tier.isEmpty()) {
      return 0;
    }
    return switch (tier.get()) {
      case THREAT_TO_LIFE -> 4;
      case GRAPHIC_VIOLENCE -> 3;
      case OFFICIAL_PROPAGANDA -> 2;
      case PROMOTIONAL -> 1;
    };
  }

  /** In [0, 1): how much of the target the item has used up, weighted to rise near the end. */
  static double urgency(double used) {
    if (used <= 1) {
      return 0.8 * used * used;
    }
    // Capped so that far-overdue items stay inside their tier's band despite rounding.
    return Math.min(0.999, 0.8 + 0.2 * (1 - Math.exp(-(used - 1))));
  }
}
