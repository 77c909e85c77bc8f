package org.cordon.lineage.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a returning-account evaluation measured, per platform and overall.
 *
 * @param platforms one row per platform, by name
 * @param overall all platforms together
 * @param suspensionsObserved suspensions replayed (taken from the world's truth, as removal verification would observe them)
 * @param suspendedNeverSeen suspended accounts never observed before their suspension (no profile to index)
 * @param suspendedKnownFromMentions of those, accounts known by id and handle from others' mentions (and by
 *     their follows): indexed with that handle
 * @param suspendedLearnedByLookup of those, accounts a post named by handle where the handle is the account id
 *     (a profile URL), so that looking it up told Cordon it was gone: indexed with the handle only
 * @param suspendedLearnedByProbe gone accounts found by asking the platform about the handles a new account's
 *     predecessor plausibly had ({@link org.cordon.lineage.HandleProbes}): indexed with the handle and the follows seen
 * @param probeLookups handles asked about (the probes' cost in platform lookups)
 * @param checks checks run (first checks and re-checks)
 * @param meanCheckMicros mean wall time of one check
 */
public record Figures(List<PlatformFigures> platforms, PlatformFigures overall, int suspensionsObserved,
    int suspendedNeverSeen, int suspendedKnownFromMentions, int suspendedLearnedByLookup, int suspendedLearnedByProbe,
    long probeLookups, long checks, double meanCheckMicros) {
  public Figures {
    platforms = List.copyOf(platforms);
    Objects.requireNonNull(overall, "overall");
  }

  /**
   * @param returns true returns whose new account was observed (posted) in the world: the recall base
   * @param unobservedReturns true returns whose new account never posted, so Cordon never saw it
   * @param wrongGenerationOfSamePerson among {@code wrongPredecessor}, matches to another account of the right
   *     person's chain (an ancestor, when the true predecessor was never observed)
   * @param lineagePrecision like {@code precision}, counting a match to an earlier account of the true
   *     predecessor's person as right: it puts the new account in the right person's lineage
   * @param lineageRecall like {@code recall}, counting those matches as right
   * @param returnsWithKnownPredecessor returns among {@code returns} whose predecessor Cordon had indexed (observed, or known by handle)
   *     before its suspension (the others had no profile to index: it never posted)
   * @param recallWithKnownPredecessor correct matches among those
   * @param delayMedianMinutes median simulated minutes from the new account's first post to its correct match (NaN without matches)
   */
  public record PlatformFigures(String platform, int returns, int unobservedReturns, int matched, int correct,
      int wrongPredecessor, int wrongGenerationOfSamePerson, int notReturning, double precision, double recall,
      double lineagePrecision, double lineageRecall, int returnsWithKnownPredecessor,
      double recallWithKnownPredecessor, double delayMedianMinutes,
      double delayP90Minutes) {
    public PlatformFigures {
      Objects.requireNonNull(platform, "platform");
    }
  }

  /** A plain-text table. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-10s %8s %8s %8s %8s %8s %8s %8s %9s %8s %8s %10s %10s %10s%n", "platform",
        "returns", "unseen", "matched", "correct", "wrong", "same-per", "not-ret", "precision", "recall", "pred-seen", "recall-ps",
        "delay-p50", "delay-p90"));
    for (PlatformFigures row : platforms) {
      out.append(row(row));
    }
    out.append(row(overall));
    out.append(String.format(Locale.ROOT,
        "suspensions %d (never seen posting before suspension: %d; of those, known by handle from mentions: %d, "
            + "learned by looking up a named handle: %d, found by probing a new account's handle stems: %d in %d lookups), "
            + "checks %d, mean check %.1f µs%n",
        suspensionsObserved, suspendedNeverSeen, suspendedKnownFromMentions, suspendedLearnedByLookup, suspendedLearnedByProbe,
        probeLookups, checks, meanCheckMicros));
    out.append(String.format(Locale.ROOT, "counting a link to an earlier account of the same person as right: precision %.3f, recall %.3f%n",
        overall.lineagePrecision(), overall.lineageRecall()));
    return out.toString();
  }

  private static String row(PlatformFigures r) {
    return String.format(Locale.ROOT, "%-10s %8d %8d %8d %8d %8d %8d %8d %9.3f %8.3f %8d %10.3f %10.1f %10.1f%n",
        r.platform(), r.returns(), r.unobservedReturns(), r.matched(), r.correct(), r.wrongPredecessor(),
        r.wrongGenerationOfSamePerson(),
        r.notReturning(), r.precision(), r.recall(), r.returnsWithKnownPredecessor(), r.recallWithKnownPredecessor(),
        r.delayMedianMinutes(), r.delayP90Minutes());
  }
}
