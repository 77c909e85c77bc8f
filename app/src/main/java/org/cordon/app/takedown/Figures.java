package org.cordon.app.takedown;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.signal.Tier;
import org.cordon.desk.Desk;
import org.cordon.desk.HoldEntry;
import org.cordon.desk.Requester;
import org.cordon.simulator.PlatformSimulator;
import org.cordon.store.Database;
import org.cordon.store.Stores;

/** Reads the day's figures off the desk's database and the simulator's ledger once the loop is over. */
final class Figures {
  private Figures() {}

  private record CaseRow(long id, Optional<Tier> tier, Instant firstSeen, String state) {}

  static TakedownReport of(TakedownOptions options, String world, int day, Instant windowStart, Instant windowEnd, Database database,
      Stores stores, Desk desk, DeskDay deskDay, PlatformSimulator simulator, long selectors, Duration wall, Duration loopCpu) {
    List<CaseRow> cases = cases(database);
    List<Request> requests = new ArrayList<>();
    for (RequestStatus status : RequestStatus.values()) {
      requests.addAll(stores.requests().withStatus(status, Integer.MAX_VALUE));
    }
    Set<Long> heldRequests = new HashSet<>();
    for (HoldEntry hold : desk.intelligence().holds(DeskDay.INVESTIGATING_UNIT, false)) {
      heldRequests.add(hold.request().value());
    }
    Set<String> receivedKeys = new HashSet<>();
    for (PlatformSimulator.ReceivedRequest r : simulator.receivedRequests()) {
      receivedKeys.add(r.platform() + "\n" + r.idempotencyKey());
    }

    Map<Long, Instant> firstSent = new HashMap<>();
    Map<Long, Instant> analystSent = new HashMap<>();
    Map<Long, Instant> removedAt = new HashMap<>();
    Set<Long> heldCases = new HashSet<>();
    long sent = 0;
    long ordersSent = 0;
    long removed = 0;
    long rejected = 0;
    long awaiting = 0;
    double expectedRemovals = 0;
    long dedupes = 0;
    long requesters = 0;
    long heldReached = 0;
    for (Request r : requests) {
      List<Requester> asked = desk.decisions().requesters(r.id());
      dedupes += Math.max(0, asked.size() - 1);
      if (heldRequests.contains(r.id().value())) {
        heldCases.add(r.caseId().value());
        if (receivedKeys.contains(r.platform().name() + "\n" + r.idempotencyKey())) {
          heldReached++;
        }
      }
      Optional<Instant> sentAt = r.history().stream().filter(h -> h.status() == RequestStatus.SENT).map(StatusChange::at).findFirst();
      if (sentAt.isEmpty()) {
        continue;
      }
      sent++;
      requesters += asked.size();
      boolean order = r instanceof Request.RemovalOrder;
      if (order) {
        ordersSent++;
      }
      firstSent.merge(r.caseId().value(), sentAt.get(), (a, b) -> a.isBefore(b) ? a : b);
      if (!asked.isEmpty() && asked.getFirst().unit().isEmpty()) {
        analystSent.merge(r.caseId().value(), sentAt.get(), (a, b) -> a.isBefore(b) ? a : b);
      }
      switch (r.status()) {
        case REMOVED -> {
          removed++;
          expectedRemovals += order ? options.orderCompliance() : options.compliance();
          removedAt.merge(r.caseId().value(), r.history().getLast().at(), (a, b) -> a.isBefore(b) ? a : b);
        }
        case REJECTED -> {
          rejected++;
          expectedRemovals += order ? options.orderCompliance() : options.compliance();
        }
        case PENDING, SENT, ACKNOWLEDGED, FAILED -> awaiting++;
      }
    }

    Instant workEnd = deskDay.workEnd;
    Map<String, List<Duration>> toReferral = new HashMap<>();
    Map<String, List<Duration>> toDeskReferral = new HashMap<>();
    Map<String, long[]> unitFirst = new HashMap<>();
    Map<String, List<Duration>> toRemoval = new HashMap<>();
    Map<String, long[]> counts = new HashMap<>(); // items, referred, dismissed, held, breaches
    Map<String, Duration> targets = new HashMap<>();
    Map<String, Integer> ranks = new HashMap<>();
    Map<Long, Instant> firstSeen = new HashMap<>();
    long open = 0;
    for (CaseRow c : cases) {
      firstSeen.put(c.id(), c.firstSeen());
      String key = c.tier().map(t -> t.name().toLowerCase(Locale.ROOT)).orElse("none");
      ranks.put(key, c.tier().map(Enum::ordinal).orElse(Tier.values().length));
      Duration target = desk.policy().target(c.tier());
      targets.put(key, target);
      long[] n = counts.computeIfAbsent(key, k -> new long[5]);
      n[0]++;
      Instant sentAt = firstSent.get(c.id());
      if (sentAt != null) {
        n[1]++;
        Duration latency = Duration.between(c.firstSeen(), sentAt);
        toReferral.computeIfAbsent(key, k -> new ArrayList<>()).add(latency);
        Instant byDesk = analystSent.get(c.id());
        if (byDesk != null && !byDesk.isAfter(sentAt)) {
          toDeskReferral.computeIfAbsent(key, k -> new ArrayList<>()).add(latency);
        } else {
          unitFirst.computeIfAbsent(key, k -> new long[1])[0]++;
        }
        if (latency.compareTo(target) > 0) {
          n[4]++;
        }
        Instant gone = removedAt.get(c.id());
        if (gone != null) {
          toRemoval.computeIfAbsent(key, k -> new ArrayList<>()).add(Duration.between(c.firstSeen(), gone));
        }
      } else if (heldCases.contains(c.id())) {
        n[3]++;
      } else if (c.state().equals("DISMISSED")) {
        n[2]++;
      } else if (c.state().equals("OPEN")) {
        open++;
        if (Duration.between(c.firstSeen(), workEnd).compareTo(target) > 0) {
          n[4]++;
        }
      }
    }
    Map<String, TakedownReport.TierFigures> tiers = new HashMap<>();
    counts.forEach((key, n) -> tiers.put(key, new TakedownReport.TierFigures(ranks.get(key), n[0], n[1], n[2], n[3],
        percentile(toReferral.get(key), 0.5), percentile(toReferral.get(key), 0.95), percentile(toRemoval.get(key), 0.5), targets.get(key), n[4],
        unitFirst.getOrDefault(key, new long[1])[0], percentile(toDeskReferral.get(key), 0.95))));

    List<TakedownReport.CaseTiming> timings = new ArrayList<>();
    deskDay.taken.forEach((caseId, taken) -> timings.add(new TakedownReport.CaseTiming(caseId, firstSeen.getOrDefault(caseId, taken.at()),
        taken.at(), taken.drawn(), Optional.ofNullable(analystSent.get(caseId)))));
    timings.sort(java.util.Comparator.comparingLong(TakedownReport.CaseTiming::caseId));

    Map<Long, Long> perHour = new HashMap<>();
    for (CaseRow c : cases) {
      if (!c.firstSeen().isBefore(windowStart) && c.firstSeen().isBefore(windowEnd)) {
        perHour.merge(Duration.between(windowStart, c.firstSeen()).toHours(), 1L, Long::sum);
      }
    }
    long peakHourCases = perHour.values().stream().mapToLong(Long::longValue).max().orElse(0);
    double analystsForPeakHour = peakHourCases * options.decision().meanMinutes() / 60.0;

    Duration onDuty = Duration.between(windowStart, workEnd);
    long answered = removed + rejected;
    return new TakedownReport(world, day, windowStart, windowEnd, workEnd, options.analysts(), options.supervisors(),
        options.decision().toString(), options.approval().toString(),
        options.copyCheck().isZero() ? "off" : options.copyCheck().toSeconds() + " s", options.errorRate(), options.seed(), deskDay.unitsReplayed,
        deskDay.postsIngested, cases.size(), tiers, deskDay.decisions, deskDay.wrongDecisions, deskDay.copiesDecided,
        deskDay.copyBatches, deskDay.approvals, deskDay.refusals,
        deskDay.unitReferrals, selectors, desk.intelligence().hits(DeskDay.INVESTIGATING_UNIT, Integer.MAX_VALUE).size(), sent, ordersSent,
        removed, rejected, awaiting, answered == 0 ? options.compliance() : expectedRemovals / answered, heldRequests.size(), heldReached,
        dedupes, deskDay.dedupesSeen, requesters, simulator.receivedRequests().size(), simulator.duplicateRequests(),
        deskDay.staff().analystUtilisation(onDuty), deskDay.staff().supervisorUtilisation(onDuty), peakHourCases,
        analystsForPeakHour, open, wall, loopCpu,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), timings);
  }

  /** Nearest rank: the smallest value with at least {@code share} of the values at or below it. */
  static Optional<Duration> percentile(List<Duration> values, double share) {
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(share * sorted.size());
    return Optional.of(sorted.get(Math.max(0, rank - 1)));
  }

  private static List<CaseRow> cases(Database database) {
    List<CaseRow> rows = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, tier, first_seen, state FROM cases ORDER BY id")) {
      while (rs.next()) {
        String tier = rs.getString("tier");
        rows.add(new CaseRow(rs.getLong("id"), Optional.ofNullable(tier).map(Tier::valueOf),
            rs.getTimestamp("first_seen").toInstant(), rs.getString("state")));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the cases for the figures: " + e.getMessage(), e);
    }
    return rows;
  }
}
