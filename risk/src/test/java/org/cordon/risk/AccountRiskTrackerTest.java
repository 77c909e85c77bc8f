package org.cordon.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.junit.jupiter.api.Test;

class AccountRiskTrackerTest {
  private static final Instant T0 = Instant.parse("2015-07-01T10:00:00Z");
  private static final AccountKey ALICE = AccountKey.of(Platform.X, "alice");
  private static final AccountKey BOB = AccountKey.of(Platform.X, "bob");

  private final AccountRiskTracker tracker = new AccountRiskTracker(RiskConfig.defaults());
  private final AccountRiskModel model = AccountRiskModel.defaults();
  private int posts;

  private Assessment assessment(boolean flagged, double score, Optional<Tier> tier, String... kinds) {
    PostKey key = PostKey.of(Platform.X, "p" + posts++);
    List<Signal> signals = new ArrayList<>();
    for (String kind : kinds) {
      signals.add(new Signal(key, kind, score, tier, kind + " hit", Map.of()));
    }
    return new Assessment(key, score, flagged, tier, signals, "test", T0);
  }

  private void flaggedPost(AccountKey author, Instant at) {
    tracker.observePost(author, at, assessment(true, 0.9, Optional.of(Tier.PROMOTIONAL), "classifier"), List.of());
  }

  private void plainPost(AccountKey author, Instant at) {
    tracker.observePost(author, at, assessment(false, 0.1, Optional.empty()), List.of());
  }

  private double feature(AccountKey account, String name) {
    return tracker.features(account).orElseThrow().value(name);
  }

  @Test
  void newFlaggedPostsRaiseTheScoreAsTheyArrive() {
    for (int i = 0; i < 10; i++) {
      plainPost(ALICE, T0.plusSeconds(600L * i));
    }
    double before = tracker.assess(ALICE, model).orElseThrow().probability();

    for (int i = 0; i < 5; i++) {
      flaggedPost(ALICE, T0.plusSeconds(7200 + 600L * i));
    }
    AccountRisk after = tracker.assess(ALICE, model).orElseThrow();

    assertThat(after.probability()).isGreaterThan(before + 0.2);
    assertThat(feature(ALICE, FeatureSchema.FLAGGED_SHARE)).isEqualTo(5.0 / 16);
  }

  @Test
  void explanationNamesTheStrongestFlaggedPostsBehindTheTopReason() {
    for (int i = 0; i < 8; i++) {
      tracker.observePost(ALICE, T0.plusSeconds(60L * i),
          assessment(true, 0.6 + i * 0.05, Optional.of(Tier.OFFICIAL_PROPAGANDA), "classifier"), List.of());
    }
    plainPost(ALICE, T0.plusSeconds(3600));

    AccountRisk risk = tracker.assess(ALICE, model).orElseThrow();

    assertThat(risk.flagged()).isTrue();
    assertThat(risk.reasons().get(0).feature()).isEqualTo(FeatureSchema.FLAGGED_SHARE);
    // the three strongest of the eight, strongest first
    assertThat(risk.reasons().get(0).evidence()).containsExactly(
        "8 of 9 posts flagged", "x:post:p7 (0.95)", "x:post:p6 (0.90)", "x:post:p5 (0.85)");
    assertThat(risk.tier()).contains(Tier.OFFICIAL_PROPAGANDA);
    assertThat(risk.modelId()).isEqualTo(model.id());
    assertThat(risk.summary()).startsWith("account risk 0.").contains("official propaganda", "flagged_share");
  }

