package org.cordon.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClaimsTest {
  private static final Platform X = Platform.X;
  private DeskFixture fixture;

  @BeforeEach
  void start() {
    fixture = new DeskFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private CaseId postCase(Tier tier) {
    String id = fixture.id("post");
    fixture.post(X, id, fixture.id("author"), "https://x.example/p/" + id, List.of(), "placeholder text");
    return fixture.openCase(new PostKey(X, id), Optional.of(tier), fixture.clock.instant());
  }

  private static DecisionDraft dismiss(CaseId kase) {
    return DecisionDraft.of(kase, DecisionKind.DISMISS, "placeholder: not the organisation's");
  }

  @Test
  void aClaimedCaseIsNeitherClaimedNorDecidedByAnotherAnalystButASupervisorMayAct() {
    CaseId kase = postCase(Tier.PROMOTIONAL);
    Claims.Claim claim = fixture.desk.claims().claim(DeskUser.analyst("ana"), kase);

    assertThat(claim.claimedBy()).isEqualTo("ana");
    assertThat(claim.until()).isEqualTo(fixture.clock.instant().plus(Claims.LEASE));
    assertThatThrownBy(() -> fixture.desk.claims().claim(DeskUser.analyst("bob"), kase))
        .isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.CONFLICT))
        .hasMessageContaining("claimed by ana");
    assertThatThrownBy(() -> fixture.desk.decisions().decide(DeskUser.analyst("bob"), dismiss(kase)))
        .isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.CONFLICT))
        .hasMessageContaining("claimed by ana");
    assertThat(fixture.desk.decisions().trail(kase)).isEmpty();

    fixture.desk.decisions().decide(DeskUser.supervisor("sue"), dismiss(kase));
    assertThat(fixture.desk.decisions().trail(kase)).extracting(DecisionEntry::decidedBy).containsExactly("sue");
  }

  @Test
  void theHoldersDecisionEndsTheClaimAndADecidedCaseCannotBeClaimed() {
    CaseId kase = postCase(Tier.PROMOTIONAL);
    fixture.desk.claims().claim(DeskUser.analyst("ana"), kase);
    fixture.desk.decisions().decide(DeskUser.analyst("ana"), dismiss(kase));

    assertThat(fixture.desk.claims().holder(kase)).isEmpty();
    assertThatThrownBy(() -> fixture.desk.claims().claim(DeskUser.analyst("bob"), kase))
        .isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.CONFLICT))
        .hasMessageContaining("dismissed");
    assertThatThrownBy(() -> fixture.desk.claims().claim(DeskUser.analyst("bob"), new CaseId(987_654_321L)))
        .isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.NOT_FOUND));
  }

  @Test
  void aClaimLapsesAfterItsLeaseUnlessItsHolderRenewsIt() {
    CaseId kase = postCase(Tier.PROMOTIONAL);
    fixture.desk.claims().claim(DeskUser.analyst("ana"), kase);
    fixture.clock.advance(Claims.LEASE.minusMinutes(1));
    Claims.Claim renewed = fixture.desk.claims().claim(DeskUser.analyst("ana"), kase);
    assertThat(renewed.until()).isEqualTo(fixture.clock.instant().plus(Claims.LEASE));

    fixture.clock.advance(Claims.LEASE.minusMinutes(1));
    assertThatThrownBy(() -> fixture.desk.claims().claim(DeskUser.analyst("bob"), kase)).isInstanceOf(DeskRefusal.class);

    fixture.clock.advance(Duration.ofMinutes(1));
    assertThat(fixture.desk.claims().holder(kase)).as("lapsed exactly at its end").isEmpty();
    assertThat(fixture.desk.claims().claim(DeskUser.analyst("bob"), kase).claimedBy()).isEqualTo("bob");
  }

  @Test
  void onlyTheHolderOrASupervisorReleasesAClaimAndLiaisonOfficersDoNotClaim() {
    CaseId kase = postCase(Tier.PROMOTIONAL);
    fixture.desk.claims().claim(DeskUser.analyst("ana"), kase);

    assertThatThrownBy(() -> fixture.desk.claims().release(DeskUser.analyst("bob"), kase))
        .isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.FORBIDDEN));
    assertThat(fixture.desk.claims().release(DeskUser.supervisor("sue"), kase)).isTrue();
    assertThat(fixture.desk.claims().release(DeskUser.supervisor("sue"), kase)).as("nothing left to release").isFalse();
    assertThatThrownBy(() -> fixture.desk.claims().claim(DeskUser.liaison("lia", "NU-1"), kase))
        .isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.FORBIDDEN));
  }

  @Test
  void nextHandsTheMostUrgentFreeCaseToEachAnalystAndTheSameOneAgainToItsHolder() {
    CaseId promotional = postCase(Tier.PROMOTIONAL);
    CaseId graphic = postCase(Tier.GRAPHIC_VIOLENCE);

    TriageQueue.Item forAna = fixture.desk.claims().next(DeskUser.analyst("ana")).orElseThrow();
    TriageQueue.Item forBob = fixture.desk.claims().next(DeskUser.analyst("bob")).orElseThrow();

    assertThat(forAna.caseId()).isEqualTo(graphic);
    assertThat(forAna.claim()).hasValueSatisfying(c -> assertThat(c.claimedBy()).isEqualTo("ana"));
    assertThat(forBob.caseId()).isEqualTo(promotional);
    assertThat(fixture.desk.claims().next(DeskUser.analyst("ana")).orElseThrow().caseId()).as("a reload").isEqualTo(graphic);
    assertThat(fixture.desk.claims().next(DeskUser.analyst("cy"))).as("everything is held").isEmpty();
    assertThat(fixture.desk.queue().queue(10).items()).extracting(i -> i.claim().map(Claims.Claim::claimedBy).orElse("-"))
        .containsExactly("ana", "bob");
  }

  @Test
  void aCaseWaitingForASecondPersonLeavesTheQueueAndComesBackIfTheProposalIsRefused() {
    String id = fixture.id("account");
    fixture.account(X, id, "handle_" + id, Optional.empty(), Optional.empty());
    CaseId kase = fixture.openCase(new AccountKey(X, id), Optional.of(Tier.PROMOTIONAL), fixture.clock.instant());
    Outcome proposal = fixture.desk.decisions().decide(DeskUser.analyst("ana"),
        DecisionDraft.refer(kase, RequestType.REFERRAL, Category.GLORIFIES, Optional.empty(), "placeholder account referral"));
    assertThat(proposal.decision().state()).isEqualTo(DecisionEntry.State.AWAITING_APPROVAL);

    assertThat(fixture.desk.queue().queue(100).items()).extracting(TriageQueue.Item::caseId).doesNotContain(kase);

    fixture.desk.decisions().refuse(DeskUser.analyst("bob"), proposal.decision().id(), "placeholder: not enough");
    assertThat(fixture.desk.queue().queue(100).items()).extracting(TriageQueue.Item::caseId).contains(kase);
  }

  @Test
  void twoAnalystsTakingCasesAtOnceNeverGetTheSameCase() throws Exception {
    List<CaseId> cases = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      cases.add(postCase(i % 2 == 0 ? Tier.PROMOTIONAL : Tier.OFFICIAL_PROPAGANDA));
    }
    List<CaseId> decided = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (String name : List.of("ana", "bob", "cy")) {
        workers.add(pool.submit(() -> {
          DeskUser me = DeskUser.analyst(name);
          int refusals = 0;
          for (Optional<TriageQueue.Item> item = fixture.desk.claims().next(me); item.isPresent(); item = fixture.desk.claims().next(me)) {
            try {
              fixture.desk.decisions().decide(me, dismiss(item.get().caseId()));
              decided.add(item.get().caseId());
            } catch (DeskRefusal e) {
              refusals++;
            }
          }
          return refusals;
        }));
      }
      for (Future<Integer> worker : workers) {
        assertThat(worker.get()).as("decisions refused because someone else had the case").isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(decided).containsExactlyInAnyOrderElementsOf(cases);
  }
}
