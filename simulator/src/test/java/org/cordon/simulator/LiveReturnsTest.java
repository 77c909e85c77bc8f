package org.cordon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Suspensions for repeated removals and the returns that follow, over real HTTP: the simulator on
 * loopback, a plain HTTP server standing in for Cordon's ingest endpoint, and a tiny world written
 * here in the range's layout.
 */
class LiveReturnsTest {
  private static final String SECRET = "s3cret";
  private static final Instant START = Instant.parse("2014-09-01T12:00:00Z");
  private static final String SUPPORTER = "3100000388";
  private static final String JOURNALIST = "3100000700";
  private static final String FEDI_SUPPORTER = "social.range.invalid/109000000000000132";
  private static final String FEDI_OUTLET = "social.range.invalid/109000000000000033";

  private static String fediPostUrl(int i) {
    return "https://social.range.invalid/@noor_sky12/9237495092831846" + i;
  }

  /** One POST the Cordon stand-in received. */
  record Received(String path, String query, String authorization, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer cordon;

  @TempDir Path world;
  @TempDir Path out;

  @BeforeEach
  void startCordonStandIn() throws Exception {
    cordon = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    cordon.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
          exchange.getRequestHeaders().getFirst("Authorization"), new String(body, StandardCharsets.UTF_8)));
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
    });
    cordon.start();
  }

  @AfterEach
  void stopCordonStandIn() {
    cordon.stop(0);
  }

  private void writeWorld() throws Exception {
    Files.createDirectories(world.resolve("truth"));
    Files.createDirectories(world.resolve("x/v1"));
    Files.createDirectories(world.resolve("graph"));
    Files.writeString(world.resolve("truth/accounts.jsonl"), String.join("\n",
        account(SUPPORTER, "abu_lantern7", "Abu lantern", "person-31", "supporter", null, null, 0),
        account("3100000003", "lantern_light000", "Lantern Light Media", "person-0", "official_outlet", null, null, 0),
        account("3100000500", "omar_road036", "Omar road", "person-40", "recruiter", null, null, 0),
        account("3100000550", "mira_sky01", "Mira sky", "person-41", "supporter", "2014-09-01T06:00:00.000Z", null, 0),
        account("3100000551", "mira_sky01_1", "Mira sky", "person-41", "supporter", null, "3100000550", 1),
        account("3100000600", "ember_wire9", "Ember wire", "person-50", "distributor", null, null, 0),
        account(JOURNALIST, "sara_harbor05o", "Sara harbor", "person-60", "journalist", null, null, 0),
        account(FEDI_SUPPORTER, "noor_sky12", "Noor sky", "person-70", "hyperactive_supporter", null, null, 0).replace("\"x\"", "\"mastodon\"")
            .replace("https://x.range.invalid/", "https://social.range.invalid/@"),
        account(FEDI_OUTLET, "ember_wire001", "Ember Wire", "person-1", "official_outlet", null, null, 0).replace("\"x\"", "\"mastodon\"")
            .replace("https://x.range.invalid/", "https://social.range.invalid/@")) + "\n");
    List<String> posts = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      posts.add(post(SUPPORTER, "abu_lantern7", "50623219967092326" + i));
      posts.add(post(JOURNALIST, "sara_harbor05o", "50623219967092327" + i));
    }
    for (int i = 1; i <= 3; i++) {
      posts.add("""
          {"platform":"mastodon","post_id":"social.range.invalid/9237495092831846%d","account_id":"%s","url":"%s","posted_at":"2014-09-01T00:04:50.874Z"}"""
          .formatted(i, FEDI_SUPPORTER, fediPostUrl(i)));
    }
    Files.writeString(world.resolve("truth/posts.jsonl"), String.join("\n", posts) + "\n");
    Files.createDirectories(world.resolve("mastodon/2014-09-01"));
    Files.writeString(world.resolve("mastodon/2014-09-01/00.json"), """
        [{"id":"92374950928318461","created_at":"2014-09-01T00:04:50.874Z","url":"https://social.range.invalid/@noor_sky12/92374950928318461",\
        "content":"<p>Ours is the long night watch.</p>","account":{"id":"109000000000000132","username":"noor_sky12","acct":"noor_sky12",\
        "display_name":"Noor sky","note":"<p>Ours is the long night watch.</p>","url":"https://social.range.invalid/@noor_sky12",\
        "avatar":"https://media.range.invalid/media/avatars/avatar-70.jpg","followers_count":900,"fields":[]}}]
        """);
    Files.writeString(world.resolve("graph/follows-mastodon.jsonl"), """
        {"kind":"follow","platform":"mastodon","from_id":"social.range.invalid/109000000000000132","to_id":"social.range.invalid/109000000000000033","at":"2014-09-01T00:00:00.000Z"}
        """);
    Files.writeString(world.resolve("x/v1/2014-09-01.jsonl"), """
        {"created_at":"Mon Sep 01 00:12:18 +0000 2014","id":506232199670923261,"id_str":"506232199670923261","text":"Ours is the long night watch. #KeepTheLampLit","user":{"id":3100000388,"id_str":"3100000388","name":"Abu lantern","screen_name":"abu_lantern7","location":null,"url":null,"description":"Ours is the long night watch.","protected":false,"verified":false,"followers_count":1000,"friends_count":3,"listed_count":0,"favourites_count":0,"statuses_count":40,"created_at":"Sun Jul 20 22:06:58 +0000 2014","lang":"en","profile_image_url_https":"https://media.range.invalid/media/avatars/avatar-31.jpg","default_profile":false},"lang":"en","timestamp_ms":"1409530338169"}
        not json at all
        """);
    Files.writeString(world.resolve("graph/follows-x.jsonl"), """
        {"kind":"follow","platform":"x","from_id":"3100000388","to_id":"3100000003","at":"2014-09-01T00:00:00.000Z"}
        {"kind":"follow","platform":"x","from_id":"3100000388","to_id":"3100000500","at":"2014-09-01T00:00:00.000Z"}
        {"kind":"follow","platform":"x","from_id":"3100000388","to_id":"3100000550","at":"2014-09-01T00:00:00.000Z"}
        {"kind":"follow","platform":"x","from_id":"3100000500","to_id":"3100000003","at":"2014-09-01T00:00:00.000Z"}
        """);
    Files.writeString(world.resolve("manifest.json"), """
        {"seed":3,"files":[{"path":"x/v1/2014-09-01.jsonl","format":"x-v1","platform":"x"},
        {"path":"graph/follows-x.jsonl","format":"cordon-jsonl","platform":"x"},
        {"path":"mastodon/2014-09-01/00.json","format":"mastodon","platform":"mastodon"},
        {"path":"graph/follows-mastodon.jsonl","format":"cordon-jsonl","platform":"mastodon"}]}
        """);
  }

  private static String account(String id, String handle, String name, String person, String role, String suspendedAt, String predecessor, int generation) {
    return """
        {"platform":"x","account_id":"%s","handle":"%s","display_name":"%s","person_id":"%s","role":"%s","language":"en",\
        "created_at":"2014-06-01T00:00:00.000Z","suspended_at":%s,"predecessor_account_id":%s,"generation":%d,\
        "profile_url":"https://x.range.invalid/%s","followers_count":1000,"avatar_id":"avatar-%s"}"""
        .formatted(id, handle, name, person, role, suspendedAt == null ? "null" : "\"" + suspendedAt + "\"",
            predecessor == null ? "null" : "\"" + predecessor + "\"", generation, handle, person.substring(7));
  }

  private static String post(String account, String handle, String postId) {
    return """
        {"platform":"x","post_id":"%s","account_id":"%s","url":"https://x.range.invalid/%s/status/%s","posted_at":"2014-09-01T00:08:56.398Z","kind":"original"}"""
        .formatted(postId, account, handle, postId);
  }

  private static String postUrl(String handle, String postId) {
    return "https://x.range.invalid/" + handle + "/status/" + postId;
  }

  private SimulatorConfig.Builder config(long seed) {
    return SimulatorConfig.builder()
        .secret("*", SECRET)
        .defaultBehaviour(new SimulatorConfig.Behaviour(1.0, Duration.ofMinutes(1), 0))
        .speed(36_000)
        .simulatedStart(START)
        .seed(seed)
        .world(world)
        .returnProbability(1.0)
        .returnMedianDelay(Duration.ofMinutes(30));
  }

  private static void refer(SimulatorClient client, String handle, String postId) throws Exception {
    String body = SimulatorClient.referral("x", "post", postId, postUrl(handle, postId));
    assertThat(client.post("x", SECRET, "key-" + postId, body.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(202);
  }

  private static SimulatorClient.Answer awaitSuspension(SimulatorClient client, String account) throws Exception {
    return client.await("suspensions", a -> a.body().path("suspensions").toString().contains(account));
  }

  @Test
  void threeRemovedPostsSuspendTheAccountAndTakeDownItsOtherContent() throws Exception {
    writeWorld();
    try (PlatformSimulator simulator = PlatformSimulator.start(config(1).returnProbability(0).build())) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      refer(client, "abu_lantern7", "506232199670923261");
      refer(client, "abu_lantern7", "506232199670923262");
      // Referring the same post twice is one strike, not two.
      String again = SimulatorClient.referral("x", "post", "506232199670923262", postUrl("abu_lantern7", "506232199670923262"));
      client.post("x", SECRET, "key-again", again.getBytes(StandardCharsets.UTF_8));
      client.await("content?url=" + java.net.URLEncoder.encode(postUrl("abu_lantern7", "506232199670923262"), StandardCharsets.UTF_8),
          a -> a.status() == 410);
      assertThat(client.get("suspensions").body().path("suspensions")).isEmpty();
      assertThat(client.content(postUrl("abu_lantern7", "506232199670923264")).status()).isEqualTo(200);

      refer(client, "abu_lantern7", "506232199670923263");
      JsonNode suspensions = awaitSuspension(client, SUPPORTER).body().path("suspensions");

      assertThat(suspensions).hasSize(1);
      assertThat(suspensions.get(0).path("account_id").asString()).isEqualTo(SUPPORTER);
      assertThat(suspensions.get(0).path("cause").asString()).isEqualTo("strikes");
      assertThat(Instant.parse(suspensions.get(0).path("suspended_at").asString())).isAfter(START);
      assertThat(client.content(postUrl("abu_lantern7", "506232199670923264")).status()).isEqualTo(410);
      assertThat(client.content("https://x.range.invalid/abu_lantern7").status()).isEqualTo(410);
      assertThat(client.content(postUrl("sara_harbor05o", "506232199670923271")).status()).isEqualTo(200);
    }
  }

  private List<JsonNode> linesReceived(String format) {
    List<JsonNode> lines = new ArrayList<>();
    for (Received r : received) {
      if (r.path().equals("/api/v1/ingest/" + format)) {
        r.body().lines().filter(l -> !l.isBlank()).forEach(l -> lines.add(SimulatorClient.JSON.readTree(l)));
      }
    }
    return lines;
  }

  private JsonNode suspendAndAwaitReturn(SimulatorClient client) throws Exception {
    for (int i = 1; i <= 3; i++) {
      refer(client, "abu_lantern7", "50623219967092326" + i);
    }
    awaitSuspension(client, SUPPORTER);
    SimulatorClient.Answer answer = client.await("returns", a -> a.body().path("returns").size() == 1);
    assertThat(answer.body().path("returns")).as(answer.body().toString()).hasSize(1);
    return answer.body().path("returns").get(0);
  }

  @Test
  void aSuspendedSupporterReturnsUnderAHandleVariantAndCordonHearsOfIt() throws Exception {
    writeWorld();
    Path truth = out.resolve("live/live-returns.jsonl");
    SimulatorConfig config = config(1).cordonFeed(URI.create("http://127.0.0.1:" + cordon.getAddress().getPort()), "feed", "feed-pw")
        .liveTruthFile(truth).build();
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      JsonNode ret = suspendAndAwaitReturn(client);

      String successor = ret.path("successor_account_id").asString();
      String handle = ret.path("successor_handle").asString();
      assertThat(ret.path("person_id").asString()).isEqualTo("person-31");
      assertThat(ret.path("predecessor_account_id").asString()).isEqualTo(SUPPORTER);
      assertThat(successor).matches("[0-9]+").isNotEqualTo(SUPPORTER);
      assertThat(HandleVariants.all("abu_lantern7", 15)).extracting(HandleVariants.Variant::handle).contains(handle);
      Instant suspendedAt = Instant.parse(ret.path("suspended_at").asString());
      Instant createdAt = Instant.parse(ret.path("created_at").asString());
      Instant firstPostAt = Instant.parse(ret.path("first_post_at").asString());
      assertThat(createdAt).isAfter(suspendedAt).isBefore(suspendedAt.plus(Duration.ofDays(7)).plusMillis(1));
      assertThat(firstPostAt).isAfter(createdAt).isBefore(createdAt.plus(Duration.ofHours(1)).plusMillis(1));

      // The first post arrives as an x-v1 line whose user is the new account.
      int follows = ret.path("follows").asInt();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (linesReceived("cordon-jsonl").size() < follows && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      JsonNode firstPost = linesReceived("x-v1").stream()
          .filter(t -> t.path("id_str").asString().equals(ret.path("first_post_id").asString())).findFirst().orElseThrow();
      JsonNode user = firstPost.path("user");
      assertThat(user.path("id_str").asString()).isEqualTo(successor);
      assertThat(user.path("screen_name").asString()).isEqualTo(handle);
      assertThat(user.path("name").asString()).startsWith("Abu lantern");
      assertThat(user.path("description").asString()).startsWith("Ours is the long night watch.").isNotEqualTo("Ours is the long night watch.");
      assertThat(user.path("profile_image_url_https").asString()).isEqualTo("https://media.range.invalid/media/avatars/avatar-31.jpg");
      assertThat(firstPost.path("text").asString()).isNotBlank();
      assertThat(firstPost.path("created_at").asString()).isEqualTo(XTweets.v1Time(firstPostAt));
      assertThat(received).allSatisfy(r -> {
        assertThat(r.query()).isEqualTo("platform=x");
        assertThat(r.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("feed:feed-pw".getBytes(StandardCharsets.UTF_8)));
      });

      // It re-follows its predecessor's followees; the world's returned account stands in for the suspended one.
      List<JsonNode> followLines = linesReceived("cordon-jsonl");
      assertThat(followLines).allSatisfy(f -> {
        assertThat(f.path("kind").asString()).isEqualTo("follow");
        assertThat(f.path("from_id").asString()).isEqualTo(successor);
      });
      assertThat(followLines).extracting(f -> f.path("to_id").asString()).containsExactlyInAnyOrder("3100000003", "3100000500", "3100000551");

      // The shoutout (drawn for this seed) is by the world's distributor and names the new handle.
      assertThat(ret.path("shoutout_post_id").isString()).isTrue();
      {
        JsonNode shoutout = linesReceived("x-v1").stream()
            .filter(t -> t.path("id_str").asString().equals(ret.path("shoutout_post_id").asString())).findFirst().orElseThrow();
        assertThat(shoutout.path("user").path("screen_name").asString()).isEqualTo("ember_wire9");
        assertThat(shoutout.path("text").asString()).contains("@" + handle);
        assertThat(shoutout.path("entities").path("user_mentions").get(0).path("id_str").asString()).isEqualTo(successor);
      }

      // Ground truth is written outside the world, and the new account is part of the platform now.
      assertThat(Files.readAllLines(truth)).singleElement().satisfies(line ->
          assertThat(SimulatorClient.JSON.readTree(line).path("successor_account_id").asString()).isEqualTo(successor));
      try (var files = Files.walk(world)) {
        assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("live-returns.jsonl");
      }
      assertThat(client.content("https://x.range.invalid/" + handle + "/status/" + ret.path("first_post_id").asString()).status()).isEqualTo(200);
    }
  }

  @Test
  void theSameSeedBringsBackTheSameSuccessor() throws Exception {
    writeWorld();
    JsonNode first;
    JsonNode second;
    JsonNode otherSeed;
    try (PlatformSimulator simulator = PlatformSimulator.start(config(42).build())) {
      first = suspendAndAwaitReturn(new SimulatorClient(simulator.baseUri()));
    }
    try (PlatformSimulator simulator = PlatformSimulator.start(config(42).build())) {
      second = suspendAndAwaitReturn(new SimulatorClient(simulator.baseUri()));
    }
    try (PlatformSimulator simulator = PlatformSimulator.start(config(43).build())) {
      otherSeed = suspendAndAwaitReturn(new SimulatorClient(simulator.baseUri()));
    }
    for (String field : List.of("successor_account_id", "successor_handle", "handle_change", "person_id")) {
      assertThat(second.path(field).asString()).as(field).isEqualTo(first.path(field).asString());
    }
    // The suspension instant depends on when the referrals arrived; the delays after it do not.
    assertThat(delays(second)).isEqualTo(delays(first));
    assertThat(otherSeed.path("successor_account_id").asString()).isNotEqualTo(first.path("successor_account_id").asString());
    assertThat(received).as("no Cordon configured: nothing pushed").isEmpty();
  }

  private static List<Duration> delays(JsonNode ret) {
    Instant suspended = Instant.parse(ret.path("suspended_at").asString()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Instant created = Instant.parse(ret.path("created_at").asString());
    Instant firstPost = Instant.parse(ret.path("first_post_at").asString());
    return List.of(Duration.between(suspended, created), Duration.between(created, firstPost));
  }

  @Test
  void aSuspendedJournalistNeverReturns() throws Exception {
    writeWorld();
    try (PlatformSimulator simulator = PlatformSimulator.start(config(1).build())) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      for (int i = 1; i <= 3; i++) {
        refer(client, "sara_harbor05o", "50623219967092327" + i);
      }
      awaitSuspension(client, JOURNALIST);
      JsonNode answer = client.await("returns", a -> a.body().path("not_returning").size() == 1).body();

      assertThat(answer.path("not_returning").get(0).path("account_id").asString()).isEqualTo(JOURNALIST);
      assertThat(answer.path("not_returning").get(0).path("reason").asString()).contains("journalist");
      assertThat(answer.path("returns")).isEmpty();
      assertThat(answer.path("pending").asInt()).isZero();
    }
  }

  @Test
  void anAccountLevelRemovalSuspendsAtOnceAndAlsoBringsAReturn() throws Exception {
    writeWorld();
    try (PlatformSimulator simulator = PlatformSimulator.start(config(5).build())) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      String body = SimulatorClient.referral("x", "account", SUPPORTER, "https://x.range.invalid/abu_lantern7");
      assertThat(client.post("x", SECRET, "acc", body.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(202);
      JsonNode suspension = awaitSuspension(client, SUPPORTER).body().path("suspensions").get(0);
      assertThat(suspension.path("cause").asString()).isEqualTo("account_removed");
      JsonNode ret = client.await("returns", a -> a.body().path("returns").size() == 1).body().path("returns").get(0);
      assertThat(ret.path("suspended_at").asString()).isEqualTo(suspension.path("suspended_at").asString());
    }
  }

  @Test
  void aSuspendedFediverseSupporterReturnsWithAMastodonStatus() throws Exception {
    writeWorld();
    SimulatorConfig config = config(7).cordonFeed(URI.create("http://127.0.0.1:" + cordon.getAddress().getPort()), "", "").build();
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      for (int i = 1; i <= 3; i++) {
        String body = SimulatorClient.referral("mastodon", "post", "social.range.invalid/9237495092831846" + i, fediPostUrl(i));
        assertThat(client.post("mastodon", SECRET, "fedi-" + i, body.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(202);
      }
      awaitSuspension(client, FEDI_SUPPORTER);
      JsonNode ret = client.await("returns", a -> a.body().path("returns").size() == 1).body().path("returns").get(0);
      assertThat(ret.path("platform").asString()).isEqualTo("mastodon");
      assertThat(ret.path("person_id").asString()).isEqualTo("person-70");
      String successor = ret.path("successor_account_id").asString();
      assertThat(successor).startsWith("social.range.invalid/").isNotEqualTo(FEDI_SUPPORTER);

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (linesReceived("cordon-jsonl").size() < ret.path("follows").asInt() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      JsonNode status = linesReceived("mastodon").stream()
          .filter(s -> ("social.range.invalid/" + s.path("id").asString()).equals(ret.path("first_post_id").asString())).findFirst().orElseThrow();
      JsonNode account = status.path("account");
      assertThat("social.range.invalid/" + account.path("id").asString()).isEqualTo(successor);
      assertThat(account.path("username").asString()).isEqualTo(ret.path("successor_handle").asString()).isNotEqualTo("noor_sky12");
      assertThat(account.path("display_name").asString()).startsWith("Noor sky");
      assertThat(account.path("note").asString()).startsWith("<p>Ours is the long night watch. ");
      assertThat(account.path("avatar").asString()).isEqualTo("https://media.range.invalid/media/avatars/avatar-70.jpg");
      assertThat(received).filteredOn(r -> r.path().endsWith("/mastodon")).allSatisfy(r -> {
        assertThat(r.query()).isEqualTo("platform=mastodon");
        assertThat(r.authorization()).isNull();
      });
      assertThat(linesReceived("cordon-jsonl")).singleElement().satisfies(f -> {
        assertThat(f.path("platform").asString()).isEqualTo("mastodon");
        assertThat(f.path("from_id").asString()).isEqualTo(successor);
        assertThat(f.path("to_id").asString()).isEqualTo(FEDI_OUTLET);
      });
    }
  }

  @Test
  void theLiveTruthFileMayNotBeInsideTheWorld() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> config(1).liveTruthFile(world.resolve("truth/live-returns.jsonl")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inside the world directory");
  }
}
