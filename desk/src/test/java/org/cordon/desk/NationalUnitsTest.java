package org.cordon.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Selectors, hits, deconfliction holds, dedupe and retried sends, through the desk and the referral module's Dispatcher. */
class NationalUnitsTest {
  private static final Platform X = Platform.X;
  private static DeskFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new DeskFixture();
    for (String unit : List.of("DE-BKA", "FR-DGSI", "ES-CGI")) {
      fixture.desk.intelligence().registerUnit(unit);
    }
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static final DeskUser ANA = DeskUser.analyst("ana");
  private static final DeskUser GERMAN = DeskUser.liaison("lena", "DE-BKA");
  private static final DeskUser FRENCH = DeskUser.liaison("luc", "FR-DGSI");

  /** A post by a new author with the given handle; returns its case. */
  private CaseId postBy(String handle, String postId, String url) {
    String author = fixture.id("author");
    fixture.account(X, author, handle, Optional.empty(), Optional.empty());
    fixture.post(X, postId, author, url, List.of(), "placeholder post");
    return fixture.openCase(new PostKey(X, postId), Optional.of(Tier.PROMOTIONAL), fixture.clock.instant());
  }

  @Test
  void aReferralTouchingASelectorUnderInvestigationIsHeldAndNeverReachesTheGateway() {
    String handle = fixture.id("Watched_One");
    fixture.desk.intelligence().addSelector(GERMAN, new SelectorDraft(SelectorKind.HANDLE, "@" + handle.toUpperCase(), true, "operation placeholder"));
    String postId = fixture.id("p");
    CaseId kase = postBy(handle, postId, "https://x.example/p/" + postId);
    FakeGateway gateway = new FakeGateway(X, fixture.clock);

    Outcome outcome = fixture.desk.decisions().decide(ANA, DecisionDraft.refer(kase, RequestType.REFERRAL, Category.GLORIFIES, Optional.empty(), "glorifies"));
    fixture.dispatcher(gateway).sendPending();
    fixture.dispatcher(gateway).sendPending();

    Request request = outcome.request().orElseThrow();
    assertThat(outcome.holds()).singleElement().satisfies(h -> {
      assertThat(h.unit()).isEqualTo("DE-BKA");
      assertThat(h.active()).isTrue();
      assertThat(h.reason()).contains("under investigation");
    });
    assertThat(outcome.dispatchable()).isFalse();
    assertThat(gateway.deliveries).noneMatch(r -> r.id().equals(request.id()));
    assertThat(fixture.desk.requests().find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.PENDING);
    assertThat(fixture.desk.intelligence().notifications("DE-BKA", 100)).anyMatch(n -> n.kind() == Notification.Kind.HOLD
        && n.refId() == outcome.holds().getFirst().id());
    assertThatThrownBy(() -> fixture.desk.requests().appendStatus(request.id(), new StatusChange(RequestStatus.SENT, Instant.now(), "forced")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("held");
  }

  @Test
  void onlyTheOwnerUnitAnswersAHoldAndAReleasedReferralIsThenDispatchedOnce() {
    String handle = fixture.id("owned");
    fixture.desk.intelligence().addSelector(GERMAN, new SelectorDraft(SelectorKind.HANDLE, handle, true, "op"));
    String postId = fixture.id("p");
    CaseId kase = postBy(handle, postId, "https://x.example/p/" + postId);
    FakeGateway gateway = new FakeGateway(X, fixture.clock);
    Outcome outcome = fixture.desk.decisions().decide(ANA, DecisionDraft.refer(kase, RequestType.REFERRAL, Category.INCITES, Optional.empty(), "incites"));
    long hold = outcome.holds().getFirst().id();

    assertThatThrownBy(() -> fixture.desk.intelligence().answerHold(FRENCH, hold, HoldEntry.AnswerKind.RELEASE, "not ours"))
        .isInstanceOfSatisfying(DeskRefusal.class, e -> assertThat(e.reason()).isEqualTo(DeskRefusal.Reason.FORBIDDEN));
    fixture.desk.intelligence().answerHold(GERMAN, hold, HoldEntry.AnswerKind.KEEP, "arrest planned");
    fixture.dispatcher(gateway).sendPending();
    assertThat(gateway.deliveries).noneMatch(r -> r.caseId().equals(kase));

    HoldEntry released = fixture.desk.intelligence().answerHold(GERMAN, hold, HoldEntry.AnswerKind.RELEASE, "evidence secured");
    fixture.dispatcher(gateway).sendPending();
    fixture.dispatcher(gateway).sendPending();

    assertThat(released.active()).isFalse();
    assertThat(released.answers()).extracting(HoldEntry.Answer::kind).containsExactly(HoldEntry.AnswerKind.KEEP, HoldEntry.AnswerKind.RELEASE);
    assertThat(gateway.deliveries).filteredOn(r -> r.caseId().equals(kase)).hasSize(1);
  }

  @Test
  void markingASelectorUnderInvestigationLaterHoldsAnUnsentRequest() {
    String site = "https://files.example/" + fixture.id("doc");
    String postId = fixture.id("p");
    CaseId kase = postBy(fixture.id("h"), postId, site);
    Selector selector = fixture.desk.intelligence().addSelector(FRENCH, new SelectorDraft(SelectorKind.URL, site + "?utm_source=feed", false, "watch only"));
    Outcome outcome = fixture.desk.decisions().decide(ANA, DecisionDraft.refer(kase, RequestType.REFERRAL, Category.INSTRUCTS, Optional.empty(), "manual"));
    assertThat(outcome.holds()).isEmpty();

    fixture.desk.intelligence().setUnderInvestigation(FRENCH, selector.id(), true);
    FakeGateway gateway = new FakeGateway(X, fixture.clock);
    fixture.dispatcher(gateway).sendPending();

    assertThat(fixture.desk.intelligence().holdsOn(outcome.request().orElseThrow().id())).singleElement()
        .satisfies(h -> assertThat(h.unit()).isEqualTo("FR-DGSI"));
    assertThat(gateway.deliveries).noneMatch(r -> r.caseId().equals(kase));
  }

  @Test
  void theSameContentReferredByTwoUnitsAndAnAnalystIsOneRequestWithEveryRequester() {
    String postId = fixture.id("p");
    CaseId kase = postBy(fixture.id("h"), postId, "https://x.example/status/" + postId);
    FakeGateway gateway = new FakeGateway(X, fixture.clock);

    Outcome first = fixture.desk.decisions().decide(ANA, DecisionDraft.refer(kase, RequestType.REFERRAL, Category.GLORIFIES, Optional.empty(), "seen in the queue"));
    Outcome german = fixture.desk.decisions().submitUnitReferral(GERMAN, new UnitReferral(new PostKey(X, postId), List.of(), RequestType.REFERRAL,
        Category.INCITES, Optional.empty(), "from our investigation"));
    // the French unit knows the post only by a differently written URL of it, under an id of its own
    Outcome french = fixture.desk.decisions().submitUnitReferral(FRENCH, new UnitReferral(new PostKey(X, fixture.id("alias")),
        List.of("HTTPS://WWW.X.example/status/" + postId + "?utm_campaign=share#top"), RequestType.REFERRAL, Category.INCITES, Optional.empty(), "reported"));
    fixture.dispatcher(gateway).sendPending();

    assertThat(first.joinedExisting()).isFalse();
    assertThat(german.joinedExisting()).isTrue();
    assertThat(french.joinedExisting()).isTrue();
    assertThat(List.of(german.request().orElseThrow().id(), french.request().orElseThrow().id())).containsOnly(first.request().orElseThrow().id());
    assertThat(fixture.desk.decisions().requesters(first.request().get().id())).extracting(Requester::requestedBy, Requester::unit)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ana", Optional.empty()), org.assertj.core.groups.Tuple.tuple("lena", Optional.of("DE-BKA")),
            org.assertj.core.groups.Tuple.tuple("luc", Optional.of("FR-DGSI")));
    assertThat(gateway.deliveries).filteredOn(r -> r.id().equals(first.request().get().id())).hasSize(1);
  }

  @Test
  void aRetriedSendNeverCreatesASecondRequestAtThePlatform() {
    String postId = fixture.id("p");
    CaseId kase = postBy(fixture.id("h"), postId, "https://x.example/p/" + postId);
    FakeGateway gateway = new FakeGateway(X, fixture.clock);
    gateway.loseAnswers = 2;
    Outcome outcome = fixture.desk.decisions().decide(ANA, DecisionDraft.refer(kase, RequestType.REFERRAL, Category.INCITES, Optional.empty(), "x"));
    // the same decision submitted again (a double click, a retried HTTP call) joins the same request
    Outcome again = fixture.desk.decisions().decide(ANA, DecisionDraft.refer(kase, RequestType.REFERRAL, Category.INCITES, Optional.empty(), "x"));

    for (int run = 0; run < 4; run++) {
      fixture.dispatcher(gateway).sendPending();
    }

    Request request = fixture.desk.requests().find(outcome.request().orElseThrow().id()).orElseThrow();
    assertThat(again.request().orElseThrow().id()).isEqualTo(request.id());
    assertThat(gateway.deliveries).filteredOn(r -> r.id().equals(request.id())).hasSize(3);
    assertThat(gateway.platformRequests).containsOnlyKeys(request.idempotencyKey());
    assertThat(request.status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
  }

  @Test
  void aSelectorSeenAgainIsAHitForItsOwnerUnitOnlyAndOnlyOnce() {
    String handle = fixture.id("Recruiter");
    fixture.desk.intelligence().addSelector(GERMAN, new SelectorDraft(SelectorKind.HANDLE, "@" + handle, false, ""));
    fixture.desk.intelligence().addSelector(FRENCH, new SelectorDraft(SelectorKind.EMAIL, "Contact." + handle + "@Mail.example", false, ""));
    fixture.desk.intelligence().addSelector(DeskUser.liaison("eva", "ES-CGI"), new SelectorDraft(SelectorKind.HANDLE, "someone_else", false, ""));
    Account account = new Account(new AccountKey(X, fixture.id("acc")), handle.toLowerCase(), Optional.empty(),
        Optional.of("write to contact." + handle.toLowerCase() + "@mail.example"), Optional.empty(), java.util.OptionalLong.empty(),
        java.util.OptionalLong.empty(), Optional.empty(), Optional.empty(), List.of());

    List<Hit> hits = fixture.desk.intelligence().observe(account);
    List<Hit> again = fixture.desk.intelligence().observe(account);

    assertThat(hits).extracting(Hit::unit, Hit::matched).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("DE-BKA", "account handle"), org.assertj.core.groups.Tuple.tuple("FR-DGSI", "bio"));
    assertThat(again).isEmpty();
    assertThat(fixture.desk.intelligence().hits("ES-CGI", 100)).isEmpty();
    assertThat(fixture.desk.intelligence().notifications("DE-BKA", 100)).anyMatch(n -> n.kind() == Notification.Kind.HIT && n.message().contains(handle));
  }

  @Test
  void aPostLinkingToAWatchedUrlOrCarryingAWatchedMediaHashIsAHit() {
    String page = fixture.id("page");
    fixture.desk.intelligence().addSelector(FRENCH, new SelectorDraft(SelectorKind.URL, "http://WWW.paste.example/" + page, false, ""));
    fixture.desk.intelligence().addSelector(FRENCH, new SelectorDraft(SelectorKind.MEDIA_HASH, "pdq:" + "AB".repeat(32), false, ""));
    String author = fixture.id("author");
    String postId = fixture.id("p");
    fixture.post(X, postId, author, null, List.of(), "placeholder");
    String mediaId = fixture.id("m");
    fixture.media(X, postId, mediaId, "ab".repeat(32));
    Post post = new Post(new PostKey(X, postId), new AccountKey(X, author), Instant.now(), "see link", Optional.empty(), Optional.empty(),
        List.of(new org.cordon.core.model.MediaKey(X, mediaId)), List.of(), List.of(), List.of("https://paste.example/" + page), List.of());

    List<Hit> linkHits = fixture.desk.intelligence().observe(post);

    assertThat(linkHits).extracting(Hit::unit, Hit::matched).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("FR-DGSI", "post link"), org.assertj.core.groups.Tuple.tuple("FR-DGSI", "media hash"));
  }

