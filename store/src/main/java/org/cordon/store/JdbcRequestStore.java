package org.cordon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Subject;
import org.cordon.core.port.RequestStore;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.triage.CaseId;

/** Requests, deduplicated by their idempotency key, with an append-only status history. */
final class JdbcRequestStore implements RequestStore {
  static final String CREATED = "recorded";
  private final Transactions transactions;
  private final Clock clock;

  JdbcRequestStore(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public Request create(Request draft) {
    String sql = """
        INSERT INTO requests (type, platform, case_id, subject_kind, subject_platform, subject_id, urls, category,
                              idempotency_key, issuing_authority, reference, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING id""";
    return transactions.inTransaction(c -> {
      Optional<Long> id;
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, draft.type());
        ps.setString(2, draft.platform().name());
        ps.setLong(3, draft.caseId().value());
        ps.setString(4, draft.subject().kind().name());
        ps.setString(5, draft.subject().platform().name());
        ps.setString(6, draft.subject().id());
        ps.setArray(7, c.createArrayOf("text", draft.urls().stream().map(Columns::storable).toArray()));
        ps.setString(8, Columns.storable(draft.category()));
        ps.setString(9, Columns.storable(draft.idempotencyKey()));
        switch (draft) {
          case Request.Referral r -> {
            ps.setNull(10, java.sql.Types.VARCHAR);
            ps.setNull(11, java.sql.Types.VARCHAR);
          }
          case Request.RemovalOrder o -> {
            ps.setString(10, Columns.storable(o.issuingAuthority()));
            ps.setString(11, Columns.storable(o.reference()));
          }
        }
        try (ResultSet rs = ps.executeQuery()) {
          id = rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
      }
      if (id.isEmpty()) {
        // the same request was created before (a retry): it is returned as it stands
        return load(c, "idempotency_key = ?", List.of(Columns.storable(draft.idempotencyKey())), 1).getFirst();
      }
      appendHistory(c, id.get(), new StatusChange(RequestStatus.PENDING, clock.instant().truncatedTo(ChronoUnit.MICROS), CREATED));
      return load(c, "id = ?", List.of(id.get()), 1).getFirst();
    });
  }

  @Override
  public Optional<Request> find(RequestId id) {
    return transactions.read(c -> load(c, "id = ?", List.of(id.value()), 1).stream().findFirst());
  }

  @Override
  public Request appendStatus(RequestId id, StatusChange change) {
    return transactions.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE requests SET status = ? WHERE id = ?")) {
        ps.setString(1, change.status().name());
        ps.setLong(2, id.value());
        if (ps.executeUpdate() == 0) {
          throw new NoSuchElementException("no request " + id + "; check the request number");
        }
      }
      appendHistory(c, id.value(), change);
      return load(c, "id = ?", List.of(id.value()), 1).getFirst();
    });
  }

  @Override
  public List<Request> withStatus(RequestStatus status, int limit) {
    return transactions.read(c -> load(c, "status = ? ORDER BY id", List.of(status.name()), limit));
  }

  private static void appendHistory(Connection c, long requestId, StatusChange change) throws SQLException {
    String sql = "INSERT INTO request_status_history (request_id, status, changed_at, detail) VALUES (?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, requestId);
      ps.setString(2, change.status().name());
      ps.setTimestamp(3, Columns.timestamp(change.at()));
      ps.setString(4, Columns.storable(change.detail()));
      ps.executeUpdate();
    }
  }

  private static List<Request> load(Connection c, String whereAndOrder, List<Object> parameters, int limit) throws SQLException {
    record Row(long id, String type, CaseId caseId, Platform platform, Subject subject, List<String> urls, String category,
        String idempotencyKey, String issuingAuthority, String reference) {}
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM requests WHERE " + whereAndOrder + " LIMIT ?")) {
      int i = 1;
      for (Object parameter : parameters) {
        ps.setObject(i++, parameter);
      }
      ps.setInt(i, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong("id"), rs.getString("type"), new CaseId(rs.getLong("case_id")), new Platform(rs.getString("platform")),
              AssessmentRows.subject(rs, "subject_kind", "subject_platform", "subject_id"), Columns.stringList(rs, "urls"),
              rs.getString("category"), rs.getString("idempotency_key"), rs.getString("issuing_authority"), rs.getString("reference")));
        }
      }
    }
    Map<Long, List<StatusChange>> histories = histories(c, rows.stream().map(Row::id).toList());
    List<Request> requests = new ArrayList<>(rows.size());
    for (Row r : rows) {
      RequestId id = new RequestId(r.id());
      List<StatusChange> history = histories.getOrDefault(r.id(), List.of());
      requests.add(switch (r.type()) {
        case "referral" -> new Request.Referral(id, r.caseId(), r.platform(), r.subject(), r.urls(), r.category(), r.idempotencyKey(), history);
        case "removal_order" -> new Request.RemovalOrder(id, r.caseId(), r.platform(), r.subject(), r.urls(), r.category(), r.idempotencyKey(),
            history, r.issuingAuthority(), r.reference());
        default -> throw new IllegalStateException("unknown request type in row " + r.id() + ": " + r.type());
      });
    }
    return requests;
  }

  private static Map<Long, List<StatusChange>> histories(Connection c, List<Long> ids) throws SQLException {
    Map<Long, List<StatusChange>> histories = new HashMap<>();
    if (ids.isEmpty()) {
      return histories;
    }
    String sql = "SELECT request_id, status, changed_at, detail FROM request_status_history WHERE request_id = ANY(?) ORDER BY request_id, id";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("int8", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          histories.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new StatusChange(RequestStatus.valueOf(rs.getString(2)), Columns.instant(rs, "changed_at"), rs.getString(4)));
        }
      }
    }
    return histories;
  }
}
