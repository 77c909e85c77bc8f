package org.cordon.app.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Consumer;
import org.cordon.app.pipeline.MediaResolver;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.LivePipeline;
import org.cordon.app.runtime.Settings;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Cordon serving on loopback for a web test, as {@code cordon serve} runs it: the runtime on an
 * embedded database under a test's directory, the live pipeline and the web application on a free
 * port. Users are given as {@code users.properties} lines; each signs in with the password
 * {@code NAME-pw}.
 *
 * <pre>
 *   cordon = RunningCordon.start(data, "alice=ANALYST:{noop}alice-pw");
 *   HttpResponse&lt;String&gt; queue = cordon.call("GET", "/api/v1/desk/queue", "alice", null);
 * </pre>
 */
final class RunningCordon implements AutoCloseable {
  final CordonRuntime runtime;
  final LivePipeline pipeline;
  final URI base;
  private final ConfigurableApplicationContext web;
  private final HttpClient http = HttpClient.newHttpClient();

  private RunningCordon(CordonRuntime runtime, LivePipeline pipeline, ConfigurableApplicationContext web) {
    this.runtime = runtime;
    this.pipeline = pipeline;
    this.web = web;
    this.base = URI.create("http://127.0.0.1:" + web.getEnvironment().getProperty("local.server.port"));
  }

  static RunningCordon start(Path data, String users) throws Exception {
    return start(data, users, runtime -> {});
  }

  /** @param beforeServing what to set on the runtime before the first request can arrive (gateways, units) */
  static RunningCordon start(Path data, String users, Consumer<CordonRuntime> beforeServing) throws Exception {
    Files.writeString(data.resolve("users.properties"), users);
    CordonRuntime runtime = CordonRuntime.open(Settings.embedded(data));
    LivePipeline pipeline = null;
    try {
      beforeServing.accept(runtime);
      pipeline = new LivePipeline(runtime, MediaResolver.none());
      return new RunningCordon(runtime, pipeline, WebApplication.start(runtime, pipeline, "127.0.0.1", 0));
    } catch (Exception | Error e) {
      if (pipeline != null) {
        pipeline.close();
      }
      runtime.close();
      throw e;
    }
  }

  /** One request as {@code user} (HTTP Basic); a body, when given, is sent as JSON. */
  HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    web.close();
    pipeline.close();
    runtime.close();
  }
}
