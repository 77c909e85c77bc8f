package org.cordon.referral.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A man in the middle: forwards to the platform, replacing text in request bodies on the way. */
final class TamperingProxy implements AutoCloseable {
  private static final List<String> FORWARDED = List.of("X-Cordon-Timestamp", "X-Cordon-Signature", "Idempotency-Key", "Content-Type");
  private final HttpServer server;
  private final AtomicInteger tampered = new AtomicInteger();

  private TamperingProxy(HttpServer server) {
    this.server = server;
  }

  static TamperingProxy start(URI target, String find, String replace) throws IOException {
    HttpServer server = HttpServer.create(WebhookGatewayTest.loopback(), 0);
    TamperingProxy proxy = new TamperingProxy(server);
    HttpClient http = HttpClient.newHttpClient();
    server.createContext("/", exchange -> {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (body.contains(find)) {
          body = body.replace(find, replace);
          proxy.tampered.incrementAndGet();
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString().substring(1)))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofString(body));
        for (String header : FORWARDED) {
          String value = exchange.getRequestHeaders().getFirst(header);
          if (value != null) {
            forward.header(header, value);
          }
        }
        HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
        exchange.getResponseBody().write(answer.body());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
    return proxy;
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  int tampered() {
    return tampered.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
