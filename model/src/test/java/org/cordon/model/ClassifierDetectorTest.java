package org.cordon.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.model.classifier.TextClassifier;
import org.cordon.model.classifier.Trainer;
import org.cordon.model.classifier.TrainingOptions;
import org.cordon.model.data.LabelledData;
import org.cordon.model.features.TextNormalisers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClassifierDetectorTest {
  private static final long SEED = 3;
  private static TextClassifier classifier;

  @BeforeAll
  static void train() {
    TrainingOptions options = TrainingOptions.DEFAULT.withSeed(SEED).withFeatures(TrainingOptions.DEFAULT.features().withBucketsLog2(18));
    classifier = new Trainer(options, TextNormalisers.nfkcLowercase())
        .train(LabelledData.of("synthetic", SyntheticPosts.examples(1500, SEED)), Optional.empty(), Instant.EPOCH).classifier();
  }

  static PostContext post(String id, String text) {
    Platform platform = firstPlatform();
    Post post = new Post(new PostKey(platform, id), new AccountKey(platform, "acct1"), Instant.EPOCH, text, Optional.empty(),
        Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of());
    return new PostContext(post, Optional.empty(), List.of());
  }

  private static Platform firstPlatform() {
    return Platform.X;
  }

  @Test
  void raisesASignalNamingTheModelAndTheStrongestNgrams() {
    ClassifierDetector detector = new ClassifierDetector(classifier, 0.5, Optional.of(Tier.PROMOTIONAL));
    List<Signal> signals = detector.detect(post("p1", "news: join the pale lantern order today"));
    assertThat(detector.name()).isEqualTo("classifier");
    assertThat(signals).singleElement().satisfies(signal -> {
      assertThat(signal.subject()).isEqualTo(new PostKey(firstPlatform(), "p1"));
      assertThat(signal.kind()).isEqualTo("classifier");
      assertThat(signal.strength()).isGreaterThan(0.5);
      assertThat(signal.tier()).contains(Tier.PROMOTIONAL);
      assertThat(signal.evidence()).containsEntry("model_id", classifier.id()).containsEntry("label", "support");
      assertThat(signal.evidence().get("top_features")).isNotBlank();
      assertThat(signal.reason()).contains(classifier.id().substring(0, 12));
    });
  }

  @Test
  void isBuiltFromTheRegistrysCurrentModelWhenThereIsOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) throws java.io.IOException {
    org.cordon.model.registry.ModelRegistry registry = org.cordon.model.registry.ModelRegistry.withDefaultNormaliser(directory);
    assertThat(ClassifierDetector.forCurrentModel(registry, 0.5, Optional.empty())).isEmpty();
    org.cordon.model.classifier.TrainedModel model = new Trainer(
            TrainingOptions.DEFAULT.withSeed(SEED).withFeatures(TrainingOptions.DEFAULT.features().withBucketsLog2(16)),
            TextNormalisers.nfkcLowercase())
        .train(LabelledData.of("synthetic", SyntheticPosts.examples(300, SEED)), Optional.empty(), Instant.EPOCH);
    registry.save(model);
    registry.markCurrent(model.id());
    assertThat(ClassifierDetector.forCurrentModel(registry, 0.5, Optional.empty()))
        .hasValueSatisfying(detector -> assertThat(detector.classifier().id()).isEqualTo(model.id()));
  }

  @Test
  void staysSilentBelowTheMinimumAndOnEmptyText() {
    ClassifierDetector detector = new ClassifierDetector(classifier, 0.5, Optional.empty());
    assertThat(detector.detect(post("p2", "police report on the pale lantern order"))).isEmpty();
    assertThat(detector.detect(post("p3", "   "))).isEmpty();
  }
}
