package org.cordon.app.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.Subject;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.cordon.desk.Category;
import org.cordon.desk.Claims;
import org.cordon.desk.Copies;
import org.cordon.desk.DecisionDraft;
import org.cordon.desk.DecisionEntry;
import org.cordon.desk.DecisionKind;
import org.cordon.desk.Desk;
import org.cordon.desk.DeskCounts;
import org.cordon.desk.DeskRefusal;
import org.cordon.desk.DeskUser;
import org.cordon.desk.HoldEntry;
import org.cordon.desk.OrderClock;
import org.cordon.desk.Outcome;
import org.cordon.desk.Reopening;
import org.cordon.desk.Requester;
import org.cordon.desk.Retention;
import org.cordon.desk.Verification;
import org.cordon.core.request.RequestId;
import org.cordon.desk.RequestType;
import org.cordon.desk.Selector;
import org.cordon.desk.SelectorDraft;
import org.cordon.desk.SelectorKind;
import org.cordon.desk.TriageQueue;
import org.cordon.desk.UnitFiles;
import org.cordon.desk.UnitReferral;
import org.cordon.referral.report.TransparencyReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The referral desk over HTTP: the queue with its clocks, decisions (refer, dismiss, escalate,
 * hold) with four-eyes approval, national units' selectors, hits, holds and referrals, and the
 * statistics and transparency report. Who acts is always the signed-in user, mapped onto the
 * desk's roles: a supervisor, an analyst, or a liaison officer of a unit (role {@code LIAISON} plus
 * an authority {@code UNIT_name}). The desk itself enforces who may do what (four-eyes, a unit's
 * own holds); refusals come back as 403, 404, 409 or 400 with the reason.
 */
@RestController
@RequestMapping("/api/v1/desk")
class DeskController {
  private final CordonRuntime runtime;

  DeskController(CordonRuntime runtime) {
    this.runtime = runtime;
  }

  private Desk desk() {
    return runtime.deskService();
  }

