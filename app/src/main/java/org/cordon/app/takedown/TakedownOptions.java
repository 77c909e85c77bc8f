package org.cordon.app.takedown;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.cordon.core.signal.Tier;

/**
 * How the takedown evaluation runs a simulated day.
 *
 * @param world a world from {@code cordon range generate} (with {@code replay/index.jsonl} and {@code truth/})
 * @param day which day of the world (1 = its first); empty: the day with the most extremist posts
 * @param hours how much of the day is replayed, from its midnight (UTC)
 * @param analysts analysts on duty for the whole window; each takes the top of the desk's queue
 * @param supervisors supervisors on duty; they approve (four-eyes) and otherwise wait for approvals
 * @param decision time an analyst takes to decide a case: lognormal
 * @param approval time a second person takes to approve or refuse a proposal: lognormal
 * @param errorRate chance that an analyst (or approver) judges a case against the ground truth
 * @param investigatedShare share of the organisation's accounts active in the window that a national
 *     unit lists as selectors under investigation (their referrals are held)
 * @param unitReferralShare share of the window's extremist posts a national unit also refers through the desk
 * @param unitDelay time from a post to the unit's referral of it: lognormal
 * @param compliance the simulated platforms' compliance with referrals
 * @param orderCompliance the simulated platforms' compliance with removal orders
 * @param removalOrderTiers tiers for which a removal order (binding, four-eyes) is issued instead of a referral
 * @param ingestTick arrivals within one tick are ingested together, at the last one's instant
 * @param pollInterval how often the platforms are asked how requests stand
 * @param backlogLimit after the window, analysts keep working the open queue for at most this long
 * @param seed drives every draw; the same seed and world give the same figures
 * @param copyCheck how long an analyst who has decided a case looks at each open copy of its known content
 *     (the desk's "decide with copies") before deciding it too; zero: every copy waits its turn in the queue
 */
