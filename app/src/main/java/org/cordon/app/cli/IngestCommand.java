package org.cordon.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cordon.app.pipeline.IngestRunner;
import org.cordon.app.pipeline.IngestSummary;
import org.cordon.app.pipeline.MediaResolver;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.core.ingest.Connector;
import org.cordon.ingest.Connectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cordon ingest --format FMT PATH...}: reads files into the store, idempotently. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Reads files of a real format into the store. Reading the same file again adds nothing.",
        "Formats: x-v2, x-v1, telegram-export, mastodon, activitystreams, cordon-jsonl."})
final class IngestCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(names = {"-f", "--format"}, required = true, description = "Input format.")
  String format;

  @Option(names = "--platform", description = "Platform the input comes from, for formats many services speak (activitystreams: mastodon, a PeerTube site, ...).")
  String platform;

  @Option(names = "--mirror", paramLabel = "URL_PREFIX=DIR",
      description = "Media under this URL prefix are read from this directory (repeatable).")
  Map<String, Path> mirrors = Map.of();

  @Option(names = "--json", description = "Print one JSON object of the summary instead of a table.")
  boolean json;

  @Option(names = "--progress-lines", hidden = true,
      description = "Print 'progress bytes=N' lines on stdout as input is read (for tests that interrupt an ingest).")
  boolean progressLines;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files to read.")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    Connector connector = platform == null ? Connectors.forFormat(format) : Connectors.forFormat(format, new org.cordon.core.model.Platform(platform));
    for (Path p : paths) {
      if (!Files.isRegularFile(p)) {
        System.err.println("cordon ingest: not a readable file: " + p);
        return 2;
      }
    }
    MediaResolver resolver = MediaResolver.none();
    for (var m : mirrors.entrySet()) {
      resolver = resolver.withMirror(m.getKey(), m.getValue());
    }
    List<IngestSummary> summaries = new ArrayList<>();
    try (CordonRuntime runtime = CordonRuntime.open(store.settings())) {
      IngestRunner runner = runtime.ingestRunner(resolver);
      for (Path path : paths) {
        summaries.add(progressLines ? runner.ingest(connector, path, new ProgressLines()) : ingestWithProgress(runner, connector, path));
      }
    }
    IngestSummary total = summaries.stream().reduce(IngestSummary::plus).orElseThrow();
    if (json) {
      System.out.println(IngestReport.json(total));
    } else {
      IngestReport.table(summaries, total).print(System.out);
      IngestReport.rejections(total, System.out);
    }
    return 0;
  }

  /** A progress bar on a terminal; nothing when output goes to a file or a pipe. */
  private static IngestSummary ingestWithProgress(IngestRunner runner, Connector connector, Path path) throws Exception {
    if (System.console() == null) {
      return runner.ingest(connector, path, bytes -> {});
    }
    long size = Files.size(path);
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName(path.getFileName().toString())
        .setInitialMax(Math.max(size / 1024, 1)).setUnit(" KiB", 1).setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
      IngestSummary summary = runner.ingest(connector, path, bytes -> bar.stepTo(bytes / 1024));
      bar.stepTo(bar.getMax());
      return summary;
    }
  }

  /** Machine-readable progress, every 256 KiB read. */
  private static final class ProgressLines implements java.util.function.LongConsumer {
    private long next = 256 * 1024;

    @Override
    public void accept(long bytes) {
      if (bytes >= next) {
        System.out.println("progress bytes=" + bytes);
        System.out.flush();
        next = bytes + 256 * 1024;
      }
    }
  }

  /** Formats summaries for people and for scripts. */
  static final class IngestReport {
    private IngestReport() {}

    static Table table(List<IngestSummary> summaries, IngestSummary total) {
      Table t = new Table("input", "records", "new posts", "duplicate posts", "new other", "duplicate other", "rejected", "media archived", "posts/s");
      for (IngestSummary s : summaries.size() > 1 ? concat(summaries, total) : summaries) {
        t.row(s.input(), s.records(), s.written().newPosts(), s.written().duplicatePosts(), s.written().newOther(),
            s.written().duplicateOther(), s.rejectedTotal(), s.mediaArchived(), String.format(Locale.ROOT, "%.0f", s.postsPerSecond()));
      }
      return t;
    }

    static void rejections(IngestSummary total, java.io.PrintStream out) {
      if (total.rejectedTotal() > 0) {
        out.println();
        out.println("Rejected records are kept in quarantine with their position and reason:");
        total.rejected().forEach((reason, n) -> out.println("  " + reason.name().toLowerCase(Locale.ROOT) + ": " + n));
      }
    }

    static String json(IngestSummary s) {
      StringBuilder rejected = new StringBuilder("{");
      s.rejected().forEach((reason, n) -> rejected.append(rejected.length() > 1 ? "," : "")
          .append('"').append(reason.name().toLowerCase(Locale.ROOT)).append("\":").append(n));
      rejected.append('}');
      return String.format(Locale.ROOT,
          "{\"records\":%d,\"new_posts\":%d,\"duplicate_posts\":%d,\"new_other\":%d,\"duplicate_other\":%d,"
              + "\"rejected\":%d,\"rejected_by_reason\":%s,\"media_archived\":%d,\"media_unavailable\":%d,\"bytes\":%d,\"seconds\":%.3f,\"posts_per_second\":%.1f}",
          s.records(), s.written().newPosts(), s.written().duplicatePosts(), s.written().newOther(), s.written().duplicateOther(),
          s.rejectedTotal(), rejected, s.mediaArchived(), s.mediaUnavailable(), s.bytes(), s.took().toNanos() / 1e9, s.postsPerSecond());
    }

    private static List<IngestSummary> concat(List<IngestSummary> all, IngestSummary total) {
      List<IngestSummary> l = new ArrayList<>(all);
      l.add(total);
      return l;
    }
  }
}
