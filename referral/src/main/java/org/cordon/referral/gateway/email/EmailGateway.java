package org.cordon.referral.gateway.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.cordon.core.model.Platform;
import org.cordon.core.request.GatewayException;
import org.cordon.core.request.PlatformAnswer;
import org.cordon.core.request.PlatformGateway;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.referral.gateway.RetryPolicy;
import org.cordon.referral.gateway.WebhookGateway;
import org.cordon.referral.order.AnnexIForm;
import org.cordon.referral.order.AnnexIValidator;
import org.cordon.referral.order.FieldProblem;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends referrals and removal orders to a platform by e-mail over SMTP.
 *
 * <h2>The message</h2>
 *
 * A referral is a UTF-8 text e-mail listing the request, its subject, category and every URL. A
 * removal order is the same text followed by the Annex I form as text, with the form attached as
 * {@code removal-order-<reference>.pdf}; the form comes from the function given to the
 * constructor and must be complete ({@link AnnexIValidator}) and name the order's own reference
 * and URLs, or nothing is sent. Headers: {@code Idempotency-Key} (the request's key, or {@code
 * sha256:<hex>} of it when it is not plain visible ASCII), {@code X-Cordon-Request-Id}, {@code
 * X-Cordon-Request-Type}, {@code X-Cordon-Case-Id}, and a Message-ID derived from the key alone:
 * {@code <cordon.<40 hex of SHA-256(key)>@<messageIdDomain>>}.
 *
 * <h2>Sending twice is one request</h2>
 *
 * SMTP cannot promise exactly-once delivery: if the connection drops after the server accepted the
 * message but before we read its 250, we send again. Every copy of a request carries the same
 * Message-ID and Idempotency-Key, so the platform's intake keeps the first and drops the rest
 * (mail systems and ticket trackers already thread by Message-ID); the text says so to a human
 * reader too.
 *
 * <h2>Answers and failures</h2>
 *
 * When the platform's server accepts the message (250 after DATA) the answer is {@link
 * RequestStatus#ACKNOWLEDGED}, dated then, with the server's reply and the Message-ID in the
 * detail: the server's acceptance is the receipt that e-mail gives, and the time a removal order's
 * one-hour clock starts from. The platform's decision comes later by reply, which an analyst
 * records; {@link #poll} has nothing to ask and returns empty. Connection failures, timeouts and
 * 4xx replies are retried under the {@link RetryPolicy}; a refused login, a 5xx reply, a refused
 * STARTTLS or an incomplete order is a {@link GatewayException} at once, with what to fix.
 */
public final class EmailGateway implements PlatformGateway {
  private final EmailConfig config;
  private final Function<Request.RemovalOrder, AnnexIForm> forms;
  private final Clock clock;
  private final WebhookGateway.Sleeper sleeper;
  private final RandomGenerator random;
  private final Session session;

  /**
   * @param forms the complete Annex I form of each removal order (the desk keeps them); not asked for referrals
   */
  public EmailGateway(EmailConfig config, Function<Request.RemovalOrder, AnnexIForm> forms, Clock clock, WebhookGateway.Sleeper sleeper, RandomGenerator random) {
    this.config = Objects.requireNonNull(config, "config");
    this.forms = Objects.requireNonNull(forms, "forms");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    this.session = Session.getInstance(properties(config));
  }

  /** A gateway on the system clock, sleeping for real between attempts. */
  public static EmailGateway create(EmailConfig config, Function<Request.RemovalOrder, AnnexIForm> forms) {
    return new EmailGateway(config, forms, Clock.systemUTC(), Thread::sleep, RandomGenerator.getDefault());
  }

  /** The Message-ID every copy of a request carries; the platform side dedupes on it. */
  public static String messageId(Request request, String domain) {
    return EmailComposer.messageId(request.idempotencyKey(), domain);
  }

  @Override
  public Platform platform() {
    return config.platform();
  }

  @Override
  public PlatformAnswer send(Request request) throws GatewayException {
    if (!request.platform().equals(config.platform())) {
      throw new IllegalArgumentException("request " + request.id() + " is for " + request.platform() + ", this gateway sends to " + config.platform());
    }
    String what = request.type() + " " + request.id() + " to " + config.platform() + " <" + config.to() + ">";
    MimeMessage message = compose(what, request);
    String reply = deliver(what, message);
    String messageId = EmailComposer.messageId(request.idempotencyKey(), config.messageIdDomain());
    return new PlatformAnswer(RequestStatus.ACKNOWLEDGED, clock.instant(), Optional.empty(),
        "accepted by the mail server " + config.smtpHost() + ":" + config.smtpPort() + " for " + config.to()
            + "; Message-ID " + messageId + "; server said: " + EmailComposer.visible(reply));
  }

  /** E-mail has no status to ask for: the platform answers by reply, which an analyst records. */
  @Override
  public Optional<PlatformAnswer> poll(Request request) {
    return Optional.empty();
  }

  private MimeMessage compose(String what, Request request) throws GatewayException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    try {
      return switch (request) {
        case Request.Referral referral -> EmailComposer.compose(session, config, referral, Optional.empty(), now);
        case Request.RemovalOrder order -> EmailComposer.compose(session, config, order, Optional.of(checkedForm(what, order)), now);
      };
    } catch (MessagingException e) {
      throw new GatewayException(what + ": could not compose the e-mail: " + e.getMessage(), e);
    }
  }

  private AnnexIForm checkedForm(String what, Request.RemovalOrder order) throws GatewayException {
    AnnexIForm form = Objects.requireNonNull(forms.apply(order), "the form function returned null");
    List<FieldProblem> problems = AnnexIValidator.problems(form, clock.instant());
    if (!problems.isEmpty()) {
      throw new GatewayException(what + ": the Annex I form is incomplete, so the order is not sent: " + problems + "; complete the form and send again");
    }
    if (!form.reference().equals(order.reference())) {
      throw new GatewayException(what + ": the Annex I form has reference " + form.reference() + " but the order has " + order.reference() + "; attach the order's own form");
    }
    if (!form.content().urls().equals(order.urls())) {
      throw new GatewayException(what + ": the Annex I form lists other URLs than the order; attach the order's own form");
    }
    return form;
  }

  /** Sends until the server accepts, a failure that will not go away, or the attempts run out; returns the server's last reply. */
  private String deliver(String what, MimeMessage message) throws GatewayException {
    RetryPolicy policy = config.retry();
    String lastProblem = "";
    for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
      try {
        return attempt(message);
      } catch (MessagingException e) {
        Failure failure = classify(e);
        if (!failure.transientFailure()) {
          throw new GatewayException(what + ": " + failure.description(), e);
        }
        lastProblem = failure.description();
      }
      if (attempt < policy.maxAttempts()) {
        Duration wait = policy.backoff(attempt, random);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new GatewayException(what + ": interrupted while waiting to retry", e);
        }
      }
    }
    throw new GatewayException(what + ": not delivered after " + policy.maxAttempts() + " attempts to the mail server "
        + config.smtpHost() + ":" + config.smtpPort() + "; last: " + lastProblem
        + "; check that the server runs and is reachable; the request stays unsent and can be sent again (same Message-ID)");
  }

  private String attempt(MimeMessage message) throws MessagingException {
    String protocol = config.security() == EmailConfig.Security.IMPLICIT_TLS ? "smtps" : "smtp";
    try (Transport transport = session.getTransport(protocol)) {
      transport.connect(config.smtpHost(), config.smtpPort(),
          config.credentials().map(EmailConfig.Credentials::user).orElse(null),
          config.credentials().map(EmailConfig.Credentials::password).orElse(null));
      transport.sendMessage(message, message.getAllRecipients());
      return transport instanceof SMTPTransport smtp && smtp.getLastServerResponse() != null ? smtp.getLastServerResponse().strip() : "250";
    }
  }

  record Failure(boolean transientFailure, String description) {}

  /** 4xx and network trouble pass; 5xx, refused logins and refused STARTTLS need a person. */
  Failure classify(MessagingException e) {
    if (e instanceof AuthenticationFailedException) {
      return new Failure(false, "the mail server refused the login" + config.credentials().map(c -> " of user " + c.user()).orElse("")
          + " (" + e.getMessage() + "); check the SMTP credentials configured for " + config.platform());
    }
    Optional<Reply> reply = reply(e);
    if (reply.isPresent() && reply.get().code() < 500) {
      return new Failure(true, "mail server replied " + reply.get().code() + ": " + oneLine(reply.get().exception().getMessage()));
    }
    if (reply.isPresent()) {
      MessagingException refusal = reply.get().exception();
      String which = refusal instanceof SMTPAddressFailedException ? "the recipient " + config.to()
          : refusal instanceof SMTPSenderFailedException ? "the sender " + config.from() : "the message";
      return new Failure(false, "the mail server refused " + which + " with " + reply.get().code() + ": " + oneLine(refusal.getMessage())
          + "; check the addresses and server configured for " + config.platform());
    }
    String text = oneLine(e.getMessage());
    if (text.contains("STARTTLS")) {
      return new Failure(false, "the mail server does not offer STARTTLS, which this gateway requires (" + text
          + "); use a server that does, or configure Security.STARTTLS_IF_OFFERED on a trusted network");
    }
    Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
    String why = cause instanceof IOException io ? io.getClass().getSimpleName() + ": " + oneLine(io.getMessage()) : text;
    return new Failure(true, why);
  }

  private record Reply(int code, MessagingException exception) {}

  /** The server's 4xx/5xx reply in the exception or the ones chained to it; empty for a network failure. */
  private static Optional<Reply> reply(MessagingException e) {
    for (Exception current = e; current != null; current = current instanceof MessagingException m ? m.getNextException() : null) {
      int code = switch (current) {
        case SMTPAddressFailedException f -> f.getReturnCode();
        case SMTPSenderFailedException f -> f.getReturnCode();
        case SMTPSendFailedException f -> f.getReturnCode();
        default -> -1;
      };
      if (code >= 400 && current instanceof MessagingException m) {
        return Optional.of(new Reply(code, m));
      }
    }
    return Optional.empty();
  }

  private static String oneLine(String text) {
    if (text == null) {
      return "no detail";
    }
    String visible = EmailComposer.visible(text.strip().replace("\r\n", " ").replace('\n', ' '));
    return visible.length() <= 300 ? visible : visible.substring(0, 300) + "…";
  }

  private static Properties properties(EmailConfig config) {
    Properties p = new Properties();
    String millis = Long.toString(config.timeout().toMillis());
    for (String protocol : List.of("smtp", "smtps")) {
      String prefix = "mail." + protocol + ".";
      p.setProperty(prefix + "connectiontimeout", millis);
      p.setProperty(prefix + "timeout", millis);
      p.setProperty(prefix + "writetimeout", millis);
      // Greet with our own name: looking up this host's name can hang where DNS is missing.
      p.setProperty(prefix + "localhost", config.messageIdDomain());
      p.setProperty(prefix + "auth", Boolean.toString(config.credentials().isPresent()));
      p.setProperty(prefix + "ssl.checkserveridentity", "true");
    }
    switch (config.security()) {
      case NONE -> p.setProperty("mail.smtp.starttls.enable", "false");
      case STARTTLS_IF_OFFERED -> p.setProperty("mail.smtp.starttls.enable", "true");
      case STARTTLS_REQUIRED -> {
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
      }
      case IMPLICIT_TLS -> p.setProperty("mail.smtps.ssl.enable", "true");
    }
    return p;
  }
}
