package org.cordon.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cordon.app.takedown.TakedownEvaluation;
import org.cordon.app.takedown.TakedownOptions;
import org.cordon.app.takedown.TakedownReport;
import org.cordon.core.signal.Tier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon eval takedown --world DIR}: one simulated day at the referral desk, end to end,
 * with simulated analysts, supervisors and national units, against the range's platform simulator.
 */
@Command(name = "takedown", mixinStandardHelpOptions = true,
    description = "A simulated day at the referral desk: time first seen → referral sent and → removal per tier, breaches, holds, dedupes, "
        + "removal rate vs the simulated platforms' compliance, staff utilisation.")
final class TakedownEvaluationCommand implements Callable<Integer> {
  @Option(names = "--world", required = true, paramLabel = "DIR", description = "A world from 'cordon range generate'.")
  Path world;

  @Option(names = "--day", paramLabel = "N", description = "Day of the world to replay, 1 = the first (default: the day with most extremist posts).")
  Integer day;

  @Option(names = "--hours", defaultValue = "24", description = "Hours of the day to replay from midnight UTC (default: ${DEFAULT-VALUE}).")
  double hours;

  @Option(names = "--analysts", defaultValue = "6", description = "Analysts on duty (default: ${DEFAULT-VALUE}).")
  int analysts;

  @Option(names = "--supervisors", defaultValue = "1", description = "Supervisors on duty; they approve four-eyes proposals (default: ${DEFAULT-VALUE}).")
  int supervisors;

  @Option(names = "--decision-minutes", defaultValue = "3,0.6", paramLabel = "MEDIAN,SIGMA",
      description = "Time to decide a case, lognormal: median minutes and sigma (default: ${DEFAULT-VALUE}).")
  String decisionMinutes;

  @Option(names = "--approval-minutes", defaultValue = "1.5,0.5", paramLabel = "MEDIAN,SIGMA",
      description = "Time a second person takes to approve, lognormal (default: ${DEFAULT-VALUE}).")
  String approvalMinutes;

  @Option(names = "--error-rate", defaultValue = "0.05", description = "Chance an analyst judges against the ground truth (default: ${DEFAULT-VALUE}).")
  double errorRate;

  @Option(names = "--investigated-share", defaultValue = "0.02",
      description = "Share of the organisation's active accounts a national unit investigates; their referrals are held (default: ${DEFAULT-VALUE}).")
  double investigatedShare;

  @Option(names = "--unit-referral-share", defaultValue = "0.09",
      description = "Share of extremist posts a national unit also refers through the desk (default: ${DEFAULT-VALUE}).")
  double unitReferralShare;

  @Option(names = "--unit-delay-minutes", defaultValue = "30,0.8", paramLabel = "MEDIAN,SIGMA",
      description = "Time from a post to a unit's referral of it, lognormal (default: ${DEFAULT-VALUE}).")
  String unitDelayMinutes;

  @Option(names = "--compliance", defaultValue = "0.9", description = "Simulated platforms' compliance with referrals (default: ${DEFAULT-VALUE}).")
  double compliance;

  @Option(names = "--order-compliance", defaultValue = "0.98", description = "Compliance with removal orders (default: ${DEFAULT-VALUE}).")
  double orderCompliance;

  @Option(names = "--orders-for", defaultValue = "threat_to_life,graphic_violence", split = ",", paramLabel = "TIER",
      description = "Tiers that get a removal order (four-eyes) instead of a referral; 'none' for no orders (default: ${DEFAULT-VALUE}).")
  Set<String> ordersFor;

  @Option(names = "--backlog-hours", defaultValue = "24", description = "After the window, how long analysts keep working the open queue (default: ${DEFAULT-VALUE}).")
  double backlogHours;

  @Option(names = "--copy-check-seconds", defaultValue = "15", paramLabel = "S",
      description = "After deciding a case, an analyst looks at each open copy of its known content for S seconds and decides it too "
          + "(the desk's 'decide with copies'); 0 leaves copies to wait their turn in the queue (default: ${DEFAULT-VALUE}).")
  double copyCheckSeconds;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of every draw (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print one JSON object of the figures.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Set<Tier> orderTiers = EnumSet.noneOf(Tier.class);
    for (String t : ordersFor) {
      if (!t.equalsIgnoreCase("none")) {
        try {
          orderTiers.add(Tier.valueOf(t.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--orders-for: unknown tier '" + t + "'; known: threat_to_life, graphic_violence, official_propaganda, promotional, none");
        }
      }
    }
    TakedownOptions options = TakedownOptions.defaults(world)
        .withHours(hours)
        .withStaff(analysts, supervisors)
        .withDecision(TakedownOptions.Lognormal.parseMinutes(decisionMinutes))
        .withApproval(TakedownOptions.Lognormal.parseMinutes(approvalMinutes))
        .withErrorRate(errorRate)
        .withNationalUnits(investigatedShare, unitReferralShare, TakedownOptions.Lognormal.parseMinutes(unitDelayMinutes))
        .withCompliance(compliance, orderCompliance)
        .withRemovalOrderTiers(orderTiers)
        .withBacklogLimit(Duration.ofMillis(Math.round(backlogHours * 3_600_000)))
        .withCopyCheck(Duration.ofMillis(Math.round(copyCheckSeconds * 1000)))
        .withSeed(seed);
    if (day != null) {
      options = options.withDay(day);
    }
    TakedownReport report = TakedownEvaluation.run(options, System.err);
    if (json) {
      System.out.println(report.json());
    } else {
      report.print(System.out);
    }
    return 0;
  }
}
