package org.cordon.app.cli;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.Callable;
import org.cordon.app.demo.AnalystKit;
import org.cordon.app.demo.DemoRun;
import org.cordon.app.pipeline.Assessor;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.Settings;
import org.cordon.app.runtime.TextModels;
import org.cordon.app.world.WorldManifest;
import org.cordon.app.world.WorldObservations;
import org.cordon.core.ingest.Connector;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.RecordSink;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Detector;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;
import org.cordon.ingest.Connectors;
import org.cordon.language.CombinedIdentifier;
import org.cordon.language.Identification;
import org.cordon.model.ClassifierDetector;
import org.cordon.model.classifier.Trainer;
import org.cordon.model.classifier.TrainingOptions;
import org.cordon.model.data.LabelledData;
import org.cordon.model.data.LabelledExample;
import org.cordon.risk.AccountRiskTracker;
import org.cordon.risk.RiskConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon bench triage}: posts through the whole triage path, from the platform's bytes to
 * the database: parse, language ID, normalisation and lexicon, known content (links, statements,
 * media hashes), the trained classifier, the combined assessment, the account-risk update, and the
 * flagged posts (with their assessments) persisted in batches. Workers parse and judge files in
 * parallel; one writer persists. The figure is posts over wall-clock time from the first byte to
 * the last flagged post committed. Images are not fetched or hashed here (that is the media
 * stage's own benchmark, {@code bench pdq}); the range world is generated without them.
 *
 * <p>Language ID costs 50–100 µs of CPU per post (see {@code bench langid}), too much for every
 * post, so it runs only for posts whose platform gives no language, and at most
 * {@value #LANGUAGE_SAMPLES} times per account: an account's language is then the one most seen.
 */
@Command(name = "triage", mixinStandardHelpOptions = true,
    description = "Posts/s through the whole triage path (parse, language, lexicon, known content, classifier, account risk, persist flagged).")
final class TriageBenchmarkCommand implements Callable<Integer> {
  static final int LANGUAGE_SAMPLES = 3;

  @Option(names = "--accounts", defaultValue = "20000", description = "Accounts in the generated world (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--days", defaultValue = "5", description = "Days in the generated world (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "515151", description = "World seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", defaultValue = "2", description = "Parse-and-judge workers (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--work", defaultValue = "data/bench-triage", description = "Scratch directory (default: ${DEFAULT-VALUE}); emptied first.")
  Path work;

  @Option(names = "--json", description = "Print one JSON object of the figures.")
  boolean json;

  @Option(names = "--tracked-accounts", defaultValue = "0",
      description = "Accounts the risk tracker already holds before the run (one post and one follow each), to show the memory a "
          + "large watch takes: run with CORDON_JVM_OPTS=-Xmx4g and --tracked-accounts 1000000 (default: ${DEFAULT-VALUE}).")
  int trackedAccounts;

  @Option(names = "--world", description = "Use this generated world (read only) instead of generating one; --accounts, --days "
      + "and --seed are then ignored.")
  Optional<Path> existingWorld;

  /** Stages whose CPU time is measured, in path order. */
  enum Stage { PARSE, LANGUAGE, DETECTORS, CLASSIFIER, ASSESS, ACCOUNTS }

  record Unit(String format, Platform platform, String name, byte[] bytes) {}

  record Flagged(ParsedRecord record, Assessment assessment) {}

  @Override
  public Integer call() throws Exception {
    DemoRun.deleteRecursively(work);
    Path world = existingWorld.orElse(work.resolve("world"));
    if (existingWorld.isEmpty()) {
      int exit = new CommandLine(new org.cordon.range.RangeCommand()).execute("generate", "--seed", Long.toString(seed), "--accounts",
          Integer.toString(accounts), "--days", Integer.toString(days), "--media", "none", "--out", world.toString());
      if (exit != 0) {
        return exit;
      }
    }
    Path data = Files.createDirectories(work.resolve("data"));
    AnalystKit.write(world, data);
    List<Detector> detectors = CordonRuntime.detectorsIn(Settings.embedded(data));

    // A classifier trained on a fifth of the world's posts (what analysts would have labelled);
    // its quality is eval detection's business, its cost is this benchmark's.
    long trainStart = System.nanoTime();
    java.util.Map<String, Boolean> extremist = new java.util.HashMap<>();
    try (var lines = Files.lines(world.resolve("truth/posts.jsonl"))) {
      var json = tools.jackson.databind.json.JsonMapper.builder().build();
      lines.forEach(l -> {
        var n = json.readTree(l);
        extremist.put(n.get("platform").asString() + "/" + n.get("post_id").asString(), "extremist".equals(n.get("label").asString()));
      });
    }
    List<LabelledExample> training = new ArrayList<>();
    WorldObservations.forEach(world, item -> {
      if (item instanceof Post p && Math.floorMod(p.key().id().hashCode(), 5) == 0) {
        Boolean label = extremist.get(p.key().platform().name() + "/" + p.key().id());
        if (label != null && !p.text().isBlank()) {
          training.add(LabelledExample.of(p.text(), label ? "extremist" : "benign"));
        }
      }
    });
    ClassifierDetector classifier = new ClassifierDetector(new Trainer(TrainingOptions.DEFAULT.withPositiveLabel(Optional.of("extremist")),
        TextModels.NORMALISER).train(LabelledData.of("bench sample", training), Optional.empty(), Instant.now()).classifier(),
        CordonRuntime.CLASSIFIER_MINIMUM, Optional.empty());
    double trainSeconds = (System.nanoTime() - trainStart) / 1e9;

    List<Unit> units = new ArrayList<>();
    long inputBytes = 0;
    for (WorldManifest.Entry f : WorldManifest.read(world).files()) {
      byte[] bytes = Files.readAllBytes(world.resolve(f.path()));
      inputBytes += bytes.length;
      units.add(new Unit(f.format(), new Platform(f.platform()), f.path(), bytes));
    }
    long loadStart = System.nanoTime();
    CombinedIdentifier languages = CombinedIdentifier.standard();
    languages.identify("warm the models up with a sentence in English");
    double languageLoadSeconds = (System.nanoTime() - loadStart) / 1e9;

    System.gc();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    AtomicLongArray stageNanos = new AtomicLongArray(Stage.values().length);
    AtomicLong posts = new AtomicLong();
    AtomicLong flaggedPosts = new AtomicLong();
    AtomicLong languageCalls = new AtomicLong();
    AtomicLong persistNanos = new AtomicLong();
    ConcurrentHashMap<AccountKey, String[]> accountLanguages = new ConcurrentHashMap<>();
    AccountRiskTracker tracker = new AccountRiskTracker(RiskConfig.defaults());
    long prefillStart = System.nanoTime();
    prefill(tracker, trackedAccounts);
    double prefillSeconds = (System.nanoTime() - prefillStart) / 1e9;
    System.gc();
    long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    Assessor assessor = new Assessor(CordonRuntime.FLAG_THRESHOLD);
    ConcurrentLinkedQueue<Unit> todo = new ConcurrentLinkedQueue<>(units);
    BlockingQueue<List<Flagged>> toPersist = new ArrayBlockingQueue<>(64);
    List<Flagged> poison = List.of();

    try (CordonRuntime runtime = CordonRuntime.open(Settings.embedded(data))) {
      Duration serverBefore = serverCpu(data);
      long start = System.nanoTime();
      java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
      Thread writer = Thread.ofPlatform().name("persist").start(() -> {
        try {
          for (List<Flagged> batch; (batch = toPersist.take()) != poison; ) {
            if (failure.get() != null) {
              continue; // keep draining so the workers never block on a dead writer
            }
            long t0 = System.nanoTime();
            try {
              runtime.stores().observations().write("bench-triage", batch.stream().map(Flagged::record).distinct().toList());
              runtime.stores().inbox().recordAssessments(batch.stream().map(Flagged::assessment).toList());
            } catch (RuntimeException e) {
              failure.set(e);
            }
            persistNanos.addAndGet(System.nanoTime() - t0);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      List<Thread> workers = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        workers.add(Thread.ofPlatform().name("triage-" + w).uncaughtExceptionHandler((t, e) -> {
          failure.compareAndSet(null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
          e.printStackTrace();
        }).start(() -> {
          List<Flagged> batch = new ArrayList<>();
          for (Unit unit; (unit = todo.poll()) != null; ) {
            Connector connector = Connectors.forFormat(unit.format(), unit.platform());
            List<ParsedRecord> records = new ArrayList<>();
            long p0 = cpu.getCurrentThreadCpuTime();
            try {
              connector.read(unit.name(), new ByteArrayInputStream(unit.bytes()), new RecordSink() {
                @Override
                public void accept(ParsedRecord record) {
                  records.add(record);
                }

                @Override
                public void reject(Rejection rejection) {}
              });
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            stageNanos.addAndGet(Stage.PARSE.ordinal(), cpu.getCurrentThreadCpuTime() - p0);
            for (ParsedRecord record : records) {
              for (Observed item : record.items()) {
                if (item instanceof Post post) {
                  Assessment a = judge(post, detectors, classifier, assessor, languages, accountLanguages, languageCalls, tracker, stageNanos, cpu);
                  posts.incrementAndGet();
                  if (a.flagged()) {
                    flaggedPosts.incrementAndGet();
                    batch.add(new Flagged(record, a));
                    if (batch.size() >= 500) {
                      put(toPersist, batch);
                      batch = new ArrayList<>();
                    }
                  }
                } else if (item instanceof Interaction i) {
                  long t0 = cpu.getCurrentThreadCpuTime();
                  tracker.observe(i);
                  stageNanos.addAndGet(Stage.ACCOUNTS.ordinal(), cpu.getCurrentThreadCpuTime() - t0);
                }
              }
            }
          }
          if (!batch.isEmpty()) {
            put(toPersist, batch);
          }
        }));
      }
      for (Thread t : workers) {
        t.join();
      }
      put(toPersist, poison);
      writer.join();
      if (failure.get() != null) {
        throw new IllegalStateException("persisting flagged posts failed: " + failure.get().getMessage(), failure.get());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Duration server = serverCpu(data).minus(serverBefore);
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      print(posts.get(), flaggedPosts.get(), seconds, inputBytes, stageNanos, persistNanos.get(), languageCalls.get(), trainSeconds,
          languageLoadSeconds, tracker.size(), heap);
      System.out.printf(Locale.ROOT, "%sPostgreSQL server CPU during the run: %.2f s (%.1f µs per flagged post); heap before the run "
          + "(after GC, tracker pre-filled with %,d accounts in %.1f s) %.0f MiB; max heap %.0f MiB%n", json ? "# " : "",
          server.toNanos() / 1e9, server.toNanos() / 1e3 / Math.max(1, flaggedPosts.get()), trackedAccounts, prefillSeconds,
          heapBefore / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    }
    return 0;
  }

  /**
   * Fills the tracker with accounts that are not in the world (their own platform name), each with
   * one unflagged post and one follow of another, so the run meets the tracker as a long watch
   * leaves it.
   */
  private static void prefill(AccountRiskTracker tracker, int count) {
    Platform platform = new Platform("prefill");
    Instant at = Instant.parse("2014-08-01T00:00:00Z");
    java.util.Random random = new java.util.Random(count);
    for (int i = 0; i < count; i++) {
      AccountKey account = new AccountKey(platform, Integer.toString(i));
      org.cordon.core.model.PostKey post = new org.cordon.core.model.PostKey(platform, "p" + i);
      tracker.observePost(account, at, new Assessment(post, 0.01, false, Optional.empty(), List.of(), "no signal", at), List.of());
      if (i > 0) {
        tracker.observe(new Interaction.Follow(account, new AccountKey(platform, Integer.toString(random.nextInt(i))), Optional.of(at)));
      }
    }
  }

  /**
   * CPU time of the embedded PostgreSQL processes whose working directory is under {@code data}
   * (the server outlives the launcher that started it, so it is not a descendant of this JVM).
   */
  private static Duration serverCpu(Path data) {
    Path root;
    try {
      root = data.toRealPath();
    } catch (java.io.IOException e) {
      return Duration.ZERO;
    }
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .filter(p -> {
          try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd")).startsWith(root);
          } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;
          }
        })
        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  private static Assessment judge(Post post, List<Detector> detectors, ClassifierDetector classifier, Assessor assessor,
      CombinedIdentifier languages, ConcurrentHashMap<AccountKey, String[]> accountLanguages, AtomicLong languageCalls,
      AccountRiskTracker tracker, AtomicLongArray stageNanos, ThreadMXBean cpu) {
    long t0 = cpu.getCurrentThreadCpuTime();
    Post withLanguage = post;
    if (post.language().isEmpty()) {
      String[] seen = accountLanguages.computeIfAbsent(post.author(), k -> new String[LANGUAGE_SAMPLES]);
      Optional<String> language = known(seen);
      if (language.isEmpty()) {
        languageCalls.incrementAndGet();
        Identification id = languages.identify(post.text());
        language = id.language();
        id.language().ifPresent(l -> remember(seen, l));
      }
      if (language.isPresent()) {
        withLanguage = new Post(post.key(), post.author(), post.postedAt(), post.text(), language, post.url(), post.media(), post.hashtags(),
            post.mentions(), post.links(), post.references());
      }
    }
    long t1 = cpu.getCurrentThreadCpuTime();
    PostContext context = new PostContext(withLanguage, Optional.empty(), List.of());
    List<Signal> signals = new ArrayList<>();
    for (Detector d : detectors) {
      signals.addAll(d.detect(context));
    }
    long t2 = cpu.getCurrentThreadCpuTime();
    signals.addAll(classifier.detect(context));
    long t3 = cpu.getCurrentThreadCpuTime();
    Assessment a = assessor.assess(post.key(), signals, post.postedAt());
    long t4 = cpu.getCurrentThreadCpuTime();
    tracker.observePost(post.author(), post.postedAt(), a, post.hashtags());
    long t5 = cpu.getCurrentThreadCpuTime();
    stageNanos.addAndGet(Stage.LANGUAGE.ordinal(), t1 - t0);
    stageNanos.addAndGet(Stage.DETECTORS.ordinal(), t2 - t1);
    stageNanos.addAndGet(Stage.CLASSIFIER.ordinal(), t3 - t2);
    stageNanos.addAndGet(Stage.ASSESS.ordinal(), t4 - t3);
    stageNanos.addAndGet(Stage.ACCOUNTS.ordinal(), t5 - t4);
    return a;
  }

  /** The account's language once {@value #LANGUAGE_SAMPLES} identifications are in: the most frequent. */
  private static Optional<String> known(String[] seen) {
    synchronized (seen) {
      if (seen[seen.length - 1] == null) {
        return Optional.empty();
      }
      String best = seen[0];
      int bestCount = 0;
      for (String candidate : seen) {
        int count = 0;
        for (String s : seen) {
          count += candidate.equals(s) ? 1 : 0;
        }
        if (count > bestCount) {
          best = candidate;
          bestCount = count;
        }
      }
      return Optional.of(best);
    }
  }

  private static void remember(String[] seen, String language) {
    synchronized (seen) {
      for (int i = 0; i < seen.length; i++) {
        if (seen[i] == null) {
          seen[i] = language;
          return;
        }
      }
    }
  }

  private static void put(BlockingQueue<List<Flagged>> queue, List<Flagged> batch) {
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void print(long posts, long flagged, double seconds, long bytes, AtomicLongArray stageNanos, long persistNanos, long languageCalls,
      double trainSeconds, double languageLoadSeconds, int trackedAccounts, long heap) {
    long totalCpu = 0;
    for (int i = 0; i < stageNanos.length(); i++) {
      totalCpu += stageNanos.get(i);
    }
    double postsPerSecond = posts / seconds;
    if (json) {
      StringBuilder stages = new StringBuilder();
      for (Stage s : Stage.values()) {
        stages.append(stages.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":{\"cpu_seconds\":%.2f,\"share\":%.3f}",
            s.name().toLowerCase(Locale.ROOT), stageNanos.get(s.ordinal()) / 1e9, (double) stageNanos.get(s.ordinal()) / totalCpu));
      }
      System.out.println(String.format(Locale.ROOT,
          "{\"benchmark\":\"triage\",\"accounts\":%d,\"posts\":%d,\"flagged\":%d,\"threads\":%d,\"seconds\":%.2f,\"posts_per_second\":%.0f,"
              + "\"input_mib\":%.1f,\"stages\":{%s},\"persist_seconds\":%.2f,\"language_calls\":%d,\"tracked_accounts\":%d,"
              + "\"heap_mib_after\":%.0f,\"classifier_training_seconds\":%.1f,\"language_load_seconds\":%.1f,\"cores\":%d}",
          accounts, posts, flagged, threads, seconds, postsPerSecond, bytes / 1048576.0, stages, persistNanos / 1e9, languageCalls,
          trackedAccounts, heap / 1048576.0, trainSeconds, languageLoadSeconds, Runtime.getRuntime().availableProcessors()));
      return;
    }
    System.out.printf(Locale.ROOT, "%n%,d posts (%,d flagged and persisted) from %.1f MiB of platform data in %.1f s: %,.0f posts/s "
        + "with %d workers and one writer on %d cores%n%n", posts, flagged, bytes / 1048576.0, seconds, postsPerSecond, threads,
        Runtime.getRuntime().availableProcessors());
    Table t = new Table("stage (CPU time of the workers)", "seconds", "share", "µs per post");
    for (Stage s : Stage.values()) {
      long n = stageNanos.get(s.ordinal());
      t.row(s.name().toLowerCase(Locale.ROOT), String.format(Locale.ROOT, "%.2f", n / 1e9), String.format(Locale.ROOT, "%.1f %%", 100.0 * n / totalCpu),
          String.format(Locale.ROOT, "%.1f", n / 1e3 / posts));
    }
    t.print(System.out);
    System.out.printf(Locale.ROOT, "%npersisting flagged posts (writer thread, wall): %.2f s; language ID ran %,d times (%.1f %% of posts);"
        + " %,d accounts tracked; heap after GC %.0f MiB%n", persistNanos / 1e9, languageCalls, 100.0 * languageCalls / posts, trackedAccounts,
        heap / 1048576.0);
    System.out.printf(Locale.ROOT, "not timed: classifier training %.1f s, language models loading %.1f s%n", trainSeconds, languageLoadSeconds);
  }
}
