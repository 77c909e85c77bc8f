package org.cordon.desk;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cordon.core.model.Subject;
import org.cordon.core.port.CaseStore;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.signal.Assessment;
import org.cordon.core.triage.Case;
import org.cordon.core.triage.CaseId;

/**
 * After removal: re-checks removed content at growing intervals ({@link DeskPolicy#verificationIntervals()}),
 * reopens a case when content comes back or its media is re-posted elsewhere, and records what
 * platforms report later (complaints, reinstatements; TCO Art. 10).
 */
public final class Verification {
  private final Sql sql;
  private final CaseStore cases;
  private final DeskPolicy policy;
  private final Clock clock;
  private final ContentChecker checker;

  Verification(Sql sql, CaseStore cases, DeskPolicy policy, Clock clock, ContentChecker checker) {
    this.sql = sql;
    this.cases = cases;
    this.policy = policy;
    this.clock = clock;
    this.checker = checker;
  }

  /** Checks every removed item whose next check is due; returns how many checks were made. */
  public int verifyDue() {
    Instant now = clock.instant();
    List<Request> removed = sql.read(c -> RequestRows.load(c, """
        r.status = 'REMOVED' AND NOT EXISTS (SELECT 1 FROM desk_reopenings o WHERE o.request_id = r.id AND o.kind = 'CONTENT_BACK')
        AND (SELECT count(*) FROM desk_checks k WHERE k.request_id = r.id AND k.outcome <> 'UNKNOWN') < ?""",
        Integer.MAX_VALUE, policy.verificationIntervals().size()));
    int checks = 0;
    for (Request request : removed) {
      Instant removedAt = request.history().stream().filter(h -> h.status() == RequestStatus.REMOVED).map(StatusChange::at).findFirst().orElseThrow();
      int step = (int) (long) sql.read(c -> Sql.count(c, "SELECT count(*) FROM desk_checks WHERE request_id = ? AND outcome <> 'UNKNOWN'",
          request.id().value()));
      Duration after = policy.verificationIntervals().get(step);
      if (removedAt.plus(after).isAfter(now)) {
        continue;
      }
      ContentChecker.Check check;
      try {
        check = checker.check(request);
      } catch (RuntimeException e) {
        check = new ContentChecker.Check(ContentChecker.Presence.UNKNOWN, "checker failed: " + e.getMessage());
      }
      ContentChecker.Check result = check;
      sql.inTransaction(c -> Sql.update(c, "INSERT INTO desk_checks (request_id, step, outcome, detail, checked_at) VALUES (?, ?, ?, ?, ?)",
          request.id().value(), step, result.presence().name(), Sql.storable(result.detail()), now));
      checks++;
      if (result.presence() == ContentChecker.Presence.PRESENT) {
        reopen(request, request.subject(), Reopening.Kind.CONTENT_BACK, "content back " + after + " after removal: " + result.detail(), now);
      }
    }
    return checks;
  }

  /**
   * A known-content match: media with {@code mediaHash} seen at {@code seenAt}. When the hash is
   * one of a referred post's media (and {@code seenAt} is another item), a case opens for
   * {@code seenAt}, linked to the request, once per item.
   */
  public Optional<Reopening> reportRepost(Subject seenAt, String mediaHash) {
    Objects.requireNonNull(seenAt, "seenAt");
    String hash = Selectors.normalize(SelectorKind.MEDIA_HASH, mediaHash);
    Instant now = clock.instant();
    Optional<Request> referred = sql.read(c -> {
      Optional<Long> id = Sql.one(c, """
          SELECT r.id FROM requests r
            JOIN posts p ON r.subject_kind = 'POST' AND p.platform = r.subject_platform AND p.native_id = r.subject_id
            JOIN post_media pm ON pm.post_id = p.id
            JOIN media_fingerprints f ON f.media_platform = pm.media_platform AND f.media_native_id = pm.media_native_id
           WHERE lower(f.hash_value) = ? AND r.status NOT IN ('REJECTED', 'FAILED')
             AND NOT (r.subject_kind = ? AND r.subject_platform = ? AND r.subject_id = ?)
           ORDER BY r.id LIMIT 1""", rs -> rs.getLong(1), hash, seenAt.kind().name(), seenAt.platform().name(), seenAt.id());
      return id.isEmpty() ? Optional.<Request>empty() : RequestRows.find(c, id.get());
    });
    if (referred.isEmpty()) {
      return Optional.empty();
    }
    boolean known = sql.read(c -> Sql.count(c, """
        SELECT count(*) FROM desk_reopenings o JOIN cases k ON k.id = o.case_id
         WHERE o.kind = 'REPOST' AND k.subject_kind = ? AND k.platform = ? AND k.subject_id = ?""",
        seenAt.kind().name(), seenAt.platform().name(), seenAt.id())) > 0;
    if (known) {
      return Optional.empty();
    }
    return Optional.of(reopen(referred.get(), seenAt, Reopening.Kind.REPOST,
        "media " + hash + " of referred " + referred.get().subject() + " re-posted as " + seenAt, now));
  }

