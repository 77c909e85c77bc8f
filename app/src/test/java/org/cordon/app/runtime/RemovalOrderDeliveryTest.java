package org.cordon.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.cordon.desk.Category;
import org.cordon.desk.DecisionDraft;
import org.cordon.desk.DeskUser;
import org.cordon.desk.OrderClock;
import org.cordon.desk.Outcome;
import org.cordon.desk.RequestType;
import org.cordon.referral.gateway.portal.PortalGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Removal orders from a desk decision to the platform, through gateways configured in
 * {@code gateways.properties}: e-mail to a real SMTP server on loopback (GreenMail) with the Annex I
 * form attached as a PDF, a file in a portal outbox, and a signed webhook to a real HTTP server, each
 * carrying the complete form; the one-hour clock starts at the confirmed receipt.
 */
class RemovalOrderDeliveryTest {
  @TempDir static Path data;
  @TempDir static Path outbox;
  static GreenMail smtp;
  static HttpServer platform;
  static final List<byte[]> webhookBodies = new CopyOnWriteArrayList<>();
  static CordonRuntime runtime;
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Platform MAIL = new Platform("telegram");
  static final Platform PORTAL = new Platform("video");
  static final Platform HOOK = new Platform("x");
  static final Platform UNADDRESSED = new Platform("mastodon");

