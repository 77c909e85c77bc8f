package org.cordon.referral.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cordon.referral.gateway.GatewayFixture.SECRET;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.GatewayException;
import org.cordon.core.request.PlatformAnswer;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.simulator.PlatformSimulator;
import org.cordon.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway against the real platform simulator on loopback. */
class WebhookGatewayTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  private final GatewayFixture.RecordingSleeper sleeper = new GatewayFixture.RecordingSleeper();

  /** Decisions take one simulated minute: 10 real ms at this speed. */
  private static SimulatorConfig.Builder simulator() {
    return SimulatorConfig.builder()
        .secret("x", SECRET)
        .speed(6000)
        .defaultBehaviour(new SimulatorConfig.Behaviour(1.0, Duration.ofMinutes(1), 0));
  }

  private JsonNode stats(PlatformSimulator simulator) throws Exception {
    return JSON.readTree(http.send(HttpRequest.newBuilder(simulator.baseUri().resolve("stats")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  private int contentStatus(PlatformSimulator simulator, String url) throws Exception {
    URI uri = simulator.baseUri().resolve("content?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void aSignedReferralIsAcknowledgedWithThePlatformsReference() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(simulator().build())) {
      WebhookGateway gateway = GatewayFixture.gateway(simulator.baseUri(), SECRET, sleeper);

      PlatformAnswer answer = gateway.send(GatewayFixture.referral(1, "p1"));

      assertThat(answer.status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
      assertThat(answer.platformReference()).hasValueSatisfying(ref -> assertThat(ref).startsWith("PR-"));
      assertThat(answer.detail()).isEqualTo("platform_reference=" + answer.platformReference().orElseThrow());
      assertThat(stats(simulator).get("received").asLong()).isEqualTo(1);
      assertThat(stats(simulator).get("bad_signatures").asLong()).isZero();
      assertThat(sleeper.waits).isEmpty();
    }
  }

  @Test
  void aWrongSecretIsRefusedWith401AndReportedAsAConfigurationProblem() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(simulator().build())) {
      WebhookGateway gateway = GatewayFixture.gateway(simulator.baseUri(), "not-the-shared-secret", sleeper);

      assertThatThrownBy(() -> gateway.send(GatewayFixture.referral(1, "p1")))
          .isInstanceOf(GatewayException.class)
          .hasMessageContaining("HTTP 401")
          .hasMessageContaining("bad_signature")
          .hasMessageContaining("check the shared secret");
      assertThat(sleeper.waits).as("a 4xx is never retried").isEmpty();
      JsonNode stats = stats(simulator);
      assertThat(stats.get("bad_signatures").asLong()).isEqualTo(1);
      assertThat(stats.get("received").asLong()).isZero();
    }
  }

  @Test
  void aBodyTamperedWithOnTheWayIsRefusedWith401() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(simulator().build());
        TamperingProxy proxy = TamperingProxy.start(simulator.baseUri(), "glorifies", "harmless!")) {
      WebhookGateway gateway = GatewayFixture.gateway(proxy.baseUri(), SECRET, sleeper);

      assertThatThrownBy(() -> gateway.send(GatewayFixture.referral(1, "p1")))
          .isInstanceOf(GatewayException.class)
          .hasMessageContaining("HTTP 401")
          .hasMessageContaining("signature does not match the body");
      assertThat(proxy.tampered()).isEqualTo(1);
      assertThat(stats(simulator).get("received").asLong()).isZero();
    }
  }

  @Test
  void transientFailuresAreRetriedHonouringRetryAfterAndMakeExactlyOneRequest() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(simulator().faults(SimulatorConfig.Faults.failFirst(2)).build())) {
      WebhookGateway gateway = GatewayFixture.gateway(simulator.baseUri(), SECRET, sleeper);

      PlatformAnswer answer = gateway.send(GatewayFixture.referral(1, "p1"));

      assertThat(answer.status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
      assertThat(sleeper.waits).hasSize(2);
      // The simulator asks for Retry-After: 1 s, which is above both backoffs (100 ms, 200 ms ± 20 %).
      assertThat(sleeper.waits).allSatisfy(w -> assertThat(w).isEqualTo(Duration.ofSeconds(1)));
      JsonNode stats = stats(simulator);
      assertThat(stats.get("received").asLong()).isEqualTo(1);
      assertThat(stats.get("duplicates").asLong()).isZero();
      assertThat(stats.get("faults_injected").asLong()).isEqualTo(2);
    }
  }

  @Test
  void answersLostAfterThePlatformStoredTheRequestStillMakeExactlyOneRequest() throws Exception {
    SimulatorConfig config = simulator().faults(SimulatorConfig.Faults.failFirst(2).losingAnswers()).build();
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      WebhookGateway gateway = GatewayFixture.gateway(simulator.baseUri(), SECRET, sleeper);

      PlatformAnswer answer = gateway.send(GatewayFixture.referral(1, "p1"));

      assertThat(answer.status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
      JsonNode stats = stats(simulator);
      assertThat(stats.get("received").asLong()).isEqualTo(1);
      assertThat(stats.get("duplicates").asLong()).isEqualTo(2);
    }
  }

  @Test
  void aPlatformThatStaysDownIsReportedAfterTheLastAttempt() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(simulator().faults(SimulatorConfig.Faults.failureRate(1.0)).build())) {
      WebhookGateway gateway = GatewayFixture.gateway(simulator.baseUri(), SECRET, sleeper);

      assertThatThrownBy(() -> gateway.send(GatewayFixture.referral(1, "p1")))
          .isInstanceOf(GatewayException.class)
          .hasMessageContaining("not delivered after 4 attempts")
          .hasMessageContaining("HTTP 503");
      assertThat(sleeper.waits).hasSize(3);
    }
  }

  @Test
  void aConnectionRefusedIsRetriedThenReported() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    WebhookGateway gateway = GatewayFixture.gateway(URI.create("http://127.0.0.1:" + closedPort), SECRET, sleeper);

    assertThatThrownBy(() -> gateway.send(GatewayFixture.referral(1, "p1")))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("not delivered after 4 attempts")
        .hasMessageContaining("stays unsent");
    assertThat(sleeper.waits).hasSize(3);
    // 100 ms, 200 ms, 400 ms, each within ±20 %.
    assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(80), Duration.ofMillis(120));
    assertThat(sleeper.waits.get(1)).isBetween(Duration.ofMillis(160), Duration.ofMillis(240));
    assertThat(sleeper.waits.get(2)).isBetween(Duration.ofMillis(320), Duration.ofMillis(480));
  }

  @Test
  void aMalformedRequestIsRejectedByThePlatformWithItsReason() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(simulator().build())) {
      WebhookGateway gateway = GatewayFixture.gateway(simulator.baseUri(), SECRET, sleeper);
      // A request for platform x about a post on another platform: the platform cannot act on it.
      Request.Referral confused = GatewayFixture.referral(1, PostKey.of(Platform.TELEGRAM, "p1"), "https://t.example/p1");

      PlatformAnswer answer = gateway.send(confused);

      assertThat(answer.status()).isEqualTo(RequestStatus.REJECTED);
      assertThat(answer.detail()).contains("HTTP 400", "this is 'x'");
      assertThat(sleeper.waits).isEmpty();
    }
  }

  @Test
  void reusingTheIdempotencyKeyReturnsTheSameReference() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(simulator().build())) {
      WebhookGateway gateway = GatewayFixture.gateway(simulator.baseUri(), SECRET, sleeper);
      Request.Referral request = GatewayFixture.referral(1, "p1");

      PlatformAnswer first = gateway.send(request);
      PlatformAnswer again = gateway.send(request);

      assertThat(again.platformReference()).isEqualTo(first.platformReference());
      JsonNode stats = stats(simulator);
      assertThat(stats.get("received").asLong()).isEqualTo(1);
      assertThat(stats.get("duplicates").asLong()).isEqualTo(1);
    }
  }

  @Test
  void pollingAfterTheRemovalDelaySaysRemovedAndTheContentIsGone() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(simulator().build())) {
      WebhookGateway gateway = GatewayFixture.gateway(simulator.baseUri(), SECRET, sleeper);
      Request.Referral request = GatewayFixture.referral(1, "p1");
      String url = request.urls().getFirst();
      assertThat(contentStatus(simulator, url)).isEqualTo(200);

      PlatformAnswer ack = gateway.send(request);
      Request.Referral stored = GatewayFixture.acknowledged(request, ack.detail());
      Optional<PlatformAnswer> latest = gateway.poll(stored);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (latest.orElseThrow().status() == RequestStatus.ACKNOWLEDGED && System.nanoTime() < deadline) {
        Thread.sleep(10);
        latest = gateway.poll(stored);
      }

      assertThat(latest.orElseThrow().status()).isEqualTo(RequestStatus.REMOVED);
      assertThat(latest.orElseThrow().at()).isEqualTo(ack.at().plus(Duration.ofMinutes(1)));
      assertThat(contentStatus(simulator, url)).isEqualTo(410);
    }
  }

  @Test
  void pollingARejectedRequestGivesThePlatformsReason() throws Exception {
    SimulatorConfig config = simulator().defaultBehaviour(new SimulatorConfig.Behaviour(0.0, Duration.ZERO, 0)).build();
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      WebhookGateway gateway = GatewayFixture.gateway(simulator.baseUri(), SECRET, sleeper);
      Request.Referral request = GatewayFixture.referral(1, "p1");
      Request.Referral stored = GatewayFixture.acknowledged(request, gateway.send(request).detail());

      PlatformAnswer answer = gateway.poll(stored).orElseThrow();

      assertThat(answer.status()).isEqualTo(RequestStatus.REJECTED);
      assertThat(answer.detail()).startsWith("rejected by the platform: ").hasSizeGreaterThan(30);
    }
  }

  @Test
  void pollingNeedsThePlatformReferenceInTheHistory() throws Exception {
    try (PlatformSimulator simulator = PlatformSimulator.start(simulator().build())) {
      WebhookGateway gateway = GatewayFixture.gateway(simulator.baseUri(), SECRET, sleeper);

      assertThatThrownBy(() -> gateway.poll(GatewayFixture.referral(1, "p1")))
          .isInstanceOf(GatewayException.class)
          .hasMessageContaining("no platform reference");
      assertThatThrownBy(() -> gateway.poll(GatewayFixture.acknowledged(GatewayFixture.referral(1, "p1"), "platform_reference=PR-NOPE")))
          .isInstanceOf(GatewayException.class)
          .hasMessageContaining("HTTP 404");
    }
  }

  @Test
  void thePlatformReferenceIsReadBackFromTheNewestDetailThatHasOne() {
    Request.Referral request = GatewayFixture.acknowledged(GatewayFixture.referral(1, "p1"), "platform_reference=PR-ABC");
    Request.Referral withNote = GatewayFixture.acknowledged(request, "note; platform_reference=PR-DEF; more");

    assertThat(WebhookGateway.platformReference(request)).contains("PR-ABC");
    assertThat(WebhookGateway.platformReference(withNote)).contains("PR-DEF");
    assertThat(WebhookGateway.platformReference(GatewayFixture.referral(1, "p1"))).isEmpty();
    assertThat(WebhookGateway.referenceDetail("PR-ABC")).isEqualTo("platform_reference=PR-ABC");
  }

  @Test
  void aRequestForAnotherPlatformIsRefusedBeforeSending() {
    WebhookGateway gateway = GatewayFixture.gateway(URI.create("http://127.0.0.1:9"), SECRET, sleeper);
    Request.Referral telegram = new Request.Referral(new org.cordon.core.request.RequestId(1), new org.cordon.core.triage.CaseId(1),
        Platform.TELEGRAM, PostKey.of(Platform.TELEGRAM, "p"), java.util.List.of(), "glorifies", "k", java.util.List.of());

    assertThatThrownBy(() -> gateway.send(telegram)).hasMessageContaining("this gateway sends to x");
  }

  @Test
  void theConfigurationNeverPrintsTheSecret() {
    WebhookConfig config = WebhookConfig.of(Platform.X, URI.create("https://x.example/api"), "very-secret");

    assertThat(config.toString()).doesNotContain("very-secret");
    assertThat(config.baseUri()).hasToString("https://x.example/api/");
  }

  static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }
}
