package org.cordon.referral.gateway.email;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.request.Request;
import org.cordon.referral.order.AnnexIForm;
import org.cordon.referral.order.OrderDocument;

/** Turns a request into the e-mail a platform receives; the same request always gives the same Message-ID. */
final class EmailComposer {
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  private static final int MAX_HEADER_KEY = 200;

  private EmailComposer() {}

  /** A message whose Message-ID is ours, not one JavaMail makes up on every save. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }

  /**
   * {@code <cordon.<first 40 hex of SHA-256(idempotency key)>@<domain>>}: derived from the key, so
   * every send of a request, by any process, carries the same id, and the key's own characters
   * never reach the header.
   */
  static String messageId(String idempotencyKey, String domain) {
    String hash = Sha256.of(idempotencyKey.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 40);
    return "<cordon." + hash + "@" + domain + ">";
  }

  /** The key itself when it is a safe header value, otherwise {@code sha256:<hex>} of it. */
  static String idempotencyHeader(String idempotencyKey) {
    boolean safe = !idempotencyKey.isEmpty() && idempotencyKey.length() <= MAX_HEADER_KEY
        && idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    return safe ? idempotencyKey : "sha256:" + Sha256.of(idempotencyKey.getBytes(StandardCharsets.UTF_8)).hex();
  }

  /** {@code form} is the order's Annex I form: present for a removal order, empty for a referral. */
  static MimeMessage compose(Session session, EmailConfig config, Request request, Optional<AnnexIForm> form, Instant sentAt) throws MessagingException {
    MimeMessage message = new FixedIdMessage(session, messageId(request.idempotencyKey(), config.messageIdDomain()));
    message.setFrom(config.fromAddress());
    message.setRecipient(Message.RecipientType.TO, config.toAddress());
    message.setSentDate(Date.from(sentAt));
    message.setSubject(visible(subject(request)), "UTF-8");
    message.setHeader(IDEMPOTENCY_HEADER, idempotencyHeader(request.idempotencyKey()));
    message.setHeader("X-Cordon-Request-Id", request.id().toString());
    message.setHeader("X-Cordon-Request-Type", request.type());
    message.setHeader("X-Cordon-Case-Id", request.caseId().toString());
    String body = body(request, config, form);
    switch (request) {
      case Request.Referral referral -> message.setText(body, "UTF-8");
      case Request.RemovalOrder order -> {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        byte[] pdf = OrderDocument.render(form.orElseThrow(() -> new IllegalArgumentException("a removal order is sent with its Annex I form")));
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName(attachmentName(order.reference()));
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        attachment.setHeader("Content-Transfer-Encoding", "base64");
        message.setContent(new MimeMultipart("mixed", text, attachment));
      }
    }
    message.saveChanges();
    return message;
  }

  /** {@code removal-order-<reference>.pdf}, the reference reduced to characters every mail client keeps. */
  static String attachmentName(String reference) {
    String safe = reference.replaceAll("[^A-Za-z0-9._-]", "_");
    return "removal-order-" + (safe.isEmpty() ? "unnumbered" : safe) + ".pdf";
  }

  private static String subject(Request request) {
    return switch (request) {
      case Request.Referral r -> "[Cordon] Referral " + r.id() + " (case " + r.caseId() + "): " + r.subject().kind().name().toLowerCase(Locale.ROOT)
          + " " + r.subject().id() + " on " + r.platform();
      case Request.RemovalOrder o -> "[Cordon] TCO removal order " + o.reference() + ": remove within one hour of receipt";
    };
  }

  private static String body(Request request, EmailConfig config, Optional<AnnexIForm> form) {
    StringBuilder out = new StringBuilder();
    switch (request) {
      case Request.Referral r -> {
        out.append("Referral ").append(r.id()).append(" from the Internet Referral Unit\n\n");
        out.append("We ask you to review the content below against your terms of service. This is a voluntary referral, not a removal order.\n\n");
      }
      case Request.RemovalOrder o -> {
        out.append("Removal order ").append(o.reference()).append(" under Regulation (EU) 2021/784, issued by ").append(o.issuingAuthority()).append("\n\n");
        out.append("Remove the content below, or disable access to it in all Member States, within one hour of receiving this order. ");
        out.append("The order (Annex I) is attached as ").append(attachmentName(o.reference())).append(" and repeated as text below.\n\n");
      }
    }
    out.append("Request type: ").append(request.type()).append('\n');
    out.append("Request id: ").append(request.id()).append('\n');
    out.append("Case id: ").append(request.caseId()).append('\n');
    out.append("Platform: ").append(request.platform()).append('\n');
    out.append("Subject: ").append(request.subject().kind().name().toLowerCase(Locale.ROOT)).append(' ').append(request.subject().id()).append('\n');
    out.append("Category: ").append(request.category()).append('\n');
    List<String> urls = request.urls();
    out.append("URLs (").append(urls.size()).append("):\n");
    urls.forEach(url -> out.append("  ").append(url).append('\n'));
    out.append("Idempotency key: ").append(idempotencyHeader(request.idempotencyKey())).append('\n');
    out.append('\n');
    out.append("If this message reaches you more than once, it is the same request: it keeps its Message-ID and its Idempotency-Key header. Act on it once.\n");
    out.append("Reply to ").append(config.from()).append(", keeping the subject line, to acknowledge it and to tell us your decision.\n");
    form.ifPresent(f -> out.append("\n----- Removal order (Annex I) -----\n\n").append(OrderDocument.text(f)));
    return visibleBody(out.toString());
  }

  /** Header text with every control, bidirectional and zero-width character made visible, so nothing can inject a header or reorder the line. */
  static String visible(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        out.append(String.format(Locale.ROOT, "[U+%04X]", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /** The same for a body, keeping its line breaks. */
  private static String visibleBody(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\n", -1)) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(visible(line));
    }
    return out.toString();
  }
}