  @Test
  void selectorFilesAreImportedRowByRowWithAClearErrorPerBadRow() {
    String handle = fixture.id("imported");
    byte[] csv = ("kind,value,under_investigation,note\n"
        + "handle,@" + handle + ",no,fine\n"
        + "colour,red,no,unknown kind\n"
        + "url,https://bad\u200b.example/x,no,zero width\n"
        + "email,not-an-address,no,bad\n"
        + "\"phone\",\"+44 20 7946 0000\",yes,\"quoted, with comma\"\n").getBytes(StandardCharsets.UTF_8);
    byte[] withBadUtf8 = new byte[csv.length + 8];
    System.arraycopy(csv, 0, withBadUtf8, 0, csv.length);
    System.arraycopy(new byte[] {'u', 'r', 'l', ',', (byte) 0xC3, (byte) 0x28, ',', '\n'}, 0, withBadUtf8, csv.length, 8);

    UnitFiles.ImportReport report = fixture.desk.unitFiles().importSelectors(GERMAN, withBadUtf8, UnitFiles.Format.CSV);

    assertThat(report.accepted()).isEqualTo(2);
    assertThat(report.errors()).extracting(UnitFiles.RowError::row).containsExactly(3L, 4L, 5L, 7L);
    assertThat(report.errors().get(0).reason()).contains("unknown selector kind");
    assertThat(report.errors().get(1).reason()).contains("U+200B");
    assertThat(report.errors().get(3).reason()).contains("UTF-8");
    assertThat(fixture.desk.intelligence().selectors("DE-BKA")).anyMatch(s -> s.kind() == SelectorKind.PHONE && s.normalized().equals("+442079460000")
        && s.underInvestigation());
  }

