package org.cordon.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.triage.CaseId;

/**
 * Keeps a referred item's evidence and decision trail for {@link DeskPolicy#retention()} after its
 * requests closed (TCO Art. 6: at least six months after removal), then purges exactly that, and
 * leaves an audit record per purged case.
 *
 * <p>A case is due when every request it asked for (or that names it) is final (removed, rejected,
 * failed), the last of them closed at least the retention period ago, none of them led to a
 * reopening within the period, and it was not purged before. Purged: the desk's evidence
 * references (and, through {@link EvidenceDisposal}, archived bytes no other item keeps), decisions,
 * approvals and requesters of the case. Kept: the audit record, the store's case, request and status
 * history rows (the figures of past transparency reports are made from them), holds and hits (they
 * belong to the national unit's investigation).
 */
public final class Retention {
  private final Sql sql;
  private final DeskPolicy policy;
  private final Clock clock;
  private final EvidenceDisposal disposal;

  Retention(Sql sql, DeskPolicy policy, Clock clock, EvidenceDisposal disposal) {
    this.sql = sql;
    this.policy = policy;
    this.clock = clock;
    this.disposal = disposal;
  }

  /** Keeps an archived file (content, screenshot, metadata) as evidence of the case until retention purges it. */
  public void preserve(CaseId caseId, Sha256 digest, String description) {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(description, "description");
    Instant now = clock.instant();
    sql.inTransaction(c -> {
      Decisions.caseRow(c, caseId);
      return Sql.update(c, "INSERT INTO desk_evidence (case_id, digest, description, kept_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
          caseId.value(), digest.hex(), Sql.storable(description), now);
    });
  }

  public List<Sha256> evidence(CaseId caseId) {
    return sql.read(c -> Sql.list(c, "SELECT digest FROM desk_evidence WHERE case_id = ? ORDER BY id", rs -> Sha256.parse(rs.getString(1)),
        caseId.value()));
  }

  /** One purged case, as the audit keeps it. */
  public record Purged(CaseId caseId, String subject, Instant closedAt, Instant purgedAt, int evidence, int decisions) {
    public Purged {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(closedAt, "closedAt");
      Objects.requireNonNull(purgedAt, "purgedAt");
    }
  }

  /** Purges every case that is due, each in its own transaction; returns what was purged. */
  public List<Purged> purgeDue() {
    Instant now = clock.instant();
    Instant closedBefore = now.minus(policy.retention());
    record Due(long caseId, String subject, Instant closedAt) {}
    List<Due> due = sql.read(c -> Sql.list(c, """
        WITH case_requests AS (
          SELECT d.case_id, q.request_id FROM desk_decisions d JOIN desk_requesters q ON q.decision_id = d.id
          UNION
          SELECT r.case_id, r.id FROM requests r
        ), closing AS (
          SELECT cr.case_id,
                 bool_and(r.status IN ('REMOVED', 'REJECTED', 'FAILED')) AS all_final,
                 max((SELECT min(h.changed_at) FROM request_status_history h WHERE h.request_id = r.id AND h.status = r.status)) AS closed_at,
                 bool_or(EXISTS (SELECT 1 FROM desk_reopenings o WHERE o.request_id = r.id AND o.reopened_at > ?)) AS reopened
            FROM case_requests cr JOIN requests r ON r.id = cr.request_id
           GROUP BY cr.case_id
        )
        SELECT k.id, k.subject_kind || ':' || k.platform || ':' || k.subject_id AS subject, cl.closed_at
          FROM closing cl JOIN cases k ON k.id = cl.case_id
         WHERE cl.all_final AND NOT cl.reopened AND cl.closed_at <= ?
           AND NOT EXISTS (SELECT 1 FROM desk_retention_audit a WHERE a.case_id = k.id)
           AND (EXISTS (SELECT 1 FROM desk_decisions d WHERE d.case_id = k.id) OR EXISTS (SELECT 1 FROM desk_evidence e WHERE e.case_id = k.id))
         ORDER BY k.id""", rs -> new Due(rs.getLong(1), rs.getString(2), Sql.instant(rs, "closed_at")), closedBefore, closedBefore));
    List<Purged> purged = new ArrayList<>();
    for (Due d : due) {
      List<String> digests = new ArrayList<>();
      Purged p = sql.inTransaction(c -> {
        Sql.update(c, "SET LOCAL cordon.retention_purge = 'on'");
        digests.addAll(Sql.list(c, "SELECT digest FROM desk_evidence WHERE case_id = ?", rs -> rs.getString(1), d.caseId()));
        int evidence = Sql.update(c, "DELETE FROM desk_evidence WHERE case_id = ?", d.caseId());
        Sql.update(c, "DELETE FROM desk_approvals WHERE decision_id IN (SELECT id FROM desk_decisions WHERE case_id = ?)", d.caseId());
        Sql.update(c, "DELETE FROM desk_requesters WHERE decision_id IN (SELECT id FROM desk_decisions WHERE case_id = ?)", d.caseId());
        int decisions = Sql.update(c, "DELETE FROM desk_decisions WHERE case_id = ?", d.caseId());
        Sql.update(c, """
            INSERT INTO desk_retention_audit (case_id, subject, closed_at, purged_at, evidence, decisions, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?)""", d.caseId(), d.subject(), d.closedAt(), now, evidence, decisions,
            "retention " + policy.retention() + " after the last request closed");
        return new Purged(new CaseId(d.caseId()), d.subject(), d.closedAt(), now, evidence, decisions);
      });
      purged.add(p);
      for (String digest : digests) {
        boolean stillKept = sql.read(c -> Sql.count(c, "SELECT count(*) FROM desk_evidence WHERE digest = ?", digest)) > 0;
        if (!stillKept) {
          disposal.dispose(Sha256.parse(digest));
        }
      }
    }
    return purged;
  }

  /** The retention job's audit, oldest first. */
  public List<Purged> audit() {
    return sql.read(c -> Sql.list(c, "SELECT * FROM desk_retention_audit ORDER BY id", rs -> new Purged(new CaseId(rs.getLong("case_id")),
        rs.getString("subject"), Sql.instant(rs, "closed_at"), Sql.instant(rs, "purged_at"), rs.getInt("evidence"), rs.getInt("decisions"))));
  }
}
