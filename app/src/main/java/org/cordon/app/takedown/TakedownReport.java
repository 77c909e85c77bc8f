package org.cordon.app.takedown;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The figures of one simulated day at the desk: per tier, how fast items went from first seen to a
 * referral sent and to removal, and how many missed the desk's target; holds, dedupes, removal rate
 * against the simulated platforms' compliance, and the staff's utilisation.
 *
 * @param tiers per tier key ({@code threat_to_life}, ..., {@code none} for items without a tier), in severity order
 * @param requestsSent requests that reached a platform
 * @param removed of those, removed by the platform
 * @param rejected of those, rejected by the platform
 * @param awaiting of those, still without an answer at the end
 * @param expectedRemovalRate the simulator's configured compliance, weighted by the request types that got an answer
 * @param holds requests held for deconfliction (an investigated selector); never sent
 * @param holdsReachedPlatform held requests the simulated platforms nevertheless received (must be 0)
 * @param dedupes referrals that joined a request already there (another unit or analyst asked for the same content)
 * @param requesters everyone recorded as asking for the requests the platforms received
 * @param simulatorRequests distinct requests the simulated platforms received
 * @param copiesDecided of the decisions, those made on a copy of a decided case's known content, right after it
 * @param copyBatches how many times an analyst went on from a case to its copies
 * @param peakHourCases the most cases opened in one clock hour of the window
 * @param analystsForPeakHour analysts that hour keeps busy at the mean decision time: below it a backlog builds however the queue is ordered
 * @param timings for each case an analyst decided: the drawn decision time, and when its request went out
 */
