package org.cordon.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FourEyesTest {
  private static final Platform X = Platform.X;
  private static DeskFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new DeskFixture();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private CaseId postCase() {
    String id = fixture.id("post");
    fixture.post(X, id, fixture.id("author"), "https://x.example/p/" + id, List.of(), "placeholder text");
    return fixture.openCase(new PostKey(X, id), Optional.of(Tier.OFFICIAL_PROPAGANDA), fixture.clock.instant());
  }

  private CaseId accountCase() {
    String id = fixture.id("account");
    fixture.account(X, id, "handle_" + id, Optional.empty(), Optional.empty());
    return fixture.openCase(new AccountKey(X, id), Optional.of(Tier.PROMOTIONAL), fixture.clock.instant());
  }

  @Test
  void aPostReferralNeedsNoApprovalByDefaultAndGoesOut() {
    FakeGateway gateway = new FakeGateway(X, fixture.clock);
    Outcome outcome = fixture.desk.decisions().decide(DeskUser.analyst("ana"),
        DecisionDraft.refer(postCase(), RequestType.REFERRAL, Category.GLORIFIES, Optional.empty(), "placeholder glorification"));

    assertThat(outcome.decision().state()).isEqualTo(DecisionEntry.State.NOT_NEEDED);
    assertThat(outcome.request()).isPresent();
    fixture.dispatcher(gateway).sendPending();
    assertThat(gateway.deliveries).extracting(r -> r.id()).contains(outcome.request().get().id());
  }

  @Test
  void aRemovalOrderAwaitingApprovalIsNeverDispatched() {
    FakeGateway gateway = new FakeGateway(X, fixture.clock);
    CaseId kase = postCase();
    Outcome proposal = fixture.desk.decisions().decide(DeskUser.analyst("ana"),
        DecisionDraft.refer(kase, RequestType.REMOVAL_ORDER, Category.INCITES, Optional.empty(), "placeholder incitement"));

    assertThat(proposal.decision().state()).isEqualTo(DecisionEntry.State.AWAITING_APPROVAL);
    assertThat(proposal.request()).isEmpty();
    assertThat(fixture.desk.decisions().awaitingApproval(1000)).extracting(DecisionEntry::id).contains(proposal.decision().id());
    fixture.dispatcher(gateway).sendPending();
    assertThat(gateway.deliveries).noneMatch(r -> r.caseId().equals(kase));
  }

  @Test
  void theProposerCannotApproveTheirOwnProposalWhateverTheirRole() {
    CaseId kase = accountCase();
    Outcome proposal = fixture.desk.decisions().decide(DeskUser.supervisor("sam"),
        DecisionDraft.refer(kase, RequestType.REFERRAL, Category.SOLICITS_PARTICIPATION, Optional.empty(), "recruiting account"));

    assertThat(proposal.decision().state()).isEqualTo(DecisionEntry.State.AWAITING_APPROVAL);
    assertThatThrownBy(() -> fixture.desk.decisions().approve(DeskUser.supervisor("SAM"), proposal.decision().id(), "looks right"))
        .isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.FOUR_EYES));
    assertThat(fixture.desk.decisions().find(proposal.decision().id()).state()).isEqualTo(DecisionEntry.State.AWAITING_APPROVAL);
  }

  @Test
  void theDatabaseRefusesASelfApprovalEvenWhenTheServiceIsBypassed() {
    Outcome proposal = fixture.desk.decisions().decide(DeskUser.analyst("ana"),
        DecisionDraft.refer(accountCase(), RequestType.REFERRAL, Category.INCITES, Optional.empty(), "account level"));

    assertThatThrownBy(() -> fixture.sql("""
        INSERT INTO desk_approvals (decision_id, verdict, approved_by, role, reason, approved_at) VALUES (?, 'APPROVED', 'ana', 'SUPERVISOR', 'x', now())""",
        proposal.decision().id())).hasMessageContaining("four-eyes");
  }

  @Test
  void anAnalystCannotApproveWhereThePolicyAsksForASupervisor() {
    Desk strict = fixture.desk(DeskPolicy.defaults("Test Referral Unit").withApprovals(Approval.NONE, Approval.SECOND_PERSON, Approval.SUPERVISOR));
    FakeGateway gateway = new FakeGateway(X, fixture.clock);
    CaseId kase = postCase();
    Outcome proposal = strict.decisions().decide(DeskUser.analyst("ana"),
        DecisionDraft.refer(kase, RequestType.REMOVAL_ORDER, Category.THREATENS, Optional.of(Tier.THREAT_TO_LIFE), "placeholder threat"));

    assertThatThrownBy(() -> strict.decisions().approve(DeskUser.analyst("bob"), proposal.decision().id(), "agree"))
        .isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.FOUR_EYES));
    assertThatThrownBy(() -> fixture.sql("""
        INSERT INTO desk_approvals (decision_id, verdict, approved_by, role, reason, approved_at) VALUES (?, 'APPROVED', 'bob', 'ANALYST', 'x', now())""",
        proposal.decision().id())).hasMessageContaining("supervisor");
    fixture.dispatcher(gateway).sendPending();
    assertThat(gateway.deliveries).noneMatch(r -> r.caseId().equals(kase));

    Outcome approved = strict.decisions().approve(DeskUser.supervisor("sue"), proposal.decision().id(), "agree");
    assertThat(approved.decision().state()).isEqualTo(DecisionEntry.State.APPROVED);
    assertThat(approved.request()).get().extracting(r -> r.type()).isEqualTo("removal_order");
    fixture.dispatcher(gateway).sendPending();
    assertThat(gateway.deliveries).anyMatch(r -> r.caseId().equals(kase));
  }

  @Test
  void aSecondAnalystApprovesAnAccountReferralAndOnlyThenItGoesOut() {
    FakeGateway gateway = new FakeGateway(X, fixture.clock);
    CaseId kase = accountCase();
    Outcome proposal = fixture.desk.decisions().decide(DeskUser.analyst("ana"),
        DecisionDraft.refer(kase, RequestType.REFERRAL, Category.GLORIFIES, Optional.empty(), "account glorifies"));
    fixture.dispatcher(gateway).sendPending();
    assertThat(gateway.deliveries).noneMatch(r -> r.caseId().equals(kase));

    Outcome approved = fixture.desk.decisions().approve(DeskUser.analyst("bob"), proposal.decision().id(), "agree");
    fixture.dispatcher(gateway).sendPending();

    assertThat(gateway.deliveries).filteredOn(r -> r.caseId().equals(kase)).hasSize(1);
    assertThat(fixture.desk.requests().find(approved.request().orElseThrow().id()).orElseThrow().status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
    assertThatThrownBy(() -> fixture.desk.decisions().approve(DeskUser.supervisor("sue"), proposal.decision().id(), "again"))
        .isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.CONFLICT));
  }

  @Test
  void aLiaisonOfficerCannotApproveNorDecideOnACase() {
    fixture.desk.intelligence().registerUnit("NL-CT");
    Outcome proposal = fixture.desk.decisions().decide(DeskUser.analyst("ana"),
        DecisionDraft.refer(accountCase(), RequestType.REFERRAL, Category.INCITES, Optional.empty(), "account"));

    assertThatThrownBy(() -> fixture.desk.decisions().approve(DeskUser.liaison("lia", "NL-CT"), proposal.decision().id(), "ok"))
        .isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.FORBIDDEN));
    assertThatThrownBy(() -> fixture.desk.decisions().decide(DeskUser.liaison("lia", "NL-CT"),
        DecisionDraft.of(proposal.decision().caseId(), DecisionKind.DISMISS, "no")))
        .isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.FORBIDDEN));
  }

  @Test
  void aCorrectedProposalCanNoLongerBeApprovedAndTheTrailKeepsBoth() {
    CaseId kase = accountCase();
    Outcome proposal = fixture.desk.decisions().decide(DeskUser.analyst("ana"),
        DecisionDraft.refer(kase, RequestType.REFERRAL, Category.INCITES, Optional.empty(), "first reading"));
    fixture.desk.decisions().correct(DeskUser.analyst("ana"), proposal.decision().id(), DecisionDraft.of(kase, DecisionKind.DISMISS, "journalist, not supporter"));

    assertThatThrownBy(() -> fixture.desk.decisions().approve(DeskUser.analyst("bob"), proposal.decision().id(), "ok"))
        .isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.CONFLICT));
    assertThat(fixture.desk.decisions().trail(kase)).extracting(DecisionEntry::kind, DecisionEntry::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(DecisionKind.REFER, DecisionEntry.State.SUPERSEDED),
            org.assertj.core.groups.Tuple.tuple(DecisionKind.DISMISS, DecisionEntry.State.NOT_NEEDED));
  }

  @Test
  void recordedDecisionsCannotBeChangedOrDeleted() {
    Outcome decided = fixture.desk.decisions().decide(DeskUser.analyst("ana"), DecisionDraft.of(postCase(), DecisionKind.ESCALATE, "ask a supervisor"));

    assertThatThrownBy(() -> fixture.sql("UPDATE desk_decisions SET note = 'changed' WHERE id = ?", decided.decision().id())).hasMessageContaining("append-only");
    assertThatThrownBy(() -> fixture.sql("DELETE FROM desk_decisions WHERE id = ?", decided.decision().id())).hasMessageContaining("append-only");
  }

  @Test
  void theDispatchStoreCreatesNoRequestOfItsOwn() {
    assertThatThrownBy(() -> fixture.desk.requests().create(null)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aProposalSmuggledInAsARequesterIsRefusedByTheDatabaseAndNeverListedForDispatch() {
    CaseId kase = postCase();
    Outcome proposal = fixture.desk.decisions().decide(DeskUser.analyst("ana"),
        DecisionDraft.refer(kase, RequestType.REMOVAL_ORDER, Category.INCITES, Optional.empty(), "order"));
    fixture.sql("""
        INSERT INTO requests (type, platform, case_id, subject_kind, subject_platform, subject_id, urls, category, idempotency_key, status)
        SELECT 'referral', platform, id, subject_kind, platform, subject_id, '{}', 'incites', 'smuggled-' || id, 'PENDING' FROM cases WHERE id = ?""",
        kase.value());

    assertThatThrownBy(() -> fixture.sql("""
        INSERT INTO desk_requesters (request_id, decision_id, requested_by, requested_at)
        SELECT id, ?, 'ana', now() FROM requests WHERE idempotency_key = ?""", proposal.decision().id(), "smuggled-" + kase.value()))
        .hasMessageContaining("four-eyes");
    assertThat(fixture.desk.requests().withStatus(RequestStatus.PENDING, 10_000)).noneMatch(r -> r.caseId().equals(kase));
  }

  @Test
  void aDecidedCaseIsDecidedAgainOnlyByACorrection() {
    CaseId kase = postCase();
    Outcome referred = fixture.desk.decisions().decide(DeskUser.analyst("ana"),
        DecisionDraft.refer(kase, RequestType.REFERRAL, Category.GLORIFIES, Optional.empty(), "placeholder glorification"));

    assertThatThrownBy(() -> fixture.desk.decisions().decide(DeskUser.analyst("bo"), DecisionDraft.of(kase, DecisionKind.DISMISS, "second thoughts")))
        .isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.CONFLICT))
        .hasMessageContaining("correct decision " + referred.decision().id());
    Outcome corrected = fixture.desk.decisions().correct(DeskUser.analyst("bo"), referred.decision().id(),
        DecisionDraft.of(kase, DecisionKind.DISMISS, "second thoughts"));
    assertThat(corrected.decision().corrects()).contains(referred.decision().id());
  }
}
