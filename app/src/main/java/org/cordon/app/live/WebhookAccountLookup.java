package org.cordon.app.live;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.request.PlatformGateway;
import org.cordon.lineage.PlatformAccounts;
import org.cordon.referral.gateway.WebhookGateway;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Username lookups at the platforms Cordon reaches through a webhook gateway ({@code GET
 * {base}/platforms/{platform}/accounts?handle=…}, the account side of the same intake protocol).
 * Platforms reached by e-mail or a portal, or not configured, cannot be asked: nothing is found.
 *
 * <p>A lookup runs on the live path, so it is short: 2 s at most, no retry. A failed or malformed
 * answer finds nothing and is counted; the new account is still checked against the suspended
 * accounts Cordon already knows.
 */
final class WebhookAccountLookup implements PlatformAccounts {
  private static final Logger LOG = Logger.getLogger(WebhookAccountLookup.class.getName());
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final int MAX_ANSWER_CHARS = 64 * 1024;

  private final Supplier<Map<Platform, PlatformGateway>> gateways;
  private final HttpClient http;
  private final Clock clock;
  private final AtomicLong failures = new AtomicLong();

  WebhookAccountLookup(Supplier<Map<Platform, PlatformGateway>> gateways, Clock clock) {
    this.gateways = Objects.requireNonNull(gateways, "gateways");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @Override
  public Optional<GoneAccount> gone(Platform platform, String handle) {
    if (!(gateways.get().get(platform) instanceof WebhookGateway webhook) || handle.isBlank() || handle.length() > 256) {
      return Optional.empty();
    }
    URI target = webhook.baseUri().resolve("platforms/" + URLEncoder.encode(platform.name(), StandardCharsets.UTF_8)
        + "/accounts?handle=" + URLEncoder.encode(handle, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(target).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() == 404) {
        return Optional.empty(); // nobody holds it
      }
      if (response.statusCode() != 200 || response.body().length() > MAX_ANSWER_CHARS) {
        return failed(target, "HTTP " + response.statusCode());
      }
      return read(platform, JSON.readTree(response.body()));
    } catch (IOException | JacksonException | IllegalArgumentException e) {
      return failed(target, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private Optional<GoneAccount> read(Platform platform, JsonNode answer) {
    if (!answer.path("status").asString("").equals("suspended")) {
      return Optional.empty();
    }
    String id = answer.path("account_id").asString("");
    String handle = answer.path("handle").asString("");
    if (id.isBlank() || handle.isBlank() || !answer.path("platform").asString(platform.name()).equals(platform.name())) {
      return failed(null, "a suspended answer without account_id, handle or with another platform");
    }
    Instant since = clock.instant();
    if (answer.path("suspended_at").isString()) {
      try {
        since = Instant.parse(answer.get("suspended_at").asString());
      } catch (DateTimeParseException e) {
        return failed(null, "suspended_at is no instant: " + answer.get("suspended_at").asString());
      }
    }
    return Optional.of(new GoneAccount(AccountKey.of(platform, id), handle, since));
  }

  private Optional<GoneAccount> failed(URI target, String why) {
    long n = failures.incrementAndGet();
    if (n <= 10 || n % 1000 == 0) {
      LOG.log(Level.WARNING, "account lookup " + (target == null ? "" : target + " ") + "failed (" + n + " so far): " + why);
    }
    return Optional.empty();
  }

  long failures() {
    return failures.get();
  }
}