  @Test
  void propagationRaisesAnAccountThatFollowsManyConfirmedAccounts() {
    AccountKey follower = AccountKey.of(Platform.X, "follower");
    AccountKey bystander = AccountKey.of(Platform.X, "bystander");
    for (int i = 0; i < 6; i++) {
      AccountKey known = AccountKey.of(Platform.X, "known" + i);
      tracker.mark(known, AccountStatus.CONFIRMED);
      tracker.observe(new Interaction.Follow(follower, known, Optional.empty()));
      tracker.observe(new Interaction.Follow(bystander, AccountKey.of(Platform.X, "someone" + i), Optional.empty()));
      plainPost(follower, T0.plusSeconds(i));
      plainPost(bystander, T0.plusSeconds(i));
    }
    double beforePropagation = feature(follower, FeatureSchema.PROPAGATION_OUT);

    tracker.propagate();

    assertThat(beforePropagation).isZero();
    assertThat(feature(follower, FeatureSchema.PROPAGATION_OUT)).isEqualTo(6.0 / 8, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(feature(bystander, FeatureSchema.PROPAGATION_OUT)).isZero();
    assertThat(feature(follower, FeatureSchema.FOLLOWS_RISKY)).isEqualTo(Math.log1p(6));
    AccountRisk risk = tracker.assess(follower, model).orElseThrow();
    assertThat(risk.probability()).isGreaterThan(tracker.assess(bystander, model).orElseThrow().probability() * 10);
    Contribution follows = risk.reasons().stream()
        .filter(c -> c.feature().equals(FeatureSchema.FOLLOWS_RISKY_SHARE)).findFirst().orElseThrow();
    assertThat(follows.evidence()).contains("follows 6 risky of 6").anyMatch(e -> e.endsWith("(confirmed)"));
  }

  @Test
  void propagationReachesAnAccountTwoStepsFromTheConfirmedOnes() {
    AccountKey hub = AccountKey.of(Platform.X, "hub");
    AccountKey outer = AccountKey.of(Platform.X, "outer");
    for (int i = 0; i < 6; i++) {
      AccountKey known = AccountKey.of(Platform.X, "known" + i);
      tracker.mark(known, AccountStatus.CONFIRMED);
      tracker.observe(new Interaction.Follow(hub, known, Optional.empty()));
    }
    tracker.observe(new Interaction.Follow(outer, hub, Optional.empty()));

    tracker.propagate();

    assertThat(feature(outer, FeatureSchema.PROPAGATION_OUT)).isGreaterThan(0.1);
    assertThat(feature(outer, FeatureSchema.FOLLOWS_RISKY)).as("the hub has no content of its own").isZero();
  }

  @Test
  void aClearedAccountPassesNoRiskOnWhateverItPosts() {
    AccountKey journalist = AccountKey.of(Platform.X, "journalist");
    for (int i = 0; i < 10; i++) {
      flaggedPost(journalist, T0.plusSeconds(i));
    }
    tracker.observe(new Interaction.Follow(ALICE, journalist, Optional.empty()));
    tracker.propagate();
    double whileUnknown = feature(ALICE, FeatureSchema.PROPAGATION_OUT);

    tracker.mark(journalist, AccountStatus.CLEARED);
    tracker.propagate();

    assertThat(whileUnknown).isGreaterThan(0.2);
    assertThat(feature(ALICE, FeatureSchema.PROPAGATION_OUT)).isZero();
    assertThat(tracker.status(journalist)).contains(AccountStatus.CLEARED);
  }

  @Test
  void aNewEdgeToARiskyAccountCountsBeforeTheNextPropagation() {
    tracker.mark(BOB, AccountStatus.CONFIRMED);
    tracker.observe(new Interaction.Share(ALICE, Interaction.Share.Kind.REPOST, PostKey.of(Platform.X, "s1"),
        Optional.empty(), Optional.of(BOB), Optional.empty(), T0));
    tracker.observe(new Interaction.Share(ALICE, Interaction.Share.Kind.QUOTE, PostKey.of(Platform.X, "s2"),
        Optional.empty(), Optional.of(BOB), Optional.empty(), T0));

    assertThat(feature(ALICE, FeatureSchema.REPOSTS_RISKY)).isEqualTo(Math.log1p(1));
    assertThat(feature(ALICE, FeatureSchema.REPOSTS_RISKY_SHARE)).isEqualTo(0.5);
    assertThat(feature(ALICE, FeatureSchema.ENGAGES_RISKY)).as("a quote is engagement, not passing on").isEqualTo(Math.log1p(1));
  }

  @Test
  void aReplayedPostOrInteractionCountsOnce() {
    Assessment a = assessment(true, 0.9, Optional.of(Tier.PROMOTIONAL), "classifier");
    Interaction.Follow follow = new Interaction.Follow(ALICE, BOB, Optional.empty());

    assertThat(tracker.observePost(ALICE, T0, a, List.of())).isTrue();
    assertThat(tracker.observePost(ALICE, T0, a, List.of())).isFalse();
    assertThat(tracker.observe(follow)).isTrue();
    assertThat(tracker.observe(follow)).isFalse();

    assertThat(feature(ALICE, FeatureSchema.FLAGGED)).isEqualTo(Math.log1p(1));
    assertThat(feature(ALICE, FeatureSchema.FOLLOWS)).isEqualTo(Math.log1p(1));
    assertThat(tracker.duplicates()).isEqualTo(2);
  }

  @Test
  void eventsOutOfTimeOrderGiveTheSameFeaturesAsInOrderButTheBurstWindow() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<Runnable> events = new ArrayList<>();
    AccountRiskTracker ordered = new AccountRiskTracker(RiskConfig.defaults());
    AccountRiskTracker shuffled = new AccountRiskTracker(RiskConfig.defaults());
    List<Assessment> assessments = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      boolean flagged = random.nextDouble() < 0.3;
      assessments.add(assessment(flagged, flagged ? 0.8 : 0.2, flagged ? Optional.of(Tier.PROMOTIONAL) : Optional.empty(),
          flagged ? "classifier" : "lexicon"));
      times.add(T0.plusSeconds(random.nextInt(86_400 * 3)));
    }
    for (AccountRiskTracker t : List.of(ordered, shuffled)) {
      t.releaseSeen("r1", T0.plusSeconds(3600));
      t.flagHashtag("emberwire");
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      order.add(i);
    }
    order.sort((x, y) -> times.get(x).compareTo(times.get(y)));
    for (int i : order) {
      ordered.observePost(ALICE, times.get(i), assessments.get(i), i % 3 == 0 ? List.of("#EmberWire") : List.of());
    }
    Collections.shuffle(order, random);
    for (int i : order) {
      shuffled.observePost(ALICE, times.get(i), assessments.get(i), i % 3 == 0 ? List.of("#EmberWire") : List.of());
    }

