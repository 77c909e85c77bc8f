package org.cordon.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A test client that signs like Cordon's gateway does, written from the documented wire format. */
final class SimulatorClient {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;

  SimulatorClient(URI base) {
    this.base = base;
  }

  record Answer(int status, JsonNode body) {}

  static String referral(String platform, String kind, String id, String url) {
    return """
        {"request_type":"referral","cordon_request_id":"7","case_id":"3",\
        "subject":{"kind":"%s","platform":"%s","id":"%s"},"urls":["%s"],\
        "category":"glorifies","sent_at":"2026-01-01T00:00:00Z"}"""
        .formatted(kind, platform, id, url);
  }

  Answer post(String platform, String secret, String key, byte[] body) throws IOException, InterruptedException {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    return post(platform, key, body, timestamp, "v1=" + HexFormat.of().formatHex(PlatformSimulator.hmac(secret, timestamp, body)));
  }

  Answer post(String platform, String key, byte[] body, String timestamp, String signature) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("platforms/" + platform + "/requests"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("X-Cordon-Timestamp", timestamp)
        .header("X-Cordon-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return send(request.build());
  }

  Answer get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build());
  }

  Answer content(String url) throws IOException, InterruptedException {
    return get("content?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
  }

  /** Polls until the predicate holds or ten real seconds pass; returns the last answer. */
  Answer await(String pathAndQuery, java.util.function.Predicate<Answer> done) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Answer answer = get(pathAndQuery);
    while (!done.test(answer) && System.nanoTime() < deadline) {
      Thread.sleep(10);
      answer = get(pathAndQuery);
    }
    return answer;
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }
}
