package org.cordon.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.cordon.core.triage.CaseState;
import org.cordon.referral.report.TransparencyFigures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** After a request goes out: verification, re-posts, statistics and retention. Each test works in its own stretch of (fake) time. */
class LifecycleTest {
  private static final Platform X = Platform.X;
  private static final DeskUser ANA = DeskUser.analyst("ana");
  private static DeskFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new DeskFixture();
    fixture.desk.intelligence().registerUnit("DE-BKA");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** A post referred by an analyst and sent (acknowledged); returns its request. */
  private Request referredPost(String postId, Optional<Tier> tier, Instant firstSeen) {
    fixture.post(X, postId, fixture.id("author"), "https://x.example/p/" + postId, List.of(), "placeholder");
    CaseId kase = fixture.openCase(new PostKey(X, postId), tier, firstSeen);
    Request request = fixture.desk.decisions().decide(ANA, DecisionDraft.refer(kase, RequestType.REFERRAL, Category.GLORIFIES, Optional.empty(), "why"))
        .request().orElseThrow();
    fixture.dispatcher(new FakeGateway(X, fixture.clock)).sendPending();
    return request;
  }

  private void platformSays(RequestId request, RequestStatus status) {
    fixture.desk.requests().appendStatus(request, new StatusChange(status, fixture.clock.instant(), "platform says " + status));
  }