    AccountFeatures a = ordered.features(ALICE).orElseThrow();
    AccountFeatures b = shuffled.features(ALICE).orElseThrow();
    for (String name : a.names()) {
      if (!name.equals(FeatureSchema.BURST)) {
        assertThat(b.value(name)).as(name + " (seed " + seed + ")").isEqualTo(a.value(name), org.assertj.core.data.Offset.offset(1e-6));
      }
    }
    // the burst window is the one order-dependent figure; it never exceeds two adjacent hours' posts
    int[] perHour = new int[24 * 3 + 1];
    times.forEach(t -> perHour[(int) (Duration.between(T0, t).toHours())]++);
    int twoHours = 0;
    for (int h = 1; h < perHour.length; h++) {
      twoHours = Math.max(twoHours, perHour[h - 1] + perHour[h]);
    }
    assertThat(b.value(FeatureSchema.BURST)).as("seed " + seed).isBetween(Math.log1p(1), Math.log1p(twoHours) + 1e-9);
  }

  @Test
  void aBurstOfPostsWithinAnHourIsMeasured() {
    for (int i = 0; i < 20; i++) {
      plainPost(ALICE, T0.plusSeconds(90L * i)); // twenty posts in half an hour
    }
    for (int i = 0; i < 20; i++) {
      plainPost(BOB, T0.plusSeconds(3 * 3600L * i)); // one every three hours
    }

    assertThat(feature(ALICE, FeatureSchema.BURST)).isGreaterThanOrEqualTo(Math.log1p(19));
    assertThat(feature(BOB, FeatureSchema.BURST)).isEqualTo(Math.log1p(1));
  }

  @Test
  void postsSoonAfterAReleaseCountAndLaterOnesDoNot() {
    tracker.releaseSeen("release-1", T0);
    tracker.releaseSeen("release-1", T0.plusSeconds(7200)); // a later sighting of the same release
    flaggedPost(ALICE, T0.plusSeconds(600));
    plainPost(ALICE, T0.plusSeconds(1200));
    plainPost(ALICE, T0.plus(Duration.ofHours(2)));
    plainPost(ALICE, T0.minusSeconds(60));

    assertThat(feature(ALICE, FeatureSchema.SOON_AFTER_RELEASE_SHARE)).isEqualTo(2.0 / 5);
    assertThat(feature(ALICE, FeatureSchema.SOON_AFTER_RELEASE_FLAGGED)).isEqualTo(Math.log1p(1));
  }

  @Test
  void flaggedHashtagsMatchWhateverTheirCaseOrWidth() {
    tracker.flagHashtag("#LanternLight");
    tracker.observePost(ALICE, T0, assessment(false, 0.1, Optional.empty()), List.of("ＬａｎｔｅｒｎＬｉｇｈｔ"));
    tracker.observePost(ALICE, T0, assessment(false, 0.1, Optional.empty()), List.of("weather"));

    assertThat(feature(ALICE, FeatureSchema.FLAGGED_HASHTAG_SHARE)).isEqualTo(1.0 / 3);
    assertThatThrownBy(() -> tracker.flagHashtag(" # ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
  }

  @Test
  void theTierNeedsTwoPostsExceptThreatToLife() {
    tracker.observePost(ALICE, T0, assessment(true, 0.9, Optional.of(Tier.GRAPHIC_VIOLENCE), "classifier"), List.of());
    assertThat(tracker.tier(ALICE)).isEmpty();
    tracker.observePost(ALICE, T0, assessment(true, 0.9, Optional.of(Tier.PROMOTIONAL), "classifier"), List.of());
    assertThat(tracker.tier(ALICE)).contains(Tier.PROMOTIONAL);
    tracker.observePost(ALICE, T0, assessment(true, 0.9, Optional.of(Tier.OFFICIAL_PROPAGANDA), "classifier"), List.of());
    assertThat(tracker.tier(ALICE)).contains(Tier.OFFICIAL_PROPAGANDA);
    tracker.observePost(ALICE, T0, assessment(true, 0.9, Optional.of(Tier.THREAT_TO_LIFE), "classifier"), List.of());
    assertThat(tracker.tier(ALICE)).contains(Tier.THREAT_TO_LIFE);
    tracker.observePost(BOB, T0, assessment(false, 0.2, Optional.of(Tier.THREAT_TO_LIFE), "lexicon"), List.of());
    assertThat(tracker.tier(BOB)).as("unflagged posts give no tier").isEmpty();
  }

  @Test
  void knownContentAndSignalKindsAreCountedByKind() {
    tracker.observePost(ALICE, T0, assessment(true, 1.0, Optional.of(Tier.OFFICIAL_PROPAGANDA), "media-hash", "classifier"), List.of());
    tracker.observePost(ALICE, T0, assessment(false, 0.4, Optional.empty(), "some-new-detector"), List.of());

    assertThat(feature(ALICE, FeatureSchema.KNOWN_CONTENT)).isEqualTo(Math.log1p(1));
    assertThat(feature(ALICE, "kind.media-hash.share")).isEqualTo(1.0 / 3);
    assertThat(feature(ALICE, "kind.other.share")).isEqualTo(0.4 / 3, org.assertj.core.data.Offset.offset(1e-6));
    AccountRisk risk = tracker.assess(ALICE, model).orElseThrow();
    assertThat(risk.reasons()).filteredOn(c -> c.feature().equals(FeatureSchema.KNOWN_CONTENT))
        .singleElement().satisfies(c -> assertThat(c.evidence()).contains("x:post:p0 (1.00)"));
  }

  @Test
  void theLatestProfileReplacesTheOneBefore() {
    tracker.observeProfile(ALICE, new ProfileEvidence(0.9, "bio names Ember Wire", Optional.of("avatar of a suspended account")));
    AccountRisk before = tracker.assess(ALICE, model).orElseThrow();

    tracker.observeProfile(ALICE, new ProfileEvidence(0, "nothing in name or bio", Optional.empty()));
    AccountRisk after = tracker.assess(ALICE, model).orElseThrow();

    assertThat(before.reasons()).extracting(Contribution::feature).contains(FeatureSchema.PROFILE, FeatureSchema.AVATAR);
    assertThat(before.reasons()).filteredOn(c -> c.feature().equals(FeatureSchema.AVATAR)).singleElement()
        .satisfies(c -> assertThat(c.evidence()).containsExactly("avatar of a suspended account"));
    assertThat(after.reasons()).isEmpty();
    assertThat(after.probability()).isLessThan(before.probability());
    assertThat(feature(ALICE, FeatureSchema.PROFILE)).isZero();
  }

  @Test
  void anUnknownAccountHasNoAssessment() {
    AccountKey stranger = AccountKey.of(Platform.TELEGRAM, "user404");

    assertThat(tracker.assess(stranger, model)).isEmpty();
    assertThat(tracker.features(stranger)).isEmpty();
    assertThat(tracker.tier(stranger)).isEmpty();
    assertThat(tracker.status(stranger)).isEmpty();
    assertThat(tracker.probability(stranger, model)).isNaN();
    assertThat(tracker.tracks(stranger)).isFalse();
  }

  @Test
  void hostileInputsAreRefusedWithAReason() {
    assertThatThrownBy(() -> new ProfileEvidence(Double.NaN, "bio", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> new ProfileEvidence(1.5, "bio", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    PostKey post = PostKey.of(Platform.X, "p");
    assertThatThrownBy(() -> new Signal(post, "classifier", Double.NaN, Optional.empty(), "", Map.of()))
        .as("core refuses NaN strengths before they reach the tracker").isInstanceOf(IllegalArgumentException.class);
    Assessment ofAnAccount = new Assessment(BOB, 0.9, true, Optional.empty(), List.of(), "", T0);
    assertThatThrownBy(() -> tracker.observePost(ALICE, T0, ofAnAccount, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("assessments of posts");
    Assessment onTelegram = new Assessment(PostKey.of(Platform.TELEGRAM, "1/2"), 0.9, true, Optional.empty(), List.of(), "", T0);
    assertThatThrownBy(() -> tracker.observePost(ALICE, T0, onTelegram, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another platform");
    Post someonesPost = new Post(PostKey.of(Platform.X, "q"), ALICE, T0, "text", Optional.empty(), Optional.empty(),
        List.of(), List.of(), List.of(), List.of(), List.of());
    assertThatThrownBy(() -> tracker.observe(someonesPost, assessment(true, 0.9, Optional.empty(), "classifier")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
    assertThatThrownBy(() -> tracker.releaseSeen(" ", T0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tracker.observePost(ALICE, Instant.MAX, assessment(false, 0.1, Optional.empty()), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
    assertThat(tracker.rejected()).isEqualTo(4);
    assertThat(tracker.size()).as("refused input creates no account").isZero();
  }

  @Test
  void interactionsWithoutAKnownTargetOrWithOneselfAreSkipped() {
    PostKey post = PostKey.of(Platform.X, "m1");
    assertThat(tracker.observe(new Interaction.Mention(ALICE, "bob", Optional.empty(), post, T0))).isFalse();
    assertThat(tracker.observe(new Interaction.Reply(ALICE, Optional.empty(), post, PostKey.of(Platform.X, "m0"), T0))).isFalse();
    assertThat(tracker.observe(new Interaction.Share(ALICE, Interaction.Share.Kind.FORWARD, post, Optional.empty(),
        Optional.empty(), Optional.of("Ember Wire"), T0))).isFalse();
    assertThat(tracker.observe(new Interaction.Follow(ALICE, ALICE, Optional.empty()))).isFalse();
    assertThat(tracker.edgeCount()).isZero();
  }

  @Test
  void aFloodOfNewAccountsStopsAtTheLimitWithAClearMessage() {
    AccountRiskTracker small = new AccountRiskTracker(RiskConfig.defaults().withMaxAccounts(100));
    for (int i = 0; i < 100; i++) {
      small.mark(AccountKey.of(Platform.X, "a" + i), AccountStatus.UNKNOWN);
    }
    assertThatThrownBy(() -> small.mark(AccountKey.of(Platform.X, "one-more"), AccountStatus.UNKNOWN))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("maximum of 100 accounts");
    assertThat(small.size()).isEqualTo(100);
  }

  @Test
  void aRiskHandedOnAsAnAssessmentCarriesItsReasonsAsSignals() {
    for (int i = 0; i < 6; i++) {
      flaggedPost(ALICE, T0.plusSeconds(i));
    }
    AccountRisk risk = tracker.assess(ALICE, model).orElseThrow();

    Assessment assessment = risk.toAssessment(T0);

    assertThat(assessment.subject()).isEqualTo(ALICE);
    assertThat(assessment.score()).isEqualTo(risk.probability());
    assertThat(assessment.flagged()).isTrue();
    assertThat(assessment.signals()).hasSameSizeAs(risk.reasons()).allSatisfy(s -> {
      assertThat(s.kind()).isEqualTo(AccountRisk.SIGNAL_KIND);
      assertThat(s.evidence()).containsEntry("model", model.id());
    });
    assertThat(assessment.explanation()).isEqualTo(risk.summary());
  }

  @Test
  void aCriticWhoQuotesRiskyAccountsWithoutPassingThemOnIsToldApartFromASupporterWhoReposts() {
    AccountKey critic = AccountKey.of(Platform.X, "critic");
    AccountKey supporter = AccountKey.of(Platform.X, "supporter");
    tracker.mark(BOB, AccountStatus.CONFIRMED);
    for (int i = 0; i < 4; i++) {
      tracker.observe(new Interaction.Share(critic, Interaction.Share.Kind.QUOTE, PostKey.of(Platform.X, "q" + i),
          Optional.empty(), Optional.of(BOB), Optional.empty(), T0));
      tracker.observe(new Interaction.Share(supporter, Interaction.Share.Kind.REPOST, PostKey.of(Platform.X, "r" + i),
          Optional.empty(), Optional.of(BOB), Optional.empty(), T0));
    }
    tracker.observe(new Interaction.Share(supporter, Interaction.Share.Kind.QUOTE, PostKey.of(Platform.X, "q9"),
        Optional.empty(), Optional.of(BOB), Optional.empty(), T0));

    assertThat(feature(critic, FeatureSchema.ENGAGES_NOT_AMPLIFIES_SHARE)).isEqualTo(4 / 5.0);
    assertThat(feature(supporter, FeatureSchema.ENGAGES_NOT_AMPLIFIES_SHARE)).isEqualTo(1 / 6.0);
    assertThat(feature(BOB, FeatureSchema.ENGAGES_NOT_AMPLIFIES_SHARE)).as("no contact with risky accounts at all").isZero();
    assertThat(tracker.explainedFeatures(critic).orElseThrow().evidence(FeatureSchema.ENGAGES_NOT_AMPLIFIES_SHARE))
        .containsExactly("4 quotes, mentions and replies to risky accounts against 0 reposts of them");
  }

  @Test
  void strengthsNearCertaintyAreFarApartOnTheLogOddsScale() {
    AccountKey critic = AccountKey.of(Platform.X, "critic");
    AccountKey supporter = AccountKey.of(Platform.X, "supporter");
    for (int i = 0; i < 5; i++) {
      tracker.observePost(critic, T0.plusSeconds(60L * i), assessment(true, 0.98, Optional.of(Tier.PROMOTIONAL), "classifier"), List.of());
      tracker.observePost(supporter, T0.plusSeconds(60L * i), assessment(true, 0.9999, Optional.of(Tier.PROMOTIONAL), "classifier"), List.of());
    }
    plainPost(ALICE, T0);

    double criticMax = feature(critic, FeatureSchema.MAX_STRENGTH_LOGIT);
    double supporterMax = feature(supporter, FeatureSchema.MAX_STRENGTH_LOGIT);
    assertThat(feature(supporter, FeatureSchema.MAX_STRENGTH) - feature(critic, FeatureSchema.MAX_STRENGTH)).isLessThan(0.03);
    assertThat(criticMax).isCloseTo(Math.log(0.98 / 0.02), org.assertj.core.data.Offset.offset(1e-3));
    assertThat(supporterMax - criticMax).as("a fiftyfold difference in the odds of being wrong").isGreaterThan(5);
    assertThat(feature(critic, FeatureSchema.MEAN_FLAGGED_STRENGTH_LOGIT)).isCloseTo(criticMax, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(feature(ALICE, FeatureSchema.MEAN_FLAGGED_STRENGTH_LOGIT)).as("no flagged post: the clamp, not infinity")
        .isCloseTo(Math.log(1e-4 / (1 - 1e-4)), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(AccountRiskTracker.logOdds(1.0)).isFinite().isCloseTo(-AccountRiskTracker.logOdds(0.0), org.assertj.core.data.Offset.offset(1e-9));
  }
}
