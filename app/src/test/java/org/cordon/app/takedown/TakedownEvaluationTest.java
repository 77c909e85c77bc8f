package org.cordon.app.takedown;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.cordon.core.signal.Tier;
import org.cordon.range.RangeCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One small simulated day (a 400-account world, 12 hours) through the real ingest, detection, desk,
 * gateway and platform simulator; every test checks one of its figures against something that can fail.
 */
class TakedownEvaluationTest {
  private static final long SEED = 11;
  /** Far from the simulator's default (0.9), so a compliance that did not reach the platforms would show. */
  private static final double COMPLIANCE = 0.4;

  @TempDir
  static Path directory;

  private static TakedownReport report;

  @BeforeAll
  static void runASmallDay() throws Exception {
    Path world = directory.resolve("world");
    assertThat(new CommandLine(new RangeCommand()).execute("generate", "--seed", "9011", "--accounts", "400", "--days", "1",
        "--media", "none", "--out", world.toString())).isZero();
    TakedownOptions options = TakedownOptions.defaults(world)
        .withDay(1)
        .withHours(12)
        .withStaff(2, 1)
        .withNationalUnits(0.15, 0.5, new TakedownOptions.Lognormal(Duration.ofMinutes(10), 0.5))
        .withCompliance(COMPLIANCE, 0.98)
        // the small world has few items in severe tiers: orders for official propaganda too, so four-eyes runs
        .withRemovalOrderTiers(Set.of(Tier.THREAT_TO_LIFE, Tier.GRAPHIC_VIOLENCE, Tier.OFFICIAL_PROPAGANDA))
        .withSeed(SEED);
    report = TakedownEvaluation.run(options, System.err);
    report.print(System.err);
  }

  @Test
  void everyReferralAnAnalystDecidedWentOutNoSoonerThanTheDecisionTimeDrawnForIt() {
    var sent = report.timings().stream().filter(t -> t.sent().isPresent()).toList();

    assertThat(sent).as("analyst referrals that went out").hasSizeGreaterThan(15);
    for (TakedownReport.CaseTiming t : sent) {
      assertThat(t.taken()).as("case %d taken after it was first seen", t.caseId()).isAfterOrEqualTo(t.firstSeen());
      assertThat(Duration.between(t.taken(), t.sent().get())).as("case %d: taken → sent vs drawn", t.caseId())
          .isGreaterThanOrEqualTo(t.decisionDrawn());
    }
  }

  @Test
  void heldRequestsNeverReachThePlatformsAsTheSimulatorsLedgerShows() {
    assertThat(report.selectorsUnderInvestigation()).isPositive();
    assertThat(report.holds()).as("requests held for deconfliction").isPositive();
    assertThat(report.holdsReachedPlatform()).isZero();
    assertThat(report.tiers().values().stream().mapToLong(TakedownReport.TierFigures::held).sum())
        .as("held items are not counted as referred").isPositive();
  }

  @Test
  void dedupesCountedWhenReferralsJoinedARequestMatchTheRequestersBeyondOnePerRequest() {
    assertThat(report.unitReferrals()).isPositive();
    assertThat(report.tiers().values().stream().mapToLong(TakedownReport.TierFigures::unitFirst).sum())
        .as("items a unit referred before the desk did").isPositive().isLessThanOrEqualTo(report.unitReferrals());
    assertThat(report.dedupes()).isPositive();
    assertThat(report.dedupesSeenAtDecision()).as("joins seen when deciding vs requesters recorded").isEqualTo(report.dedupes());
    // each distinct request at the platforms carries all its requesters: no content was sent twice
    assertThat(report.simulatorRequests()).isEqualTo(report.requestsSent());
    assertThat(report.requesters() - report.simulatorRequests()).isBetween(1L, report.dedupes());
  }

  @Test
  void theRemovalRateReproducesTheSimulatorsComplianceWithinFourStandardErrors() {
    long answered = report.removed() + report.rejected();
    double expected = report.expectedRemovalRate();
    double standardError = Math.sqrt(expected * (1 - expected) / answered);

    assertThat(answered).as("answered requests").isGreaterThanOrEqualTo(40);
    assertThat(report.awaiting()).as("two days after the work every answer is in").isZero();
    assertThat(expected).isBetween(COMPLIANCE, 0.98);
    assertThat(report.removalRate().orElseThrow()).isCloseTo(expected, org.assertj.core.data.Offset.offset(4 * standardError));
  }

  @Test
  void fourEyesProposalsWereApprovedByAnotherPersonBeforeTheirOrdersWentOut() {
    assertThat(report.removalOrdersSent()).isPositive();
    assertThat(report.approvals()).as("approvals").isGreaterThanOrEqualTo(report.removalOrdersSent() - report.dedupes());
  }

  @Test
  void theJsonCarriesTheIssuesKeysPerTier() {
    JsonNode json = JsonMapper.builder().build().readTree(report.json());

    assertThat(json.get("tiers").size()).isPositive();
    json.get("tiers").properties().forEach(tier -> {
      assertThat(tier.getValue().has("median_minutes_to_referral")).as(tier.getKey()).isTrue();
      assertThat(tier.getValue().has("p95_minutes_to_referral")).as(tier.getKey()).isTrue();
      assertThat(tier.getValue().has("median_minutes_to_removal")).as(tier.getKey()).isTrue();
    });
    assertThat(json.get("removal_rate").asDouble()).isEqualTo(report.removalRate().orElseThrow());
    assertThat(json.get("holds").asLong()).isEqualTo(report.holds());
    assertThat(json.get("dedupes").asLong()).isEqualTo(report.dedupes());
  }

  @Test
  void copiesOfAReleaseAreDecidedWithTheirCaseOnTheirOwnMeritsAndCountAsDecisions() {
    assertThat(report.copyBatches()).as("the small world's releases are re-posted").isPositive();
    assertThat(report.copiesDecided()).isGreaterThanOrEqualTo(report.copyBatches()).isLessThanOrEqualTo(report.decisions());
  }

  @Test
  void theBusiestHourIsAPartOfTheCasesOpenedAndItsStaffingFollowsTheMeanDecisionTime() {
    assertThat(report.peakHourCases()).isPositive().isLessThanOrEqualTo(report.casesOpened());
    double mean = TakedownOptions.Lognormal.parseMinutes("3,0.6").meanMinutes();
    assertThat(report.analystsForPeakHour()).isCloseTo(report.peakHourCases() * mean / 60, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void everyTierCountsItsItemsOnceAndTheP95IsNeverBelowTheMedian() {
    long items = report.tiers().values().stream().mapToLong(TakedownReport.TierFigures::items).sum();
    assertThat(items).isEqualTo(report.casesOpened());
    report.tiers().forEach((name, t) -> {
      assertThat(t.referred() + t.dismissed() + t.held()).as(name).isLessThanOrEqualTo(t.items());
      t.medianToReferral().ifPresent(median -> assertThat(t.p95ToReferral().orElseThrow()).as(name).isGreaterThanOrEqualTo(median));
      assertThat(t.unitFirst()).as(name).isBetween(0L, t.referred());
      assertThat(t.p95ToDeskReferral().isPresent()).as("%s: the desk referred some first", name).isEqualTo(t.unitFirst() < t.referred());
    });
  }
}
