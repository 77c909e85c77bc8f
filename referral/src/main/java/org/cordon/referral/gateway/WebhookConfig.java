package org.cordon.referral.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.cordon.core.model.Platform;

/**
 * Where and how to reach one platform's webhook.
 *
 * @param baseUri the platform's API root; requests go to {@code {baseUri}platforms/{platform}/requests}
 * @param secret the HMAC-SHA256 key shared with the platform
 * @param requestTimeout per attempt, from sending to the full answer
 */
public record WebhookConfig(Platform platform, URI baseUri, String secret, RetryPolicy retry, Duration connectTimeout, Duration requestTimeout) {
  public WebhookConfig {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(baseUri, "baseUri");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    String scheme = baseUri.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException("the webhook base URI is http(s): " + baseUri);
    }
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("the shared secret of platform " + platform + " is empty: configure one");
    }
    String text = baseUri.toString();
    baseUri = text.endsWith("/") ? baseUri : URI.create(text + "/");
  }

  /** Default retries and timeouts (connect 5 s, answer 15 s). */
  public static WebhookConfig of(Platform platform, URI baseUri, String secret) {
    return new WebhookConfig(platform, baseUri, secret, RetryPolicy.DEFAULT, Duration.ofSeconds(5), Duration.ofSeconds(15));
  }

  public WebhookConfig withRetry(RetryPolicy policy) {
    return new WebhookConfig(platform, baseUri, secret, policy, connectTimeout, requestTimeout);
  }

  public WebhookConfig withRequestTimeout(Duration timeout) {
    return new WebhookConfig(platform, baseUri, secret, retry, connectTimeout, timeout);
  }

  @Override
  public String toString() {
    // Never print the secret.
    return "WebhookConfig[platform=" + platform + ", baseUri=" + baseUri + ", retry=" + retry + "]";
  }
}
