package org.cordon.referral.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.PlatformAnswer;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.triage.CaseId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bytes on the wire, checked against golden files and a plain recording server. Re-record the
 * golden files with {@code -Dcordon.golden.rerecord=true}.
 */
class WireFormatTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant SENT_AT = Instant.parse("2026-03-01T09:30:00.123Z");

  /** What the stand-in platform received on one attempt. */
  record Attempt(String timestamp, String signature, String idempotencyKey, String contentType, byte[] body) {}

  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private HttpServer platform;

  @BeforeEach
  void startPlatform() throws Exception {
    platform = HttpServer.create(WebhookGatewayTest.loopback(), 0);
    platform.createContext("/", exchange -> {
      try (exchange) {
        var headers = exchange.getRequestHeaders();
        attempts.add(new Attempt(headers.getFirst("X-Cordon-Timestamp"), headers.getFirst("X-Cordon-Signature"),
            headers.getFirst("Idempotency-Key"), headers.getFirst("Content-Type"), exchange.getRequestBody().readAllBytes()));
        byte[] answer;
        int status;
        if (failuresLeft.getAndDecrement() > 0) {
          status = 502;
          answer = "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8);
        } else {
          status = 202;
          answer = "{\"platform_reference\":\"R-1\",\"status\":\"acknowledged\",\"received_at\":\"2026-03-01T09:30:01Z\"}"
              .getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
      }
    });
    platform.start();
  }

  @AfterEach
  void stopPlatform() {
    platform.stop(0);
  }

  /** A clock that moves one second each time it is read, so every attempt has its own timestamp. */
  static final class TickingClock extends Clock {
    private Instant now;

    TickingClock(Instant start) {
      now = start;
    }

    @Override
    public synchronized Instant instant() {
      Instant current = now;
      now = now.plusSeconds(1);
      return current;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private static Request.Referral referral() {
    return new Request.Referral(new RequestId(42), new CaseId(7), Platform.X, PostKey.of(Platform.X, "1790000000000000001"),
        List.of("https://x.example/placeholder_outlet/status/1790000000000000001"), "glorifies", "referral-0123456789abcdef", List.of());
  }

  private static Request.RemovalOrder removalOrder() {
    return new Request.RemovalOrder(new RequestId(43), new CaseId(8), Platform.TELEGRAM, AccountKey.of(Platform.TELEGRAM, "-100123"),
        List.of("https://t.example/placeholder_channel"), "incites", "order-0123456789abcdef", List.of(),
        "Range Unit, Competent Authority", "TCO-2026-000123");
  }

  private static String hmacHex(String secret, String timestamp, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
    byte[] message = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, message, 0, prefix.length);
    System.arraycopy(body, 0, message, prefix.length, body.length);
    return HexFormat.of().formatHex(mac.doFinal(message));
  }

  @Test
  void retriesSendTheSameBytesWithAFreshTimestampAndAValidSignatureEachTime() throws Exception {
    failuresLeft.set(2);
    GatewayFixture.RecordingSleeper sleeper = new GatewayFixture.RecordingSleeper();
    WebhookConfig config = WebhookConfig.of(Platform.X, URI.create("http://127.0.0.1:" + platform.getAddress().getPort()), "s3cret")
        .withRetry(GatewayFixture.QUICK);
    WebhookGateway gateway = new WebhookGateway(config, HttpClient.newHttpClient(), new TickingClock(SENT_AT), sleeper, new Random(1));

    PlatformAnswer answer = gateway.send(referral());

    assertThat(answer.status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
    assertThat(answer.platformReference()).contains("R-1");
    assertThat(answer.at()).isEqualTo(Instant.parse("2026-03-01T09:30:01Z"));
    assertThat(attempts).hasSize(3);
    assertThat(attempts).extracting(Attempt::timestamp).doesNotHaveDuplicates();
    for (Attempt attempt : attempts) {
      assertThat(attempt.body()).isEqualTo(attempts.getFirst().body());
      assertThat(attempt.idempotencyKey()).isEqualTo("referral-0123456789abcdef");
      assertThat(attempt.contentType()).isEqualTo("application/json");
      assertThat(attempt.signature()).isEqualTo("v1=" + hmacHex("s3cret", attempt.timestamp(), attempt.body()));
    }
    assertThat(sleeper.waits).hasSize(2);
    assertThat(sleeper.waits.get(1)).isGreaterThan(sleeper.waits.get(0));
  }

  @Test
  void aReferralBodyMatchesItsGoldenFile() throws Exception {
    assertGolden("referral.json", RequestJson.render(JSON, referral(), java.util.Optional.empty(), SENT_AT));
  }

  @Test
  void aRemovalOrderBodyMatchesItsGoldenFile() throws Exception {
    assertGolden("removal_order.json", RequestJson.render(JSON, removalOrder(), java.util.Optional.empty(), SENT_AT));
  }

  @Test
  void aRemovalOrderWithAFormFunctionCarriesEveryAnnexISectionInItsSignedBody() throws Exception {
    Request.RemovalOrder order = removalOrder();
    var form = org.cordon.referral.order.AnnexIForms.complete(order.reference(), order.urls());
    WebhookConfig config = WebhookConfig.of(Platform.TELEGRAM, URI.create("http://127.0.0.1:" + platform.getAddress().getPort()), "s3cret")
        .withRetry(GatewayFixture.QUICK);
    WebhookGateway gateway = new WebhookGateway(config, HttpClient.newHttpClient(), new TickingClock(org.cordon.referral.order.AnnexIForms.ISSUED),
        new GatewayFixture.RecordingSleeper(), new Random(1), java.util.Optional.of(o -> form));

    assertThat(gateway.send(order).status()).isEqualTo(RequestStatus.ACKNOWLEDGED);

    Attempt attempt = attempts.getFirst();
    assertThat(attempt.signature()).isEqualTo("v1=" + hmacHex("s3cret", attempt.timestamp(), attempt.body()));
    var annex = JSON.readTree(attempt.body()).get("annex_i");
    assertThat(annex).as("the body carries the form").isNotNull();
    for (String section : List.of("issuing_authority", "addressee", "reference", "issued_at", "content", "reasons", "content_provider_notice",
        "cross_border", "follow_up", "redress", "authentication")) {
      assertThat(annex.has(section)).as(section).isTrue();
    }
    assertThat(annex.get("reference").asString()).isEqualTo("TCO-2026-000123");
    assertThat(annex.get("content").get("urls").get(0).asString()).isEqualTo("https://t.example/placeholder_channel");
    assertThat(annex.get("addressee").get("legal_representative").asString()).isEqualTo("Example Legal Rep Ltd");
  }

  @Test
  void aRemovalOrderWhoseFormIsIncompleteNeverReachesThePlatform() {
    Request.RemovalOrder order = removalOrder();
    var complete = org.cordon.referral.order.AnnexIForms.complete(order.reference(), order.urls());
    var noAddressee = new org.cordon.referral.order.AnnexIForm(complete.issuingAuthority(),
        new org.cordon.referral.order.AnnexIForm.Addressee("", java.util.Optional.empty(), "", "IE"), complete.reference(), complete.issuedAt(),
        complete.content(), complete.reasons(), complete.contentProviderNotice(), complete.crossBorder(), complete.followUp(), complete.redress(),
        complete.authentication());
    WebhookConfig config = WebhookConfig.of(Platform.TELEGRAM, URI.create("http://127.0.0.1:" + platform.getAddress().getPort()), "s3cret");
    WebhookGateway gateway = new WebhookGateway(config, HttpClient.newHttpClient(), new TickingClock(SENT_AT), new GatewayFixture.RecordingSleeper(),
        new Random(1), java.util.Optional.of(o -> noAddressee));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> gateway.send(order))
        .isInstanceOf(org.cordon.core.request.GatewayException.class)
        .hasMessageContaining("addressee.hostingServiceProvider").hasMessageContaining("addressee.contactPoint");
    assertThat(attempts).as("nothing reached the platform").isEmpty();
  }

  private static void assertGolden(String name, byte[] actual) throws Exception {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("cordon.golden.rerecord")) {
      Files.createDirectories(GOLDEN);
      Files.write(file, actual);
    }
    assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
