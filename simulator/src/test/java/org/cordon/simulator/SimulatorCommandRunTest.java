package org.cordon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulatorCommandRunTest {
  @Test
  void serveReplaysTheWorldIntoCordonAndExitsWhenAsked(@TempDir Path world) throws Exception {
    Files.createDirectories(world.resolve("replay"));
    Files.createDirectories(world.resolve("truth"));
    Files.writeString(world.resolve("replay/feed.jsonl"), "{\"id\":1}\n{\"id\":2}\n");
    Files.writeString(world.resolve("replay/index.jsonl"), """
        {"at":"2026-01-01T00:00:00Z","format":"x-v1","path":"feed.jsonl","offset":0,"length":9}
        {"at":"2026-01-01T00:00:10Z","format":"x-v1","path":"feed.jsonl","offset":9,"length":9}
        """);
    List<String> paths = new CopyOnWriteArrayList<>();
    HttpServer cordon = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    cordon.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      paths.add(exchange.getRequestURI().getPath());
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
    });
    cordon.start();
    try {
      StringWriter out = new StringWriter();
      CommandLine command = new CommandLine(new SimulatorCommand()).setOut(new PrintWriter(out));

      int exit = command.execute("--world", world.toString(), "--speed", "6000", "--secret", "*=s",
          "--cordon", "http://127.0.0.1:" + cordon.getAddress().getPort(), "--exit-after-replay");

      assertThat(exit).as(out.toString()).isZero();
      assertThat(out.toString()).contains("platform simulator listening on http://127.0.0.1:", "replayed 2 units in 2 posts (18 bytes), 0 failed");
      assertThat(paths).containsExactly("/api/v1/ingest/x-v1", "/api/v1/ingest/x-v1");
    } finally {
      cordon.stop(0);
    }
  }
}
