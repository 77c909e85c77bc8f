package org.cordon.desk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Subject;
import org.cordon.core.port.CaseStore;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;

/**
 * Where decisions are recorded and where requests to platforms come from. Four-eyes: a referral
 * whose request type and subject need approval ({@link DeskPolicy#approvalFor}) is a proposal
 * until another person (or a supervisor, if the policy says so) approves it; only then is its
 * request created. The database refuses a self-approval or an analyst's approval where a
 * supervisor is required even if this class is bypassed, and the {@link DeskRequestStore} never
 * lists a request no cleared decision stands behind.
 *
 * <p>Dedupe: a referral joins the unfinished request of the same type for the same subject, or
 * for the same canonical URL on the same platform, and is recorded as one more requester.
 */
public final class Decisions {
  private static final String FINAL = "('REMOVED', 'REJECTED', 'FAILED')";

  private final Sql sql;
  private final CaseStore cases;
  private final DeskPolicy policy;
  private final Clock clock;

  Decisions(Sql sql, CaseStore cases, DeskPolicy policy, Clock clock) {
    this.sql = sql;
    this.cases = cases;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Records a decision by an analyst or a supervisor. A referral that needs no approval creates (or
   * joins) its request at once; one that needs approval waits ({@link DecisionEntry.State#AWAITING_APPROVAL}).
   */
  public Outcome decide(DeskUser who, DecisionDraft draft) {
    Objects.requireNonNull(who, "who");
    if (!who.mayDecide()) {
      throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, who.name() + " is a liaison officer: units submit referrals; analysts decide on cases");
    }
    return record(who, draft, Optional.empty(), List.of());
  }

  /** Records a correction of an earlier decision on the same case: a new entry. A correction never withdraws a request already created. */
  public Outcome correct(DeskUser who, long correctedDecisionId, DecisionDraft draft) {
    DecisionEntry corrected = find(correctedDecisionId);
    if (!corrected.caseId().equals(draft.caseId())) {
      throw new DeskRefusal(DeskRefusal.Reason.INVALID, "decision " + correctedDecisionId + " is about case " + corrected.caseId()
          + ", not " + draft.caseId() + ": correct it on its own case");
    }
    return record(who, draft, Optional.of(correctedDecisionId), List.of());
  }

  /** A national unit's referral: opens a case for the content if none is open, and records the unit's decision to refer. */
  public Outcome submitUnitReferral(DeskUser liaison, UnitReferral referral) {
    Objects.requireNonNull(liaison, "liaison");
    Objects.requireNonNull(referral, "referral");
    if (liaison.role() != Role.LIAISON) {
      throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, "unit referrals come from liaison officers; analysts decide on the case instead");
    }
    requireUnit(liaison.unit().orElseThrow());
    CaseId caseId = caseFor(referral);
    DecisionDraft draft = DecisionDraft.refer(caseId, referral.requestType(), referral.category(), referral.tier(), referral.note());
    return record(liaison, draft, Optional.empty(), referral.urls());
  }

  /** Approves a proposal and creates (or joins) its request. Refused for the proposer, a liaison officer, or an analyst where a supervisor is needed. */
  public Outcome approve(DeskUser approver, long decisionId, String reason) {
    return verdict(approver, decisionId, reason, true);
  }

  /** Refuses a proposal: nothing goes out; a new decision may follow. */
  public Outcome refuse(DeskUser approver, long decisionId, String reason) {
    return verdict(approver, decisionId, reason, false);
  }

  public DecisionEntry find(long decisionId) {
    return sql.read(c -> entries(c, "d.id = ?", decisionId)).stream().findFirst()
        .orElseThrow(() -> new DeskRefusal(DeskRefusal.Reason.NOT_FOUND, "no decision " + decisionId + "; check the decision number"));
  }

  /** Every decision on the case, oldest first, with its approval state. */
  public List<DecisionEntry> trail(CaseId caseId) {
    return sql.read(c -> entries(c, "d.case_id = ?", caseId.value()));
  }

  /** SQL, over a decision aliased {@code d}: a proposal still waiting for a second person (neither judged nor corrected). */
  static final String WAITING = "d.approval <> 'NONE' AND NOT EXISTS (SELECT 1 FROM desk_approvals ap WHERE ap.decision_id = d.id)"
      + " AND NOT EXISTS (SELECT 1 FROM desk_decisions x WHERE x.corrects = d.id)";

  /** SQL, over a case aliased {@code k}: no proposal on it waits for a second person (else it is in the approvals list, not the queue). */
  static final String NO_PROPOSAL_WAITING = "NOT EXISTS (SELECT 1 FROM desk_decisions d WHERE d.case_id = k.id AND " + WAITING + ")";

  /** Proposals waiting for a second person, oldest first. */
  public List<DecisionEntry> awaitingApproval(int limit) {
    return sql.read(c -> entries(c, WAITING)).stream().limit(limit).toList();
  }

  /** Who asked for a request: every unit and analyst whose referral joined it, oldest first. */
  public List<Requester> requesters(RequestId request) {
    return sql.read(c -> Sql.list(c, "SELECT * FROM desk_requesters WHERE request_id = ? ORDER BY id",
        rs -> new Requester(rs.getLong("decision_id"), rs.getString("requested_by"), Sql.optionalString(rs, "unit"),
            Sql.instant(rs, "requested_at")), request.value()));
  }

  /**
   * What a removal order's Annex I form takes from the decisions behind it: issued when the desk
   * recorded it (when its decision cleared four-eyes), the category's grounds explained by every
   * requester's note and every approver's reason, and the subject and case that locate the content.
   * The same order always gives the same particulars, so a re-sent order carries the same form.
   */
  public org.cordon.referral.order.OrderParticulars orderParticulars(Request.RemovalOrder order) {
    Objects.requireNonNull(order, "order");
    record Said(String who, Optional<String> unit, String note, Optional<String> approver, Optional<String> approval) {}
    List<Said> said = sql.read(c -> Sql.list(c, """
        SELECT d.decided_by, d.unit, d.note, a.approved_by, a.reason
          FROM desk_requesters q JOIN desk_decisions d ON d.id = q.decision_id
          LEFT JOIN desk_approvals a ON a.decision_id = d.id AND a.verdict = 'APPROVED'
         WHERE q.request_id = ? ORDER BY q.id""",
        rs -> new Said(rs.getString(1), Sql.optionalString(rs, "unit"), rs.getString(3), Optional.ofNullable(rs.getString(4)),
            Optional.ofNullable(rs.getString(5))), order.id().value()));
    StringBuilder reasons = new StringBuilder("Category: ").append(order.category()).append('.');
    for (Said s : said) {
      reasons.append(' ').append(s.unit().map(u -> "Unit " + u + " (" + s.who() + ")").orElse(s.who())).append(": ").append(s.note().strip());
      s.approver().ifPresent(a -> reasons.append(" Approved by ").append(a).append(s.approval().map(r -> ": " + r.strip()).orElse("")));
      if (reasons.charAt(reasons.length() - 1) != '.') {
        reasons.append('.');
      }
    }
    Instant issued = order.history().isEmpty() ? clock.instant() : order.history().getFirst().at();
    String where = order.subject().kind().name().toLowerCase(java.util.Locale.ROOT) + " " + order.subject().id() + " on "
        + order.subject().platform().name() + "; Cordon case " + order.caseId().value() + ", request " + order.id().value();
    return new org.cordon.referral.order.OrderParticulars(issued, reasons.toString(), where);
  }

  // ---------------------------------------------------------------------------------------------

  private Outcome record(DeskUser who, DecisionDraft draft, Optional<Long> corrects, List<String> extraUrls) {
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(draft, "draft");
    if (!who.mayDecide() && !(who.role() == Role.LIAISON && draft.kind() == DecisionKind.REFER && corrects.isEmpty())) {
      throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, who.name() + " is a liaison officer: units submit referrals; analysts decide on cases");
    }
    Instant now = clock.instant();
    return sql.inTransaction(c -> {
      // locked to the end of the decision: two decisions on one case, or a claim racing a decision, go one after the other
      CaseRow kase = caseRow(c, draft.caseId(), true);
      // a decided case is decided otherwise only by a correction, which names what it corrects; one more
      // referral of a referred case (another analyst, a retried submission, a unit) joins its request (dedupe)
      boolean joins = draft.kind() == DecisionKind.REFER && kase.state().equals("REFERRED");
      if (corrects.isEmpty() && who.mayDecide() && !kase.state().equals("OPEN") && !joins) {
        Optional<Long> last = Sql.one(c, "SELECT id FROM desk_decisions WHERE case_id = ? ORDER BY id DESC LIMIT 1", rs -> rs.getLong(1), kase.id());
        throw new DeskRefusal(DeskRefusal.Reason.CONFLICT, "case " + kase.id() + " is " + kase.state().toLowerCase(java.util.Locale.ROOT)
            + " already: " + last.map(id -> "correct decision " + id + " instead (a correction is a new decision naming the one it corrects)")
                .orElse("it was decided outside the desk and is closed"));
      }
      if (who.role() == Role.ANALYST) {
        // a claim keeps another analyst's work from being overtaken; a supervisor may always act
        Optional<Claims.Claim> held = Claims.live(c, draft.caseId(), now).filter(h -> !h.claimedBy().equals(who.name()));
        if (held.isPresent()) {
          throw new DeskRefusal(DeskRefusal.Reason.CONFLICT, "case " + kase.id() + " is claimed by " + held.get().claimedBy() + " until "
              + held.get().until() + ": leave it to them, or ask a supervisor");
        }
      }
      Approval approval = draft.kind() == DecisionKind.REFER
          ? policy.approvalFor(draft.requestType().orElseThrow(), kase.subject().kind()) : Approval.NONE;
      long id = Sql.insert(c, """
          INSERT INTO desk_decisions (case_id, kind, request_type, category, tier, note, decided_by, role, unit, approval, corrects, decided_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
          draft.caseId().value(), draft.kind().name(), draft.requestType().map(Enum::name), draft.category().map(Enum::name),
          draft.tier().map(Enum::name), Sql.storable(draft.note().strip()), who.name(), who.role().name(), who.unit(), approval.name(),
          corrects, now);
      DecisionEntry entry = entries(c, "d.id = ?", id).getFirst();
      if (who.mayDecide()) {
        // the decision is the work the claim was for
        Sql.update(c, "DELETE FROM desk_claims WHERE case_id = ?", kase.id());
      }
      return switch (draft.kind()) {
        case REFER -> approval == Approval.NONE ? submit(c, entry, kase, extraUrls, now) : new Outcome(entry, Optional.empty(), false, List.of());
        case DISMISS -> {
          Sql.update(c, "UPDATE cases SET state = 'DISMISSED', updated_at = ? WHERE id = ? AND state = 'OPEN'", now, kase.id());
          yield new Outcome(entry, Optional.empty(), false, List.of());
        }
        case ESCALATE, HOLD -> new Outcome(entry, Optional.empty(), false, List.of());
      };
    });
  }

  private Outcome verdict(DeskUser approver, long decisionId, String reason, boolean approve) {
    Objects.requireNonNull(approver, "approver");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new DeskRefusal(DeskRefusal.Reason.INVALID, "an approval or refusal needs a reason: add one and resubmit");
    }
    if (approver.role() == Role.LIAISON) {
      throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, "liaison officers do not approve desk decisions; an analyst or a supervisor does");
    }
    Instant now = clock.instant();
    return sql.inTransaction(c -> {
      // one verdict at a time per proposal
      Sql.list(c, "SELECT id FROM desk_decisions WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), decisionId);
      DecisionEntry proposal = entries(c, "d.id = ?", decisionId).stream().findFirst()
          .orElseThrow(() -> new DeskRefusal(DeskRefusal.Reason.NOT_FOUND, "no decision " + decisionId + "; check the decision number"));
      switch (proposal.state()) {
        case AWAITING_APPROVAL -> {}
        case NOT_NEEDED -> throw new DeskRefusal(DeskRefusal.Reason.CONFLICT, "decision " + decisionId + " needs no approval");
        case APPROVED, REFUSED -> throw new DeskRefusal(DeskRefusal.Reason.CONFLICT, "decision " + decisionId + " was " + proposal.state().name().toLowerCase() + " already");
        case SUPERSEDED -> throw new DeskRefusal(DeskRefusal.Reason.CONFLICT, "decision " + decisionId + " was corrected; approve the correction instead");
      }
      if (proposal.decidedBy().equalsIgnoreCase(approver.name())) {
        throw new DeskRefusal(DeskRefusal.Reason.FOUR_EYES, "four-eyes: " + approver.name() + " proposed decision " + decisionId
            + " and cannot approve or refuse it; ask another analyst or a supervisor");
      }
      if (approve && proposal.approval() == Approval.SUPERVISOR && approver.role() != Role.SUPERVISOR) {
        throw new DeskRefusal(DeskRefusal.Reason.FOUR_EYES, "four-eyes: decision " + decisionId + " needs a supervisor's approval; "
            + approver.name() + " is an analyst");
      }
      Sql.update(c, "INSERT INTO desk_approvals (decision_id, verdict, approved_by, role, reason, approved_at) VALUES (?, ?, ?, ?, ?, ?)",
          decisionId, approve ? "APPROVED" : "REFUSED", approver.name(), approver.role().name(), Sql.storable(reason.strip()), now);
      DecisionEntry decided = entries(c, "d.id = ?", decisionId).getFirst();
      if (!approve) {
        return new Outcome(decided, Optional.empty(), false, List.of());
      }
      return submit(c, decided, caseRow(c, decided.caseId()), List.of(), now);
    });
  }

  /** Creates or joins the request of a cleared referral, records the requester, and places holds. */
  private Outcome submit(Connection c, DecisionEntry decision, CaseRow kase, List<String> extraUrls, Instant now) throws SQLException {
    RequestType type = decision.requestType().orElseThrow();
    Subject subject = kase.subject();
    Set<String> urls = new LinkedHashSet<>(extraUrls);
    urls.addAll(storedUrls(c, subject));
    Set<String> canonical = new LinkedHashSet<>();
    urls.forEach(u -> Selectors.tryNormalize(SelectorKind.URL, u).ifPresent(canonical::add));
    String typeKey = type == RequestType.REFERRAL ? "referral" : "removal_order";
    Optional<Long> existing = Sql.one(c, "SELECT r.id FROM requests r WHERE r.type = ? AND r.platform = ? AND r.subject_kind = ? AND r.subject_id = ? AND r.status NOT IN "
        + FINAL + " ORDER BY r.id LIMIT 1", rs -> rs.getLong(1), typeKey, subject.platform().name(), subject.kind().name(), subject.id());
    if (existing.isEmpty() && !canonical.isEmpty()) {
      existing = Sql.one(c, """
          SELECT r.id FROM desk_request_urls u JOIN requests r ON r.id = u.request_id
           WHERE u.platform = ? AND u.canonical_url = ANY(?) AND r.type = ? AND r.status NOT IN\s""" + FINAL + " ORDER BY r.id LIMIT 1",
          rs -> rs.getLong(1), subject.platform().name(), canonical.toArray(String[]::new), typeKey);
    }
    Request request;
    boolean joined;
    if (existing.isPresent()) {
      request = RequestRows.find(c, existing.get()).orElseThrow();
      joined = true;
    } else {
      String category = decision.category().orElseThrow().key();
      String key = idempotencyKey(typeKey, subject.platform(), subject, kase.id());
      RequestId placeholder = new RequestId(1); // the database gives the id
      Request draft = switch (type) {
        case REFERRAL -> new Request.Referral(placeholder, new CaseId(kase.id()), subject.platform(), subject, List.copyOf(urls), category, key, List.of());
        case REMOVAL_ORDER -> new Request.RemovalOrder(placeholder, new CaseId(kase.id()), subject.platform(), subject, List.copyOf(urls), category, key,
            List.of(), policy.issuingAuthority(), "CORDON-PENDING-" + kase.id() + "-" + decision.id());
      };
      Map.Entry<Request, Boolean> created = RequestRows.createOrFind(c, draft, now);
      request = created.getKey();
      joined = !created.getValue();
      if (created.getValue() && request instanceof Request.RemovalOrder) {
        // an order's reference (Annex I, section A) is its request number, known once the database gave it
        Sql.update(c, "UPDATE requests SET reference = ? WHERE id = ?", orderReference(request.id()), request.id().value());
        request = RequestRows.find(c, request.id().value()).orElseThrow();
      }
    }
    Sql.update(c, """
        INSERT INTO desk_requesters (request_id, decision_id, requested_by, unit, requested_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (request_id, decision_id) DO NOTHING""", request.id().value(), decision.id(), decision.decidedBy(), decision.unit(), now);
    for (String url : canonical) {
      Sql.update(c, "INSERT INTO desk_request_urls (request_id, platform, canonical_url) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
          request.id().value(), subject.platform().name(), url);
    }
    Sql.update(c, "UPDATE cases SET state = 'REFERRED', updated_at = ? WHERE id = ? AND state = 'OPEN'", now, kase.id());
    Deconfliction.placeHolds(c, request, now);
    List<HoldEntry> holds = Deconfliction.holds(c, "h.request_id = ?", request.id().value());
    return new Outcome(decision, RequestRows.find(c, request.id().value()), joined, holds);
  }

  /** The reference of a removal order: {@code CORDON-<request number>}. */
  public static String orderReference(RequestId request) {
    return "CORDON-" + request.value();
  }

  private static List<String> storedUrls(Connection c, Subject subject) throws SQLException {
    String sql = switch (subject.kind()) {
      case POST -> "SELECT url FROM posts WHERE platform = ? AND native_id = ? AND url IS NOT NULL";
      case ACCOUNT -> "SELECT profile_url FROM accounts WHERE platform = ? AND native_id = ? AND profile_url IS NOT NULL";
    };
    return Sql.list(c, sql, rs -> rs.getString(1), subject.platform().name(), subject.id());
  }

  /**
   * {@code desk-<32 hex>} over request type, platform, subject and case: a retried submission is
   * the same request; content that came back is a new case, so a new request.
   */
  static String idempotencyKey(String type, Platform platform, Subject subject, long caseId) {
    StringBuilder material = new StringBuilder("desk");
    for (String part : List.of(type, platform.name(), subject.kind().name(), subject.id(), Long.toString(caseId))) {
      material.append('|').append(part.length()).append(':').append(part);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.toString().getBytes(StandardCharsets.UTF_8));
      return "desk-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private CaseId caseFor(UnitReferral referral) {
    Subject s = referral.subject();
    Optional<Long> known = sql.read(c -> Sql.one(c,
        "SELECT id FROM cases WHERE subject_kind = ? AND platform = ? AND subject_id = ? AND state = 'OPEN'"
            + " UNION ALL SELECT case_id FROM requests WHERE subject_kind = ? AND subject_platform = ? AND subject_id = ? AND status NOT IN " + FINAL
            + " LIMIT 1",
        rs -> rs.getLong(1), s.kind().name(), s.platform().name(), s.id(), s.kind().name(), s.platform().name(), s.id()));
    if (known.isPresent()) {
      return new CaseId(known.get());
    }
    Instant now = clock.instant();
    Assessment assessment = new Assessment(s, 1.0, true, referral.tier(), List.of(), "referred by a national unit: " + referral.note().strip(), now);
    double priority = DeskPriority.of(new PriorityInputs(referral.tier(), 1.0, 0, 0, OptionalDouble.empty(), false, false, now), now, policy).priority();
    return cases.openOrUpdate(assessment, priority, now).id();
  }

  private void requireUnit(String unit) {
    if (sql.read(c -> Sql.count(c, "SELECT count(*) FROM desk_units WHERE name = ?", unit)) == 0) {
      throw new DeskRefusal(DeskRefusal.Reason.NOT_FOUND, "unit '" + unit + "' is not registered; register it first");
    }
  }

  record CaseRow(long id, Subject subject, String state, Optional<Tier> tier, Instant firstSeen) {}

  static CaseRow caseRow(Connection c, CaseId id) throws SQLException {
    return caseRow(c, id, false);
  }

  private static CaseRow caseRow(Connection c, CaseId id, boolean forUpdate) throws SQLException {
    return Sql.one(c, "SELECT id, subject_kind, platform, subject_id, state, tier, first_seen FROM cases WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""),
            rs -> new CaseRow(rs.getLong(1), Subject.of(Subject.SubjectKind.valueOf(rs.getString(2)), new Platform(rs.getString(3)), rs.getString(4)),
                rs.getString(5), Optional.ofNullable(rs.getString(6)).map(Tier::valueOf), Sql.instant(rs, "first_seen")), id.value())
        .orElseThrow(() -> new DeskRefusal(DeskRefusal.Reason.NOT_FOUND, "no case " + id + "; check the case number"));
  }

  static List<DecisionEntry> entries(Connection c, String where, Object... parameters) throws SQLException {
    return Sql.list(c, """
        SELECT d.*, a.verdict, EXISTS (SELECT 1 FROM desk_decisions x WHERE x.corrects = d.id) AS corrected
          FROM desk_decisions d LEFT JOIN desk_approvals a ON a.decision_id = d.id
         WHERE\s""" + where + " ORDER BY d.id", Decisions::entry, parameters);
  }

  private static DecisionEntry entry(ResultSet rs) throws SQLException {
    Approval approval = Approval.valueOf(rs.getString("approval"));
    String verdict = rs.getString("verdict");
    DecisionEntry.State state;
    if (approval == Approval.NONE) {
      state = DecisionEntry.State.NOT_NEEDED;
    } else if (verdict != null) {
      state = verdict.equals("APPROVED") ? DecisionEntry.State.APPROVED : DecisionEntry.State.REFUSED;
    } else {
      state = rs.getBoolean("corrected") ? DecisionEntry.State.SUPERSEDED : DecisionEntry.State.AWAITING_APPROVAL;
    }
    long corrects = rs.getLong("corrects");
    Optional<Long> correctsId = rs.wasNull() ? Optional.empty() : Optional.of(corrects);
    return new DecisionEntry(rs.getLong("id"), new CaseId(rs.getLong("case_id")), DecisionKind.valueOf(rs.getString("kind")),
        Optional.ofNullable(rs.getString("request_type")).map(RequestType::valueOf), Optional.ofNullable(rs.getString("category")).map(Category::valueOf),
        Optional.ofNullable(rs.getString("tier")).map(Tier::valueOf), rs.getString("note"), rs.getString("decided_by"), Role.valueOf(rs.getString("role")),
        Sql.optionalString(rs, "unit"), approval, state, correctsId, Sql.instant(rs, "decided_at"));
  }

  static List<Long> ids(List<DecisionEntry> entries) {
    List<Long> ids = new ArrayList<>();
    entries.forEach(e -> ids.add(e.id()));
    return ids;
  }
}
