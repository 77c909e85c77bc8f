package org.cordon.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cordon.app.pipeline.MediaResolver;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.LivePipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cordon serve}: the REST API, the console and the live pipeline, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serves the REST API and console, ingests what feeds push, assesses, sends and tracks requests.")
final class ServeCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--address", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String address;

  @Option(names = "--mirror", paramLabel = "URL_PREFIX=DIR", description = "Media under this URL prefix are read from this directory.")
  Map<String, Path> mirrors = Map.of();

  @Override
  public Integer call() throws Exception {
    MediaResolver resolver = MediaResolver.none();
    for (var m : mirrors.entrySet()) {
      resolver = resolver.withMirror(m.getKey(), m.getValue());
    }
    try (CordonRuntime runtime = CordonRuntime.open(store.settings());
        LivePipeline pipeline = new LivePipeline(runtime, resolver)) {
      Serving.serveUntilInterrupted(runtime, pipeline, address, port);
    }
    return 0;
  }
}
