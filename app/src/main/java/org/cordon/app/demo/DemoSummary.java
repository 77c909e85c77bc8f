package org.cordon.app.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cordon.app.pipeline.AssessmentStage;
import org.cordon.app.pipeline.IngestSummary;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;

/** The demo's closing table: what came in, what was flagged, referred and removed, and how fast. */
record DemoSummary(long posts, long rejected, long flagged, long referred, long dismissed, long dismissedHardNegatives, long sent,
    long acknowledged, long removed, long rejectedByPlatform, long failed, Duration medianFirstSeenToReferral, long extremistPostsInWorld,
    long flaggedExtremist) {

  static DemoSummary of(CordonRuntime runtime, IngestSummary ingested, AssessmentStage.Result assessed, DemoRun.Tally tally, GroundTruth truth) {
    List<Request> all = new ArrayList<>();
    for (RequestStatus s : RequestStatus.values()) {
      all.addAll(runtime.stores().requests().withStatus(s, 1_000_000));
    }
    long removed = count(all, RequestStatus.REMOVED);
    long rejected = count(all, RequestStatus.REJECTED);
    long failed = count(all, RequestStatus.FAILED);
    long acknowledged = count(all, RequestStatus.ACKNOWLEDGED);
    long sent = all.stream().filter(r -> r.history().stream().anyMatch(h -> h.status() == RequestStatus.SENT)).count();
    List<Duration> latencies = new ArrayList<>(DemoRun.firstSeenToSent(runtime, all));
    latencies.sort(null);
    Duration median = latencies.isEmpty() ? Duration.ZERO : latencies.get(latencies.size() / 2);
    // Flagged posts that the ground truth calls extremist: the open queue plus what the analyst referred
    // (the simulated analyst refers exactly the extremist ones it is shown).
    long openExtremist = runtime.stores().cases().queue(Integer.MAX_VALUE).stream()
        .filter(c -> c.subject() instanceof org.cordon.core.model.PostKey p && truth.label(p).map(GroundTruth.Label::extremist).orElse(false))
        .count();
    return new DemoSummary(ingested.written().newPosts(), ingested.rejectedTotal(), assessed.flagged(), tally.referred, tally.dismissed,
        tally.dismissedHardNegatives, sent, acknowledged, removed, rejected, failed, median, truth.extremistPosts(), openExtremist + tally.referred);
  }

  private static long count(List<Request> all, RequestStatus status) {
    return all.stream().filter(r -> r.status() == status).count();
  }

  void print(PrintStream out) {
    out.println("Cordon demo summary (simulated world; decisions by a SIMULATED analyst)");
    String rule = "-".repeat(58);
    out.println(rule);
    row(out, "posts ingested", posts);
    row(out, "records rejected (quarantined)", rejected);
    row(out, "extremist posts in the world (truth)", extremistPostsInWorld);
    row(out, "flagged into the triage queue", flagged);
    out.printf(Locale.ROOT, "%-44s %12s%n", "  flag precision / recall vs truth",
        String.format(Locale.ROOT, "%.2f / %.2f", flagged == 0 ? 0.0 : (double) flaggedExtremist / flagged,
            extremistPostsInWorld == 0 ? 0.0 : (double) flaggedExtremist / extremistPostsInWorld));
    row(out, "decided: referred", referred);
    row(out, "decided: dismissed", dismissed);
    row(out, "  of which hard negatives", dismissedHardNegatives);
    row(out, "referrals sent to platforms", sent);
    row(out, "removed by the platform", removed);
    row(out, "rejected by the platform", rejectedByPlatform);
    row(out, "still awaiting the platform", acknowledged);
    row(out, "failed to deliver", failed);
    out.printf(Locale.ROOT, "%-44s %12s%n", "median first seen → referral sent", format(medianFirstSeenToReferral));
    out.println(rule);
  }

  private static void row(PrintStream out, String label, long value) {
    out.printf(Locale.ROOT, "%-44s %12d%n", label, value);
  }

  static String format(Duration d) {
    return d.toMillis() < 120_000 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0) : d.toMinutes() + " min";
  }
}
