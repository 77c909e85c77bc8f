package org.cordon.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.signal.Tier;

/**
 * How urgent an item is, and where its clock stands: a pure function of its inputs, the time and
 * the policy.
 *
 * <pre>
 *   priority = 10 × band(tier) + 5 × weight + 5 × urgency(used)
 *   band     = threat to life 4, graphic violence 3, official propaganda 2, promotional 1, none 0
 *   weight   = 0.4 × risk + 0.2 × reach + 0.2 × keyAccountRank + 0.2 × novelty          in [0, 1]
 *   reach    = max(log10(1 + followers) / 7, log10(1 + spread) / 5), at most 1
 *   novelty  = 1 for a returning account or a fresh release, else 0
 *   used     = age / target(tier)
 *   urgency  = 0.5 × used / nearingShare                           before nearing the target
 *            = 0.5 + 0.4 × (used − nearingShare) / (1 − nearingShare)  nearing: rises faster
 *            = min(0.999, 0.9 + 0.099 × (1 − e^−(used − 1)))        breached: still rising
 * </pre>
 *
 * Weight and urgency each stay below 1, so a more severe tier always comes first; within a tier an
 * item about to miss its target overtakes a fresh one of higher weight.
 */
public final class DeskPriority {
  private DeskPriority() {}

  /** Where an item's clock stands. */
  public enum ClockState {
    ON_TIME,
    /** Past {@link DeskPolicy#nearingShare()} of its target. */
    NEARING,
    /** Past its target: counted as a breach. */
    BREACHED
  }

  /**
   * @param remaining until the target; negative once breached
   */
  public record Result(double priority, Duration target, Duration age, Duration remaining, ClockState clock) {
    public Result {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(age, "age");
      Objects.requireNonNull(remaining, "remaining");
      Objects.requireNonNull(clock, "clock");
    }
  }

  public static Result of(PriorityInputs inputs, Instant now, DeskPolicy policy) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(policy, "policy");
    Duration age = Duration.between(inputs.firstSeen(), now);
    if (age.isNegative()) {
      age = Duration.ZERO; // clock skew between hosts
    }
    Duration target = policy.target(inputs.tier());
    double used = age.toMillis() / (double) target.toMillis();
    double priority = 10 * band(inputs.tier()) + 5 * weight(inputs) + 5 * urgency(used, policy.nearingShare());
    ClockState clock = used > 1 ? ClockState.BREACHED : used >= policy.nearingShare() ? ClockState.NEARING : ClockState.ON_TIME;
    return new Result(priority, target, age, target.minus(age), clock);
  }

  static double weight(PriorityInputs in) {
    double reach = Math.min(1, Math.max(Math.log10(1 + in.followers()) / 7, Math.log10(1 + in.spread()) / 5));
    double novelty = in.returningAccount() || in.freshRelease() ? 1 : 0;
    return 0.4 * in.risk() + 0.2 * reach + 0.2 * in.keyAccountRank().orElse(0) + 0.2 * novelty;
  }

  static double urgency(double used, double nearingShare) {
    if (used < nearingShare) {
      return 0.5 * used / nearingShare;
    }
    if (used <= 1) {
      return 0.5 + 0.4 * (used - nearingShare) / (1 - nearingShare);
    }
    return Math.min(0.999, 0.9 + 0.099 * (1 - Math.exp(-(used - 1))));
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
}
