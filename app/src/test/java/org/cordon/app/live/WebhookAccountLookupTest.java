package org.cordon.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.cordon.app.runtime.Gateways;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.request.PlatformGateway;
import org.cordon.lineage.PlatformAccounts;
import org.cordon.simulator.PlatformSimulator;
import org.cordon.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Username lookups against the real platform simulator on loopback, and against a platform that answers badly. */
class WebhookAccountLookupTest {
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final String SECRET = "s3cret-for-tests-only";
  @TempDir Path dir;

  private Path world() throws Exception {
    Path world = dir.resolve("world");
    Files.createDirectories(world.resolve("truth"));
    Files.writeString(world.resolve("truth/accounts.jsonl"), """
        {"platform":"x","account_id":"31","handle":"karim_north","url":"https://x.example/31","suspended_at":"2026-11-23T08:00:00Z"}
        {"platform":"x","account_id":"32","handle":"garden_notes","url":"https://x.example/32"}
        """);
    Files.writeString(world.resolve("truth/posts.jsonl"), "");
    return world;
  }

  private static Account account(String id, String handle) {
    return new Account(AccountKey.of(Platform.X, id), handle, Optional.of("Karim north"), Optional.of("new here"),
        Optional.of(NOW.minus(1, ChronoUnit.HOURS)), OptionalLong.of(3), OptionalLong.empty(), Optional.empty(), Optional.empty(),
        List.of());
  }

  @Test
  void aReturnerWhosePredecessorNeverPostedIsLinkedThroughTheLookupAndTheHandleSurvivesARestart() throws Exception {
    SimulatorConfig config = SimulatorConfig.builder().port(0).secret("x", SECRET).world(world())
        .simulatedStart(NOW).build();
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      Map<Platform, PlatformGateway> gateways = Map.of(Platform.X, Gateways.webhook(Platform.X, simulator.baseUri(), SECRET));
      WebhookAccountLookup lookup = new WebhookAccountLookup(() -> gateways, Clock.fixed(NOW, ZoneOffset.UTC));

      assertThat(lookup.gone(Platform.X, "karim_north")).hasValueSatisfying(g -> {
        assertThat(g.key()).isEqualTo(AccountKey.of(Platform.X, "31"));
        assertThat(g.since()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
      });
      assertThat(lookup.gone(Platform.X, "garden_notes")).as("active").isEmpty();
      assertThat(lookup.gone(Platform.X, "nobody_at_all")).as("free").isEmpty();
      assertThat(lookup.gone(Platform.TELEGRAM, "karim_north")).as("no gateway for it").isEmpty();
      assertThat(lookup.failures()).isZero();

      Path log = dir.resolve("live/lineage.jsonl");
      ReturningAccounts returning = new ReturningAccounts(key -> Optional.empty(), (key, limit) -> List.of(), Optional.of(log), lookup);
      Optional<ReturningAccounts.Match> match = returning.observed(account("40", "karim_north_1"), NOW);

      assertThat(match).map(ReturningAccounts.Match::predecessor).contains(AccountKey.of(Platform.X, "31"));
      assertThat(returning.handleLookups()).isPositive();

      // The suspension found by the lookup is logged with its handle (Cordon stored no profile of it)
      // and comes back after a restart with no platform to ask.
      assertThat(Files.readAllLines(log)).anySatisfy(line -> assertThat(line)
          .contains("\"event\":\"suspended\"", "\"account\":\"31\"", "\"handle\":\"karim_north\"", "found by a handle lookup"));
      ReturningAccounts restarted = new ReturningAccounts(key -> Optional.empty(), (key, limit) -> List.of(), Optional.of(log));
      assertThat(restarted.restore()).isEqualTo(2);
      assertThat(restarted.lineage(AccountKey.of(Platform.X, "40")).accounts())
          .containsExactly(AccountKey.of(Platform.X, "31"), AccountKey.of(Platform.X, "40"));
      assertThat(restarted.suspension(AccountKey.of(Platform.X, "31"))).isPresent();
    }
  }

  @Test
  void aPlatformAnsweringBadlyFindsNothingAndIsCounted() throws Exception {
    AtomicReference<String> answer = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.get().startsWith("500") ? 500 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      Map<Platform, PlatformGateway> gateways = Map.of(Platform.X, Gateways.webhook(Platform.X, base, SECRET));
      WebhookAccountLookup lookup = new WebhookAccountLookup(() -> gateways, Clock.fixed(NOW, ZoneOffset.UTC));
      List<String> bad = List.of("{not json", "500 down", "{\"status\":\"suspended\"}",
          "{\"status\":\"suspended\",\"account_id\":\"9\",\"handle\":\"h\",\"suspended_at\":\"yesterday\"}",
          "{\"status\":\"suspended\",\"account_id\":\"9\",\"handle\":\"h\",\"platform\":\"mastodon\"}",
          "{\"status\":\"suspended\",\"account_id\":\"9\",\"handle\":\"" + "a".repeat(70_000) + "\"}");
      for (String body : bad) {
        answer.set(body);
        assertThat(lookup.gone(Platform.X, "karim_north")).as(body.length() > 80 ? body.substring(0, 80) : body).isEmpty();
      }
      assertThat(lookup.failures()).isEqualTo(bad.size());

      answer.set("{\"status\":\"suspended\",\"account_id\":\"9\",\"handle\":\"\u202Ekarim\u200B_north\"}");
      assertThat(lookup.gone(Platform.X, "karim_north")).as("no time given: the lookup's").hasValueSatisfying(g -> {
        assertThat(g.since()).isEqualTo(NOW);
        assertThat(g.handle()).isEqualTo("\u202Ekarim\u200B_north");
      });
      assertThat(PlatformAccounts.none().gone(Platform.X, "karim_north")).isEmpty();
    } finally {
      server.stop(0);
    }
  }
}
