package org.cordon.model.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cordon.model.SyntheticPosts;
import org.cordon.model.classifier.ModelFormatException;
import org.cordon.model.classifier.TrainedModel;
import org.cordon.model.classifier.Trainer;
import org.cordon.model.classifier.TrainingOptions;
import org.cordon.model.data.LabelledData;
import org.cordon.model.data.LabelledExample;
import org.cordon.model.features.TextNormalisers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
  private static final long SEED = 11;
  private static TrainedModel model;

  @TempDir Path directory;

  @BeforeAll
  static void train() {
    TrainingOptions options = TrainingOptions.DEFAULT.withSeed(SEED).withFeatures(TrainingOptions.DEFAULT.features().withBucketsLog2(17));
    Trainer trainer = new Trainer(options, TextNormalisers.nfkcLowercase());
    LabelledData data = LabelledData.of("synthetic", SyntheticPosts.examples(400, SEED));
    model = trainer.train(data, Optional.of(trainer.crossValidate(data, 3, 1)), Instant.parse("2026-11-23T07:00:00Z"));
  }

  private ModelRegistry registry() {
    return ModelRegistry.withDefaultNormaliser(directory);
  }

  @Test
  void aSavedModelLoadsWithTheSameIdHeaderAndScores() throws IOException {
    Path file = registry().save(model);
    TrainedModel loaded = registry().load(model.id());
    assertThat(file.getFileName().toString()).isEqualTo(model.id() + ".model");
    assertThat(loaded.id()).isEqualTo(model.id());
    assertThat(loaded.header().toString()).as("numbers come back as equal values, maybe of another boxed type").isEqualTo(model.header().toString());
    assertThat(loaded.header().evaluation()).hasValueSatisfying(e -> assertThat(e).containsKeys("roc_auc", "calibration"));
    assertThat(loaded.header().trainingData().rows()).isEqualTo(400);
    for (LabelledExample example : SyntheticPosts.examples(50, SEED + 1)) {
      assertThat(loaded.classifier().positiveProbability(example.text())).isEqualTo(model.classifier().positiveProbability(example.text()));
    }
    assertThat(registry().load(model.id().substring(0, 8)).id()).as("a unique prefix is enough").isEqualTo(model.id());
  }

  @Test
  void listsModelsAndMarksOneCurrent() throws IOException {
    assertThat(registry().current()).isEmpty();
    registry().save(model);
    registry().markCurrent(model.id().substring(0, 10));
    assertThat(registry().list()).extracting(h -> h.modelId()).containsExactly(model.id());
    assertThat(registry().currentId()).contains(model.id());
    assertThat(registry().current()).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(model.id()));
  }

  @Test
  void refusesADamagedModelFile() throws IOException {
    Path file = registry().save(model);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 0x40; // one bit of one weight
    Files.write(file, bytes);
    assertThatThrownBy(() -> registry().load(model.id()))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("damaged")
        .hasMessageContaining(model.id());
  }

  @Test
  void refusesATruncatedModelFile() throws IOException {
    Path file = registry().save(model);
    byte[] bytes = Files.readAllBytes(file);
    for (int length : List.of(4, 20, 200, bytes.length / 2, bytes.length - 1)) {
      Files.write(file, java.util.Arrays.copyOf(bytes, length));
      assertThatThrownBy(() -> registry().load(model.id())).as("cut at " + length)
          .isInstanceOf(ModelFormatException.class).hasMessageMatching(".*(truncated|not a Cordon model|damaged).*");
    }
  }

  @Test
  void refusesAModelTrainedWithAnotherNormaliser() throws IOException {
    registry().save(model);
    ModelRegistry otherNormaliser = new ModelRegistry(directory, TextNormalisers.nfkcLowercase(), "unicode-folding-v2");
    assertThatThrownBy(() -> otherNormaliser.load(model.id()))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("'nfkc-lowercase'").hasMessageContaining("retrain");
  }

  @Test
  void refusesAForeignFileAndUnknownIds() throws IOException {
    Path foreign = directory.resolve("0123456789abcdef.model");
    Files.writeString(foreign, "text,label\nhello,world\n");
    assertThatThrownBy(() -> registry().load(foreign)).isInstanceOf(ModelFormatException.class).hasMessageContaining("not a Cordon model file");
    assertThat(registry().list()).as("unreadable files are not listed").isEmpty();
    assertThatThrownBy(() -> registry().load("abcdefabcdef")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no model");
    assertThatThrownBy(() -> registry().load("../etc")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hex digits");
  }
}
