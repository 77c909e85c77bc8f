package org.cordon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldReplayerTest {
  /** What the Cordon stand-in received: path, content type and body. */
  record Received(String path, String contentType, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer cordon;
  private volatile int answer = 202;

  @TempDir Path world;

  @BeforeEach
  void startCordonStandIn() throws Exception {
    cordon = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    cordon.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(new Received(exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
      exchange.sendResponseHeaders(answer, -1);
      exchange.close();
    });
    cordon.start();
  }

  @AfterEach
  void stopCordonStandIn() {
    cordon.stop(0);
  }

  private URI cordonBase() {
    return URI.create("http://127.0.0.1:" + cordon.getAddress().getPort());
  }

  private void writeWorld(String index) throws Exception {
    Files.createDirectories(world.resolve("replay/x"));
    Files.writeString(world.resolve("replay/x/posts.jsonl"), "{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n");
    Files.writeString(world.resolve("replay/index.jsonl"), index);
  }

  @Test
  void postsEachUnitsBytesToTheIngestEndpointOfItsFormatInTimeOrder() throws Exception {
    writeWorld("""
        {"at":"2026-01-01T00:00:00Z","format":"x-v1","path":"x/posts.jsonl","offset":0,"length":9}
        {"at":"2026-01-01T00:00:30Z","format":"x-v1","path":"x/posts.jsonl","offset":9,"length":9}
        {"at":"2026-01-01T00:01:00Z","format":"x-v1","path":"x/posts.jsonl","offset":18,"length":9}
        """);

    WorldReplayer.Report report = new WorldReplayer(world, cordonBase(), 6000).replay();

    assertThat(report.units()).isEqualTo(3);
    assertThat(report.posts()).isEqualTo(3);
    assertThat(report.failedPosts()).isZero();
    assertThat(report.bytes()).isEqualTo(27);
    assertThat(received).containsExactly(
        new Received("/api/v1/ingest/x-v1", "application/octet-stream", "{\"id\":1}\n"),
        new Received("/api/v1/ingest/x-v1", "application/octet-stream", "{\"id\":2}\n"),
        new Received("/api/v1/ingest/x-v1", "application/octet-stream", "{\"id\":3}\n"));
  }

  @Test
  void mergesContiguousUnitsOfOneTickIntoOnePostWhenAsked() throws Exception {
    writeWorld("""
        {"at":"2026-01-01T00:00:00Z","format":"x-v1","path":"x/posts.jsonl","offset":0,"length":9}
        {"at":"2026-01-01T00:00:01Z","format":"x-v1","path":"x/posts.jsonl","offset":9,"length":9}
        {"at":"2026-01-01T00:00:02Z","format":"x-v1","path":"x/posts.jsonl","offset":18,"length":9}
        """);

    WorldReplayer.Report report = new WorldReplayer(world, cordonBase(), 6000).mergingContiguous().replay();

    assertThat(report.units()).isEqualTo(3);
    assertThat(report.posts()).isEqualTo(1);
    assertThat(received).extracting(Received::body).containsExactly("{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n");
  }

  @Test
  void skipsBadIndexLinesAndRefusesPathsThatLeaveTheWorld() throws Exception {
    writeWorld("""
        {"at":"2026-01-01T00:00:00Z","format":"x-v1","path":"x/posts.jsonl","offset":0,"length":9}
        {"at":"yesterday","format":"x-v1","path":"x/posts.jsonl","offset":0,"length":9}
        {"at":"2026-01-01T00:00:00Z","format":"X V1","path":"x/posts.jsonl","offset":0,"length":9}
        {"at":"2026-01-01T00:00:00Z","format":"x-v1","path":"x/posts.jsonl","offset":-1,"length":9}
        [1,2,3]
        {"at":"2026-01-01T00:00:01Z","format":"x-v1","path":"../../etc/passwd","offset":0,"length":9}
        {"at":"2026-01-01T00:00:02Z","format":"x-v1","path":"x/posts.jsonl","offset":20,"length":90}
        """);

    WorldReplayer.Report report = new WorldReplayer(world, cordonBase(), 6000).replay();

    assertThat(report.skippedLines()).isEqualTo(4);
    assertThat(report.units()).isEqualTo(3);
    assertThat(report.failedPosts()).isEqualTo(2);
    assertThat(report.problems()).anyMatch(p -> p.contains("leaves the world directory"));
    assertThat(report.problems()).anyMatch(p -> p.contains("file has 27 bytes"));
    assertThat(received).hasSize(1);
  }

  @Test
  void countsUnitsCordonRefusesAndGoesOn() throws Exception {
    writeWorld("""
        {"at":"2026-01-01T00:00:00Z","format":"x-v1","path":"x/posts.jsonl","offset":0,"length":9}
        {"at":"2026-01-01T00:00:01Z","format":"x-v1","path":"x/posts.jsonl","offset":9,"length":9}
        """);
    answer = 422;

    WorldReplayer.Report report = new WorldReplayer(world, cordonBase(), 6000).replay();

    assertThat(report.failedPosts()).isEqualTo(2);
    assertThat(received).hasSize(2);
    assertThat(report.problems()).allMatch(p -> p.contains("422"));
  }
}
