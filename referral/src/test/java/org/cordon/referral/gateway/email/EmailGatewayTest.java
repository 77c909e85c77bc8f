package org.cordon.referral.gateway.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.GatewayException;
import org.cordon.core.request.PlatformAnswer;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.triage.CaseId;
import org.cordon.referral.gateway.RetryPolicy;
import org.cordon.referral.gateway.WebhookGateway;
import org.cordon.referral.order.AnnexIForm;
import org.cordon.referral.order.AnnexIForms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway against a real SMTP server (GreenMail) on loopback. */
class EmailGatewayTest {
  private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0.2);
  private static final String PLATFORM_ADDRESS = "tco-contact@microblog.example";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T09:30:00Z"), ZoneOffset.UTC);
  private static final List<String> URLS = List.of("https://x.example/post/1001", "https://x.example/post/1002?lang=en");

  private final List<GreenMail> servers = new ArrayList<>();
  private final List<Duration> waits = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(GreenMail::stop);
  }

  private GreenMail greenMail(ServerSetup setup) {
    GreenMail server = new GreenMail(setup);
    servers.add(server);
    server.start();
    return server;
  }

  private GreenMail greenMail() {
    return greenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
  }

  private static EmailConfig config(int port) {
    return EmailConfig.of(Platform.X, "127.0.0.1", port, "iru@ird.example", PLATFORM_ADDRESS, "ird.example")
        .withRetry(QUICK).withTimeout(Duration.ofSeconds(5));
  }

  private EmailGateway gateway(EmailConfig config, WebhookGateway.Sleeper sleeper) {
    Function<Request.RemovalOrder, AnnexIForm> forms = order -> AnnexIForms.complete(order.reference(), order.urls());
    return new EmailGateway(config, forms, CLOCK, sleeper, new Random(11));
  }

  private EmailGateway gateway(int port) {
    return gateway(config(port), waits::add);
  }

  static Request.Referral referral(long id, String postId, List<String> urls) {
    return new Request.Referral(new RequestId(id), new CaseId(id), Platform.X, PostKey.of(Platform.X, postId), urls, "glorifies",
        "referral-key-" + postId, List.of(new StatusChange(RequestStatus.PENDING, Instant.EPOCH, "created")));
  }

  static Request.RemovalOrder order(long id, String reference) {
    return new Request.RemovalOrder(new RequestId(id), new CaseId(id), Platform.X, AccountKey.of(Platform.X, "acct-9"), URLS, "incites",
        "order-key-" + reference, List.of(), "Internet Referral Desk Testland", reference);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String header(MimeMessage message, String name) throws Exception {
    String[] values = message.getHeader(name);
    assertThat(values).as("header %s", name).isNotNull().hasSize(1);
    return values[0];
  }

  @Test
  void aReferralArrivesAsTextWithItsHeadersAndEveryUrl() throws Exception {
    GreenMail server = greenMail();
    Request.Referral referral = referral(42, "p1001", URLS);

    EmailGateway gateway = gateway(server.getSmtp().getPort());
    PlatformAnswer answer = gateway.send(referral);

    assertThat(answer.status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
    assertThat(answer.at()).isEqualTo(CLOCK.instant());
    assertThat(gateway.poll(referral)).as("e-mail has no status to ask for").isEmpty();
    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(PLATFORM_ADDRESS);
    assertThat(message.getFrom()).extracting(Object::toString).containsExactly("iru@ird.example");
    assertThat(header(message, "Idempotency-Key")).isEqualTo("referral-key-p1001");
    assertThat(header(message, "Message-ID")).isEqualTo(EmailGateway.messageId(referral, "ird.example")).matches("<cordon\\.[0-9a-f]{40}@ird\\.example>");
    assertThat(header(message, "X-Cordon-Request-Id")).isEqualTo("42");
    assertThat(header(message, "X-Cordon-Request-Type")).isEqualTo("referral");
    assertThat(message.getSubject()).isEqualTo("[Cordon] Referral 42 (case 42): post p1001 on x");
    assertThat(message.getContentType()).startsWith("text/plain");
    String body = (String) message.getContent();
    URLS.forEach(url -> assertThat(body).contains("  " + url));
    assertThat(body).contains("Category: glorifies").contains("not a removal order");
    assertThat(answer.detail()).contains(header(message, "Message-ID")).contains("250");
    assertThat(waits).isEmpty();
  }

  @Test
  void aRemovalOrderArrivesWithTheAnnexIPdfAttachedAndTheFormAsText() throws Exception {
    GreenMail server = greenMail();
    Request.RemovalOrder order = order(7, "NL-IRU-2026-000417");

    assertThat(gateway(server.getSmtp().getPort()).send(order).status()).isEqualTo(RequestStatus.ACKNOWLEDGED);

    MimeMessage message = server.getReceivedMessages()[0];
    assertThat(message.getSubject()).contains("TCO removal order NL-IRU-2026-000417").contains("one hour");
    assertThat(header(message, "Idempotency-Key")).isEqualTo("order-key-NL-IRU-2026-000417");
    Multipart parts = (Multipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    String body = (String) parts.getBodyPart(0).getContent();
    URLS.forEach(url -> assertThat(body).contains(url));
    assertThat(body).contains("REMOVAL ORDER").contains("SECTION G");
    BodyPart attachment = parts.getBodyPart(1);
    assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(attachment.getFileName()).isEqualTo("removal-order-NL-IRU-2026-000417.pdf");
    assertThat(attachment.getContentType()).startsWith("application/pdf");
    byte[] pdf;
    try (InputStream in = attachment.getInputStream()) {
      pdf = in.readAllBytes();
    }
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
      assertThat(text).contains("NL-IRU-2026-000417").contains("Microblog").contains("SECTIONB");
      URLS.forEach(url -> assertThat(text).contains(url));
    }
  }

  @Test
  void anIncompleteOrderIsNotSentAndSaysWhichFieldsAreMissing() throws Exception {
    GreenMail server = greenMail();
    Function<Request.RemovalOrder, AnnexIForm> incomplete = order -> {
      AnnexIForm f = AnnexIForms.complete(order.reference(), order.urls());
      return new AnnexIForm(f.issuingAuthority(), f.addressee(), f.reference(), Optional.empty(), f.content(), f.reasons(),
          f.contentProviderNotice(), f.crossBorder(), f.followUp(), f.redress(), f.authentication());
    };
    EmailGateway gateway = new EmailGateway(config(server.getSmtp().getPort()), incomplete, CLOCK, waits::add, new Random(1));

    assertThatThrownBy(() -> gateway.send(order(8, "NL-IRU-2026-000418")))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("incomplete")
        .hasMessageContaining("issuedAt");
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void anOrderWhoseFormNamesAnotherReferenceIsNotSent() throws Exception {
    GreenMail server = greenMail();
    EmailGateway gateway = new EmailGateway(config(server.getSmtp().getPort()), order -> AnnexIForms.complete(), CLOCK, waits::add, new Random(1));

    assertThatThrownBy(() -> gateway.send(order(9, "NL-IRU-2026-000999")))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("has reference NL-IRU-2026-000417 but the order has NL-IRU-2026-000999");
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void aSendThatFailsBecauseTheServerIsDownIsRetriedAndArrivesOnce() throws Exception {
    int port = freePort();
    List<GreenMail> started = new ArrayList<>();
    WebhookGateway.Sleeper startServerWhileWaiting = wait -> {
      waits.add(wait);
      if (started.isEmpty()) {
        started.add(greenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)));
      }
    };

    PlatformAnswer answer = gateway(config(port), startServerWhileWaiting).send(referral(5, "p5", URLS));

    assertThat(answer.status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
    assertThat(waits).as("one failed attempt, one wait").hasSize(1);
    assertThat(started.getFirst().getReceivedMessages()).hasSize(1);
  }

  /**
   * The platform's intake, as we ask platforms to run it: one request per Message-ID (or
   * Idempotency-Key), the first copy kept.
   */
  private static Map<String, MimeMessage> requestsAtThePlatform(MimeMessage[] inbox) throws Exception {
    Map<String, MimeMessage> requests = new LinkedHashMap<>();
    for (MimeMessage message : inbox) {
      requests.putIfAbsent(message.getMessageID(), message);
    }
    return requests;
  }

  @Test
  void sendingARequestAgainCarriesTheSameMessageIdSoThePlatformSeesOneRequest() throws Exception {
    GreenMail server = greenMail();
    EmailGateway gateway = gateway(server.getSmtp().getPort());
    Request.RemovalOrder order = order(11, "NL-IRU-2026-000411");

    gateway.send(order);
    gateway.send(order);
    gateway.send(referral(12, "p12", URLS));

    MimeMessage[] inbox = server.getReceivedMessages();
    assertThat(inbox).as("SMTP delivers every copy").hasSize(3);
    assertThat(inbox[0].getMessageID()).isEqualTo(inbox[1].getMessageID());
    assertThat(inbox[0].getHeader("Idempotency-Key")).isEqualTo(inbox[1].getHeader("Idempotency-Key"));
    assertThat(inbox[2].getMessageID()).isNotEqualTo(inbox[0].getMessageID());
    assertThat(requestsAtThePlatform(inbox)).as("two requests, not three").hasSize(2);
  }

  @Test
  void aTransientReplyAfterTheDataIsRetriedWithTheSameMessageId() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(
        List.of(ScriptedSmtpServer.Behaviour.BUSY, ScriptedSmtpServer.Behaviour.FAIL_AFTER_DATA), ScriptedSmtpServer.Behaviour.ACCEPT)) {
      PlatformAnswer answer = gateway(server.port()).send(referral(6, "p6", URLS));

      assertThat(answer.status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
      assertThat(answer.detail()).contains("queued as SCRIPTED1");
      assertThat(server.connections.get()).isEqualTo(3);
      assertThat(server.accepted.get()).isEqualTo(1);
      assertThat(waits).hasSize(2);
      assertThat(waits.get(1)).as("backoff grows").isGreaterThan(waits.get(0));
    }
  }

  @Test
  void aRefusedRecipientIsAConfigurationProblemAndIsNotRetried() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(List.of(), ScriptedSmtpServer.Behaviour.REJECT_RECIPIENT)) {
      assertThatThrownBy(() -> gateway(server.port()).send(referral(6, "p6", URLS)))
          .isInstanceOf(GatewayException.class)
          .hasMessageContaining("refused the recipient " + PLATFORM_ADDRESS)
          .hasMessageContaining("550")
          .hasMessageContaining("check the addresses");
      assertThat(waits).isEmpty();
      assertThat(server.accepted.get()).isZero();
    }
  }

  @Test
  void anUnreachableServerIsAGatewayExceptionThatSaysWhereAndWhy() throws Exception {
    int port = freePort();

    assertThatThrownBy(() -> gateway(port).send(referral(3, "p3", URLS)))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("not delivered after 3 attempts to the mail server 127.0.0.1:" + port)
        .hasMessageContaining("ConnectException")
        .hasMessageContaining("check that the server runs")
        .hasMessageContaining("same Message-ID");
    assertThat(waits).hasSize(2);
  }

  @Test
  void theServerIsLoggedInToWhenCredentialsAreConfiguredAndAWrongPasswordIsNotRetried() throws Exception {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
        .withConfiguration(GreenMailConfiguration.aConfig().withUser("iru@ird.example", "iru", "right-password"));
    servers.add(server);
    server.start();
    int port = server.getSmtp().getPort();

    PlatformAnswer answer = gateway(config(port).withCredentials("iru", "right-password"), waits::add).send(referral(1, "p1", URLS));
    assertThat(answer.status()).isEqualTo(RequestStatus.ACKNOWLEDGED);

    assertThatThrownBy(() -> gateway(config(port).withCredentials("iru", "wrong"), waits::add).send(referral(2, "p2", URLS)))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("refused the login of user iru")
        .hasMessageContaining("check the SMTP credentials");
    assertThat(waits).isEmpty();
    assertThat(config(port).withCredentials("iru", "right-password").toString()).doesNotContain("right-password");
  }

  @Test
  void requiredStartTlsThatTheServerDoesNotOfferIsRefusedWithAClearReason() throws Exception {
    GreenMail server = greenMail();

    assertThatThrownBy(() -> gateway(config(server.getSmtp().getPort()).withSecurity(EmailConfig.Security.STARTTLS_REQUIRED), waits::add)
        .send(referral(1, "p1", URLS)))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("STARTTLS");
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void bidiAndControlCharactersInWhatWeQuoteCannotReorderOrInjectHeaders() throws Exception {
    GreenMail server = greenMail();
    Request.Referral referral = new Request.Referral(new RequestId(4), new CaseId(4), Platform.X, PostKey.of(Platform.X, "p\u202Egnp.exe"),
        URLS, "glorifies\r\nBcc: someone@elsewhere.example", "key with spaces and \u00e9", List.of());

    gateway(server.getSmtp().getPort()).send(referral);

    MimeMessage message = server.getReceivedMessages()[0];
    assertThat(message.getSubject()).contains("p[U+202E]gnp.exe").doesNotContain("\u202E");
    assertThat(message.getHeader("Bcc")).isNull();
    assertThat(Arrays.asList(message.getAllRecipients())).extracting(Object::toString).containsExactly(PLATFORM_ADDRESS);
    assertThat((String) message.getContent()).contains("glorifies[U+000D]").doesNotContain("\u202E");
    assertThat(header(message, "Idempotency-Key")).matches("sha256:[0-9a-f]{64}");
  }
}
