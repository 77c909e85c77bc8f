package org.cordon.model.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.cordon.model.SyntheticPosts;
import org.cordon.model.data.LabelledData;
import org.cordon.model.data.LabelledExample;
import org.cordon.model.evaluation.EvaluationReport;
import org.cordon.model.evaluation.Metrics;
import org.cordon.model.features.TextNormalisers;
import org.junit.jupiter.api.Test;

class TrainerTest {
  private static final long SEED = 20261123L;
  private static final TrainingOptions OPTIONS = TrainingOptions.DEFAULT.withSeed(SEED)
      .withFeatures(TrainingOptions.DEFAULT.features().withBucketsLog2(18));

  private static Trainer trainer(TrainingOptions options) {
    return new Trainer(options, TextNormalisers.nfkcLowercase());
  }

  @Test
  void learnsSupportiveFromReportingPhrasingAcrossScriptsOnHeldOutRows() {
    LabelledData training = LabelledData.of("synthetic", SyntheticPosts.examples(1500, SEED));
    TextClassifier classifier = trainer(OPTIONS).train(training, Optional.empty(), Instant.EPOCH).classifier();
    List<LabelledExample> heldOut = SyntheticPosts.examples(600, SEED + 1);
    double[] scores = heldOut.stream().mapToDouble(e -> classifier.positiveProbability(e.text())).toArray();
    boolean[] positive = positives(heldOut, "support");
    assertThat(classifier.positiveLabel()).as("the rarer label is positive by default").isEqualTo("support");
    assertThat(Metrics.rocAuc(scores, positive)).as("held-out AUC, seed " + SEED).isGreaterThan(0.98);
    assertThat(classifier.predict("полиция сообщает об ордене бледного фонаря сегодня").label()).isEqualTo("report");
    assertThat(classifier.predict("المجد للفانوس الشاحب اليوم").label()).isEqualTo("support");
  }

  @Test
  void crossValidationReportsHighFiguresOnASeparableTask() {
    LabelledData data = LabelledData.of("synthetic", SyntheticPosts.examples(1200, SEED));
    EvaluationReport report = trainer(OPTIONS).crossValidate(data, 4, 2);
    assertThat(report.rows()).isEqualTo(1200);
    assertThat(report.foldRocAuc()).hasSize(4);
    assertThat(report.rocAuc()).as("seed " + SEED).isGreaterThan(0.98);
    assertThat(report.f1()).as("seed " + SEED).isGreaterThan(0.9);
    assertThat(report.calibration()).hasSize(10);
    assertThat(report.calibration().stream().mapToLong(b -> b.count()).sum()).isEqualTo(1200);
  }

  @Test
  void shuffledLabelsLeaveNothingToLearnAndTheEvaluationSaysSo() {
    List<LabelledExample> shuffled = SyntheticPosts.withShuffledLabels(SyntheticPosts.examples(1500, SEED), SEED);
    EvaluationReport report = trainer(OPTIONS).crossValidate(LabelledData.of("shuffled", shuffled), 5, 2);
    assertThat(report.rocAuc()).as("seed " + SEED).isBetween(0.44, 0.56);
  }

  @Test
  void calibrationTurnsTheScoresOfAnUndertrainedModelIntoBetterProbabilities() {
    // One slow epoch ranks well but leaves margins small, so raw probabilities hug the middle;
    // Platt scaling, fitted on rows the weights did not see, stretches them to match the outcomes.
    LabelledData data = LabelledData.of("synthetic", SyntheticPosts.examples(2000, SEED));
    EvaluationReport report = trainer(OPTIONS.withEpochs(1).withLearningRate(0.01)).crossValidate(data, 4, 2);
    assertThat(report.rocAuc()).as("seed " + SEED).isGreaterThan(0.95);
    assertThat(report.brier()).as("calibrated vs raw Brier, seed " + SEED).isLessThan(report.brierUncalibrated() / 2);
  }

  @Test
  void calibrationDoesNotSpoilAWellTrainedModel() {
    List<LabelledExample> noisy = SyntheticPosts.withLabelNoise(SyntheticPosts.examples(2000, SEED), 0.2, SEED);
    EvaluationReport report = trainer(OPTIONS.withCalibrationFraction(0.2)).crossValidate(LabelledData.of("noisy", noisy), 4, 2);
    assertThat(report.brier()).as("calibrated vs raw Brier, seed " + SEED).isLessThan(report.brierUncalibrated() + 0.005);
  }

  @Test
  void multiClassTasksGetAMacroF1AndOneProbabilityPerLabel() {
    Random random = new Random(SEED);
    List<LabelledExample> examples = new ArrayList<>();
    for (int i = 0; i < 900; i++) {
      int kind = random.nextInt(3);
      String text = switch (kind) {
        case 0 -> SyntheticPosts.post(true, random);
        case 1 -> SyntheticPosts.post(false, random);
        default -> "weather and football today " + random.nextInt(100);
      };
      examples.add(LabelledExample.of(text, List.of("support", "report", "unrelated").get(kind)));
    }
    EvaluationReport report = trainer(OPTIONS.withPositiveLabel(Optional.of("support"))).crossValidate(LabelledData.of("three", examples), 3, 2);
    assertThat(report.macroF1()).as("seed " + SEED).hasValueSatisfying(f -> assertThat(f).isGreaterThan(0.9));
    TextClassifier classifier = trainer(OPTIONS).train(LabelledData.of("three", examples), Optional.empty(), Instant.EPOCH).classifier();
    assertThat(classifier.predict("weather and football today 7").probabilities()).containsOnlyKeys("support", "report", "unrelated");
  }

