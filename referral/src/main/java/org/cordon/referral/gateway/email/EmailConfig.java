package org.cordon.referral.gateway.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cordon.core.model.Platform;
import org.cordon.referral.gateway.RetryPolicy;

/**
 * Where and how to e-mail one platform.
 *
 * @param smtpHost the unit's outgoing mail server (or the platform's, if it takes mail directly)
 * @param from the unit's sending address, where the platform replies
 * @param to the platform's address for referrals and orders (its TCO contact point)
 * @param messageIdDomain the right-hand side of our Message-IDs and the name we greet the server with
 * @param timeout per SMTP command, and for connecting
 */
public record EmailConfig(
    Platform platform,
    String smtpHost,
    int smtpPort,
    Security security,
    Optional<Credentials> credentials,
    String from,
    String to,
    String messageIdDomain,
    RetryPolicy retry,
    Duration timeout) {
  private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62}\\.?)*[A-Za-z0-9]");

  /** How the connection to the SMTP server is protected. */
  public enum Security {
    /** Plain SMTP; only for a server on the same host or network segment. */
    NONE,
    /** STARTTLS when the server offers it, plain otherwise. */
    STARTTLS_IF_OFFERED,
    /** STARTTLS or no delivery. */
    STARTTLS_REQUIRED,
    /** TLS from the first byte (SMTPS, usually port 465). */
    IMPLICIT_TLS
  }

  /** The login at the SMTP server. */
  public record Credentials(String user, String password) {
    public Credentials {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (user.isBlank()) {
        throw new IllegalArgumentException("an SMTP login has a user name");
      }
    }

    @Override
    public String toString() {
      // Never print the password.
      return "Credentials[user=" + user + "]";
    }
  }

  public EmailConfig {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(smtpHost, "smtpHost");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(messageIdDomain, "messageIdDomain");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
    if (smtpHost.isBlank()) {
      throw new IllegalArgumentException("the SMTP host for platform " + platform + " is empty: configure one");
    }
    if (smtpPort < 1 || smtpPort > 65535) {
      throw new IllegalArgumentException("the SMTP port is 1-65535: " + smtpPort);
    }
    address("from", from);
    address("to", to);
    if (!DOMAIN.matcher(messageIdDomain).matches()) {
      throw new IllegalArgumentException("the Message-ID domain is a host name such as iru.example: '" + messageIdDomain + "'");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the SMTP timeout is positive: " + timeout);
    }
  }

  /** STARTTLS if offered, no login, default retries, 20 s per command. */
  public static EmailConfig of(Platform platform, String smtpHost, int smtpPort, String from, String to, String messageIdDomain) {
    return new EmailConfig(platform, smtpHost, smtpPort, Security.STARTTLS_IF_OFFERED, Optional.empty(), from, to, messageIdDomain,
        RetryPolicy.DEFAULT, Duration.ofSeconds(20));
  }

  public EmailConfig withRetry(RetryPolicy policy) {
    return new EmailConfig(platform, smtpHost, smtpPort, security, credentials, from, to, messageIdDomain, policy, timeout);
  }

  public EmailConfig withSecurity(Security value) {
    return new EmailConfig(platform, smtpHost, smtpPort, value, credentials, from, to, messageIdDomain, retry, timeout);
  }

  public EmailConfig withCredentials(String user, String password) {
    return new EmailConfig(platform, smtpHost, smtpPort, security, Optional.of(new Credentials(user, password)), from, to, messageIdDomain, retry, timeout);
  }

  public EmailConfig withTimeout(Duration value) {
    return new EmailConfig(platform, smtpHost, smtpPort, security, credentials, from, to, messageIdDomain, retry, value);
  }

  InternetAddress fromAddress() {
    return address("from", from);
  }

  InternetAddress toAddress() {
    return address("to", to);
  }

  private static InternetAddress address(String which, String value) {
    try {
      InternetAddress address = new InternetAddress(value, true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new IllegalArgumentException("the '" + which + "' address is not a valid e-mail address: '" + value + "' (" + e.getMessage() + ")", e);
    }
  }
}
