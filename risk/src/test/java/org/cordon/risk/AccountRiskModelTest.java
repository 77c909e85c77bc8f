package org.cordon.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains on the even-numbered accounts of a synthetic population and judges the odd-numbered ones,
 * as an evaluation trains on one fold and measures on another.
 */
class AccountRiskModelTest {
  static final long SEED = 7;
  static final int ACCOUNTS = 12_000;
  static final int EVENTS = 150_000;

  static SyntheticPopulation population;
  static AccountRiskTracker tracker;
  static AccountRiskModel trained;

  @BeforeAll
  static void trainOnHalfThePopulation() {
    population = new SyntheticPopulation(ACCOUNTS, SEED);
    tracker = new AccountRiskTracker(RiskConfig.defaults());
    RiskBenchmark.prepare(tracker, population);
    population.play(RiskBenchmark.feeding(tracker), EVENTS, 8);
    tracker.propagate();
    Map<AccountKey, Boolean> labels = new HashMap<>();
    for (int i = 0; i < population.size(); i += 2) {
      labels.put(population.key(i), population.role(i).positive());
    }
    trained = AccountRiskModel.train(tracker.trainingExamples(labels), TrainingOptions.defaults());
  }

  record Figures(double precision, double recall, double hardNegativeFlagRate, double auc) {}

  static Figures judgeHeldOut(AccountRiskModel model) {
    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;
    int hardNegatives = 0;
    int hardNegativesFlagged = 0;
    List<Double> scores = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    for (int i = 1; i < population.size(); i += 2) {
      SyntheticPopulation.Role role = population.role(i);
      double p = tracker.probability(population.key(i), model);
      if (Double.isNaN(p)) {
        continue; // never seen
      }
      boolean flagged = p >= model.threshold();
      scores.add(p);
      labels.add(role.positive());
      if (role.positive()) {
        truePositives += flagged ? 1 : 0;
        falseNegatives += flagged ? 0 : 1;
      } else {
        falsePositives += flagged ? 1 : 0;
      }
      if (role == SyntheticPopulation.Role.HARD_NEGATIVE) {
        hardNegatives++;
        hardNegativesFlagged += flagged ? 1 : 0;
      }
    }
    double[] p = scores.stream().mapToDouble(Double::doubleValue).toArray();
    boolean[] y = new boolean[labels.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels.get(i);
    }
    return new Figures(truePositives / (double) (truePositives + falsePositives),
        truePositives / (double) (truePositives + falseNegatives),
        hardNegativesFlagged / (double) hardNegatives, AccountRiskModel.auc(p, y));
  }

  @Test
  void theTrainedModelSeparatesSupportersFromHardNegativesAndOrdinaryAccounts() {
    Figures figures = judgeHeldOut(trained);
    System.out.println("seed " + SEED + ", trained: " + figures + ", model " + trained.training());

    String seed = "seed " + SEED + ": " + figures;
    assertThat(figures.auc()).as(seed).isGreaterThan(0.98);
    assertThat(figures.precision()).as(seed).isGreaterThanOrEqualTo(0.93);
    assertThat(figures.recall()).as(seed).isGreaterThanOrEqualTo(0.93);
    assertThat(figures.hardNegativeFlagRate()).as(seed).isLessThanOrEqualTo(0.03);
  }

  @Test
  void theTrainedModelBeatsTheHandSetDefault() {
    Figures defaults = judgeHeldOut(AccountRiskModel.defaults());
    Figures figures = judgeHeldOut(trained);
    System.out.println("seed " + SEED + ", defaults: " + defaults);

    assertThat(figures.auc()).as("seed " + SEED).isGreaterThanOrEqualTo(defaults.auc());
    assertThat(defaults.auc()).as("the default is a usable start, seed " + SEED).isGreaterThan(0.9);
    assertThat(defaults.hardNegativeFlagRate()).as("seed " + SEED + ": " + defaults).isLessThanOrEqualTo(0.05);
  }

  @Test
  void theTrainedWeightsPointTheRightWay() {
    assertThat(trained.weight("kind.classifier.share")).isPositive();
    assertThat(trained.weight(FeatureSchema.REPOSTS_RISKY)).isPositive();
    assertThat(trained.training().get("cv_auc")).isGreaterThan(0.95);
    assertThat(trained.training().get("positives") + trained.training().get("negatives"))
        .isEqualTo(tracker.trainingExamples(Map.of()).size() + ACCOUNTS / 2.0);
  }

