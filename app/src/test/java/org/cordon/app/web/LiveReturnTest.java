package org.cordon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cordon.app.pipeline.MediaResolver;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.Gateways;
import org.cordon.app.runtime.LivePipeline;
import org.cordon.app.runtime.Settings;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.PlatformGateway;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.triage.CaseId;
import org.cordon.range.RangeCommand;
import org.cordon.simulator.PlatformSimulator;
import org.cordon.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live mode, the other way round: Cordon's referrals get a supporter suspended (three strikes), the
 * person comes back under a new handle, and the platform simulator pushes the new account's first
 * posts and follows into Cordon, where its real connectors read them.
 */
class LiveReturnTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Set<String> RETURNING_ROLES = Set.of("supporter", "hyperactive_supporter", "distributor");

  @TempDir Path dir;

  @Test
  void aSupporterSuspendedThroughReferralsComesBackAndCordonReadsTheNewAccount() throws Exception {
    Path world = dir.resolve("world");
    assertThat(new CommandLine(new RangeCommand()).execute("generate", "--seed", "3", "--accounts", "300", "--days", "1",
        "--media", "none", "--out", world.toString())).isZero();
    List<JsonNode> posts = supporterPosts(world);
    assertThat(posts).as("a supporter with three posts on the microblog").hasSizeGreaterThanOrEqualTo(3);

    Path data = dir.resolve("data");
    Files.createDirectories(data);
    Files.writeString(data.resolve("users.properties"), "feed=INGEST:{noop}feed-pw\n");
    try (CordonRuntime runtime = CordonRuntime.open(Settings.embedded(data));
        LivePipeline pipeline = new LivePipeline(runtime, MediaResolver.none())) {
      ConfigurableApplicationContext web = WebApplication.start(runtime, pipeline, "127.0.0.1", 0);
      URI cordon = URI.create("http://127.0.0.1:" + web.getEnvironment().getProperty("local.server.port") + "/");
      try (PlatformSimulator simulator = PlatformSimulator.start(SimulatorConfig.builder().port(0).secret("x", "s3cret")
          .speed(36_000).seed(3).world(world).complianceRate(1.0).returnProbability(1.0)
          .cordonFeed(cordon, "feed", "feed-pw").build())) {
        PlatformGateway x = Gateways.webhook(Platform.X, simulator.baseUri(), "s3cret");
        for (int i = 0; i < 3; i++) {
          JsonNode post = posts.get(i);
          x.send(new Request.Referral(new RequestId(i + 1), new CaseId(i + 1), Platform.X, PostKey.of(Platform.X, post.get("post_id").asString()),
              List.of(post.get("url").asString()), "glorifies", "live-return-" + i, List.of()));
        }

        JsonNode ret = awaitReturn(simulator.baseUri());
        assertThat(ret.get("predecessor_account_id").asString()).isEqualTo(posts.get(0).get("account_id").asString());
        AccountKey successor = AccountKey.of(Platform.X, ret.get("successor_account_id").asString());
        PostKey firstPost = PostKey.of(Platform.X, ret.get("first_post_id").asString());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (runtime.stores().observations().post(firstPost).isEmpty() && Instant.now().isBefore(deadline)) {
          Thread.sleep(100);
        }
        assertThat(runtime.stores().observations().post(firstPost)).as("the new account's first post, read by the x-v1 connector")
            .hasValueSatisfying(p -> assertThat(p.author()).isEqualTo(successor));
        assertThat(runtime.stores().observations().account(successor))
            .hasValueSatisfying(a -> assertThat(a.handle()).isEqualTo(ret.get("successor_handle").asString()));
        assertThat(runtime.stores().quarantine().count()).as("nothing the simulator pushed was rejected").isZero();
      } finally {
        web.close();
      }
    }
  }

  /** The x posts of the first returning-role account with at least three, never suspended in the world. */
  static List<JsonNode> supporterPosts(Path world) throws IOException {
    Map<String, String> roles = new HashMap<>();
    for (String line : Files.readAllLines(world.resolve("truth/accounts.jsonl"))) {
      JsonNode a = JSON.readTree(line);
      if (a.get("platform").asString().equals("x") && a.get("suspended_at").isNull()) {
        roles.put(a.get("account_id").asString(), a.get("role").asString());
      }
    }
    Map<String, List<JsonNode>> byAccount = new java.util.LinkedHashMap<>();
    for (String line : Files.readAllLines(world.resolve("truth/posts.jsonl"))) {
      JsonNode p = JSON.readTree(line);
      String account = p.get("account_id").asString();
      if (p.get("platform").asString().equals("x") && RETURNING_ROLES.contains(roles.getOrDefault(account, ""))) {
        byAccount.computeIfAbsent(account, k -> new ArrayList<>()).add(p);
      }
    }
    return byAccount.values().stream().filter(l -> l.size() >= 3).findFirst().orElse(List.of());
  }

  static JsonNode awaitReturn(URI simulator) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    Optional<JsonNode> last = Optional.empty();
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(simulator.resolve("returns")).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(r.body());
      last = Optional.of(body);
      if (body.path("returns").size() > 0) {
        return body.get("returns").get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no return within 30 s; the simulator said " + last.map(JsonNode::toString).orElse("nothing"));
  }
}