  @Test
  void referralFilesInJsonAreImportedAndMalformedJsonIsRefusedWithAReason() {
    String postId = fixture.id("p");
    postBy(fixture.id("h"), postId, "https://x.example/p/" + postId);
    String json = "[{\"platform\":\"x\",\"subject_kind\":\"post\",\"subject_id\":\"" + postId + "\",\"urls\":[\"https://x.example/p/" + postId
        + "\"],\"category\":\"incites\",\"tier\":\"promotional\",\"note\":\"from a unit\"},"
        + "{\"platform\":\"X!\",\"subject_kind\":\"post\",\"subject_id\":\"1\",\"category\":\"incites\",\"note\":\"bad platform\"},"
        + "{\"platform\":\"x\",\"subject_kind\":\"post\",\"subject_id\":\"2\",\"category\":\"praises\",\"note\":\"bad category\"}, 7]";

    UnitFiles.ImportReport report = fixture.desk.unitFiles().importReferrals(GERMAN, json.getBytes(StandardCharsets.UTF_8), UnitFiles.Format.JSON);
    UnitFiles.ImportReport broken = fixture.desk.unitFiles().importReferrals(GERMAN, "[{\"platform\":".getBytes(StandardCharsets.UTF_8), UnitFiles.Format.JSON);

    assertThat(report.accepted()).isEqualTo(1);
    assertThat(report.errors()).extracting(UnitFiles.RowError::row).containsExactly(2L, 3L, 4L);
    assertThat(report.errors().get(1).reason()).contains("unknown category");
    assertThat(broken.accepted()).isZero();
    assertThat(broken.errors()).singleElement().satisfies(e -> assertThat(e.reason()).startsWith("malformed JSON"));
  }

