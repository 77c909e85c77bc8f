package org.cordon.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Cordon's ingest endpoint as the range feeds it: {@code POST {cordon}/api/v1/ingest/{format}
 * ?platform=P} with the bytes of one or more records, signed in with HTTP Basic as an INGEST user.
 * A 5xx or a connection failure is retried twice; a 4xx is Cordon refusing the bytes and is not.
 */
final class CordonFeed {
  private static final int ATTEMPTS = 3;

  private final URI base;
  private final Optional<String> authorization;
  private final HttpClient http;

  CordonFeed(URI base, Optional<String> authorization) {
    String text = Objects.requireNonNull(base, "base").toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.authorization = Objects.requireNonNull(authorization, "authorization");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  static Optional<String> basicAuthorization(String user, String password) {
    if (user.isEmpty() && password.isEmpty()) {
      return Optional.empty();
    }
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return Optional.of("Basic " + token);
  }

  URI base() {
    return base;
  }

  /** Empty when Cordon took the bytes; otherwise why not. */
  String post(String format, Optional<String> platform, byte[] body) throws InterruptedException {
    URI target = base.resolve("api/v1/ingest/" + format
        + platform.map(p -> "?platform=" + URLEncoder.encode(p, StandardCharsets.UTF_8)).orElse(""));
    String problem = "";
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      HttpRequest.Builder builder = HttpRequest.newBuilder(target)
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/octet-stream")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      authorization.ifPresent(a -> builder.header("Authorization", a));
      try {
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2) {
          return "";
        }
        problem = "Cordon answered " + status + ": " + abbreviate(response.body());
        if (status < 500) {
          return problem;
        }
      } catch (IOException e) {
        problem = "cannot reach " + target + ": " + e;
      }
      if (attempt < ATTEMPTS) {
        Thread.sleep(Duration.ofMillis(200L * attempt));
      }
    }
    return problem;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
