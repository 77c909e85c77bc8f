package org.cordon.referral.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.GatewayException;
import org.cordon.core.request.PlatformAnswer;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.triage.CaseId;
import org.cordon.referral.order.AnnexIForms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PortalGatewayTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T09:30:00Z"), ZoneOffset.UTC);
  private static final List<String> URLS = List.of("https://video.example/watch?v=abc", "https://video.example/watch?v=def&t=42");

  @TempDir
  Path outbox;

  private PortalGateway gateway() {
    return new PortalGateway(new PortalConfig(Platform.VIDEO, outbox), order -> AnnexIForms.complete(order.reference(), order.urls()), CLOCK);
  }

  static Request.Referral referral(long id, String key) {
    return new Request.Referral(new RequestId(id), new CaseId(id), Platform.VIDEO, PostKey.of(Platform.VIDEO, "v" + id), URLS, "glorifies", key, List.of());
  }

  static Request.RemovalOrder order(long id, String reference) {
    return new Request.RemovalOrder(new RequestId(id), new CaseId(id), Platform.VIDEO, AccountKey.of(Platform.VIDEO, "chan-1"), URLS, "incites",
        "order-key-" + reference, List.of(), "Internet Referral Desk Testland", reference);
  }

  private List<String> files() throws IOException {
    try (Stream<Path> listing = Files.list(outbox)) {
      return listing.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aReferralBecomesOneJsonFileWithEveryUrlAndTheAnswerIsSent() throws Exception {
    Request.Referral referral = referral(21, "referral-key-21");

    PlatformAnswer answer = gateway().send(referral);

    assertThat(answer.status()).isEqualTo(RequestStatus.SENT);
    assertThat(files()).containsExactly(PortalGateway.fileName(referral));
    assertThat(PortalGateway.fileName(referral)).matches("referral-[0-9a-f]{32}\\.json");
    JsonNode json = JSON.readTree(outbox.resolve(PortalGateway.fileName(referral)).toFile());
    assertThat(json.get("request_type").asString()).isEqualTo("referral");
    assertThat(json.get("cordon_request_id").asString()).isEqualTo("21");
    assertThat(json.get("idempotency_key").asString()).isEqualTo("referral-key-21");
    assertThat(json.get("urls").values()).extracting(JsonNode::asString).containsExactlyElementsOf(URLS);
    assertThat(json.get("written_at").asString()).isEqualTo(CLOCK.instant().toString());
    assertThat(json.has("annex_i")).isFalse();
  }

  @Test
  void aRemovalOrderBecomesJsonAndThePdfItNamesWithItsDigest() throws Exception {
    Request.RemovalOrder order = order(22, "NL-IRU-2026-000422");

    gateway().send(order);

    String jsonName = PortalGateway.fileName(order);
    String pdfName = jsonName.replace(".json", ".pdf");
    assertThat(files()).containsExactly(jsonName, pdfName);
    JsonNode json = JSON.readTree(outbox.resolve(jsonName).toFile());
    byte[] pdf = Files.readAllBytes(outbox.resolve(pdfName));
    assertThat(json.get("annex_i_pdf").get("file").asString()).isEqualTo(pdfName);
    assertThat(json.get("annex_i_pdf").get("sha256").asString()).isEqualTo(Sha256.of(pdf).hex());
    assertThat(json.get("reference").asString()).isEqualTo("NL-IRU-2026-000422");
    JsonNode form = json.get("annex_i");
    assertThat(form.get("issued_at").asString()).isEqualTo(AnnexIForms.ISSUED.toString());
    assertThat(form.get("reasons").get("grounds").values()).extracting(g -> g.get("article").asString()).containsExactly("2(7)(a)", "2(7)(c)");
    assertThat(form.get("content").get("urls").values()).extracting(JsonNode::asString).containsExactlyElementsOf(URLS);
    assertThat(form.get("redress").get("competent_body").asString()).isEqualTo("District Court of The Hague");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document)).contains("NL-IRU-2026-000422");
    }
  }

  @Test
  void sendingTheSameRequestAgainWritesNothing() throws Exception {
    Request.RemovalOrder order = order(23, "NL-IRU-2026-000423");
    PortalGateway gateway = gateway();
    gateway.send(order);
    Path json = outbox.resolve(PortalGateway.fileName(order));
    byte[] first = Files.readAllBytes(json);
    Files.setLastModifiedTime(json, FileTime.from(Instant.parse("2026-03-14T09:31:00Z")));

    PlatformAnswer again = new PortalGateway(new PortalConfig(Platform.VIDEO, outbox),
        o -> AnnexIForms.complete(o.reference(), o.urls()), Clock.offset(CLOCK, java.time.Duration.ofHours(1))).send(order);

    assertThat(files()).hasSize(2);
    assertThat(Files.readAllBytes(json)).isEqualTo(first);
    assertThat(again.status()).isEqualTo(RequestStatus.SENT);
    assertThat(again.detail()).contains("already in the portal outbox");
    assertThat(again.at()).isEqualTo(Instant.parse("2026-03-14T09:31:00Z"));
  }

  @Test
  void differentRequestsGetDifferentFiles() throws Exception {
    gateway().send(referral(24, "key-a"));
    gateway().send(referral(25, "key-b"));

    assertThat(files()).hasSize(2);
  }

  @Test
  void manySendersOfTheSameRequestAtOnceLeaveOneFileAndNoTemporaryFiles() throws Exception {
    Request.Referral referral = referral(26, "referral-key-26");
    int senders = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      List<Future<PlatformAnswer>> answers = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return gateway().send(referral);
        }));
      }
      start.countDown();
      long written = 0;
      for (Future<PlatformAnswer> answer : answers) {
        written += answer.get().detail().startsWith("written") ? 1 : 0;
      }
      assertThat(written).as("exactly one sender wrote the file").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(files()).containsExactly(PortalGateway.fileName(referral));
  }

  @Test
  void pollReadsTheReceiptTheUploaderLeft() throws Exception {
    Request.Referral referral = referral(27, "referral-key-27");
    PortalGateway gateway = gateway();
    gateway.send(referral);
    Path receipt = outbox.resolve(PortalGateway.fileName(referral).replace(".json", ".receipt.json"));

    assertThat(gateway.poll(referral)).isEmpty();

    Files.writeString(receipt, "{\"status\": \"acknowledged\", \"at\": \"2026-03-14T09:40:00Z\", \"platform_reference\": \"VID-77\"}");
    assertThat(gateway.poll(referral)).hasValueSatisfying(a -> {
      assertThat(a.status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
      assertThat(a.at()).isEqualTo(Instant.parse("2026-03-14T09:40:00Z"));
      assertThat(a.platformReference()).contains("VID-77");
      assertThat(a.detail()).isEqualTo("platform_reference=VID-77");
    });

    Files.writeString(receipt, "{\"status\": \"rejected\", \"at\": \"2026-03-14T10:00:00Z\", \"reason\": \"news reporting\"}");
    assertThat(gateway.poll(referral)).hasValueSatisfying(a -> assertThat(a.detail()).contains("news reporting"));
  }

  @Test
  void aMalformedReceiptIsAGatewayExceptionThatSaysHowToFixIt() throws Exception {
    Request.Referral referral = referral(28, "referral-key-28");
    Path receipt = outbox.resolve(PortalGateway.fileName(referral).replace(".json", ".receipt.json"));

    Files.write(receipt, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '"'});
    assertThatThrownBy(() -> gateway().poll(referral)).isInstanceOf(GatewayException.class).hasMessageContaining("is not JSON");

    Files.writeString(receipt, "{\"status\": \"vanished\", \"at\": \"2026-03-14T10:00:00Z\"}");
    assertThatThrownBy(() -> gateway().poll(referral)).isInstanceOf(GatewayException.class).hasMessageContaining("unknown status 'vanished'");

    Files.writeString(receipt, "{\"status\": \"removed\", \"at\": \"yesterday\"}");
    assertThatThrownBy(() -> gateway().poll(referral)).isInstanceOf(GatewayException.class).hasMessageContaining("ISO-8601");

    Files.writeString(receipt, "[" + "1,".repeat(40_000) + "1]");
    assertThatThrownBy(() -> gateway().poll(referral)).isInstanceOf(GatewayException.class).hasMessageContaining("more than a receipt needs");
  }

  @Test
  void aMissingOutboxOrAnIncompleteOrderWritesNothing() throws Exception {
    PortalGateway nowhere = new PortalGateway(new PortalConfig(Platform.VIDEO, outbox.resolve("typo")), o -> AnnexIForms.complete(), CLOCK);
    assertThatThrownBy(() -> nowhere.send(referral(29, "k29"))).isInstanceOf(GatewayException.class).hasMessageContaining("create it");

    PortalGateway wrongForm = new PortalGateway(new PortalConfig(Platform.VIDEO, outbox), o -> AnnexIForms.complete(), CLOCK);
    assertThatThrownBy(() -> wrongForm.send(order(30, "NL-IRU-2026-000430"))).isInstanceOf(GatewayException.class).hasMessageContaining("not this order's");
    assertThat(files()).isEmpty();
    assertThat(Files.exists(outbox.resolve("typo"))).isFalse();
  }

  @Test
  void anIdempotencyKeyWithPathCharactersCannotEscapeTheOutbox() throws Exception {
    Request.Referral referral = referral(31, "../../etc/passwd\u0000");

    gateway().send(referral);

    assertThat(files()).singleElement().asString().matches("referral-[0-9a-f]{32}\\.json");
    assertThat(new String(Files.readAllBytes(outbox.resolve(PortalGateway.fileName(referral))), StandardCharsets.UTF_8)).contains("\\u0000");
  }
}
