package org.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Assessment;
import org.cordon.core.triage.Actor;
import org.cordon.core.triage.Case;
import org.cordon.core.triage.CaseId;
import org.cordon.core.triage.CaseState;
import org.cordon.core.triage.Decision;
import org.cordon.core.triage.DecisionRecord;
import org.junit.jupiter.api.Test;

class CaseStoreTest extends DatabaseTestBase {

  @Test
  void anOpenedCaseReadsBackWithItsAssessment() {
    Platform platform = SharedDatabase.freshPlatform();
    Assessment assessment = Fixtures.assessment(PostKey.of(platform, "p"), 0.9, Fixtures.T0);

    Case opened = stores.cases().openOrUpdate(assessment, 7.5, Fixtures.T0.minusSeconds(30));

    assertThat(opened.state()).isEqualTo(CaseState.OPEN);
    assertThat(opened.subject()).isEqualTo(assessment.subject());
    assertThat(opened.assessment()).isEqualTo(assessment);
    assertThat(opened.priority()).isEqualTo(7.5);
    assertThat(opened.tier()).isEqualTo(assessment.tier());
    assertThat(opened.firstSeen()).isEqualTo(Fixtures.T0.minusSeconds(30));
    assertThat(opened.decisions()).isEmpty();
    assertThat(stores.cases().find(opened.id())).contains(opened);
    assertThat(stores.cases().findBySubject(assessment.subject())).contains(opened);
  }

  @Test
  void updatingAnOpenCaseChangesItsAssessmentAndPriorityButNotItsFirstSeen() {
    Platform platform = SharedDatabase.freshPlatform();
    PostKey subject = PostKey.of(platform, "p");
    Case opened = stores.cases().openOrUpdate(Fixtures.assessment(subject, 0.5, Fixtures.T0), 1, Fixtures.T0);
    Assessment later = Fixtures.assessment(subject, 0.95, Fixtures.T0.plusSeconds(600));

    Case updated = stores.cases().openOrUpdate(later, 9, Fixtures.T0.plusSeconds(600));

    assertThat(updated.id()).isEqualTo(opened.id());
    assertThat(updated.assessment()).isEqualTo(later);
    assertThat(updated.priority()).isEqualTo(9);
    assertThat(updated.firstSeen()).isEqualTo(Fixtures.T0);
  }

  @Test
  void theQueueHoldsOpenCasesMostUrgentFirstThenOldestFirst() {
    Platform platform = SharedDatabase.freshPlatform();
    double base = 1_000_000 + System.nanoTime() % 1000; // above other tests' priorities
    Case low = stores.cases().openOrUpdate(Fixtures.assessment(PostKey.of(platform, "low"), 0.5, Fixtures.T0), base, Fixtures.T0);
    Case highYoung = stores.cases().openOrUpdate(Fixtures.assessment(PostKey.of(platform, "hy"), 0.5, Fixtures.T0), base + 1, Fixtures.T0.plusSeconds(5));
    Case highOld = stores.cases().openOrUpdate(Fixtures.assessment(PostKey.of(platform, "ho"), 0.5, Fixtures.T0), base + 1, Fixtures.T0);
    Case decided = stores.cases().openOrUpdate(Fixtures.assessment(PostKey.of(platform, "done"), 0.5, Fixtures.T0), base + 2, Fixtures.T0);
    stores.cases().decide(new DecisionRecord(decided.id(), new Decision.Dismiss(), new Actor.Analyst("ana"), "news report", Fixtures.T0), CaseState.DISMISSED);

    List<Case> queue = stores.cases().queue(10_000).stream().filter(c -> c.subject().platform().equals(platform)).toList();

    assertThat(queue).extracting(Case::id).containsExactly(highOld.id(), highYoung.id(), low.id());
  }

  @Test
  void aDecisionIsAppendedAndMovesTheCase() {
    Platform platform = SharedDatabase.freshPlatform();
    Case opened = stores.cases().openOrUpdate(Fixtures.assessment(AccountKey.of(platform, "acc"), 0.9, Fixtures.T0), 5, Fixtures.T0);
    DecisionRecord refer = new DecisionRecord(opened.id(), new Decision.Refer("glorifies"), new Actor.Analyst("ana"), "official release of the fictional outlet",
        Fixtures.T0.plusSeconds(60));

    Case decided = stores.cases().decide(refer, CaseState.REFERRED);

    assertThat(decided.state()).isEqualTo(CaseState.REFERRED);
    assertThat(decided.decisions()).containsExactly(refer);
    assertThat(stores.cases().find(opened.id())).contains(decided);
  }