  /** One verification check of a removed request, as recorded. */
  public record CheckRecord(int step, ContentChecker.Presence presence, String detail, Instant at) {
    public CheckRecord {
      Objects.requireNonNull(presence, "presence");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The checks made on a removed request, oldest first. */
  public List<CheckRecord> checks(RequestId request) {
    return sql.read(c -> Sql.list(c, "SELECT * FROM desk_checks WHERE request_id = ? ORDER BY id", rs -> new CheckRecord(rs.getInt("step"),
        ContentChecker.Presence.valueOf(rs.getString("outcome")), rs.getString("detail"), Sql.instant(rs, "checked_at")), request.value()));
  }

  /** Reopenings, newest first. */
  public List<Reopening> reopenings(int limit) {
    return sql.read(c -> Sql.list(c, "SELECT * FROM desk_reopenings ORDER BY id DESC LIMIT ?", rs -> new Reopening(rs.getLong("id"),
        Reopening.Kind.valueOf(rs.getString("kind")), new RequestId(rs.getLong("request_id")), new CaseId(rs.getLong("case_id")),
        rs.getString("detail"), Sql.instant(rs, "reopened_at")), limit));
  }

  /** A platform reports a complaint against a removal (TCO Art. 10). */
  public void recordComplaint(RequestId request, String detail) {
    platformEvent(request, "COMPLAINT", detail);
  }

  /** A platform reports content reinstated after a complaint or a review. */
  public void recordReinstatement(RequestId request, String detail) {
    platformEvent(request, "REINSTATEMENT", detail);
  }

  private void platformEvent(RequestId request, String kind, String detail) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(detail, "detail");
    Instant now = clock.instant();
    sql.inTransaction(c -> {
      if (RequestRows.find(c, request.value()).isEmpty()) {
        throw new DeskRefusal(DeskRefusal.Reason.NOT_FOUND, "no request " + request + "; check the request number");
      }
      return Sql.update(c, "INSERT INTO desk_platform_events (request_id, kind, detail, reported_at) VALUES (?, ?, ?, ?)",
          request.value(), kind, Sql.storable(detail), now);
    });
  }

  private Reopening reopen(Request request, Subject subject, Reopening.Kind kind, String detail, Instant now) {
    Case original = cases.find(request.caseId()).orElseThrow();
    Assessment assessment = new Assessment(subject, original.assessment().score(), true, original.tier(), List.of(), detail, now);
    double priority = DeskPriority.of(new PriorityInputs(original.tier(), original.assessment().score(), 0, 0, OptionalDouble.empty(), true,
        false, now), now, policy).priority();
    // opening is idempotent on the subject's open case; the reopening record below is the desk's own
    Case reopened = cases.openOrUpdate(assessment, priority, now);
    return sql.inTransaction(c -> insertReopening(c, kind, request, reopened.id(), detail, now));
  }

  private static Reopening insertReopening(Connection c, Reopening.Kind kind, Request request, CaseId caseId, String detail, Instant now)
      throws SQLException {
    long id = Sql.insert(c, "INSERT INTO desk_reopenings (kind, request_id, case_id, detail, reopened_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
        kind.name(), request.id().value(), caseId.value(), Sql.storable(detail), now);
    return new Reopening(id, kind, request.id(), caseId, detail, now);
  }
}
