package org.cordon.desk;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.Subject;
import org.cordon.core.signal.Tier;

/**
 * How a unit runs its desk: clock targets, four-eyes per request type, verification intervals,
 * retention, and who issues its removal orders.
 *
 * @param referralTarget from first seen to referral, for every tier but threat to life
 * @param threatToLifeTarget from first seen to referral for threat to life
 * @param nearingShare the share of its target after which an item counts as nearing it (and rises faster)
 * @param freshRelease a post younger than this (or an account created this recently) is a fresh release
 * @param postReferral approval needed for a referral of a post
 * @param accountReferral approval needed for a referral of an account (account-level actions hit harder)
 * @param removalOrder approval needed for a removal order
 * @param verificationIntervals after removal, when to check that content is still gone, growing
 * @param retention how long a referred item's evidence and decision trail are kept after its requests closed (TCO Art. 6: six months at least)
 * @param issuingAuthority the competent authority named on removal orders
 */
public record DeskPolicy(
    Duration referralTarget,
    Duration threatToLifeTarget,
    double nearingShare,
    Duration freshRelease,
    Approval postReferral,
    Approval accountReferral,
    Approval removalOrder,
    List<Duration> verificationIntervals,
    Duration retention,
    String issuingAuthority) {

  /** Six months, counted generously: a month is never more than 31 days. */
  public static final Duration SIX_MONTHS = Duration.ofDays(6 * 31);

  public DeskPolicy {
    requirePositive(referralTarget, "referralTarget");
    requirePositive(threatToLifeTarget, "threatToLifeTarget");
    requirePositive(freshRelease, "freshRelease");
    Objects.requireNonNull(postReferral, "postReferral");
    Objects.requireNonNull(accountReferral, "accountReferral");
    Objects.requireNonNull(removalOrder, "removalOrder");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(issuingAuthority, "issuingAuthority");
    verificationIntervals = List.copyOf(verificationIntervals);
    if (!(nearingShare > 0 && nearingShare < 1)) {
      throw new IllegalArgumentException("nearingShare is in (0, 1): " + nearingShare);
    }
    for (int i = 0; i < verificationIntervals.size(); i++) {
      requirePositive(verificationIntervals.get(i), "verificationIntervals[" + i + "]");
      if (i > 0 && verificationIntervals.get(i).compareTo(verificationIntervals.get(i - 1)) <= 0) {
        throw new IllegalArgumentException("verification intervals grow: " + verificationIntervals);
      }
    }
    if (retention.isNegative()) {
      throw new IllegalArgumentException("retention is not negative: " + retention);
    }
    if (issuingAuthority.isBlank()) {
      throw new IllegalArgumentException("removal orders name their issuing authority: set issuingAuthority");
    }
  }

  /**
   * Referral within 2 h of first seen, threat to life within 15 min; nearing at 75 %; fresh for
   * 6 h; a second person approves account referrals and removal orders; checks after 1 h, 6 h,
   * 24 h and 7 d; retention six months.
   */
  public static DeskPolicy defaults(String issuingAuthority) {
    return new DeskPolicy(Duration.ofHours(2), Duration.ofMinutes(15), 0.75, Duration.ofHours(6),
        Approval.NONE, Approval.SECOND_PERSON, Approval.SECOND_PERSON,
        List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24), Duration.ofDays(7)),
        SIX_MONTHS, issuingAuthority);
  }

  public DeskPolicy withApprovals(Approval postReferral, Approval accountReferral, Approval removalOrder) {
    return new DeskPolicy(referralTarget, threatToLifeTarget, nearingShare, freshRelease, postReferral, accountReferral,
        removalOrder, verificationIntervals, retention, issuingAuthority);
  }

  public DeskPolicy withRetention(Duration retention) {
    return new DeskPolicy(referralTarget, threatToLifeTarget, nearingShare, freshRelease, postReferral, accountReferral,
        removalOrder, verificationIntervals, retention, issuingAuthority);
  }

  public DeskPolicy withVerificationIntervals(List<Duration> intervals) {
    return new DeskPolicy(referralTarget, threatToLifeTarget, nearingShare, freshRelease, postReferral, accountReferral,
        removalOrder, intervals, retention, issuingAuthority);
  }

  /** The clock target of an item: how soon after first seen it should be referred. */
  public Duration target(Optional<Tier> tier) {
    return tier.filter(t -> t == Tier.THREAT_TO_LIFE).isPresent() ? threatToLifeTarget : referralTarget;
  }

  /** The approval a request of this type about this kind of subject needs before it goes out. */
  public Approval approvalFor(RequestType type, Subject.SubjectKind subject) {
    return switch (type) {
      case REMOVAL_ORDER -> removalOrder;
      case REFERRAL -> switch (subject) {
        case POST -> postReferral;
        case ACCOUNT -> accountReferral;
      };
    };
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " is positive: " + d);
    }
  }
}