  @Test
  void anAccountFlaggedForItsPostsIsExplainedByThemAndOneFlaggedForItsNetworkByThat() {
    AccountRiskTracker fresh = new AccountRiskTracker(RiskConfig.defaults());
    AccountKey poster = AccountKey.of(Platform.X, "poster");
    AccountKey networker = AccountKey.of(Platform.X, "networker");
    java.time.Instant t0 = SyntheticPopulation.START;
    for (int i = 0; i < 12; i++) {
      org.cordon.core.model.PostKey post = org.cordon.core.model.PostKey.of(Platform.X, "p" + i);
      boolean flagged = i < 8;
      double strength = flagged ? 0.7 + i * 0.02 : 0.1;
      fresh.observePost(poster, t0.plusSeconds(3600L * i), new org.cordon.core.signal.Assessment(post, strength, flagged,
          flagged ? Optional.of(org.cordon.core.signal.Tier.PROMOTIONAL) : Optional.empty(),
          List.of(new org.cordon.core.signal.Signal(post, "classifier", strength, Optional.empty(), "classifier", Map.of())),
          "", t0), List.of());
      org.cordon.core.model.PostKey plain = org.cordon.core.model.PostKey.of(Platform.X, "n" + i);
      fresh.observePost(networker, t0.plusSeconds(3600L * i), new org.cordon.core.signal.Assessment(plain, 0.05, false,
          Optional.empty(), List.of(), "", t0), List.of());
    }
    for (int i = 0; i < 10; i++) {
      AccountKey known = AccountKey.of(Platform.X, "outlet" + i);
      fresh.mark(known, AccountStatus.CONFIRMED);
      fresh.observe(new org.cordon.core.model.Interaction.Follow(networker, known, Optional.empty()));
      fresh.observe(new org.cordon.core.model.Interaction.Share(networker, org.cordon.core.model.Interaction.Share.Kind.REPOST,
          org.cordon.core.model.PostKey.of(Platform.X, "s" + i), Optional.empty(), Optional.of(known), Optional.empty(), t0));
    }
    fresh.propagate();
    Set<String> postFeatures = Set.of(FeatureSchema.FLAGGED_SHARE, FeatureSchema.FLAGGED, FeatureSchema.MEAN_FLAGGED_STRENGTH,
        FeatureSchema.MAX_STRENGTH, "kind.classifier.share");
    Set<String> networkFeatures = Set.of(FeatureSchema.FOLLOWS_RISKY_SHARE, FeatureSchema.FOLLOWS_RISKY,
        FeatureSchema.REPOSTS_RISKY, FeatureSchema.REPOSTS_RISKY_SHARE, FeatureSchema.PROPAGATION_OUT);

    AccountRisk byPosts = fresh.assess(poster, trained).orElseThrow();
    AccountRisk byNetwork = fresh.assess(networker, trained).orElseThrow();

    assertThat(postFeatures).as(byPosts.summary()).contains(byPosts.reasons().get(0).feature());
    assertThat(byPosts.reasons()).as(byPosts.summary())
        .anyMatch(c -> c.evidence().contains("x:post:p7 (0.84)"))
        .noneMatch(c -> networkFeatures.contains(c.feature()));
    assertThat(networkFeatures).as(byNetwork.summary()).contains(byNetwork.reasons().get(0).feature());
    assertThat(byNetwork.reasons().get(0).evidence()).as(byNetwork.summary()).anyMatch(e -> e.endsWith("(confirmed)"));
    assertThat(byNetwork.reasons()).as(byNetwork.summary()).noneMatch(c -> postFeatures.contains(c.feature()));
  }

  @Test
  void aSavedModelLoadsBackIdentical(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("account-risk.json");

    trained.save(file);
    AccountRiskModel loaded = AccountRiskModel.load(file);

    assertThat(loaded.id()).isEqualTo(trained.id()).matches("[0-9a-f]{64}");
    assertThat(loaded.toJson()).isEqualTo(Files.readString(file));
    assertThat(loaded.threshold()).isEqualTo(trained.threshold());
    assertThat(loaded.training()).isEqualTo(trained.training());
    for (int i = 0; i < 2000; i++) {
      AccountKey key = population.key(i);
      assertThat(tracker.probability(key, loaded)).isEqualTo(tracker.probability(key, trained));
    }
    AccountRiskModel defaults = AccountRiskModel.fromJson(AccountRiskModel.defaults().toJson());
    assertThat(defaults.id()).isEqualTo(AccountRiskModel.defaults().id());
  }