  @Test
  void removedContentIsCheckedAtGrowingIntervalsAndContentThatComesBackReopensTheCase() {
    fixture.clock.set(Instant.parse("2027-06-01T08:00:00Z"));
    String postId = fixture.id("p");
    Request request = referredPost(postId, Optional.of(Tier.OFFICIAL_PROPAGANDA), fixture.clock.instant());
    platformSays(request.id(), RequestStatus.REMOVED);
    fixture.presence = ContentChecker.Presence.GONE;

    fixture.clock.advance(Duration.ofMinutes(30));
    fixture.desk.verification().verifyDue();
    assertThat(fixture.desk.verification().checks(request.id())).isEmpty();

    fixture.clock.advance(Duration.ofMinutes(31));
    fixture.desk.verification().verifyDue();
    fixture.desk.verification().verifyDue();
    assertThat(fixture.desk.verification().checks(request.id())).extracting(Verification.CheckRecord::presence)
        .containsExactly(ContentChecker.Presence.GONE);

    fixture.presence = ContentChecker.Presence.PRESENT;
    fixture.clock.advance(Duration.ofHours(6));
    fixture.desk.verification().verifyDue();
    fixture.clock.advance(Duration.ofDays(2));
    fixture.desk.verification().verifyDue();
    fixture.presence = ContentChecker.Presence.GONE;

    assertThat(fixture.desk.verification().checks(request.id())).extracting(Verification.CheckRecord::step, Verification.CheckRecord::presence)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, ContentChecker.Presence.GONE), org.assertj.core.groups.Tuple.tuple(1, ContentChecker.Presence.PRESENT));
    Reopening reopening = fixture.desk.verification().reopenings(100).stream().filter(r -> r.request().equals(request.id())).findFirst().orElseThrow();
    assertThat(reopening.kind()).isEqualTo(Reopening.Kind.CONTENT_BACK);
    var reopened = fixture.stores.cases().find(reopening.reopenedCase()).orElseThrow();
    assertThat(reopened.state()).isEqualTo(CaseState.OPEN);
    assertThat(reopened.id()).isNotEqualTo(request.caseId());
    // referring it again is a new request, not the old removed one
    Request second = fixture.desk.decisions().decide(ANA, DecisionDraft.refer(reopened.id(), RequestType.REFERRAL, Category.GLORIFIES, Optional.empty(),
        "back again")).request().orElseThrow();
    assertThat(second.id()).isNotEqualTo(request.id());
  }

  @Test
  void theSameMediaRepostedElsewhereOpensALinkedCaseOnce() {
    fixture.clock.set(Instant.parse("2027-09-01T08:00:00Z"));
    String postId = fixture.id("p");
    String hash = "c3".repeat(32);
    fixture.post(X, postId, fixture.id("author"), "https://x.example/p/" + postId, List.of(), "placeholder");
    fixture.media(X, postId, fixture.id("m"), hash);
    CaseId kase = fixture.openCase(new PostKey(X, postId), Optional.of(Tier.GRAPHIC_VIOLENCE), fixture.clock.instant());
    Request request = fixture.desk.decisions().decide(ANA, DecisionDraft.refer(kase, RequestType.REFERRAL, Category.GLORIFIES, Optional.empty(), "why"))
        .request().orElseThrow();
    PostKey elsewhere = new PostKey(Platform.TELEGRAM, fixture.id("copy"));

    Optional<Reopening> first = fixture.desk.verification().reportRepost(elsewhere, "pdq:" + hash.toUpperCase());
    Optional<Reopening> again = fixture.desk.verification().reportRepost(elsewhere, hash);
    Optional<Reopening> unrelated = fixture.desk.verification().reportRepost(new PostKey(X, fixture.id("other")), "d4".repeat(32));

    assertThat(first).get().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(Reopening.Kind.REPOST);
      assertThat(r.request()).isEqualTo(request.id());
      assertThat(fixture.stores.cases().find(r.reopenedCase()).orElseThrow().subject()).isEqualTo(elsewhere);
    });
    assertThat(again).isEmpty();
    assertThat(unrelated).isEmpty();
  }

  @Test
  void statisticsGiveRemovalRatesTimesHoldsDedupesBreachesAndComplaintsForAPeriod() {
    Instant nine = Instant.parse("2028-01-10T09:00:00Z");
    fixture.clock.set(nine.plus(Duration.ofMinutes(10)));
    Request fast = referredPost(fixture.id("p"), Optional.of(Tier.PROMOTIONAL), nine);
    fixture.desk.decisions().submitUnitReferral(DeskUser.liaison("lena", "DE-BKA"), new UnitReferral(fast.subject(), List.of(), RequestType.REFERRAL,
        Category.INCITES, Optional.empty(), "ours too"));
    fixture.clock.set(nine.plus(Duration.ofMinutes(30)));
    Request late = referredPost(fixture.id("p"), Optional.of(Tier.THREAT_TO_LIFE), nine);
    platformSays(late.id(), RequestStatus.REJECTED);
    fixture.clock.set(nine.plus(Duration.ofMinutes(40)));
    platformSays(fast.id(), RequestStatus.REMOVED);
    fixture.desk.verification().recordComplaint(fast.id(), "the uploader complained");

    String accountId = fixture.id("acc");
    fixture.account(Platform.TELEGRAM, accountId, "chan_" + accountId, Optional.empty(), Optional.empty());
    CaseId accountCase = fixture.openCase(new AccountKey(Platform.TELEGRAM, accountId), Optional.of(Tier.PROMOTIONAL), nine);
    Outcome proposal = fixture.desk.decisions().decide(ANA, DecisionDraft.refer(accountCase, RequestType.REFERRAL, Category.SOLICITS, Optional.empty(), "recruits"));
    fixture.clock.set(nine.plus(Duration.ofMinutes(60)));
    fixture.desk.decisions().approve(DeskUser.supervisor("sue"), proposal.decision().id(), "agree");
    fixture.dispatcher(new FakeGateway(Platform.TELEGRAM, fixture.clock)).sendPending();

    String watched = fixture.id("watched");
    fixture.desk.intelligence().addSelector(DeskUser.liaison("lena", "DE-BKA"), new SelectorDraft(SelectorKind.URL, "https://x.example/p/" + watched, true, "op"));
    Request held = referredPost(watched, Optional.of(Tier.PROMOTIONAL), nine);
    fixture.clock.set(nine.plus(Duration.ofMinutes(90)));

    TransparencyFigures figures = fixture.desk.statistics().transparency("Test Referral Unit", LocalDate.of(2028, 1, 10), LocalDate.of(2028, 1, 10));
    DeskCounts counts = fixture.desk.statistics().counts(nine.minus(Duration.ofHours(1)), nine.plus(Duration.ofDays(1)));

    assertThat(figures.platforms()).extracting(p -> p.platform().name(), TransparencyFigures.PlatformFigures::counts).containsExactly(
        org.assertj.core.groups.Tuple.tuple("telegram", new TransparencyFigures.Counts(1, 0, 0, 0)),
        org.assertj.core.groups.Tuple.tuple("x", new TransparencyFigures.Counts(2, 0, 1, 1)));
    assertThat(figures.firstSeenToReferral()).isEqualTo(new TransparencyFigures.Times(3, Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(60))));
    assertThat(figures.referralToRemoval()).isEqualTo(new TransparencyFigures.Times(1, Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(30))));
    assertThat(figures.tiers()).extracting(TransparencyFigures.TierFigures::tier).containsExactly(Tier.THREAT_TO_LIFE, Tier.PROMOTIONAL);
    assertThat(figures.holds()).isEqualTo(1);
    assertThat(figures.complaints()).isEqualTo(1);
    assertThat(counts).isEqualTo(new DeskCounts(1, 0, 1, 1, 0, 0, 1, 0));
    assertThat(fixture.desk.statistics().timelines(nine.minus(Duration.ofHours(1)), nine.plus(Duration.ofDays(1))))
        .filteredOn(t -> t.id().equals(held.id())).singleElement().satisfies(t -> assertThat(t.sentAt()).isEmpty());
  }

  @Test
  void retentionPurgesExactlyTheTrailsThatAreDueAndLeavesAnAudit() {
    Instant t0 = Instant.parse("2026-01-05T10:00:00Z");
    fixture.clock.set(t0);
    Sha256 onlyA = Sha256.of("evidence only a".getBytes());
    Sha256 shared = Sha256.of("evidence shared".getBytes());
    Request a = referredPost(fixture.id("a"), Optional.of(Tier.PROMOTIONAL), t0);
    fixture.desk.retention().preserve(a.caseId(), onlyA, "archived post");
    fixture.desk.retention().preserve(a.caseId(), shared, "archived media");
    platformSays(a.id(), RequestStatus.REMOVED);
    fixture.clock.advance(Duration.ofDays(60));
    Request b = referredPost(fixture.id("b"), Optional.of(Tier.PROMOTIONAL), fixture.clock.instant());
    fixture.desk.retention().preserve(b.caseId(), shared, "archived media");
    platformSays(b.id(), RequestStatus.REMOVED);
    Request c = referredPost(fixture.id("c"), Optional.of(Tier.PROMOTIONAL), fixture.clock.instant());
    fixture.desk.retention().preserve(c.caseId(), Sha256.of("evidence c".getBytes()), "archived post");
    CaseId dismissed = fixture.openCase(new PostKey(X, fixture.id("d")), Optional.empty(), fixture.clock.instant());
    fixture.desk.decisions().decide(ANA, DecisionDraft.of(dismissed, DecisionKind.DISMISS, "not actionable"));

    fixture.clock.set(t0.plus(DeskPolicy.SIX_MONTHS).minusSeconds(1));
    assertThat(fixture.desk.retention().purgeDue()).isEmpty();

    fixture.clock.set(t0.plus(DeskPolicy.SIX_MONTHS).plus(Duration.ofDays(1)));
    List<Retention.Purged> purged = fixture.desk.retention().purgeDue();
    List<Retention.Purged> again = fixture.desk.retention().purgeDue();

    assertThat(purged).extracting(Retention.Purged::caseId).containsExactly(a.caseId());
    assertThat(purged.getFirst().evidence()).isEqualTo(2);
    assertThat(purged.getFirst().decisions()).isEqualTo(1);
    assertThat(again).isEmpty();
    assertThat(fixture.disposed).containsExactly(onlyA);
    assertThat(fixture.desk.decisions().trail(a.caseId())).isEmpty();
    assertThat(fixture.desk.retention().evidence(a.caseId())).isEmpty();
    assertThat(fixture.desk.decisions().trail(b.caseId())).hasSize(1);
    assertThat(fixture.desk.retention().evidence(b.caseId())).containsExactly(shared);
    assertThat(fixture.desk.decisions().trail(c.caseId())).hasSize(1);
    assertThat(fixture.desk.decisions().trail(dismissed)).hasSize(1);
    assertThat(fixture.desk.retention().audit()).extracting(Retention.Purged::caseId).containsExactly(a.caseId());
  }

  @Test
  void theQueuePutsTheMostSevereTierFirstAndRaisesItemsNearingTheirTarget() {
    Instant now = Instant.parse("2028-05-02T12:00:00Z");
    fixture.clock.set(now);
    CaseId nearing = fixture.openCase(new PostKey(X, fixture.id("q")), Optional.of(Tier.PROMOTIONAL), now.minus(Duration.ofMinutes(110)));
    CaseId fresh = fixture.openCase(new PostKey(X, fixture.id("q")), Optional.of(Tier.PROMOTIONAL), now.minus(Duration.ofMinutes(5)));
    CaseId lifeThreat = fixture.openCase(new PostKey(X, fixture.id("q")), Optional.of(Tier.THREAT_TO_LIFE), now.minus(Duration.ofMinutes(20)));

    TriageQueue.View view = fixture.desk.queue().queue(10_000);

    List<TriageQueue.Item> mine = view.items().stream().filter(i -> List.of(nearing, fresh, lifeThreat).contains(i.caseId())).toList();
    assertThat(mine).extracting(TriageQueue.Item::caseId).containsExactly(lifeThreat, nearing, fresh);
    assertThat(mine).extracting(i -> i.priority().clock()).containsExactly(DeskPriority.ClockState.BREACHED, DeskPriority.ClockState.NEARING,
        DeskPriority.ClockState.ON_TIME);
    assertThat(view.breached()).isPositive();
    assertThat(view.nearing()).isPositive();
  }

  @Test
  void theReferralModulesStatusTrackerRecordsARemovalThroughTheDeskStore() {
    fixture.clock.set(Instant.parse("2028-07-01T08:00:00Z"));
    String postId = fixture.id("v");
    fixture.post(Platform.VIDEO, postId, fixture.id("author"), "https://video.example/watch/" + postId, List.of(), "placeholder text");
    CaseId kase = fixture.openCase(new PostKey(Platform.VIDEO, postId), Optional.of(Tier.GRAPHIC_VIOLENCE), fixture.clock.instant());
    Request request = fixture.desk.decisions().decide(ANA, DecisionDraft.refer(kase, RequestType.REFERRAL, Category.GLORIFIES, Optional.empty(),
        "note with a \u0000 in it")).request().orElseThrow();
    FakeGateway gateway = new FakeGateway(Platform.VIDEO, fixture.clock);
    fixture.dispatcher(gateway).sendPending();
    gateway.nextPollAnswer = Optional.of(RequestStatus.REMOVED);

    int changed = new org.cordon.referral.desk.StatusTracker(fixture.desk.requests(), java.util.Map.of(Platform.VIDEO, gateway)).pollOpen();

    assertThat(changed).isEqualTo(1);
    assertThat(fixture.desk.requests().find(request.id()).orElseThrow().history()).extracting(StatusChange::status)
        .containsExactly(RequestStatus.PENDING, RequestStatus.SENT, RequestStatus.ACKNOWLEDGED, RequestStatus.REMOVED);
    assertThat(request.urls()).containsExactly("https://video.example/watch/" + postId);
    assertThat(fixture.desk.decisions().trail(kase).getFirst().note()).isEqualTo("note with a \uFFFD in it");
  }
}