  @BeforeAll
  static void start() throws Exception {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    platform.createContext("/", exchange -> {
      try (exchange) {
        webhookBodies.add(exchange.getRequestBody().readAllBytes());
        byte[] answer = ("{\"platform_reference\":\"R-" + webhookBodies.size() + "\",\"status\":\"acknowledged\",\"received_at\":\""
            + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(202, answer.length);
        exchange.getResponseBody().write(answer);
      }
    });
    platform.start();
    Files.writeString(data.resolve("gateways.properties"), """
        order.member_state = NL
        order.authority_type = law_enforcement
        order.representative_name = Inspector Anna Example
        order.representative_post = Head of Desk
        order.file_number = IRD/2026/88
        order.address = Teststraat 1, 2500 AA Den Haag
        order.phone = +31 70 000 0000
        order.email = orders@ird.example
        order.follow_up.name = Duty officer
        order.follow_up.email = followup@ird.example
        order.follow_up.phone = +31 70 000 0001
        order.redress.competent_body = District Court of The Hague
        order.redress.deadline = within 6 weeks of receipt
        order.redress.national_provisions = Art. 9 Regulation (EU) 2021/784
        order.signatory = Anna Example
        order.signatory_post = Inspector

        telegram.kind = email
        telegram.smtp.host = 127.0.0.1
        telegram.smtp.port = %d
        telegram.smtp.security = none
        telegram.from = desk@ird.example
        telegram.to = tco@messenger.example
        telegram.addressee.provider = Example Messenger B.V.
        telegram.addressee.contact_point = tco@messenger.example
        telegram.addressee.main_establishment = NL

        video.kind = portal
        video.outbox = %s
        video.addressee.provider = Example Video B.V.
        video.addressee.contact_point = tco@video.example
        video.addressee.main_establishment = NL

        x.kind = webhook
        x.url = http://127.0.0.1:%d/
        x.secret = s3cret
        x.addressee.provider = Example Microblog Ltd
        x.addressee.legal_representative = Example Legal Rep Ltd
        x.addressee.contact_point = tco@microblog.example
        x.addressee.main_establishment = IE
        x.addressee.copy_to = Coimisiun na Mean (IE competent authority)

        mastodon.url = http://127.0.0.1:%d/
        mastodon.secret = s3cret
        """.formatted(smtp.getSmtp().getPort(), outbox.toString().replace("\\", "\\\\"), platform.getAddress().getPort(),
        platform.getAddress().getPort()));
    runtime = CordonRuntime.open(Settings.embedded(data));
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
    if (platform != null) {
      platform.stop(0);
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  /** A stored post with an open case; the analyst proposes a removal order, a supervisor approves it. */
  static Request.RemovalOrder approvedOrder(Platform where, String id) {
    String url = "https://" + where.name() + ".range.invalid/post/" + id;
    Post post = new Post(new PostKey(where, id), new AccountKey(where, "77"), Instant.now().minusSeconds(600), "placeholder text " + id,
        Optional.of("en"), Optional.of(url), List.of(), List.of(), List.of(), List.of(), List.of());
    runtime.stores().observations().write("delivery-test", List.of(new ParsedRecord(new SourcePosition("delivery-test", 1, 0),
        ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), List.of(post))));
    Assessment a = new Assessment(post.key(), 0.9, true, Optional.of(Tier.OFFICIAL_PROPAGANDA), List.of(), "test", Instant.now());
    runtime.stores().inbox().recordAssessments(List.of(a));
    CaseId kase = runtime.stores().cases().openOrUpdate(a, 0.9, post.postedAt()).id();
    Outcome proposal = runtime.deskService().decisions().decide(DeskUser.analyst("ana"),
        DecisionDraft.refer(kase, RequestType.REMOVAL_ORDER, Category.GLORIFIES, Optional.empty(), "release of the fictional outlet, repost"));
    assertThat(proposal.request()).as("nothing before the second person").isEmpty();
    Outcome approved = runtime.deskService().decisions().approve(DeskUser.supervisor("sue"), proposal.decision().id(), "checked the release");
    return (Request.RemovalOrder) approved.request().orElseThrow();
  }

  static Request current(Request r) {
    return runtime.deskService().requests().find(r.id()).orElseThrow();
  }

  @Test
  void aRemovalOrderByEmailArrivesWithItsAnnexIFormAsPdfAndItsClockStartsAtTheServersAcceptance() throws Exception {
    Request.RemovalOrder order = approvedOrder(MAIL, "mail-1");
    Instant before = Instant.now();

    runtime.dispatcher().sendPending();

    Request sent = current(order);
    assertThat(sent.status()).as(sent.history().toString()).isEqualTo(RequestStatus.ACKNOWLEDGED);
    MimeMessage message = List.of(smtp.getReceivedMessages()).stream()
        .filter(m -> header(m, "X-Cordon-Request-Id").contains(order.id().toString())).findFirst().orElseThrow();
    Multipart parts = (Multipart) message.getContent();
    BodyPart attachment = parts.getBodyPart(1);
    assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(attachment.getFileName()).isEqualTo("removal-order-CORDON-" + order.id().value() + ".pdf");
    byte[] pdf;
    try (InputStream in = attachment.getInputStream()) {
      pdf = in.readAllBytes();
    }
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
      assertThat(text).contains("CORDON-" + order.id().value()).contains("ExampleMessengerB.V.").contains(order.urls().getFirst())
          .contains("2(7)(a)").contains("checkedtherelease").doesNotContainIgnoringCase("draft");
    }
    OrderClock clock = runtime.deskService().orderClocks().of(order.id()).orElseThrow();
    assertThat(clock.receivedAt()).hasValueSatisfying(r -> assertThat(r).isAfterOrEqualTo(before.minusSeconds(1)));
    assertThat(clock.dueBy()).isEqualTo(clock.receivedAt().map(r -> r.plus(Duration.ofHours(1))));
  }

  @Test
  void aRemovalOrderForAPortalIsWrittenWithItsFormAndItsClockStartsWhenTheReceiptIsRecorded() throws Exception {
    Request.RemovalOrder order = approvedOrder(PORTAL, "portal-1");

    runtime.dispatcher().sendPending();

    assertThat(current(order).status()).as("written, not yet received").isEqualTo(RequestStatus.SENT);
    Path file = outbox.resolve(PortalGateway.fileName(order));
    JsonNode written = JSON.readTree(Files.readAllBytes(file));
    assertThat(written.get("annex_i").get("reference").asString()).isEqualTo("CORDON-" + order.id().value());
    assertThat(written.get("annex_i").get("addressee").get("hosting_service_provider").asString()).isEqualTo("Example Video B.V.");
    assertThat(outbox.resolve(written.get("annex_i_pdf").get("file").asString())).isRegularFile();
    assertThat(runtime.deskService().orderClocks().of(order.id()).orElseThrow().receivedAt()).as("no receipt, no clock").isEmpty();

    runtime.dispatcher().sendPending();
    assertThat(current(order).history()).as("a written file is not re-sent").filteredOn(c -> c.status() == RequestStatus.SENT).hasSize(2);

    Instant receipt = Instant.parse("2026-11-23T10:15:00Z");
    Files.writeString(outbox.resolve(PortalGateway.fileName(order).replace(".json", ".receipt.json")),
        "{\"status\":\"acknowledged\",\"at\":\"" + receipt + "\",\"platform_reference\":\"V-9\"}");
    runtime.statusTracker().pollOpen();

    assertThat(current(order).status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
    assertThat(runtime.deskService().orderClocks().of(order.id()).orElseThrow().dueBy()).contains(receipt.plus(Duration.ofHours(1)));
  }

  @Test
  void aRemovalOrderByWebhookCarriesEveryAnnexIFieldInItsBody() throws Exception {
    Request.RemovalOrder order = approvedOrder(HOOK, "hook-1");

    runtime.dispatcher().sendPending();

    assertThat(current(order).status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
    JsonNode body = webhookBodies.stream().map(JSON::readTree).filter(b -> b.get("cordon_request_id").asString().equals(order.id().toString()))
        .findFirst().orElseThrow();
    JsonNode annex = body.get("annex_i");
    assertThat(annex.get("issuing_authority").get("member_state").asString()).isEqualTo("NL");
    assertThat(annex.get("issuing_authority").get("name").asString()).isEqualTo(runtime.settings().issuingAuthority());
    assertThat(annex.get("addressee").get("legal_representative").asString()).isEqualTo("Example Legal Rep Ltd");
    assertThat(annex.get("cross_border").get("copy_sent_to").asString()).contains("IE competent authority");
    assertThat(annex.get("reasons").get("grounds").get(0).get("article").asString()).isEqualTo("2(7)(a)");
    assertThat(annex.get("reasons").get("additional_information").asString()).contains("ana: release of the fictional outlet");
    assertThat(annex.get("content").get("urls").get(0).asString()).isEqualTo(order.urls().getFirst());
    assertThat(annex.has("issued_at")).isTrue();
  }

  @Test
  void aRemovalOrderToAPlatformWithoutAnAddresseeIsNotSentAndSaysWhatToConfigure() {
    int before = webhookBodies.size();
    Request.RemovalOrder order = approvedOrder(UNADDRESSED, "nobody-1");

    runtime.dispatcher().sendPending();

    Request after = current(order);
    assertThat(after.status()).isEqualTo(RequestStatus.PENDING);
    assertThat(after.history().getLast().detail()).contains("no Annex I addressee").contains("mastodon");
    assertThat(webhookBodies.subList(before, webhookBodies.size())).extracting(b -> JSON.readTree(b).get("cordon_request_id").asString())
        .doesNotContain(order.id().toString());
  }

  private static String header(MimeMessage m, String name) {
    try {
      String[] values = m.getHeader(name);
      return values == null ? "" : String.join(",", values);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
