package org.cordon.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cordon.model.data.LabelledExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ModelCommandTest {
  @TempDir Path directory;

  record Run(int exitCode, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new ModelCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int code = command.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path csv(List<LabelledExample> examples) throws IOException {
    StringBuilder text = new StringBuilder("text,label\n");
    for (LabelledExample e : examples) {
      text.append('"').append(e.text().replace("\"", "\"\"")).append("\",").append(e.label()).append('\n');
    }
    text.append("\"no label\"\n");
    Path file = directory.resolve("labelled.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void evaluatePrintsExactlyOneJsonObjectWithTheFigures() throws IOException {
    Path data = csv(SyntheticPosts.examples(600, 1));
    Run run = run("evaluate", "--data", data.toString(), "--folds", "3", "--seed", "9", "--buckets-log2", "17", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(run.out());
    assertThat(run.out().strip().lines()).hasSize(1);
    assertThat(json.get("rows").asLong()).isEqualTo(600);
    assertThat(json.get("skipped_rows").asLong()).isEqualTo(1);
    assertThat(json.get("roc_auc").asDouble()).isGreaterThan(0.9);
    assertThat(json.get("calibration").size()).isEqualTo(10);
    for (String field : List.of("precision", "recall", "f1", "brier", "seconds")) {
      assertThat(json.has(field)).as(field).isTrue();
    }
    assertThat(run.err()).contains("skipped 1 bad rows").contains("line 602");
  }

  @Test
  void trainSavesAVersionedModelThatListAndUseSee() throws IOException {
    Path data = csv(SyntheticPosts.examples(300, 2));
    Path registry = directory.resolve("models");
    Run train = run("train", "--data", data.toString(), "--registry", registry.toString(), "--folds", "2", "--buckets-log2", "16");
    assertThat(train.exitCode()).as(train.err()).isZero();
    assertThat(train.out()).contains("ROC-AUC").contains("calibration").contains("(current)");
    Run list = run("list", "--registry", registry.toString(), "--json");
    JsonNode models = JsonMapper.builder().build().readTree(list.out()).get("models");
    assertThat(models.size()).isEqualTo(1);
    assertThat(models.get(0).get("current").asBoolean()).isTrue();
    String id = models.get(0).get("model_id").asString();
    assertThat(Files.exists(registry.resolve(id + ".model"))).isTrue();
    assertThat(run("use", id.substring(0, 8), "--registry", registry.toString()).out()).contains(id);
  }

  @Test
  void aFileThatIsNotLabelledDataGivesAClearErrorAndExitCode2() throws IOException {
    Path notCsv = directory.resolve("image.csv");
    Files.write(notCsv, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
    Run run = run("evaluate", "--data", notCsv.toString(), "--folds", "2");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not a text file");
    assertThat(run.out()).isEmpty();
  }
}
