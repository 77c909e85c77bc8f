package org.cordon.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.LivePipeline;
import org.cordon.app.web.WebApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Serving the API and console until Ctrl-C: shared by {@code serve} and {@code demo}. */
public final class Serving {
  private Serving() {}

  /** Starts the web server and the pipeline's tick, then waits for Ctrl-C. */
  public static void serveUntilInterrupted(CordonRuntime runtime, LivePipeline pipeline, String address, int port) throws InterruptedException {
    pipeline.start(Duration.ofSeconds(2));
    ConfigurableApplicationContext web = WebApplication.start(runtime, pipeline, address, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      web.close();
      stopped.countDown();
    }, "cordon-shutdown"));
    String host = address.equals("0.0.0.0") ? "localhost" : address.equals("127.0.0.1") ? "localhost" : address;
    System.out.println();
    System.out.println("Cordon is serving on http://" + host + ":" + port + "/  (API: /v3/api-docs, /swagger-ui/index.html). Ctrl-C stops it.");
    Path credentials = runtime.settings().usersFile().resolveSibling("initial-credentials.txt");
    if (Files.exists(credentials)) {
      System.out.println("Sign in with a user from " + credentials + " (created on first start; change them).");
    }
    stopped.await();
  }
}