public record TakedownReport(String world, int day, Instant windowStart, Instant windowEnd, Instant workEnd, int analysts, int supervisors,
    String decisionTimes, String approvalTimes, String copyCheck, double errorRate, long seed, long unitsReplayed, long postsIngested, long casesOpened,
    Map<String, TierFigures> tiers, long decisions, long wrongDecisions, long copiesDecided, long copyBatches, long approvals, long refusals, long unitReferrals,
    long selectorsUnderInvestigation, long hits, long requestsSent, long removalOrdersSent, long removed, long rejected, long awaiting,
    double expectedRemovalRate, long holds, long holdsReachedPlatform, long dedupes, long dedupesSeenAtDecision, long requesters,
    long simulatorRequests, long simulatorDuplicates, double analystUtilisation, double supervisorUtilisation, long peakHourCases, double analystsForPeakHour,
    long openAtEnd, Duration wallTime, Duration loopCpuTime, double loadAverage, List<CaseTiming> timings) {

  public TakedownReport {
    tiers = Map.copyOf(tiers);
    timings = List.copyOf(timings);
  }

  /** The goal for every tier: median ≤ 15 min and p95 ≤ 60 min from first seen to referral sent. */
  public static final Duration GOAL_MEDIAN = Duration.ofMinutes(15);
  public static final Duration GOAL_P95 = Duration.ofMinutes(60);

  /**
   * @param items cases opened in the tier (detection, or a unit's referral)
   * @param referred cases whose request reached the platform
   * @param dismissed cases dismissed
   * @param held cases whose request is held for deconfliction
   * @param target the desk's clock target for the tier
   * @param breaches referrals sent after the target, plus cases left undecided past it
   */
  /**
   * @param unitFirst referred items whose first request came from a national unit, not the desk's analysts
   * @param p95ToDeskReferral the p95 over the items the desk's analysts referred first: the queue's own share of the latency
   */
  public record TierFigures(int rank, long items, long referred, long dismissed, long held, Optional<Duration> medianToReferral,
      Optional<Duration> p95ToReferral, Optional<Duration> medianToRemoval, Duration target, long breaches, long unitFirst,
      Optional<Duration> p95ToDeskReferral) {
    public TierFigures {
      Objects.requireNonNull(p95ToDeskReferral, "p95ToDeskReferral");
      Objects.requireNonNull(medianToReferral, "medianToReferral");
      Objects.requireNonNull(p95ToReferral, "p95ToReferral");
      Objects.requireNonNull(medianToRemoval, "medianToRemoval");
      Objects.requireNonNull(target, "target");
    }

    public boolean meetsGoal() {
      return referred == 0 || (medianToReferral.orElseThrow().compareTo(GOAL_MEDIAN) <= 0 && p95ToReferral.orElseThrow().compareTo(GOAL_P95) <= 0);
    }
  }

  /**
   * A case an analyst took: when it was first seen, when the analyst took it, the decision time drawn,
   * and when its request was sent (if it was, and the analyst's decision created it).
   */
  public record CaseTiming(long caseId, Instant firstSeen, Instant taken, Duration decisionDrawn, Optional<Instant> sent) {}

  /** Removed over answered requests; empty when no platform answered. */
  public Optional<Double> removalRate() {
    long answered = removed + rejected;
    return answered == 0 ? Optional.empty() : Optional.of(removed / (double) answered);
  }

  public boolean meetsGoal() {
    return tiers.values().stream().allMatch(TierFigures::meetsGoal);
  }

  private List<Map.Entry<String, TierFigures>> tiersInOrder() {
    return tiers.entrySet().stream().sorted(Map.Entry.comparingByValue(java.util.Comparator.comparingInt(TierFigures::rank))).toList();
  }

  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "Takedown evaluation: %s, day %d (%s to %s), SIMULATED analysts and platforms%n", world, day, windowStart, windowEnd);
    out.printf(Locale.ROOT, "staff: %d analysts (decision %s), %d supervisors (approval %s); error rate %.1f %%; seed %d%n",
        analysts, decisionTimes, supervisors, approvalTimes, 100 * errorRate, seed);
    out.printf(Locale.ROOT, "replayed %d units, %d posts ingested, %d cases opened; work ended %s%n%n", unitsReplayed, postsIngested, casesOpened, workEnd);
    String header = String.format(Locale.ROOT, "%-20s %7s %8s %9s %6s %11s %11s %11s %8s %9s %10s %12s", "tier", "items", "referred", "dismissed",
        "held", "median→ref", "p95→ref", "median→rem", "target", "breaches", "unit-first", "p95 desk→ref");
    out.println(header);
    out.println("-".repeat(header.length()));
    for (Map.Entry<String, TierFigures> e : tiersInOrder()) {
      TierFigures t = e.getValue();
      out.printf(Locale.ROOT, "%-20s %7d %8d %9d %6d %11s %11s %11s %8s %9d %10d %12s%s%n", e.getKey(), t.items(), t.referred(), t.dismissed(),
          t.held(), minutes(t.medianToReferral()), minutes(t.p95ToReferral()), minutes(t.medianToRemoval()), t.target().toMinutes() + " min",
          t.breaches(), t.unitFirst(), minutes(t.p95ToDeskReferral()), t.meetsGoal() ? "" : "  (goal missed)");
    }
    out.println("-".repeat(header.length()));
    out.printf(Locale.ROOT, "goal (every tier: median ≤ 15 min, p95 ≤ 60 min first seen → referral sent): %s%n", meetsGoal() ? "MET" : "NOT MET");
    out.printf(Locale.ROOT, "(unit-first: referred first by a national unit, often content detection missed, on the unit's own delay; "
        + "p95 desk→ref: over the items the desk's analysts referred first)%n%n");
    out.printf(Locale.ROOT, "%-52s %d (%d wrong against the truth)%n", "decisions by analysts", decisions, wrongDecisions);
    out.printf(Locale.ROOT, "%-52s %d, in %d looks (%s per copy)%n", "  of which copies decided with their case", copiesDecided, copyBatches,
        copyCheck);
    out.printf(Locale.ROOT, "%-52s %d approved, %d refused%n", "four-eyes verdicts", approvals, refusals);
    out.printf(Locale.ROOT, "%-52s %d%n", "referrals submitted by national units", unitReferrals);
    out.printf(Locale.ROOT, "%-52s %d (hits: %d)%n", "selectors under investigation", selectorsUnderInvestigation, hits);
    out.printf(Locale.ROOT, "%-52s %d (reached a platform: %d)%n", "holds (requests held for deconfliction)", holds, holdsReachedPlatform);
    out.printf(Locale.ROOT, "%-52s %d (%d requesters on %d requests at the platforms)%n", "dedupes", dedupes, requesters, simulatorRequests);
    out.printf(Locale.ROOT, "%-52s %d (%d removal orders); platforms received %d distinct, %d retries%n", "requests sent", requestsSent,
        removalOrdersSent, simulatorRequests, simulatorDuplicates);
    out.printf(Locale.ROOT, "%-52s %d removed, %d rejected, %d awaiting%n", "platform answers", removed, rejected, awaiting);
    out.printf(Locale.ROOT, "%-52s %s (simulator's configured compliance: %.1f %%)%n", "removal rate",
        removalRate().map(r -> String.format(Locale.ROOT, "%.1f %%", 100 * r)).orElse("-"), 100 * expectedRemovalRate);
    out.printf(Locale.ROOT, "%-52s analysts %.0f %%, supervisors %s%n", "utilisation (busy / on duty)", 100 * analystUtilisation,
        supervisors == 0 ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * supervisorUtilisation));
    out.printf(Locale.ROOT, "%-52s %d cases opened, keeping %.1f analysts busy at the mean decision time%n", "busiest hour", peakHourCases,
        analystsForPeakHour);
    out.printf(Locale.ROOT, "%-52s %d%n", "cases still open when work ended", openAtEnd);
    out.printf(Locale.ROOT, "%-52s wall %.1f s, event-loop CPU %.1f s, load average %.1f%n", "took", wallTime.toMillis() / 1000.0,
        loopCpuTime.toMillis() / 1000.0, loadAverage);
  }

  public String json() {
    JsonMapper json = JsonMapper.builder().build();
    ObjectNode root = json.createObjectNode();
    root.put("world", world);
    root.put("day", day);
    root.put("window_start", windowStart.toString());
    root.put("window_end", windowEnd.toString());
    root.put("work_end", workEnd.toString());
    root.put("analysts", analysts);
    root.put("supervisors", supervisors);
    root.put("decision_times", decisionTimes);
    root.put("approval_times", approvalTimes);
    root.put("error_rate", errorRate);
    root.put("seed", seed);
    root.put("units_replayed", unitsReplayed);
    root.put("posts_ingested", postsIngested);
    root.put("cases_opened", casesOpened);
    ObjectNode tierNode = root.putObject("tiers");
    for (Map.Entry<String, TierFigures> e : tiersInOrder()) {
      TierFigures t = e.getValue();
      ObjectNode n = tierNode.putObject(e.getKey());
      n.put("items", t.items());
      n.put("referred", t.referred());
      n.put("dismissed", t.dismissed());
      n.put("held", t.held());
      putMinutes(n, "median_minutes_to_referral", t.medianToReferral());
      putMinutes(n, "p95_minutes_to_referral", t.p95ToReferral());
      putMinutes(n, "median_minutes_to_removal", t.medianToRemoval());
      n.put("target_minutes", t.target().toMinutes());
      n.put("breaches", t.breaches());
      n.put("unit_first", t.unitFirst());
      putMinutes(n, "p95_minutes_to_desk_referral", t.p95ToDeskReferral());
      n.put("meets_goal", t.meetsGoal());
    }
    root.put("meets_goal", meetsGoal());
    if (removalRate().isPresent()) {
      root.put("removal_rate", removalRate().get());
    } else {
      root.putNull("removal_rate");
    }
    root.put("expected_removal_rate", expectedRemovalRate);
    root.put("holds", holds);
    root.put("holds_reached_platform", holdsReachedPlatform);
    root.put("dedupes", dedupes);
    root.put("requesters", requesters);
    root.put("decisions", decisions);
    root.put("wrong_decisions", wrongDecisions);
    root.put("copies_decided", copiesDecided);
    root.put("copy_batches", copyBatches);
    root.put("copy_check", copyCheck);
    root.put("approvals", approvals);
    root.put("refusals", refusals);
    root.put("unit_referrals", unitReferrals);
    root.put("selectors_under_investigation", selectorsUnderInvestigation);
    root.put("hits", hits);
    root.put("requests_sent", requestsSent);
    root.put("removal_orders_sent", removalOrdersSent);
    root.put("removed", removed);
    root.put("rejected", rejected);
    root.put("awaiting", awaiting);
    root.put("simulator_requests", simulatorRequests);
    root.put("simulator_duplicates", simulatorDuplicates);
    root.put("analyst_utilisation", analystUtilisation);
    root.put("supervisor_utilisation", supervisorUtilisation);
    root.put("peak_hour_cases", peakHourCases);
    root.put("analysts_for_peak_hour", analystsForPeakHour);
    root.put("open_at_end", openAtEnd);
    root.put("wall_seconds", wallTime.toMillis() / 1000.0);
    root.put("loop_cpu_seconds", loopCpuTime.toMillis() / 1000.0);
    root.put("load_average", loadAverage);
    return json.writeValueAsString(root);
  }

  private static void putMinutes(ObjectNode node, String name, Optional<Duration> value) {
    if (value.isPresent()) {
      node.put(name, Math.round(value.get().toMillis() / 600.0) / 100.0);
    } else {
      node.putNull(name);
    }
  }

  private static String minutes(Optional<Duration> d) {
    return d.map(v -> String.format(Locale.ROOT, "%.1f min", v.toMillis() / 60_000.0)).orElse("-");
  }
}
