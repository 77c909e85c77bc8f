package org.cordon.range;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RangeCommandTest {

  @Test
  void generateThenStatsDescribesTheWorldAsJson(@TempDir Path dir) throws IOException {
    Path world = dir.resolve("world");
    int generated = new CommandLine(new RangeCommand()).execute(
        "generate", "--seed", "5", "--accounts", "400", "--days", "2", "--media", "none", "--out", world.toString());
    assertThat(generated).isZero();
    assertThat(world.resolve("manifest.json")).exists();

    String json = captured(() -> new CommandLine(new RangeCommand()).execute("stats", world.toString(), "--json"));
    JsonNode stats = JsonMapper.builder().build().readTree(json);
    long accounts = 0;
    for (JsonNode count : stats.get("accounts by role")) {
      accounts += count.asLong();
    }
    assertThat(accounts).isEqualTo(400);
    assertThat(stats.get("posts").get("posts").asLong()).isEqualTo(Files.lines(world.resolve("truth/posts.jsonl")).count());
    assertThat(stats.get("follow graph (microblog and fediverse)").get("in-degree max").asInt()).isPositive();

    String table = captured(() -> new CommandLine(new RangeCommand()).execute("stats", world.toString()));
    assertThat(table).contains("persons by role", "suspensions and returns", "hard negative share");
  }

  @Test
  void benchmarkReportsItsFiguresAsJson() throws IOException {
    String json = captured(() -> new CommandLine(new RangeBenchmarkCommand()).execute(
        "--accounts", "300", "--days", "1", "--json"));
    JsonNode figures = JsonMapper.builder().build().readTree(json);
    assertThat(figures.get("accounts").asInt()).isEqualTo(300);
    assertThat(figures.get("posts").asLong()).isPositive();
    assertThat(figures.has("peak_heap_mib")).isTrue();
  }

  private static String captured(Runnable command) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      command.run();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