  @Test
  void aUnitsAccountReferralWaitsForAnAnalystsApprovalAndRecordsTheUnitAsRequester() {
    String accountId = fixture.id("acc");
    fixture.account(X, accountId, fixture.id("h"), Optional.of("https://x.example/" + accountId), Optional.empty());
    FakeGateway gateway = new FakeGateway(X, fixture.clock);

    Outcome proposal = fixture.desk.decisions().submitUnitReferral(GERMAN, new UnitReferral(new AccountKey(X, accountId), List.of(),
        RequestType.REFERRAL, Category.SOLICITS_PARTICIPATION, Optional.of(Tier.OFFICIAL_PROPAGANDA), "recruiter known to us"));
    fixture.dispatcher(gateway).sendPending();
    assertThat(proposal.decision().state()).isEqualTo(DecisionEntry.State.AWAITING_APPROVAL);
    assertThat(gateway.deliveries).noneMatch(r -> r.subject().equals(new AccountKey(X, accountId)));

    Outcome approved = fixture.desk.decisions().approve(ANA, proposal.decision().id(), "checked the account");
    fixture.dispatcher(gateway).sendPending();

    assertThat(fixture.desk.decisions().requesters(approved.request().orElseThrow().id())).extracting(Requester::unit).containsExactly(Optional.of("DE-BKA"));
    assertThat(gateway.deliveries).filteredOn(r -> r.subject().equals(new AccountKey(X, accountId))).singleElement()
        .satisfies(r -> assertThat(r.urls()).containsExactly("https://x.example/" + accountId));
  }
}
