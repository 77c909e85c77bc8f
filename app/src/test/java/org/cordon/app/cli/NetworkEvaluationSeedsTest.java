package org.cordon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cordon.network.range.FlaggedPostsFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Where {@code eval network} takes the flagged accounts that seed its key accounts from: Cordon's
 * own detection (the default), a file {@code eval detection --flagged-out} wrote, or the world's
 * labels; and that it says which.
 */
class NetworkEvaluationSeedsTest {
  @TempDir static Path dir;
  static Path world;
  static Path flagged;
  static JsonNode detection;

  @BeforeAll
  static void aSmallWorldAndTheFlagsDetectionWritesForIt() throws Exception {
    world = dir.resolve("world");
    CommandLineTest.Run generated = CommandLineTest.cordon("range", "generate", "--seed", "31341", "--accounts", "900", "--days", "3", "--media", "none",
        "--out", world.toString());
    assertThat(generated.exit()).as(generated.out()).isZero();
    flagged = dir.resolve("flagged.jsonl");
    CommandLineTest.Run run = CommandLineTest.cordon("eval", "detection", "--world", world.toString(), "--flagged-out", flagged.toString(), "--json");
    assertThat(run.exit()).as(run.out()).isZero();
    detection = lastJson(run);
  }

  private static JsonNode lastJson(CommandLineTest.Run run) {
    return CommandLineTest.JSON.readTree(run.out().lines().filter(l -> l.startsWith("{")).reduce((x, y) -> y).orElseThrow());
  }

  private static JsonNode keyAccounts(String... options) {
    List<String> args = new ArrayList<>(List.of("eval", "network", "--world", world.toString(), "--json"));
    args.addAll(List.of(options));
    CommandLineTest.Run run = CommandLineTest.cordon(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.out()).isZero();
    return lastJson(run).get("key_accounts");
  }

  @Test
  void detectionWritesEveryFlaggedPostOnceInAFileTheNetworkEvaluationReadsWithoutRejections() throws Exception {
    FlaggedPostsFile.Reading reading = FlaggedPostsFile.read(flagged);

    assertThat(detection.get("flagged_out").asString()).isEqualTo(flagged.toString());
    assertThat(reading.rejectedLines()).isZero();
    assertThat(reading.posts()).isNotEmpty();
    assertThat(reading.lines()).as("one line per post, none repeated").isEqualTo(reading.posts().size());
    // Flagged means the combined score reached the flag threshold.
    assertThat(reading.posts()).allSatisfy(post -> assertThat(post.score()).isGreaterThanOrEqualTo(0.5));
  }

  @Test
  void aFlaggedFileIsReportedAsTheSeedSourceFileWithItsCounts() {
    JsonNode key = keyAccounts("--flagged", flagged.toString());

    assertThat(key.get("seed_source").asString()).isEqualTo("file");
    assertThat(key.get("flagged_posts").asInt()).isEqualTo(FlaggedPostsFile.read(flagged).posts().size());
    assertThat(key.get("confident_flagged_posts").asInt()).isBetween(1, key.get("flagged_posts").asInt());
    assertThat(key.get("flagged_accounts").asInt()).isPositive();
    assertThat(key.get("flag_lines_rejected").asInt()).isZero();
  }

  @Test
  void byDefaultDetectionRunsFirstAndGivesTheSameSeedsAsItsFile() {
    JsonNode fromFile = keyAccounts("--flagged", flagged.toString());

    JsonNode byDefault = keyAccounts();

    assertThat(byDefault.get("seed_source").asString()).isEqualTo("detection");
    assertThat(byDefault.get("detection_seconds").asDouble()).isPositive();
    assertThat(byDefault.get("flagged_posts").asInt()).isEqualTo(fromFile.get("flagged_posts").asInt());
    assertThat(byDefault.get("flagged_accounts").asInt()).isEqualTo(fromFile.get("flagged_accounts").asInt());
    assertThat(byDefault.get("recall_at_50").asDouble()).isEqualTo(fromFile.get("recall_at_50").asDouble());
  }

  @Test
  void truthLabelsAreUsedOnlyWhenAskedForAndTheTableSaysSo() {
    JsonNode key = keyAccounts("--flags-from-truth");
    CommandLineTest.Run table = CommandLineTest.cordon("eval", "network", "--world", world.toString(), "--flags-from-truth");

    assertThat(key.get("seed_source").asString()).isEqualTo("truth");
    assertThat(key.get("detection_seconds").asDouble()).isZero();
    assertThat(table.out()).contains("seed source: truth").contains("a perfect detector");
  }

  @Test
  void badLinesInAFlaggedFileAreCountedAndPrintedNotFatal() throws Exception {
    Path damaged = dir.resolve("damaged.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(flagged));
    lines.add(1, "{\"platform\":\"x\",\"post_id\":");
    lines.add("{\"platform\":\"x\",\"post_id\":\"1\",\"account\":\"a\",\"tier\":null,\"score\":7}");
    Files.write(damaged, lines);

    JsonNode key = keyAccounts("--flagged", damaged.toString());
    CommandLineTest.Run table = CommandLineTest.cordon("eval", "network", "--world", world.toString(), "--flagged", damaged.toString());

    assertThat(key.get("flag_lines_rejected").asInt()).isEqualTo(2);
    assertThat(key.get("flagged_posts").asInt()).isEqualTo(FlaggedPostsFile.read(flagged).posts().size());
    assertThat(table.exit()).isZero();
    assertThat(table.out()).contains("2 lines rejected").contains("rejected line 2: MALFORMED_JSON")
        .contains("INVALID_FIELD: \"score\" is not a number in [0, 1]: 7");
  }

  @Test
  void twoSeedSourcesAtOnceAreRefused() {
    CommandLineTest.Run run = CommandLineTest.cordon("eval", "network", "--world", world.toString(), "--flagged", flagged.toString(), "--flags-from-truth");

    assertThat(run.exit()).isEqualTo(2);
  }

  @Test
  void aMissingFlaggedFileIsAUsageErrorNotACrash() {
    CommandLineTest.Run run = CommandLineTest.cordon("eval", "network", "--world", world.toString(), "--flagged", dir.resolve("absent.jsonl").toString());

    assertThat(run.exit()).isEqualTo(2);
  }
}