public record TakedownOptions(Path world, OptionalInt day, double hours, int analysts, int supervisors, Lognormal decision,
    Lognormal approval, double errorRate, double investigatedShare, double unitReferralShare, Lognormal unitDelay, double compliance,
    double orderCompliance, Set<Tier> removalOrderTiers, Duration ingestTick, Duration pollInterval, Duration backlogLimit, long seed,
    Duration copyCheck) {

  public TakedownOptions {
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(day, "day");
    day.ifPresent(d -> {
      if (d < 1) {
        throw new IllegalArgumentException("--day counts from 1 (the world's first day): " + d);
      }
    });
    if (!(hours > 0 && hours <= 24)) {
      throw new IllegalArgumentException("--hours is in (0, 24]: " + hours);
    }
    if (analysts < 1 || supervisors < 0) {
      throw new IllegalArgumentException("at least one analyst, and no negative number of supervisors: " + analysts + ", " + supervisors);
    }
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(unitDelay, "unitDelay");
    requireShare(errorRate, "--error-rate");
    requireShare(investigatedShare, "--investigated-share");
    requireShare(unitReferralShare, "--unit-referral-share");
    requireShare(compliance, "--compliance");
    requireShare(orderCompliance, "--order-compliance");
    removalOrderTiers = Set.copyOf(removalOrderTiers);
    requirePositive(ingestTick, "ingestTick");
    requirePositive(pollInterval, "pollInterval");
    Objects.requireNonNull(backlogLimit, "backlogLimit");
    Objects.requireNonNull(copyCheck, "copyCheck");
    if (copyCheck.isNegative()) {
      throw new IllegalArgumentException("--copy-check-seconds is not negative: " + copyCheck);
    }
    if (backlogLimit.isNegative()) {
      throw new IllegalArgumentException("the backlog limit is not negative: " + backlogLimit);
    }
  }

  /**
   * Six analysts and one supervisor; 3 min per decision, 1.5 min per approval; 5 % errors; 2 % of
   * accounts investigated; 9 % unit referrals; 15 s to check each copy of a decided case's known content.
   */
  public static TakedownOptions defaults(Path world) {
    return new TakedownOptions(world, OptionalInt.empty(), 24, 6, 1, new Lognormal(Duration.ofMinutes(3), 0.6),
        new Lognormal(Duration.ofSeconds(90), 0.5), 0.05, 0.02, 0.09, new Lognormal(Duration.ofMinutes(30), 0.8), 0.9, 0.98,
        Set.of(Tier.THREAT_TO_LIFE, Tier.GRAPHIC_VIOLENCE), Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24), 1,
        Duration.ofSeconds(15));
  }

  public TakedownOptions withDay(int value) {
    return new TakedownOptions(world, OptionalInt.of(value), hours, analysts, supervisors, decision, approval, errorRate, investigatedShare,
        unitReferralShare, unitDelay, compliance, orderCompliance, removalOrderTiers, ingestTick, pollInterval, backlogLimit, seed, copyCheck);
  }

  public TakedownOptions withHours(double value) {
    return new TakedownOptions(world, day, value, analysts, supervisors, decision, approval, errorRate, investigatedShare,
        unitReferralShare, unitDelay, compliance, orderCompliance, removalOrderTiers, ingestTick, pollInterval, backlogLimit, seed, copyCheck);
  }

  public TakedownOptions withStaff(int analystCount, int supervisorCount) {
    return new TakedownOptions(world, day, hours, analystCount, supervisorCount, decision, approval, errorRate, investigatedShare,
        unitReferralShare, unitDelay, compliance, orderCompliance, removalOrderTiers, ingestTick, pollInterval, backlogLimit, seed, copyCheck);
  }

  public TakedownOptions withDecision(Lognormal value) {
    return new TakedownOptions(world, day, hours, analysts, supervisors, value, approval, errorRate, investigatedShare,
        unitReferralShare, unitDelay, compliance, orderCompliance, removalOrderTiers, ingestTick, pollInterval, backlogLimit, seed, copyCheck);
  }

  public TakedownOptions withApproval(Lognormal value) {
    return new TakedownOptions(world, day, hours, analysts, supervisors, decision, value, errorRate, investigatedShare,
        unitReferralShare, unitDelay, compliance, orderCompliance, removalOrderTiers, ingestTick, pollInterval, backlogLimit, seed, copyCheck);
  }

  public TakedownOptions withErrorRate(double value) {
    return new TakedownOptions(world, day, hours, analysts, supervisors, decision, approval, value, investigatedShare,
        unitReferralShare, unitDelay, compliance, orderCompliance, removalOrderTiers, ingestTick, pollInterval, backlogLimit, seed, copyCheck);
  }

  public TakedownOptions withNationalUnits(double investigated, double unitReferrals, Lognormal delay) {
    return new TakedownOptions(world, day, hours, analysts, supervisors, decision, approval, errorRate, investigated,
        unitReferrals, delay, compliance, orderCompliance, removalOrderTiers, ingestTick, pollInterval, backlogLimit, seed, copyCheck);
  }

  public TakedownOptions withCompliance(double referrals, double orders) {
    return new TakedownOptions(world, day, hours, analysts, supervisors, decision, approval, errorRate, investigatedShare,
        unitReferralShare, unitDelay, referrals, orders, removalOrderTiers, ingestTick, pollInterval, backlogLimit, seed, copyCheck);
  }

  public TakedownOptions withRemovalOrderTiers(Set<Tier> tiers) {
    return new TakedownOptions(world, day, hours, analysts, supervisors, decision, approval, errorRate, investigatedShare,
        unitReferralShare, unitDelay, compliance, orderCompliance, tiers, ingestTick, pollInterval, backlogLimit, seed, copyCheck);
  }

  public TakedownOptions withBacklogLimit(Duration value) {
    return new TakedownOptions(world, day, hours, analysts, supervisors, decision, approval, errorRate, investigatedShare,
        unitReferralShare, unitDelay, compliance, orderCompliance, removalOrderTiers, ingestTick, pollInterval, value, seed, copyCheck);
  }

  public TakedownOptions withCopyCheck(Duration value) {
    return new TakedownOptions(world, day, hours, analysts, supervisors, decision, approval, errorRate, investigatedShare,
        unitReferralShare, unitDelay, compliance, orderCompliance, removalOrderTiers, ingestTick, pollInterval, backlogLimit, seed, value);
  }

  public TakedownOptions withSeed(long value) {
    return new TakedownOptions(world, day, hours, analysts, supervisors, decision, approval, errorRate, investigatedShare,
        unitReferralShare, unitDelay, compliance, orderCompliance, removalOrderTiers, ingestTick, pollInterval, backlogLimit, value, copyCheck);
  }

  /**
   * A lognormal duration: {@code median × e^(sigma × N(0,1))}; sigma 0 is always the median.
   * Parsed from {@code "median,sigma"} with the median in minutes ("3,0.6").
   */
  public record Lognormal(Duration median, double sigma) {
    public Lognormal {
      Objects.requireNonNull(median, "median");
      if (median.isNegative()) {
        throw new IllegalArgumentException("a median duration is not negative: " + median);
      }
      if (!(sigma >= 0 && sigma <= 3)) {
        throw new IllegalArgumentException("sigma is in [0, 3]: " + sigma);
      }
    }

    public static Lognormal parseMinutes(String text) {
      String[] parts = text.split(",");
      if (parts.length != 2) {
        throw new IllegalArgumentException("give 'median minutes,sigma', e.g. 3,0.6: '" + text + "'");
      }
      try {
        double minutes = Double.parseDouble(parts[0].strip());
        if (!(minutes >= 0 && minutes < 24 * 60)) {
          throw new IllegalArgumentException("the median is in [0, 1440) minutes: '" + text + "'");
        }
        return new Lognormal(Duration.ofMillis(Math.round(minutes * 60_000)), Double.parseDouble(parts[1].strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("give 'median minutes,sigma' as two numbers, e.g. 3,0.6: '" + text + "'", e);
      }
    }

    /** One draw from a seeded generator. */
    /** The mean of the distribution, in minutes: {@code median × e^(sigma² / 2)}. */
    double meanMinutes() {
      return median.toMillis() / 60_000.0 * Math.exp(sigma * sigma / 2);
    }

    Duration draw(java.util.Random random) {
      double factor = Math.exp(sigma * random.nextGaussian());
      return Duration.ofMillis(Math.round(median.toMillis() * factor));
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "lognormal(median %.1f min, sigma %.2f)", median.toMillis() / 60_000.0, sigma);
    }
  }

  private static void requireShare(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " is in [0, 1]: " + value);
    }
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " is positive: " + d);
    }
  }
}
