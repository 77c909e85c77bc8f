package org.cordon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.cordon.core.model.Subject;
import org.cordon.core.port.CaseStore;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.Actor;
import org.cordon.core.triage.Case;
import org.cordon.core.triage.CaseId;
import org.cordon.core.triage.CaseState;
import org.cordon.core.triage.Decision;
import org.cordon.core.triage.DecisionRecord;

/**
 * Cases with one OPEN case per subject, kept by a partial unique index: opening is a single
 * {@code INSERT ... ON CONFLICT} on it, so concurrent openers of one subject meet in one case.
 */
final class JdbcCaseStore implements CaseStore {
  private final Transactions transactions;

  JdbcCaseStore(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Case openOrUpdate(Assessment assessment, double priority, Instant firstSeen) {
    String sql = """
        INSERT INTO cases (subject_kind, platform, subject_id, state, priority, tier, first_seen, assessment_id)
        VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?)
        ON CONFLICT (subject_kind, platform, subject_id) WHERE state = 'OPEN'
          DO UPDATE SET priority = EXCLUDED.priority, tier = EXCLUDED.tier, assessment_id = EXCLUDED.assessment_id, updated_at = now()
        RETURNING id""";
    return transactions.inTransaction(c -> {
      long assessmentId = AssessmentRows.upsert(c, assessment);
      long id;
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        Subject subject = assessment.subject();
        ps.setString(1, subject.kind().name());
        ps.setString(2, subject.platform().name());
        ps.setString(3, subject.id());
        ps.setDouble(4, priority);
        AssessmentRows.setTier(ps, 5, assessment.tier());
        ps.setTimestamp(6, Columns.timestamp(firstSeen.truncatedTo(ChronoUnit.MICROS)));
        ps.setLong(7, assessmentId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      return load(c, "id = ?", List.of(id), 1).getFirst();
    });
  }

  @Override
  public Optional<Case> find(CaseId id) {
    return transactions.read(c -> load(c, "id = ?", List.of(id.value()), 1).stream().findFirst());
  }

  /** The subject's open case, or else its latest decided one. */
  @Override
  public Optional<Case> findBySubject(Subject subject) {
    return transactions.read(c -> load(c,
        "subject_kind = ? AND platform = ? AND subject_id = ? ORDER BY (state = 'OPEN') DESC, id DESC",
        List.of(subject.kind().name(), subject.platform().name(), subject.id()), 1).stream().findFirst());
  }

  @Override
  public List<Case> queue(int limit) {
    return transactions.read(c -> load(c, "state = 'OPEN' ORDER BY priority DESC, first_seen, id", List.of(), limit));
  }

  @Override
  public Case decide(DecisionRecord decision, CaseState newState) {
    String insert = """
        INSERT INTO decisions (case_id, kind, category, actor, reason, decided_at, new_state)
        VALUES (?, ?, ?, ?, ?, ?, ?)""";
    return transactions.inTransaction(c -> {
      CaseState state = lockState(c, decision.caseId());
      if (state != CaseState.OPEN) {
        throw new CaseNotOpenException(decision.caseId(), state);
      }
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        ps.setLong(1, decision.caseId().value());
        ps.setString(2, decision.decision().kind());
        switch (decision.decision()) {
          case Decision.Refer refer -> ps.setString(3, Columns.storable(refer.category()));
          case Decision.Dismiss dismiss -> ps.setNull(3, Types.VARCHAR);
        }
        ps.setString(4, Columns.storable(decision.actor().key()));
        ps.setString(5, Columns.storable(decision.reason()));
        ps.setTimestamp(6, Columns.timestamp(decision.at()));
        ps.setString(7, newState.name());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET state = ?, updated_at = now() WHERE id = ?")) {
        ps.setString(1, newState.name());
        ps.setLong(2, decision.caseId().value());
        ps.executeUpdate();
      }
      return load(c, "id = ?", List.of(decision.caseId().value()), 1).getFirst();
    });
  }

  private static CaseState lockState(Connection c, CaseId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT state FROM cases WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NoSuchElementException("no case " + id + "; check the case number");
        }
        return CaseState.valueOf(rs.getString(1));
      }
    }
  }

  private record CaseRow(long id, Subject subject, CaseState state, double priority, Optional<Tier> tier, Instant firstSeen, long assessmentId) {}

  /** Cases matching {@code whereAndOrder}, whole: each with its assessment and decisions (three queries in all). */
  private static List<Case> load(Connection c, String whereAndOrder, List<Object> parameters, int limit) throws SQLException {
    List<CaseRow> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM cases WHERE " + whereAndOrder + " LIMIT ?")) {
      int i = 1;
      for (Object parameter : parameters) {
        ps.setObject(i++, parameter);
      }
      ps.setInt(i, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new CaseRow(rs.getLong("id"), AssessmentRows.subject(rs, "subject_kind", "platform", "subject_id"),
              CaseState.valueOf(rs.getString("state")), rs.getDouble("priority"), AssessmentRows.tier(rs, "tier"),
              Columns.instant(rs, "first_seen"), rs.getLong("assessment_id")));
        }
      }
    }
    Map<Long, Assessment> assessments = AssessmentRows.byIds(c, rows.stream().map(CaseRow::assessmentId).distinct().toList());
    Map<Long, List<DecisionRecord>> decisions = decisions(c, rows.stream().map(CaseRow::id).toList());
    return rows.stream()
        .map(r -> new Case(new CaseId(r.id()), r.subject(), r.state(), r.priority(), r.tier(), r.firstSeen(),
            assessments.get(r.assessmentId()), decisions.getOrDefault(r.id(), List.of())))
        .toList();
  }

  private static Map<Long, List<DecisionRecord>> decisions(Connection c, List<Long> caseIds) throws SQLException {
    Map<Long, List<DecisionRecord>> decisions = new HashMap<>();
    if (caseIds.isEmpty()) {
      return decisions;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM decisions WHERE case_id = ANY(?) ORDER BY case_id, id")) {
      ps.setArray(1, c.createArrayOf("int8", caseIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long caseId = rs.getLong("case_id");
          Decision decision = switch (rs.getString("kind")) {
            case "refer" -> new Decision.Refer(rs.getString("category"));
            case "dismiss" -> new Decision.Dismiss();
            default -> throw new IllegalStateException("unknown decision kind in row " + rs.getLong("id") + ": " + rs.getString("kind"));
          };
          decisions.computeIfAbsent(caseId, k -> new ArrayList<>()).add(new DecisionRecord(new CaseId(caseId), decision,
              Actor.parse(rs.getString("actor")), rs.getString("reason"), Columns.instant(rs, "decided_at")));
        }
      }
    }
    return decisions;
  }
}