  @Test
  void aChangedModelFileIsRefused() {
    String json = trained.toJson();
    String changed = json.replaceFirst("\"threshold\" : [0-9.Ee-]+", "\"threshold\" : 0.01");

    assertThat(changed).isNotEqualTo(json);
    assertThatThrownBy(() -> AccountRiskModel.fromJson(changed))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match its content");
  }

  @Test
  void malformedModelFilesAreRefusedWithAReason() {
    assertThatThrownBy(() -> AccountRiskModel.fromJson("{\"format\": ")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> AccountRiskModel.fromJson("[]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> AccountRiskModel.fromJson("{\"format\":\"something-else\"}")).hasMessageContaining("not an account-risk model");
    String json = AccountRiskModel.defaults().toJson();
    assertThatThrownBy(() -> AccountRiskModel.fromJson(json.replace("\"version\" : 1", "\"version\" : 99")))
        .hasMessageContaining("version 99 is not supported");
    assertThatThrownBy(() -> AccountRiskModel.fromJson(json.replaceFirst("\"scale\" : 1.0", "\"scale\" : 0.0")))
        .hasMessageContaining("scale of");
    assertThatThrownBy(() -> AccountRiskModel.fromJson(json.replaceFirst("\"weight\" : 6.0", "\"weight\" : \"six\"")))
        .hasMessageContaining("'weight' must be a number");
    assertThatThrownBy(() -> AccountRiskModel.fromJson("\"" + "x".repeat(5 << 20) + "\"")).hasMessageContaining("refusing");
  }

  @Test
  void trainingRefusesTooFewLabelsOrMixedFeatureSets() {
    List<TrainingExample> few = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      few.add(new TrainingExample(tracker.features(population.key(i)).orElseThrow(), i < 3));
    }
    assertThatThrownBy(() -> AccountRiskModel.train(few, TrainingOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label more accounts");

    List<TrainingExample> mixed = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      mixed.add(new TrainingExample(tracker.features(population.key(i)).orElseThrow(), i % 2 == 0));
    }
    mixed.add(new TrainingExample(AccountFeatures.of(AccountKey.of(Platform.X, "odd"), List.of("a"), new double[] {1}), true));
    assertThatThrownBy(() -> AccountRiskModel.train(mixed, TrainingOptions.defaults()))
        .hasMessageContaining("different features");
    assertThatThrownBy(() -> AccountFeatures.of(AccountKey.of(Platform.X, "nan"), List.of("a"), new double[] {Double.NaN}))
        .hasMessageContaining("not a finite number");
  }

  @Test
  void aModelBindsToFeaturesByNameAndIgnoresOnesItDoesNotKnow() {
    AccountFeatures full = tracker.features(population.key(1)).orElseThrow();
    List<String> names = new ArrayList<>(full.names());
    names.add("a_feature_from_the_future");
    double[] values = java.util.Arrays.copyOf(full.values(), names.size());
    values[values.length - 1] = 1e6;
    AccountFeatures extended = AccountFeatures.of(full.account(), names, values);

    assertThat(trained.probability(extended)).isEqualTo(trained.probability(full));
    assertThat(trained.unboundFeatures(tracker.featureNames())).isEmpty();
    assertThat(AccountRiskModel.defaults().assess(full, Optional.empty()).modelId()).isEqualTo(AccountRiskModel.defaults().id());
  }

  @Test
  void theSameExamplesAndSeedTrainTheSameModel() {
    Map<AccountKey, Boolean> labels = new HashMap<>();
    for (int i = 0; i < 3000; i++) {
      labels.put(population.key(i), population.role(i).positive());
    }
    List<TrainingExample> examples = tracker.trainingExamples(labels);
    examples.sort(java.util.Comparator.comparing(e -> e.features().account().id()));

    assertThat(AccountRiskModel.train(examples, TrainingOptions.defaults()).id())
        .isEqualTo(AccountRiskModel.train(examples, TrainingOptions.defaults()).id());
  }
}