  @Test
  void aDecidedCaseRefusesAnotherDecision() {
    Platform platform = SharedDatabase.freshPlatform();
    Case opened = stores.cases().openOrUpdate(Fixtures.assessment(PostKey.of(platform, "p"), 0.9, Fixtures.T0), 5, Fixtures.T0);
    stores.cases().decide(new DecisionRecord(opened.id(), new Decision.Dismiss(), new Actor.Automation("demo"), "not actionable", Fixtures.T0), CaseState.DISMISSED);

    assertThatThrownBy(() -> stores.cases().decide(
        new DecisionRecord(opened.id(), new Decision.Refer("incites"), new Actor.Analyst("bob"), "changed my mind", Fixtures.T0), CaseState.REFERRED))
        .isInstanceOf(CaseNotOpenException.class)
        .hasMessageContaining("DISMISSED");
    assertThat(stores.cases().find(opened.id()).orElseThrow().decisions()).hasSize(1);
  }

  @Test
  void aDecisionOnAnUnknownCaseIsRefused() {
    assertThatThrownBy(() -> stores.cases().decide(
        new DecisionRecord(new CaseId(Long.MAX_VALUE), new Decision.Dismiss(), new Actor.Analyst("bob"), "why", Fixtures.T0), CaseState.DISMISSED))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void decisionsCannotBeUpdatedOrDeleted() {
    Platform platform = SharedDatabase.freshPlatform();
    Case opened = stores.cases().openOrUpdate(Fixtures.assessment(PostKey.of(platform, "p"), 0.9, Fixtures.T0), 5, Fixtures.T0);
    stores.cases().decide(new DecisionRecord(opened.id(), new Decision.Dismiss(), new Actor.Analyst("ana"), "satire", Fixtures.T0), CaseState.DISMISSED);

    assertThatThrownBy(() -> execute("UPDATE decisions SET reason = 'rewritten' WHERE case_id = " + opened.id().value()))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> execute("DELETE FROM decisions WHERE case_id = " + opened.id().value()))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> execute("TRUNCATE decisions CASCADE")).hasMessageContaining("append-only");
    assertThat(stores.cases().find(opened.id()).orElseThrow().decisions()).extracting(DecisionRecord::reason).containsExactly("satire");
  }

  @Test
  void aSubjectDecidedBeforeGetsANewCaseWhenFlaggedAgain() {
    Platform platform = SharedDatabase.freshPlatform();
    PostKey subject = PostKey.of(platform, "p");
    Case first = stores.cases().openOrUpdate(Fixtures.assessment(subject, 0.9, Fixtures.T0), 5, Fixtures.T0);
    stores.cases().decide(new DecisionRecord(first.id(), new Decision.Dismiss(), new Actor.Analyst("ana"), "satire", Fixtures.T0), CaseState.DISMISSED);

    Case second = stores.cases().openOrUpdate(Fixtures.assessment(subject, 0.9, Fixtures.T0.plusSeconds(3600)), 5, Fixtures.T0.plusSeconds(3600));

    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(stores.cases().findBySubject(subject)).contains(second);
  }

  @Test
  void concurrentOpenersOfOneSubjectMeetInOneCase() throws Exception {
    Platform platform = SharedDatabase.freshPlatform();
    PostKey subject = PostKey.of(platform, "contested");
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Case>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        Callable<Case> open = () -> {
          start.await();
          return stores.cases().openOrUpdate(Fixtures.assessment(subject, 0.5, Fixtures.T0.plusSeconds(n)), n, Fixtures.T0);
        };
        results.add(pool.submit(open));
      }
      start.countDown();
      List<CaseId> ids = new ArrayList<>();
      for (Future<Case> result : results) {
        ids.add(result.get().id());
      }

      assertThat(ids).containsOnly(ids.getFirst());
      assertThat(count("SELECT count(*) FROM cases WHERE platform = ?", platform.name())).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
