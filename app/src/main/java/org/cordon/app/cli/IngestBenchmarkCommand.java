package org.cordon.app.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cordon.app.pipeline.IngestRunner;
import org.cordon.app.pipeline.IngestSummary;
import org.cordon.app.pipeline.MediaResolver;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.Settings;
import org.cordon.core.ingest.Connector;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.RecordSink;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.Post;
import org.cordon.ingest.Connectors;
import org.cordon.range.RangeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cordon bench ingest}: posts per second for each input format, parsing alone and the whole
 * ingest (parse, archive the input, write to PostgreSQL idempotently), on a generated world.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Ingest throughput per format (parse only, and parse + archive + store), on a generated world.")
final class IngestBenchmarkCommand implements Callable<Integer> {
  @Option(names = "--accounts", defaultValue = "5000", description = "Accounts in the generated world (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--days", defaultValue = "7", description = "Days in the generated world (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "424242", description = "World seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--work", defaultValue = "data/bench", description = "Scratch directory (default: ${DEFAULT-VALUE}); emptied first.")
  Path work;

  @Option(names = "--json", description = "Print one JSON object of the figures.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    org.cordon.app.demo.DemoRun.deleteRecursively(work);
    Path world = work.resolve("world");
    int exit = new CommandLine(new RangeCommand()).execute("generate", "--seed", Long.toString(seed), "--accounts", Integer.toString(accounts),
        "--days", Integer.toString(days), "--media", "none", "--out", world.toString());
    if (exit != 0) {
      return exit;
    }
    Map<String, List<Path>> byFormat = new LinkedHashMap<>();
    Map<Path, String> platformOf = new java.util.HashMap<>();
    for (JsonNode f : JsonMapper.builder().build().readTree(Files.readString(world.resolve("manifest.json"))).get("files")) {
      Path file = world.resolve(f.get("path").asString());
      byFormat.computeIfAbsent(f.get("format").asString(), k -> new ArrayList<>()).add(file);
      platformOf.put(file, f.get("platform").asString());
    }
    // One untimed parse of everything first, so no format is measured on a cold JVM.
    for (var entry : byFormat.entrySet()) {
      for (Path file : entry.getValue()) {
        count(connector(entry.getKey(), platformOf.get(file)), file);
      }
    }
    Map<String, Figures> figures = new LinkedHashMap<>();
    try (CordonRuntime runtime = CordonRuntime.open(Settings.embedded(work.resolve("data")))) {
      IngestRunner runner = runtime.ingestRunner(MediaResolver.none());
      for (var entry : byFormat.entrySet()) {
        long parseStart = System.nanoTime();
        long parsedPosts = 0;
        long parsedRecords = 0;
        for (Path file : entry.getValue()) {
          long[] counts = count(connector(entry.getKey(), platformOf.get(file)), file);
          parsedRecords += counts[0];
          parsedPosts += counts[1];
        }
        double parseSeconds = (System.nanoTime() - parseStart) / 1e9;
        IngestSummary total = IngestSummary.empty(entry.getKey());
        for (Path file : entry.getValue()) {
          total = total.plus(runner.ingest(connector(entry.getKey(), platformOf.get(file)), file, bytes -> {}));
        }
        double ingestSeconds = total.took().toNanos() / 1e9;
        long bytes = 0;
        for (Path file : entry.getValue()) {
          bytes += Files.size(file);
        }
        figures.put(entry.getKey(), new Figures(entry.getValue().size(), bytes, parsedRecords, parsedPosts, parsedRecords / parseSeconds,
            parsedPosts / parseSeconds, total.written().newPosts(), total.records() / ingestSeconds, total.written().newPosts() / ingestSeconds));
      }
    }
    if (json) {
      StringBuilder b = new StringBuilder("{\"benchmark\":\"ingest\",\"accounts\":").append(accounts).append(",\"formats\":{");
      int i = 0;
      for (var e : figures.entrySet()) {
        Figures f = e.getValue();
        b.append(i++ > 0 ? "," : "").append(String.format(Locale.ROOT,
            "\"%s\":{\"files\":%d,\"bytes\":%d,\"records\":%d,\"posts\":%d,\"parse_records_per_second\":%.0f,\"parse_posts_per_second\":%.0f,"
                + "\"ingest_records_per_second\":%.0f,\"ingest_posts_per_second\":%.0f}",
            e.getKey(), f.files, f.bytes, f.records, f.posts, f.parseRecordsPerSecond, f.parsePerSecond, f.ingestRecordsPerSecond, f.ingestPerSecond));
      }
      System.out.println(b.append("},\"cores\":").append(Runtime.getRuntime().availableProcessors()).append('}'));
    } else {
      Table t = new Table("format", "files", "MiB", "records", "posts", "parse records/s", "parse posts/s", "ingest records/s", "ingest posts/s");
      figures.forEach((format, f) -> t.row(format, f.files, String.format(Locale.ROOT, "%.1f", f.bytes / 1048576.0), f.records, f.posts,
          String.format(Locale.ROOT, "%.0f", f.parseRecordsPerSecond), String.format(Locale.ROOT, "%.0f", f.parsePerSecond),
          String.format(Locale.ROOT, "%.0f", f.ingestRecordsPerSecond), String.format(Locale.ROOT, "%.0f", f.ingestPerSecond)));
      t.print(System.out);
      System.out.println("ingest = parse + archive the input as evidence + write to PostgreSQL in batches of " + IngestRunner.DEFAULT_BATCH
          + " (idempotent); " + Runtime.getRuntime().availableProcessors() + " cores");
    }
    return 0;
  }

  private static Connector connector(String format, String platform) {
    return Connectors.forFormat(format, new org.cordon.core.model.Platform(platform));
  }

  /** Records and posts a connector reads from a file. */
  private static long[] count(Connector connector, Path file) throws Exception {
    long[] counts = {0, 0};
    try (InputStream in = Files.newInputStream(file)) {
      connector.read(file.toString(), in, new RecordSink() {
        @Override
        public void accept(ParsedRecord record) {
          counts[0]++;
          for (var item : record.items()) {
            if (item instanceof Post) {
              counts[1]++;
            }
          }
        }

        @Override
        public void reject(Rejection rejection) {
          counts[0]++;
        }
      });
    }
    return counts;
  }

  record Figures(int files, long bytes, long records, long posts, double parseRecordsPerSecond, double parsePerSecond, long stored,
      double ingestRecordsPerSecond, double ingestPerSecond) {}
}
