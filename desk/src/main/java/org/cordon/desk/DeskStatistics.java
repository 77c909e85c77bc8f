package org.cordon.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.cordon.core.model.Platform;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.signal.Tier;
import org.cordon.referral.report.TransparencyFigures;

/** Figures over a period: request timelines, desk counts, and the transparency report's figures. Periods are half-open, [from, to). */
public final class DeskStatistics {
  private final Sql sql;
  private final DeskPolicy policy;
  private final Clock clock;

  DeskStatistics(Sql sql, DeskPolicy policy, Clock clock) {
    this.sql = sql;
    this.policy = policy;
    this.clock = clock;
  }

  /** Every request created in [from, to), oldest first. */
  public List<RequestTimeline> timelines(Instant from, Instant to) {
    return timelines("r.created_at >= ? AND r.created_at < ?", from, to);
  }

  public DeskCounts counts(Instant from, Instant to) {
    long breaches = timelines(from, to).stream().filter(RequestTimeline::breached).count();
    return sql.read(c -> new DeskCounts(
        Sql.count(c, "SELECT count(*) FROM desk_holds WHERE placed_at >= ? AND placed_at < ?", from, to),
        Sql.count(c, "SELECT count(*) FROM desk_hits WHERE seen_at >= ? AND seen_at < ?", from, to),
        Sql.count(c, """
            SELECT count(*) FROM desk_requesters q WHERE q.requested_at >= ? AND q.requested_at < ?
               AND EXISTS (SELECT 1 FROM desk_requesters e WHERE e.request_id = q.request_id AND e.id < q.id)""", from, to),
        breaches,
        Sql.count(c, "SELECT count(*) FROM desk_reopenings WHERE kind = 'CONTENT_BACK' AND reopened_at >= ? AND reopened_at < ?", from, to),
        Sql.count(c, "SELECT count(*) FROM desk_reopenings WHERE kind = 'REPOST' AND reopened_at >= ? AND reopened_at < ?", from, to),
        Sql.count(c, "SELECT count(*) FROM desk_platform_events WHERE kind = 'COMPLAINT' AND reported_at >= ? AND reported_at < ?", from, to),
        Sql.count(c, "SELECT count(*) FROM desk_platform_events WHERE kind = 'REINSTATEMENT' AND reported_at >= ? AND reported_at < ?", from, to)));
  }

  /**
   * The transparency report's figures for the days {@code from} to {@code to} (UTC, both included):
   * requests first sent in the period, per platform and per tier, removed and rejected, and the
   * times first seen → sent and sent → removed.
   */
  public TransparencyFigures transparency(String unit, LocalDate from, LocalDate to) {
    Objects.requireNonNull(unit, "unit");
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<RequestTimeline> sent = timelines("""
        (SELECT min(h.changed_at) FROM request_status_history h WHERE h.request_id = r.id AND h.status = 'SENT') >= ?
        AND (SELECT min(h.changed_at) FROM request_status_history h WHERE h.request_id = r.id AND h.status = 'SENT') < ?""", start, end);
    Map<Platform, List<RequestTimeline>> byPlatform = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
    Map<Tier, List<RequestTimeline>> byTier = new EnumMap<>(Tier.class);
    for (RequestTimeline t : sent) {
      byPlatform.computeIfAbsent(t.platform(), p -> new ArrayList<>()).add(t);
      t.tier().ifPresent(tier -> byTier.computeIfAbsent(tier, x -> new ArrayList<>()).add(t));
    }
    List<TransparencyFigures.PlatformFigures> platforms = byPlatform.entrySet().stream()
        .map(e -> new TransparencyFigures.PlatformFigures(e.getKey(), counts(e.getValue()))).toList();
    List<TransparencyFigures.TierFigures> tiers = byTier.entrySet().stream()
        .map(e -> new TransparencyFigures.TierFigures(e.getKey(), counts(e.getValue()), toReferral(e.getValue()), toRemoval(e.getValue()))).toList();
    DeskCounts counts = counts(start, end);
    return new TransparencyFigures(unit, from, to, clock.instant(), platforms, tiers, toReferral(sent), toRemoval(sent), counts.holds(),
        counts.hits(), counts.complaints(), counts.reinstatements());
  }

  private static TransparencyFigures.Counts counts(List<RequestTimeline> requests) {
    long referrals = requests.stream().filter(t -> t.type().equals("referral")).count();
    long orders = requests.size() - referrals;
    long removed = requests.stream().filter(t -> t.status() == RequestStatus.REMOVED).count();
    long rejected = requests.stream().filter(t -> t.status() == RequestStatus.REJECTED).count();
    return new TransparencyFigures.Counts(referrals, orders, removed, rejected);
  }

  private static TransparencyFigures.Times toReferral(List<RequestTimeline> requests) {
    return TransparencyFigures.Times.of(requests.stream().flatMap(t -> t.toReferral().stream()).toList());
  }

  private static TransparencyFigures.Times toRemoval(List<RequestTimeline> requests) {
    return TransparencyFigures.Times.of(requests.stream().flatMap(t -> t.toRemoval().stream()).toList());
  }

  private List<RequestTimeline> timelines(String where, Object... parameters) {
    Instant now = clock.instant();
    return sql.read(c -> Sql.list(c, """
        SELECT r.id, r.platform, r.type, r.status, k.first_seen,
               coalesce((SELECT d.tier FROM desk_requesters q JOIN desk_decisions d ON d.id = q.decision_id
                          WHERE q.request_id = r.id AND d.tier IS NOT NULL ORDER BY q.id LIMIT 1), k.tier) AS tier,
               (SELECT min(h.changed_at) FROM request_status_history h WHERE h.request_id = r.id AND h.status = 'SENT') AS sent_at,
               (SELECT min(h.changed_at) FROM request_status_history h WHERE h.request_id = r.id AND h.status = 'REMOVED') AS removed_at,
               (SELECT count(*) FROM desk_requesters q WHERE q.request_id = r.id) AS requesters
          FROM requests r JOIN cases k ON k.id = r.case_id
         WHERE\s""" + where + " ORDER BY r.id", rs -> {
      Optional<Tier> tier = Optional.ofNullable(rs.getString("tier")).map(Tier::valueOf);
      Instant firstSeen = Sql.instant(rs, "first_seen");
      Optional<Instant> sentAt = Sql.optionalInstant(rs, "sent_at");
      Duration waited = Duration.between(firstSeen, sentAt.orElse(now));
      return new RequestTimeline(new RequestId(rs.getLong("id")), new Platform(rs.getString("platform")), rs.getString("type"), tier, firstSeen,
          sentAt, Sql.optionalInstant(rs, "removed_at"), RequestStatus.valueOf(rs.getString("status")), rs.getInt("requesters"),
          waited.compareTo(policy.target(tier)) > 0);
    }, parameters));
  }
}
