package org.cordon.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cordon.app.CordonMain;
import org.cordon.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code cordon ingest} with SIGKILL midway through 100,000 posts, runs it again on the same
 * input, and finds exactly 100,000 posts: none lost, none twice.
 */
class CrashSafetyTest {
  static final int POSTS = 100_000;

  @TempDir Path dir;

  @Test
  void ingestKilledMidwayAndRestartedStoresEveryPostExactlyOnce() throws Exception {
    Path input = dir.resolve("tweets.jsonl");
    writeTweets(input, POSTS);
    Path data = dir.resolve("data");
    STDERR = dir.resolve("stderr.txt");

    Process first = cordon("ingest", "--format", "x-v1", "--progress-lines", "--data", data.toString(), input.toString());
    long readWhenKilled = waitForProgress(first, Files.size(input) / 3);
    first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no clean close
    first.waitFor(60, TimeUnit.SECONDS);
    assertThat(readWhenKilled).as("killed midway, not after the end").isLessThan(Files.size(input));

    long storedAfterKill = countPosts(data);
    assertThat(storedAfterKill).as("some but not all posts stored before the kill").isBetween(1L, (long) POSTS - 1);

    Process second = cordon("ingest", "--format", "x-v1", "--data", data.toString(), input.toString());
    String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(second.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).as(() -> output + stderrOf(dir)).isZero();

    try (Database db = Database.embedded(data.resolve("pg")); Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      ResultSet r = s.executeQuery("select count(*), count(distinct native_id), min(native_id::bigint), max(native_id::bigint) from posts");
      r.next();
      assertThat(r.getLong(1)).as("posts stored").isEqualTo(POSTS);
      assertThat(r.getLong(2)).as("distinct posts").isEqualTo(POSTS);
      assertThat(r.getLong(3)).as("first id: no gap at the start").isEqualTo(1);
      assertThat(r.getLong(4)).as("last id: with 100,000 distinct ids from 1, no gaps").isEqualTo(POSTS);
    }
  }

  private static long countPosts(Path data) throws Exception {
    try (Database db = Database.embedded(data.resolve("pg")); Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      ResultSet r = s.executeQuery("select count(*) from posts");
      r.next();
      return r.getLong(1);
    }
  }

  private static long waitForProgress(Process p, long bytes) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    for (String line; (line = out.readLine()) != null; ) {
      seen.add(line);
      if (line.startsWith("progress bytes=")) {
        long read = Long.parseLong(line.substring("progress bytes=".length()));
        if (read >= bytes) {
          return read;
        }
      }
    }
    throw new AssertionError("ingest ended before it was killed; it printed: " + seen);
  }

  private static Path STDERR;

  private static String stderrOf(Path dir) {
    try {
      return Files.readString(STDERR);
    } catch (IOException e) {
      return "(no stderr: " + e + ")";
    }
  }

  private static Process cordon(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), CordonMain.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(STDERR.toFile())).start();
  }

  /** X API v1.1 tweets with ids 1..n, spread over 500 authors. */
  static void writeTweets(Path file, int n) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 1; i <= n; i++) {
        int user = i % 500 + 1;
        w.write("{\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"id\":" + i + ",\"id_str\":\"" + i
            + "\",\"text\":\"placeholder post " + i + " #weather\",\"truncated\":false,\"lang\":\"en\","
            + "\"entities\":{\"hashtags\":[{\"text\":\"weather\",\"indices\":[0,8]}],\"user_mentions\":[],\"urls\":[]},"
            + "\"user\":{\"id\":" + (1_000_000 + user) + ",\"id_str\":\"" + (1_000_000 + user) + "\",\"screen_name\":\"user" + user
            + "\",\"name\":\"User " + user + "\",\"followers_count\":10,\"friends_count\":5,\"created_at\":\"Mon Jan 01 00:00:00 +0000 2018\"}}\n");
      }
    }
  }
}
