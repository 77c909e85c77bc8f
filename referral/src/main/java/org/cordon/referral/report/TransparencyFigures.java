package org.cordon.referral.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cordon.core.model.Platform;
import org.cordon.core.signal.Tier;

/**
 * What a unit publishes about a period (TCO Art. 8 asks competent authorities for a yearly
 * transparency report): requests per platform and per tier, how many were removed, how fast the
 * unit and the platforms acted, holds for national investigations, hits and complaints.
 *
 * @param from first day of the period
 * @param to last day of the period, included
 * @param firstSeenToReferral from first seen to the request going out, over every request of the period
 * @param referralToRemoval from the request going out to the platform's removal
 * @param holds referrals held for deconfliction with a national investigation
 * @param hits watch-list selectors seen again and told to their owner unit
 * @param complaints complaints the platforms reported (TCO Art. 10)
 * @param reinstatements content restored after a complaint or a review
 */
public record TransparencyFigures(
    String unit,
    LocalDate from,
    LocalDate to,
    Instant generatedAt,
    List<PlatformFigures> platforms,
    List<TierFigures> tiers,
    Times firstSeenToReferral,
    Times referralToRemoval,
    long holds,
    long hits,
    long complaints,
    long reinstatements) {

  public TransparencyFigures {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(generatedAt, "generatedAt");
    platforms = List.copyOf(platforms);
    tiers = List.copyOf(tiers);
    Objects.requireNonNull(firstSeenToReferral, "firstSeenToReferral");
    Objects.requireNonNull(referralToRemoval, "referralToRemoval");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
    }
    if (holds < 0 || hits < 0 || complaints < 0 || reinstatements < 0) {
      throw new IllegalArgumentException("holds, hits, complaints and reinstatements are counts, not negative");
    }
  }

  /** The requests of all platforms together. */
  public Counts total() {
    Counts sum = new Counts(0, 0, 0, 0);
    for (PlatformFigures p : platforms) {
      sum = sum.plus(p.counts());
    }
    return sum;
  }

  /**
   * Requests and their outcomes.
   *
   * @param removed requests whose content the platform removed or disabled
   * @param rejected requests the platform declined
   */
  public record Counts(long referrals, long removalOrders, long removed, long rejected) {
    public Counts {
      if (referrals < 0 || removalOrders < 0 || removed < 0 || rejected < 0) {
        throw new IllegalArgumentException("counts are not negative");
      }
      if (removed + rejected > referrals + removalOrders) {
        throw new IllegalArgumentException("more outcomes (" + (removed + rejected) + " removed or rejected) than requests ("
            + (referrals + removalOrders) + ")");
      }
    }

    public long requests() {
      return referrals + removalOrders;
    }

    /** Removed over requests; empty when there were none. */
    public OptionalDouble removalRate() {
      return requests() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) removed / requests());
    }

    Counts plus(Counts other) {
      return new Counts(referrals + other.referrals, removalOrders + other.removalOrders, removed + other.removed, rejected + other.rejected);
    }
  }

  public record PlatformFigures(Platform platform, Counts counts) {
    public PlatformFigures {
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(counts, "counts");
    }
  }

  public record TierFigures(Tier tier, Counts counts, Times firstSeenToReferral, Times referralToRemoval) {
    public TierFigures {
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(counts, "counts");
      Objects.requireNonNull(firstSeenToReferral, "firstSeenToReferral");
      Objects.requireNonNull(referralToRemoval, "referralToRemoval");
    }
  }

  /** How long something took over {@code count} cases: median and 90th percentile, empty without cases. */
  public record Times(long count, Optional<Duration> median, Optional<Duration> p90) {
    public static final Times NONE = new Times(0, Optional.empty(), Optional.empty());

    public Times {
      Objects.requireNonNull(median, "median");
      Objects.requireNonNull(p90, "p90");
      if (count < 0 || (count == 0) != median.isEmpty() || median.isEmpty() != p90.isEmpty()) {
        throw new IllegalArgumentException("times have a median and a p90 exactly when they have cases: count " + count);
      }
    }

    /** Nearest-rank percentiles of the samples; negative durations are refused (a clock went backwards). */
    public static Times of(Collection<Duration> samples) {
      if (samples.isEmpty()) {
        return NONE;
      }
      List<Duration> sorted = new ArrayList<>(samples);
      sorted.sort(null);
      if (sorted.getFirst().isNegative()) {
        throw new IllegalArgumentException("a negative duration (" + sorted.getFirst() + "): check the times it was computed from");
      }
      return new Times(sorted.size(), Optional.of(rank(sorted, 0.5)), Optional.of(rank(sorted, 0.9)));
    }

    private static Duration rank(List<Duration> sorted, double quantile) {
      int rank = (int) Math.ceil(quantile * sorted.size());
      return sorted.get(Math.max(0, rank - 1));
    }
  }
}
