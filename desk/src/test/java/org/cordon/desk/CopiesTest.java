package org.cordon.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CopiesTest {
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

  /** A post whose assessment carries the given signals (detector, list, entry), with an open case. */
  private CaseId flagged(String detector, String list, String entry) {
    String id = fixture.id("post");
    fixture.post(X, id, fixture.id("author"), "https://x.example/p/" + id, List.of(), "placeholder text");
    PostKey key = new PostKey(X, id);
    List<Signal> signals = detector.isEmpty() ? List.of()
        : List.of(new Signal(key, detector, 0.95, Optional.of(Tier.OFFICIAL_PROPAGANDA), "matched " + entry, Map.of("list", list, "entry", entry)));
    Assessment a = new Assessment(key, 0.95, true, Optional.of(Tier.OFFICIAL_PROPAGANDA), signals, "flagged in a test", fixture.clock.instant());
    return fixture.stores.cases().openOrUpdate(a, 1.0, fixture.clock.instant()).id();
  }

  @Test
  void theCopiesOfACaseAreTheOpenCasesThatMatchedTheSameListEntryAndNobodyElseHolds() {
    CaseId lead = flagged("media-hash", "releases", "release-7 canonical");
    CaseId copy = flagged("media-hash", "releases", "release-7 canonical");
    CaseId mine = flagged("media-hash", "releases", "release-7 canonical");
    CaseId held = flagged("media-hash", "releases", "release-7 canonical");
    CaseId decided = flagged("media-hash", "releases", "release-7 canonical");
    CaseId otherEntry = flagged("media-hash", "releases", "release-8 canonical");
    CaseId otherList = flagged("media-hash", "partner list", "release-7 canonical");
    CaseId sameEntryOtherDetector = flagged("url-list", "releases", "release-7 canonical");
    CaseId lexiconOnly = flagged("", "", "");
    DeskUser ana = DeskUser.analyst("ana");
    fixture.desk.claims().claim(ana, mine);
    fixture.desk.claims().claim(DeskUser.analyst("bob"), held);
    fixture.desk.decisions().decide(DeskUser.analyst("cy"), DecisionDraft.of(decided, DecisionKind.DISMISS, "placeholder: benign"));

    assertThat(fixture.desk.copies().keys(lead)).containsExactly(new Copies.Key("media-hash", "releases", "release-7 canonical"));
    assertThat(fixture.desk.copies().of(ana, lead, 100)).containsExactly(copy, mine);
    assertThat(fixture.desk.copies().of(ana, lead, 1)).containsExactly(copy);
    assertThat(fixture.desk.copies().of(ana, lexiconOnly, 100)).as("no known content, no copies").isEmpty();
    assertThat(List.of(otherEntry, otherList, sameEntryOtherDetector)).doesNotContainAnyElementsOf(fixture.desk.copies().of(ana, lead, 100));
  }

  @Test
  void decidingAllRefersEveryCopyButThoseLeftOutEachWithItsOwnDecisionAndRequest() {
    CaseId lead = flagged("text-near-duplicate", "statements", "statement 3");
    CaseId a = flagged("text-near-duplicate", "statements", "statement 3");
    CaseId b = flagged("text-near-duplicate", "statements", "statement 3");
    CaseId journalist = flagged("text-near-duplicate", "statements", "statement 3");

    Copies.Result result = fixture.desk.copies().decideAll(DeskUser.analyst("ana"),
        DecisionDraft.refer(lead, RequestType.REFERRAL, Category.GLORIFIES, Optional.empty(), "placeholder statement of the group"), Set.of(journalist),
        100);

    assertThat(result.lead().request()).isPresent();
    assertThat(result.copies()).extracting(o -> o.decision().caseId()).containsExactly(a, b);
    assertThat(result.copies()).allSatisfy(o -> {
      assertThat(o.request()).isPresent();
      assertThat(o.decision().decidedBy()).isEqualTo("ana");
      assertThat(o.decision().note()).contains("decided with case " + lead.value());
    });
    assertThat(result.skipped()).isZero();
    assertThat(fixture.desk.decisions().trail(journalist)).as("left out: still in the queue").isEmpty();
    assertThat(fixture.desk.queue().queue(100).items()).extracting(TriageQueue.Item::caseId).contains(journalist).doesNotContain(lead, a, b);
  }

  @Test
  void entriesWithQuotesBackslashesAndRightToLeftMarksMatchOnlyThemselves() {
    String tricky = "rel\"ease\\7 \u202Eevil\u200B \u0644";
    CaseId lead = flagged("media-hash", "list \"q\"", tricky);
    CaseId copy = flagged("media-hash", "list \"q\"", tricky);
    CaseId near = flagged("media-hash", "list \"q\"", tricky.replace("\u200B", ""));

    assertThat(fixture.desk.copies().of(DeskUser.analyst("ana"), lead, 100)).containsExactly(copy).doesNotContain(near);
  }

  @Test
  void aCopyAwaitingASecondPersonIsNotDecidedAgain() {
    CaseId lead = flagged("media-hash", "releases", "release-9");
    CaseId proposed = flagged("media-hash", "releases", "release-9");
    Outcome proposal = fixture.desk.decisions().decide(DeskUser.analyst("bob"),
        DecisionDraft.refer(proposed, RequestType.REMOVAL_ORDER, Category.GLORIFIES, Optional.empty(), "placeholder order"));
    assertThat(proposal.decision().state()).isEqualTo(DecisionEntry.State.AWAITING_APPROVAL);

    assertThat(fixture.desk.copies().of(DeskUser.analyst("ana"), lead, 100)).doesNotContain(proposed);
  }
}