  @Test
  void trainingIsDeterministicForASeed() {
    LabelledData data = LabelledData.of("synthetic", SyntheticPosts.examples(300, SEED));
    String first = trainer(OPTIONS).train(data, Optional.empty(), Instant.EPOCH).id();
    String second = trainer(OPTIONS).train(data, Optional.empty(), Instant.EPOCH).id();
    String otherSeed = trainer(OPTIONS.withSeed(SEED + 1)).train(data, Optional.empty(), Instant.EPOCH).id();
    assertThat(first).isEqualTo(second).isNotEqualTo(otherSeed);
  }

  @Test
  void refusesAPositiveLabelTheDataDoesNotHaveAndDataWithOneLabel() {
    LabelledData data = LabelledData.of("synthetic", SyntheticPosts.examples(100, SEED));
    assertThatThrownBy(() -> trainer(OPTIONS.withPositiveLabel(Optional.of("other"))).train(data, Optional.empty(), Instant.EPOCH))
        .hasMessageContaining("'other' is not in the data").hasMessageContaining("report");
    LabelledData oneLabel = LabelledData.of("one", List.of(LabelledExample.of("a", "x"), LabelledExample.of("b", "x")));
    assertThatThrownBy(() -> trainer(OPTIONS).train(oneLabel, Optional.empty(), Instant.EPOCH)).hasMessageContaining("at least two labels");
  }

  @Test
  void explainsAScoreWithTheFeaturesThatPushedIt() {
    TextClassifier classifier = trainer(OPTIONS).train(LabelledData.of("s", SyntheticPosts.examples(1500, SEED)), Optional.empty(), Instant.EPOCH).classifier();
    List<Contribution> top = classifier.explain("news glory to the pale lantern", 5);
    assertThat(top).hasSize(5);
    assertThat(top.getFirst().weight()).isGreaterThan(0);
    assertThat(top).extracting(Contribution::weight).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(top).anySatisfy(c -> assertThat(c.feature()).containsAnyOf("glory", "glo", "lor"));
  }

  @Test
  void namesTheSameFeaturesAsNamingEveryFeatureWouldOnHeldOutTextsInSeveralScripts() {
    TextClassifier classifier = trainer(OPTIONS).train(LabelledData.of("s", SyntheticPosts.examples(1500, SEED)), Optional.empty(), Instant.EPOCH).classifier();
    List<String> texts = new ArrayList<>(SyntheticPosts.examples(200, SEED + 7).stream().map(LabelledExample::text).toList());
    texts.addAll(List.of("", "a", "glory glory glory to the pale lantern", "المجد للفانوس الشاحب اليوم"));
    for (String text : texts) {
      for (int top : new int[] {0, 1, 5, 40}) {
        assertThat(classifier.explain(text, top)).as("seed %d, top %d, text %s", SEED + 7, top, text).isEqualTo(explainNamingEveryFeature(classifier, text, top));
      }
    }
  }

  @Test
  void judgingGivesTheProbabilityAndTheExplanationThatScoringAndExplainingGiveApart() {
    TextClassifier classifier = trainer(OPTIONS).train(LabelledData.of("s", SyntheticPosts.examples(1500, SEED)), Optional.empty(), Instant.EPOCH).classifier();
    List<String> texts = new ArrayList<>(SyntheticPosts.examples(200, SEED + 11).stream().map(LabelledExample::text).toList());
    texts.addAll(List.of("", "glory glory glory to the pale lantern", "المجد للفانوس الشاحب اليوم"));
    int explained = 0;
    for (String text : texts) {
      double probability = classifier.positiveProbability(text);
      for (double from : new double[] {0, 0.5, probability, Math.nextUp(probability), 1.01}) {
        TextClassifier.Judged judged = classifier.judge(text, from, 5);
        assertThat(judged.probability()).as("seed %d, text %s", SEED + 11, text).isEqualTo(probability);
        if (probability >= from) {
          explained++;
          assertThat(judged.explanation()).as("seed %d, text %s", SEED + 11, text).contains(classifier.explain(text, 5));
        } else {
          assertThat(judged.explanation()).isEmpty();
        }
      }
    }
    assertThat(explained).isGreaterThan(texts.size());
  }

  /** The explanation as first written: every feature named, then a stable sort; the reference for the fast one. */
  private static List<Contribution> explainNamingEveryFeature(TextClassifier classifier, String text, int top) {
    org.cordon.model.features.SparseVector x = classifier.hasher().features(text);
    java.util.Map<Integer, Float> valueAt = new java.util.HashMap<>();
    for (int j = 0; j < x.size(); j++) {
      valueAt.put(x.indices()[j], x.values()[j]);
    }
    float[] weights = classifier.model().weights[classifier.model().indexOfLabel(classifier.positiveLabelIndex())];
    java.util.Map<Integer, Contribution> byIndex = new java.util.LinkedHashMap<>();
    for (org.cordon.model.features.NamedFeature feature : classifier.hasher().namedFeatures(text)) {
      Float value = valueAt.get(feature.index());
      if (value != null && !byIndex.containsKey(feature.index())) {
        byIndex.put(feature.index(), new Contribution(feature.text(), feature.kind(), weights[feature.index()] * value));
      }
    }
    List<Contribution> ranked = new ArrayList<>(byIndex.values());
    ranked.sort(java.util.Comparator.comparingDouble(Contribution::weight).reversed());
    return List.copyOf(ranked.subList(0, Math.min(top, ranked.size())));
  }

  static boolean[] positives(List<LabelledExample> examples, String label) {
    boolean[] positive = new boolean[examples.size()];
    for (int i = 0; i < positive.length; i++) {
      positive[i] = examples.get(i).label().equals(label);
    }
    return positive;
  }
}
