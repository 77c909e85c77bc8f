package org.cordon.app.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.cordon.core.request.Request;
import org.cordon.desk.ContentChecker;

/**
 * Re-checks removed content by asking for its first URL: 404 or 410 means gone, 2xx means it is
 * there again, anything else (a timeout, 5xx, a redirect to a login wall) is unknown and checked
 * at the next interval. Redirects are not followed: a platform that moves removed content to a
 * notice page answers 3xx, which is not proof either way.
 */
final class HttpContentChecker implements ContentChecker {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @Override
  public Check check(Request removed) {
    if (removed.urls().isEmpty()) {
      return new Check(Presence.UNKNOWN, "the request names no URL to check");
    }
    String url = removed.urls().getFirst();
    try {
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      int status = r.statusCode();
      if (status == 404 || status == 410) {
        return new Check(Presence.GONE, url + " answers " + status);
      }
      if (status >= 200 && status < 300) {
        return new Check(Presence.PRESENT, url + " answers " + status + ": the content is there");
      }
      return new Check(Presence.UNKNOWN, url + " answers " + status);
    } catch (IOException | IllegalArgumentException e) {
      return new Check(Presence.UNKNOWN, url + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Check(Presence.UNKNOWN, url + ": interrupted");
    }
  }
}
