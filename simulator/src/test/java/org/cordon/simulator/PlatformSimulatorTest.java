package org.cordon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformSimulatorTest {
  private static final String SECRET = "range-secret";

  /** Decisions take one simulated minute, which is 10 real ms at this speed. */
  private static SimulatorConfig.Builder fastAndCompliant() {
    return SimulatorConfig.builder()
        .secret("x", SECRET)
        .speed(6000)
        .defaultBehaviour(new SimulatorConfig.Behaviour(1.0, Duration.ofMinutes(1), 0));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void acknowledgesASignedReferralThenRemovesTheContentAfterTheDelay() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(fastAndCompliant().build())) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      String url = "https://x.example/p/1";
      assertThat(client.content(url).status()).isEqualTo(200);

      SimulatorClient.Answer ack = client.post("x", SECRET, "key-1", bytes(SimulatorClient.referral("x", "post", "1", url)));

      assertThat(ack.status()).isEqualTo(202);
      assertThat(ack.body().get("status").stringValue()).isEqualTo("acknowledged");
      String reference = ack.body().get("platform_reference").stringValue();
      assertThat(reference).startsWith("PR-");
      Instant.parse(ack.body().get("received_at").stringValue());
      SimulatorClient.Answer removed = client.await("platforms/x/requests/" + reference,
          a -> a.body().get("status").stringValue().equals("removed"));
      assertThat(removed.body().get("status").stringValue()).isEqualTo("removed");
      assertThat(Instant.parse(removed.body().get("removed_at").stringValue()))
          .isEqualTo(Instant.parse(ack.body().get("received_at").stringValue()).plus(Duration.ofMinutes(1)));
      assertThat(client.content(url).status()).isEqualTo(410);
      assertThat(client.get("stats").body().get("removed").asLong()).isEqualTo(1);
    }
  }

  @Test
  void theSameIdempotencyKeyReturnsTheFirstAnswerAndStoresOneRequest() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(fastAndCompliant().build())) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      byte[] body = bytes(SimulatorClient.referral("x", "post", "1", "https://x.example/p/1"));

      SimulatorClient.Answer first = client.post("x", SECRET, "same-key", body);
      SimulatorClient.Answer second = client.post("x", SECRET, "same-key", body);

      assertThat(first.status()).isEqualTo(202);
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.body()).isEqualTo(first.body());
      SimulatorClient.Answer stats = client.get("stats");
      assertThat(stats.body().get("received").asLong()).isEqualTo(1);
      assertThat(stats.body().get("duplicates").asLong()).isEqualTo(1);
    }
  }

  @Test
  void refusesWrongSecretTamperedBodyStaleTimestampAndMissingHeaders() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(fastAndCompliant().build())) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      byte[] body = bytes(SimulatorClient.referral("x", "post", "1", "https://x.example/p/1"));
      String now = Long.toString(Instant.now().getEpochSecond());
      String good = "v1=" + java.util.HexFormat.of().formatHex(PlatformSimulator.hmac(SECRET, now, body));
      byte[] tampered = bytes(SimulatorClient.referral("x", "post", "2", "https://x.example/p/1"));
      String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());
      String staleSignature = "v1=" + java.util.HexFormat.of().formatHex(PlatformSimulator.hmac(SECRET, stale, body));

      SimulatorClient.Answer wrongSecret = client.post("x", "not-the-secret", "k", body);
      SimulatorClient.Answer tamperedBody = client.post("x", "k", tampered, now, good);
      SimulatorClient.Answer staleTimestamp = client.post("x", "k", body, stale, staleSignature);
      SimulatorClient.Answer garbageSignature = client.post("x", "k", body, now, "v1=zz");

      assertThat(wrongSecret.status()).isEqualTo(401);
      assertThat(wrongSecret.body().get("error").stringValue()).isEqualTo("bad_signature");
      assertThat(tamperedBody.status()).isEqualTo(401);
      assertThat(staleTimestamp.status()).isEqualTo(401);
      assertThat(staleTimestamp.body().get("message").stringValue()).contains("off our clock");
      assertThat(garbageSignature.status()).isEqualTo(401);
      assertThat(client.post("x", null, body, now, good).status()).isEqualTo(400);
      assertThat(client.post("x", "k", body, now, good).status()).isEqualTo(202);
      SimulatorClient.Answer stats = client.get("stats");
      assertThat(stats.body().get("bad_signatures").asLong()).isEqualTo(4);
      assertThat(stats.body().get("received").asLong()).isEqualTo(1);
    }
  }

  @Test
  void refusesMalformedBodiesWithAReasonAndUnknownPlatformsWith404() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(fastAndCompliant().build())) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      byte[] badUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
      byte[] notJson = bytes("{\"request_type\":");
      byte[] wrongType = bytes(SimulatorClient.referral("x", "post", "1", "u").replace("\"referral\"", "\"please\""));
      byte[] otherPlatform = bytes(SimulatorClient.referral("telegram", "post", "1", "u"));
      byte[] duplicateField = bytes("{\"request_type\":\"referral\",\"request_type\":\"referral\"}");

      for (byte[] body : new byte[][] {badUtf8, notJson, wrongType, otherPlatform, duplicateField}) {
        SimulatorClient.Answer answer = client.post("x", SECRET, "k", body);
        assertThat(answer.status()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(400);
        assertThat(answer.body().get("message").stringValue()).isNotBlank();
      }
      assertThat(client.post("video", SECRET, "k", bytes(SimulatorClient.referral("video", "post", "1", "u"))).status()).isEqualTo(404);
      assertThat(client.get("stats").body().get("received").asLong()).isZero();
    }
  }

  @Test
  void aPlatformThatNeverCompliesRejectsWithAReason() throws Exception {
    SimulatorConfig config = fastAndCompliant().defaultBehaviour(new SimulatorConfig.Behaviour(0.0, Duration.ofMinutes(1), 0)).build();
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      String url = "https://x.example/p/9";
      String reference = client.post("x", SECRET, "k", bytes(SimulatorClient.referral("x", "post", "9", url)))
          .body().get("platform_reference").stringValue();

      SimulatorClient.Answer rejected = client.await("platforms/x/requests/" + reference,
          a -> a.body().get("status").stringValue().equals("rejected"));

      assertThat(rejected.body().get("status").stringValue()).isEqualTo("rejected");
      assertThat(rejected.body().get("reason").stringValue()).isNotBlank();
      assertThat(client.content(url).status()).isEqualTo(200);
    }
  }

  @Test
  void theFirstInjectedFaultsAnswer503AndStoreNothing() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(fastAndCompliant().faults(SimulatorConfig.Faults.failFirst(2)).build())) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      byte[] body = bytes(SimulatorClient.referral("x", "post", "1", "u"));

      assertThat(client.post("x", SECRET, "k", body).status()).isEqualTo(503);
      assertThat(client.post("x", SECRET, "k", body).status()).isEqualTo(503);
      assertThat(client.post("x", SECRET, "k", body).status()).isEqualTo(202);

      SimulatorClient.Answer stats = client.get("stats");
      assertThat(stats.body().get("received").asLong()).isEqualTo(1);
      assertThat(stats.body().get("duplicates").asLong()).isZero();
      assertThat(stats.body().get("faults_injected").asLong()).isEqualTo(2);
    }
  }

  @Test
  void lostAnswersStoreTheRequestSoTheRetryIsADuplicate() throws Exception {
    SimulatorConfig config = fastAndCompliant().faults(SimulatorConfig.Faults.failFirst(1).losingAnswers()).build();
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      byte[] body = bytes(SimulatorClient.referral("x", "post", "1", "u"));

      assertThat(client.post("x", SECRET, "k", body).status()).isEqualTo(503);
      assertThat(client.post("x", SECRET, "k", body).status()).isEqualTo(200);

      SimulatorClient.Answer stats = client.get("stats");
      assertThat(stats.body().get("received").asLong()).isEqualTo(1);
      assertThat(stats.body().get("duplicates").asLong()).isEqualTo(1);
    }
  }

  @Test
  void removingAnAccountSuspendsItAndTakesItsPostsDown(@TempDir Path world) throws Exception {
    Files.createDirectories(world.resolve("truth"));
    Files.writeString(world.resolve("truth/accounts.jsonl"), """
        {"platform":"x","account_id":"a1","handle":"placeholder_one","url":"https://x.example/a1","extra":[1,2]}
        not json at all
        {"platform":"x","account_id":"a2","url":"https://x.example/a2"}
        """);
    Files.writeString(world.resolve("truth/posts.jsonl"), """
        {"platform":"x","account_id":"a1","post_id":"p1","url":"https://x.example/a1/p1","posted_at":"2026-01-01T00:00:00Z"}
        {"platform":"x","account_id":"a1","post_id":"p2","url":"https://x.example/a1/p2","posted_at":"2026-01-01T00:01:00Z"}
        {"platform":"x","account_id":"a2","post_id":"p3","url":"https://x.example/a2/p3","posted_at":"2026-01-01T00:02:00Z"}
        """);
    try (PlatformSimulator simulator = PlatformSimulator.start(fastAndCompliant().world(world).build())) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      assertThat(client.content("https://x.example/a1/p1").status()).isEqualTo(200);
      assertThat(client.content("https://x.example/never-posted").status()).isEqualTo(404);

      client.post("x", SECRET, "k", bytes(SimulatorClient.referral("x", "account", "a1", "https://x.example/a1")));
      SimulatorClient.Answer suspensions = client.await("suspensions", a -> a.body().get("suspensions").size() == 1);

      assertThat(suspensions.body().get("suspensions").get(0).get("account_id").stringValue()).isEqualTo("a1");
      assertThat(client.content("https://x.example/a1").status()).isEqualTo(410);
      assertThat(client.content("https://x.example/a1/p1").status()).isEqualTo(410);
      assertThat(client.content("https://x.example/a1/p2").status()).isEqualTo(410);
      assertThat(client.content("https://x.example/a2/p3").status()).isEqualTo(200);
      assertThat(client.get("stats").body().get("world_skipped_lines").asLong()).isEqualTo(1);
    }
  }

  @Test
  void aUsernameLookupSaysWhoHoldsTheHandleAndWhetherItIsSuspended(@TempDir Path world) throws Exception {
    Files.createDirectories(world.resolve("truth"));
    Files.writeString(world.resolve("truth/accounts.jsonl"), """
        {"platform":"x","account_id":"a1","handle":"placeholder_one","url":"https://x.example/a1"}
        {"platform":"x","account_id":"a3","handle":"Old_Lantern","url":"https://x.example/a3","suspended_at":"2000-01-01T00:00:00Z"}
        {"platform":"x","account_id":"a4","handle":"late_lantern","url":"https://x.example/a4","suspended_at":"2999-01-01T00:00:00Z"}
        """);
    Files.writeString(world.resolve("truth/posts.jsonl"), "");
    try (PlatformSimulator simulator = PlatformSimulator.start(fastAndCompliant().world(world).build())) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());

      SimulatorClient.Answer active = client.get("platforms/x/accounts?handle=placeholder_one");
      assertThat(active.status()).isEqualTo(200);
      assertThat(active.body().get("account_id").stringValue()).isEqualTo("a1");
      assertThat(active.body().get("status").stringValue()).isEqualTo("active");
      SimulatorClient.Answer old = client.get("platforms/x/accounts?handle=old_lantern");
      assertThat(old.body().get("status").stringValue()).isEqualTo("suspended");
      assertThat(old.body().get("handle").stringValue()).isEqualTo("Old_Lantern");
      assertThat(old.body().get("suspended_at").stringValue()).isEqualTo("2000-01-01T00:00:00Z");
      assertThat(client.get("platforms/x/accounts?handle=late_lantern").body().get("status").stringValue())
          .as("a suspension the world has not reached yet").isEqualTo("active");
      assertThat(client.get("platforms/x/accounts?handle=nobody_here").status()).isEqualTo(404);
      assertThat(client.get("platforms/mastodon/accounts?handle=placeholder_one").status()).isEqualTo(404);
      assertThat(client.get("platforms/x/accounts").status()).isEqualTo(400);
      assertThat(client.get("platforms/x/accounts?handle=" + "a".repeat(300)).status()).isEqualTo(400);

      client.post("x", SECRET, "k", bytes(SimulatorClient.referral("x", "account", "a1", "https://x.example/a1")));
      client.await("suspensions", a -> a.body().get("suspensions").size() == 1);
      assertThat(client.get("platforms/x/accounts?handle=placeholder_one").body().get("status").stringValue()).isEqualTo("suspended");
    }
  }

  @Test
  void outcomesDependOnSeedPlatformAndKeyNotOnArrivalOrder() throws Exception {
    SimulatorConfig config = SimulatorConfig.builder().secret("x", SECRET).seed(42).build();
    String[] referencesFirstRun = new String[3];
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      for (int i = 0; i < 3; i++) {
        referencesFirstRun[i] = client.post("x", SECRET, "key-" + i, bytes(SimulatorClient.referral("x", "post", "p" + i, "u" + i)))
            .body().get("platform_reference").stringValue();
      }
    }
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      for (int i = 2; i >= 0; i--) {
        String reference = client.post("x", SECRET, "key-" + i, bytes(SimulatorClient.referral("x", "post", "p" + i, "u" + i)))
            .body().get("platform_reference").stringValue();
        assertThat(reference).isEqualTo(referencesFirstRun[i]);
      }
    }
  }

  @Test
  void theShareOfRemovalsFollowsTheComplianceRate() throws Exception {
    long seed = new java.util.Random().nextLong();
    System.out.println("seed for theShareOfRemovalsFollowsTheComplianceRate: " + seed);
    SimulatorConfig config = SimulatorConfig.builder()
        .secret("x", SECRET)
        .seed(seed)
        .defaultBehaviour(new SimulatorConfig.Behaviour(0.9, Duration.ZERO, 0))
        .build();
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      int requests = 400;
      for (int i = 0; i < requests; i++) {
        client.post("x", SECRET, "key-" + i, bytes(SimulatorClient.referral("x", "post", "p" + i, "u" + i)));
      }

      SimulatorClient.Answer stats = client.await("stats", a -> a.body().get("acknowledged").asLong() == 0);

      long removed = stats.body().get("removed").asLong();
      // Binomial(400, 0.9): sd = 6, so +-30 is five standard deviations.
      assertThat(removed).as("seed %d", seed).isBetween(330L, 390L);
      assertThat(removed + stats.body().get("rejected").asLong()).isEqualTo(requests);
    }
  }

  @Test
  void aBodyOverOneMebibyteIsRefusedWith413() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(fastAndCompliant().build())) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      byte[] huge = new byte[(1 << 20) + 1];
      java.util.Arrays.fill(huge, (byte) ' ');

      SimulatorClient.Answer answer = client.post("x", SECRET, "k", huge);

      assertThat(answer.status()).isEqualTo(413);
      assertThat(client.get("stats").body().get("received").asLong()).isZero();
    }
  }

  @Test
  void concurrentSendsWithOneKeyStoreOneRequest() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(fastAndCompliant().build());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      byte[] body = bytes(SimulatorClient.referral("x", "post", "1", "u"));
      java.util.List<java.util.concurrent.Future<SimulatorClient.Answer>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        answers.add(pool.submit(() -> client.post("x", SECRET, "one-key", body)));
      }

      java.util.Set<String> references = new java.util.HashSet<>();
      for (var answer : answers) {
        references.add(answer.get().body().get("platform_reference").stringValue());
      }

      assertThat(references).hasSize(1);
      SimulatorClient.Answer stats = client.get("stats");
      assertThat(stats.body().get("received").asLong()).isEqualTo(1);
      assertThat(stats.body().get("duplicates").asLong()).isEqualTo(15);
    }
  }

  @Test
  void hostileIdsAndUrlsAreStoredAsGivenAndAnsweredAsJson() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(fastAndCompliant().build())) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      String url = "https://x.example/p/\u202Egnp.exe\u200B";
      byte[] body = bytes(SimulatorClient.referral("x", "post", "\u0627\u0644\u0631\u0642\u0645-1", url));

      SimulatorClient.Answer answer = client.post("x", SECRET, "k", body);

      assertThat(answer.status()).isEqualTo(202);
      assertThat(client.await("content?url=" + java.net.URLEncoder.encode("https://x.example/p/\u202Egnp.exe\u200B", StandardCharsets.UTF_8),
          a -> a.status() == 410).status()).isEqualTo(410);
    }
  }

  @Test
  void removalOrdersFollowTheirOwnBehaviourAndNeedAnAuthorityAndReference() throws Exception {
    SimulatorConfig config = fastAndCompliant()
        .defaultBehaviour(new SimulatorConfig.Behaviour(0.0, Duration.ofMinutes(1), 0))
        .removalOrderBehaviour(new SimulatorConfig.Behaviour(1.0, Duration.ofMinutes(1), 0))
        .build();
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      SimulatorClient client = new SimulatorClient(simulator.baseUri());
      String referral = SimulatorClient.referral("x", "post", "1", "https://x.example/p/1");
      String order = referral.replace("\"referral\"", "\"removal_order\"")
          .replace("\"category\"", "\"issuing_authority\":\"Range Unit\",\"reference\":\"TCO-1\",\"category\"");
      String orderWithoutAuthority = referral.replace("\"referral\"", "\"removal_order\"");

      String referralRef = client.post("x", SECRET, "r", bytes(referral)).body().get("platform_reference").stringValue();
      String orderRef = client.post("x", SECRET, "o", bytes(order)).body().get("platform_reference").stringValue();
      SimulatorClient.Answer incomplete = client.post("x", SECRET, "i", bytes(orderWithoutAuthority));

      assertThat(incomplete.status()).isEqualTo(400);
      assertThat(incomplete.body().get("message").stringValue()).contains("issuing_authority");
      assertThat(client.await("platforms/x/requests/" + orderRef, a -> !a.body().get("status").stringValue().equals("acknowledged"))
          .body().get("status").stringValue()).isEqualTo("removed");
      assertThat(client.await("platforms/x/requests/" + referralRef, a -> !a.body().get("status").stringValue().equals("acknowledged"))
          .body().get("status").stringValue()).isEqualTo("rejected");
    }
  }
}