  /** The desk's view of the signed-in user. */
  static DeskUser user(Authentication auth) {
    List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    if (roles.contains("ROLE_SUPERVISOR") || roles.contains("ROLE_ADMIN")) {
      return DeskUser.supervisor(auth.getName());
    }
    if (roles.contains("ROLE_ANALYST")) {
      return DeskUser.analyst(auth.getName());
    }
    Optional<String> unit = roles.stream().filter(r -> r.startsWith("ROLE_UNIT_")).map(r -> r.substring("ROLE_UNIT_".length())).findFirst();
    if (roles.contains("ROLE_LIAISON") && unit.isPresent()) {
      return DeskUser.liaison(auth.getName(), unit.get());
    }
    throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, auth.getName() + " has no role at the desk");
  }

  // ---------------------------------------------------------------- queue and decisions

  @GetMapping("/queue")
  TriageQueue.View queue(@RequestParam(defaultValue = "50") int limit) {
    return desk().queue().queue(Math.clamp(limit, 1, 1000));
  }

  /** Claims the most urgent case nobody else is working on (or gives back the caller's own); 204 when there is none. */
  @PostMapping("/queue/next")
  ResponseEntity<TriageQueue.Item> next(Authentication auth) {
    return desk().claims().next(user(auth)).map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  /** Claims a case for the caller, or renews the caller's claim: a lease of 15 minutes; 409 while someone else holds it. */
  @PostMapping("/cases/{id}/claim")
  Claims.Claim claim(@PathVariable long id, Authentication auth) {
    return desk().claims().claim(user(auth), new CaseId(id));
  }

  record Released(boolean released) {}

  /** Gives a claim up: its holder, or a supervisor. */
  @DeleteMapping("/cases/{id}/claim")
  Released release(@PathVariable long id, Authentication auth) {
    return new Released(desk().claims().release(user(auth), new CaseId(id)));
  }

  /** A decision on a case: kind refer|dismiss|escalate|hold; a referral names its type, category and tier. */
  record DecisionBody(String kind, String requestType, String category, String tier, String note) {}

  @PostMapping("/cases/{id}/decisions")
  Outcome decide(@PathVariable long id, @RequestBody DecisionBody body, Authentication auth) {
    return desk().decisions().decide(user(auth), draft(new CaseId(id), body));
  }

  record CopiesView(List<Copies.Key> keys, List<Long> cases) {}

  /** The open copies of a case's known content (same list entry), oldest first: what "decide with copies" would decide. */
  @GetMapping("/cases/{id}/copies")
  CopiesView copies(@PathVariable long id, @RequestParam(defaultValue = "500") int limit, Authentication auth) {
    CaseId caseId = new CaseId(id);
    return new CopiesView(desk().copies().keys(caseId),
        desk().copies().of(user(auth), caseId, Math.clamp(limit, 1, 5000)).stream().map(CaseId::value).toList());
  }

  /** A decision on a case and, alike, on the copies of its known content, but those left out. */
  record WithCopiesBody(String kind, String requestType, String category, String tier, String note, List<Long> leaveOut) {}

  @PostMapping("/cases/{id}/decisions/with-copies")
  Copies.Result decideWithCopies(@PathVariable long id, @RequestBody WithCopiesBody body, @RequestParam(defaultValue = "500") int limit,
      Authentication auth) {
    DecisionDraft draft = draft(new CaseId(id), new DecisionBody(body.kind(), body.requestType(), body.category(), body.tier(), body.note()));
    java.util.Set<CaseId> leaveOut = body.leaveOut() == null ? java.util.Set.of()
        : body.leaveOut().stream().map(CaseId::new).collect(java.util.stream.Collectors.toUnmodifiableSet());
    return desk().copies().decideAll(user(auth), draft, leaveOut, Math.clamp(limit, 1, 5000));
  }

  /** A correction: a new decision that supersedes an earlier one (decisions are never changed). */
  @PostMapping("/decisions/{id}/corrections")
  Outcome correct(@PathVariable long id, @RequestBody DecisionBody body, Authentication auth) {
    DecisionEntry corrected = desk().decisions().find(id);
    return desk().decisions().correct(user(auth), id, draft(corrected.caseId(), body));
  }

  record Reason(String reason) {}

  @PostMapping("/decisions/{id}/approval")
  Outcome approve(@PathVariable long id, @RequestBody Reason body, Authentication auth) {
    return desk().decisions().approve(user(auth), id, body.reason() == null ? "" : body.reason());
  }

  @PostMapping("/decisions/{id}/refusal")
  Outcome refuse(@PathVariable long id, @RequestBody Reason body, Authentication auth) {
    return desk().decisions().refuse(user(auth), id, body.reason() == null ? "" : body.reason());
  }

  @GetMapping("/decisions/awaiting-approval")
  List<DecisionEntry> awaiting(@RequestParam(defaultValue = "100") int limit) {
    return desk().decisions().awaitingApproval(Math.clamp(limit, 1, 1000));
  }

  @GetMapping("/cases/{id}/trail")
  List<DecisionEntry> trail(@PathVariable long id) {
    return desk().decisions().trail(new CaseId(id));
  }

  private static DecisionDraft draft(CaseId caseId, DecisionBody body) {
    if (body.kind() == null) {
      throw new IllegalArgumentException("a decision needs a kind: refer, dismiss, escalate or hold");
    }
    DecisionKind kind = DecisionKind.valueOf(body.kind().strip().toUpperCase(Locale.ROOT));
    String note = body.note() == null ? "" : body.note();
    if (kind == DecisionKind.REFER) {
      if (body.requestType() == null || body.category() == null) {
        throw new IllegalArgumentException("a referral names its requestType (referral or removal_order) and category (incites, glorifies, …)");
      }
      return DecisionDraft.refer(caseId, RequestType.parse(body.requestType()), Category.parse(body.category()),
          Optional.ofNullable(body.tier()).map(Tier::parse), note);
    }
    return DecisionDraft.of(caseId, kind, note);
  }

  // ---------------------------------------------------------------- national units

  record UnitBody(String name) {}

  /** Registers a national unit (supervisors); its liaison officers are users with role LIAISON and UNIT_name. */
  @PostMapping("/units")
  List<String> registerUnit(@RequestBody UnitBody body, Authentication auth) {
    if (user(auth).role() != org.cordon.desk.Role.SUPERVISOR) {
      throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, "units are registered by a supervisor");
    }
    desk().intelligence().registerUnit(body.name());
    return desk().intelligence().units();
  }

  @GetMapping("/units")
  List<String> units() {
    return desk().intelligence().units();
  }

  /** @param underInvestigation absent means false: a plain watch-list selector */
  record SelectorBody(String kind, String value, Boolean underInvestigation, String note) {}

  @PostMapping("/units/{unit}/selectors")
  Selector addSelector(@PathVariable String unit, @RequestBody SelectorBody body, Authentication auth) {
    DeskUser who = ownUnit(user(auth), unit);
    return desk().intelligence().addSelector(who, new SelectorDraft(SelectorKind.parse(body.kind()), body.value(), Boolean.TRUE.equals(body.underInvestigation()),
        body.note() == null ? "" : body.note()));
  }

  /**
   * A unit's selectors in a file (CSV as text/csv, or JSON as application/json); errors per row. Not
   * text/plain: an HTML form on another site can send that, with the browser's cached credentials.
   */
  @PostMapping(value = "/units/{unit}/selectors/import", consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
  UnitFiles.ImportReport importSelectors(@PathVariable String unit, @RequestParam(defaultValue = "csv") String format, @RequestBody byte[] body,
      Authentication auth) {
    DeskUser who = ownUnit(user(auth), unit);
    return desk().unitFiles().importSelectors(who, body, UnitFiles.Format.valueOf(format.toUpperCase(Locale.ROOT)));
  }

  @GetMapping("/units/{unit}/selectors")
  List<Selector> selectors(@PathVariable String unit, Authentication auth) {
    return desk().intelligence().selectors(visibleUnit(user(auth), unit));
  }

  @GetMapping("/units/{unit}/hits")
  Object hits(@PathVariable String unit, @RequestParam(defaultValue = "100") int limit, Authentication auth) {
    return desk().intelligence().hits(visibleUnit(user(auth), unit), Math.clamp(limit, 1, 1000));
  }

  @GetMapping("/units/{unit}/holds")
  List<HoldEntry> holds(@PathVariable String unit, @RequestParam(defaultValue = "true") boolean active, Authentication auth) {
    return desk().intelligence().holds(visibleUnit(user(auth), unit), active);
  }

  @GetMapping("/units/{unit}/notifications")
  Object notifications(@PathVariable String unit, @RequestParam(defaultValue = "100") int limit, Authentication auth) {
    return desk().intelligence().notifications(visibleUnit(user(auth), unit), Math.clamp(limit, 1, 1000));
  }

  record HoldAnswer(String answer, String reason) {}

  @PostMapping("/holds/{id}/answer")
  HoldEntry answer(@PathVariable long id, @RequestBody HoldAnswer body, Authentication auth) {
    return desk().intelligence().answerHold(user(auth), id, HoldEntry.AnswerKind.valueOf(body.answer().strip().toUpperCase(Locale.ROOT)),
        body.reason() == null ? "" : body.reason());
  }

  /** A unit's referral: subject (post or account), URLs, type, category. */
  record UnitReferralBody(String subjectKind, String platform, String id, List<String> urls, String requestType, String category, String tier,
      String note) {}

  @PostMapping("/units/{unit}/referrals")
  Outcome unitReferral(@PathVariable String unit, @RequestBody UnitReferralBody body, Authentication auth) {
    DeskUser who = ownUnit(user(auth), unit);
    Platform platform = new Platform(body.platform());
    Subject subject = "account".equalsIgnoreCase(body.subjectKind()) ? new AccountKey(platform, body.id()) : new PostKey(platform, body.id());
    return desk().decisions().submitUnitReferral(who, new UnitReferral(subject, body.urls() == null ? List.of() : body.urls(),
        RequestType.parse(body.requestType()), Category.parse(body.category()), Optional.ofNullable(body.tier()).map(Tier::parse),
        body.note() == null ? "" : body.note()));
  }

  /** Liaison officers act for their own unit only; the desk's staff act for none. */
  private static DeskUser ownUnit(DeskUser who, String unit) {
    if (who.unit().isEmpty() || !who.unit().get().equals(unit)) {
      throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, who.name() + " does not act for unit " + unit);
    }
    return who;
  }

  /** A unit's intelligence is seen by its own officers and by the desk's analysts and supervisors. */
  private static String visibleUnit(DeskUser who, String unit) {
    if (who.unit().isPresent() && !who.unit().get().equals(unit)) {
      throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, who.name() + " does not see the intelligence of unit " + unit);
    }
    return unit;
  }

  // ---------------------------------------------------------------- requests: dedupe, removal orders' clocks, verification

  /** Everyone whose referral a request carries: more than one means it was deduplicated. */
  @GetMapping("/requests/{id}/requesters")
  List<Requester> requesters(@PathVariable long id, Authentication auth) {
    requireStaff(user(auth)); // who else asked is deconfliction-sensitive: not for units
    return desk().decisions().requesters(new RequestId(id));
  }

  /** A removal order's one-hour clock: started at the platform's confirmed receipt, due an hour later. */
  @GetMapping("/requests/{id}/order-clock")
  OrderClock orderClock(@PathVariable long id, Authentication auth) {
    requireStaff(user(auth));
    return desk().orderClocks().of(new RequestId(id))
        .orElseThrow(() -> new DeskRefusal(DeskRefusal.Reason.NOT_FOUND, "request " + id + " is not a removal order; check the request number"));
  }

  /** Removal orders not yet finished, with their clocks: received ones by due time, then those awaiting receipt. */
  @GetMapping("/removal-orders/clocks")
  List<OrderClock> orderClocks(@RequestParam(defaultValue = "100") int limit, Authentication auth) {
    requireStaff(user(auth));
    return desk().orderClocks().open(Math.clamp(limit, 1, 1000));
  }

  /** The re-checks of removed content (growing intervals), oldest first. */
  @GetMapping("/requests/{id}/checks")
  List<Verification.CheckRecord> checks(@PathVariable long id, Authentication auth) {
    requireStaff(user(auth));
    return desk().verification().checks(new RequestId(id));
  }

  record Detail(String detail) {}

  /** A platform reported a complaint against a removal (TCO Art. 10). */
  @PostMapping("/requests/{id}/complaints")
  ResponseEntity<Void> complaint(@PathVariable long id, @RequestBody Detail body, Authentication auth) {
    requireStaff(user(auth));
    desk().verification().recordComplaint(new RequestId(id), requireDetail(body));
    return ResponseEntity.noContent().build();
  }

  /** A platform reported content reinstated after a complaint or review. */
  @PostMapping("/requests/{id}/reinstatements")
  ResponseEntity<Void> reinstatement(@PathVariable long id, @RequestBody Detail body, Authentication auth) {
    requireStaff(user(auth));
    desk().verification().recordReinstatement(new RequestId(id), requireDetail(body));
    return ResponseEntity.noContent().build();
  }

  /** Cases reopened because removed content came back or was re-posted elsewhere, newest first. */
  @GetMapping("/reopenings")
  List<Reopening> reopenings(@RequestParam(defaultValue = "100") int limit, Authentication auth) {
    requireStaff(user(auth));
    return desk().verification().reopenings(Math.clamp(limit, 1, 1000));
  }

  /** The retention job's audit: what was purged, when, and how much. */
  @GetMapping("/retention/audit")
  List<Retention.Purged> retentionAudit(Authentication auth) {
    requireStaff(user(auth));
    return desk().retention().audit();
  }

  private static void requireStaff(DeskUser who) {
    if (who.role() == org.cordon.desk.Role.LIAISON) {
      throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, who.name() + " is a liaison officer: the desk's staff record platforms' reports");
    }
  }

  private static String requireDetail(Detail body) {
    if (body == null || body.detail() == null || body.detail().isBlank()) {
      throw new DeskRefusal(DeskRefusal.Reason.INVALID, "say what the platform reported in 'detail' and resubmit");
    }
    return body.detail();
  }

  // ---------------------------------------------------------------- statistics

  @GetMapping("/statistics")
  DeskCounts statistics(@RequestParam Instant from, @RequestParam Instant to) {
    return desk().statistics().counts(from, to);
  }

  /** The transparency report for a period: {@code format} html (default), pdf or json. */
  @GetMapping("/transparency")
  ResponseEntity<?> transparency(@RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam(defaultValue = "html") String format,
      @RequestParam(defaultValue = "Internet Referral Unit") String unit) {
    var figures = desk().statistics().transparency(unit, from, to);
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "json" -> ResponseEntity.ok(figures);
      case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(TransparencyReport.pdf(figures));
      case "html" -> ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
          .body(TransparencyReport.html(figures));
      default -> throw new IllegalArgumentException("format is html, pdf or json, not " + format);
    };
  }

  @ExceptionHandler(DeskRefusal.class)
  ProblemDetail refused(DeskRefusal e) {
    HttpStatus status = switch (e.reason()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case FORBIDDEN, FOUR_EYES -> HttpStatus.FORBIDDEN;
      case INVALID -> HttpStatus.BAD_REQUEST;
      case CONFLICT -> HttpStatus.CONFLICT;
    };
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    p.setProperty("reason", e.reason().name().toLowerCase(Locale.ROOT));
    return p;
  }
}
