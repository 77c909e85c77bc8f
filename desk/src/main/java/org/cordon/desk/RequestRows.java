package org.cordon.desk;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Subject;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.triage.CaseId;

/** Rows of the store's {@code requests} and {@code request_status_history} tables, read and written inside a desk transaction. */
final class RequestRows {
  /**
   * A request may go out: some decision behind it cleared four-eyes, and no hold on it is active
   * (a hold is active until its owner unit's latest answer is RELEASE). A request no desk decision
   * stands behind (the foundation's referral desk made such requests; anything else writing to the
   * table would too) never goes out: every way of deciding goes through {@link Decisions}, so
   * nothing can skip four-eyes by writing a request of its own.
   */
  static final String DISPATCHABLE = """
      EXISTS (SELECT 1 FROM desk_requesters q JOIN desk_decisions d ON d.id = q.decision_id
               LEFT JOIN desk_approvals a ON a.decision_id = d.id
               WHERE q.request_id = r.id AND (d.approval = 'NONE' OR a.verdict = 'APPROVED'))
      AND NOT EXISTS (SELECT 1 FROM desk_holds h
               WHERE h.request_id = r.id
                 AND coalesce((SELECT x.answer FROM desk_hold_answers x WHERE x.hold_id = h.id ORDER BY x.id DESC LIMIT 1), 'KEEP') <> 'RELEASE')""";

  private RequestRows() {}

  /** Inserts the request, or finds the one with the same idempotency key; the boolean says whether it is new. */
  static Map.Entry<Request, Boolean> createOrFind(Connection c, Request draft, Instant now) throws SQLException {
    String issuing = null;
    String reference = null;
    if (draft instanceof Request.RemovalOrder o) {
      issuing = o.issuingAuthority();
      reference = o.reference();
    }
    Optional<Long> id = Sql.one(c, """
        INSERT INTO requests (type, platform, case_id, subject_kind, subject_platform, subject_id, urls, category,
                              idempotency_key, issuing_authority, reference, status, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
        ON CONFLICT (idempotency_key) DO NOTHING RETURNING id""", rs -> rs.getLong(1),
        draft.type(), draft.platform().name(), draft.caseId().value(), draft.subject().kind().name(), draft.subject().platform().name(),
        draft.subject().id(), draft.urls().stream().map(Sql::storable).toArray(String[]::new), draft.category(), draft.idempotencyKey(),
        issuing, reference, now);
    if (id.isEmpty()) {
      return Map.entry(load(c, "r.idempotency_key = ?", 1, draft.idempotencyKey()).getFirst(), false);
    }
    appendHistory(c, id.get(), new StatusChange(RequestStatus.PENDING, now, "recorded by the desk"));
    return Map.entry(load(c, "r.id = ?", 1, id.get()).getFirst(), true);
  }

  static void appendHistory(Connection c, long requestId, StatusChange change) throws SQLException {
    Sql.update(c, "INSERT INTO request_status_history (request_id, status, changed_at, detail) VALUES (?, ?, ?, ?)",
        requestId, change.status().name(), change.at(), Sql.storable(change.detail()));
  }

  static Optional<Request> find(Connection c, long id) throws SQLException {
    return load(c, "r.id = ?", 1, id).stream().findFirst();
  }

  static List<Request> load(Connection c, String where, int limit, Object... parameters) throws SQLException {
    record Row(long id, String type, CaseId caseId, Platform platform, Subject subject, List<String> urls, String category,
        String key, String issuing, String reference) {}
    Object[] all = new Object[parameters.length + 1];
    System.arraycopy(parameters, 0, all, 0, parameters.length);
    all[parameters.length] = limit;
    List<Row> rows = Sql.list(c, "SELECT r.* FROM requests r WHERE " + where + " ORDER BY r.id LIMIT ?", rs -> new Row(rs.getLong("id"),
        rs.getString("type"), new CaseId(rs.getLong("case_id")), new Platform(rs.getString("platform")), subject(rs),
        List.of((String[]) rs.getArray("urls").getArray()), rs.getString("category"), rs.getString("idempotency_key"),
        rs.getString("issuing_authority"), rs.getString("reference")), all);
    Map<Long, List<StatusChange>> histories = new HashMap<>();
    if (!rows.isEmpty()) {
      Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
      for (var e : Sql.list(c, "SELECT request_id, status, changed_at, detail FROM request_status_history WHERE request_id = ANY(?) ORDER BY request_id, id",
          rs -> Map.entry(rs.getLong(1), new StatusChange(RequestStatus.valueOf(rs.getString(2)), Sql.instant(rs, "changed_at"), rs.getString(4))),
          (Object) ids)) {
        histories.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
      }
    }
    List<Request> requests = new ArrayList<>();
    for (Row r : rows) {
      RequestId id = new RequestId(r.id());
      List<StatusChange> history = histories.getOrDefault(r.id(), List.of());
      requests.add(switch (r.type()) {
        case "referral" -> new Request.Referral(id, r.caseId(), r.platform(), r.subject(), r.urls(), r.category(), r.key(), history);
        case "removal_order" -> new Request.RemovalOrder(id, r.caseId(), r.platform(), r.subject(), r.urls(), r.category(), r.key(), history,
            r.issuing(), r.reference());
        default -> throw new IllegalStateException("unknown request type in row " + r.id() + ": " + r.type());
      });
    }
    return requests;
  }

  static Subject subject(ResultSet rs) throws SQLException {
    return Subject.of(Subject.SubjectKind.valueOf(rs.getString("subject_kind")), new Platform(rs.getString("subject_platform")), rs.getString("subject_id"));
  }
}
