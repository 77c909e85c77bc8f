package org.cordon.app.cli;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Callable;
import org.cordon.app.demo.AnalystKit;
import org.cordon.app.demo.DemoRun;
import org.cordon.app.pipeline.Assessor;
import org.cordon.app.pipeline.JudgedPosts;
import org.cordon.app.pipeline.KeysInFlight;
import org.cordon.app.pipeline.StoredRenderings;
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
 * parallel; writers, each on its own connection, persist a batch of flagged posts and their
 * assessments in one transaction. A post delivered again (a repost carries its original, X gives a
 * tweet in both of its formats) is judged again only when it is rendered differently: a later
 * delivery of a flagged post is always persisted for its provenance, and account risk counts the
 * post once ({@link JudgedPosts}). Files are read in time order across platforms, as a unit reads
 * them. A running pipeline has compiled its hot paths long ago, while a fresh JVM spends tens of
 * seconds of CPU in its JIT compilers (more than the workers, on two cores), so the world is first
 * run through the whole path into a scratch database, five times by default, each pass with its
 * own database, detectors, caches and tracker: only the compiled code carries over. The figure is
 * the world's posts over wall-clock time from the first byte to the last flagged post committed in
 * the measured run that follows; the first warm-up pass's cold figure is printed beside it, and
 * where the CPU went (workers by stage, writers, the rest of the JVM, the database server: its
 * write-ahead log always, its time by statement with {@code --statements}). Images are not
 * fetched or hashed here (that is the media stage's own benchmark, {@code bench pdq}); the range
 * world is generated without them.
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

  @Option(names = "--writers", defaultValue = "2", description = "Writer threads, each with its own database connection (default: ${DEFAULT-VALUE}).")
  int writers;

  @Option(names = "--warmup", defaultValue = "1", description = "Share of the world (by bytes, the earliest files) first run through "
      + "the whole path into a scratch database with its own detectors, caches and tracker, so that the measured run meets a JIT "
      + "that has compiled the path and nothing else warm (default: ${DEFAULT-VALUE}; 0 measures a cold JVM).")
  double warmup;

  @Option(names = "--warmup-passes", defaultValue = "5", description = "How many times the warm-up runs, each into a fresh scratch "
      + "database, before the measured run (default: ${DEFAULT-VALUE}: after three, C2 still spent 1.7 to 4 s of the measured run "
      + "compiling; after five, 0.2 to 0.6 s).")
  int warmupPasses;

  @Option(names = "--statements", description = "Have the database server preload pg_stat_statements and print its time by "
      + "statement for the measured part (the preload costs every statement a little, so the figures are not the plain run's).")
  boolean statements;

  @Option(names = "--cold-server", description = "Measure on a database server whose connections have not yet touched its shared "
      + "buffers (by default each connection of the measured server's pool first writes and empties a scratch table larger than "
      + "the buffer pool, so that it has used every buffer, as a running server's connections have: see ServerWarmup).")
  boolean coldServer;

  @Option(names = "--work", defaultValue = "data/bench-triage", description = "Scratch directory (default: ${DEFAULT-VALUE}); emptied first.")
  Path work;

  @Option(names = "--batch-size", defaultValue = "500", description = "Flagged deliveries a writer persists in one transaction (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--queued-batches", defaultValue = "64", description = "Batches of flagged posts that may wait for a writer (default: ${DEFAULT-VALUE}).")
  int queuedBatches;

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

  /**
   * A delivery of a flagged post, to persist: its record, with the post's assessment when this
   * delivery was the one judged (a repeat delivery brings only its provenance).
   */
  record Flagged(ParsedRecord record, Optional<Assessment> assessment) {}

  @Override
  public Integer call() throws Exception {
    if (!(warmup >= 0 && warmup <= 1) || warmupPasses < 0 || threads < 1 || writers < 1 || batchSize < 1 || queuedBatches < 1) {
      System.err.println("--warmup must be between 0 and 1, --warmup-passes at least 0, --threads, --writers, --batch-size and --queued-batches at least 1");
      return 2;
    }
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
    var trained = new Trainer(TrainingOptions.DEFAULT.withPositiveLabel(Optional.of("extremist")), TextModels.NORMALISER)
        .train(LabelledData.of("bench sample", training), Optional.empty(), Instant.now()).classifier();
    ClassifierDetector classifier = new ClassifierDetector(trained, CordonRuntime.CLASSIFIER_MINIMUM, Optional.empty());
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

    // In time order across platforms, as a live unit reads them, so the warm-up meets every
    // platform's parser early.
    units.sort(Comparator.comparing((Unit u) -> timeKey(u.name())).thenComparing(Unit::name));
    long warmupTarget = Math.round(inputBytes * warmup);
    List<Unit> warmupUnits = new ArrayList<>();
    long warmupBytes = 0;
    while (warmupBytes < warmupTarget && warmupUnits.size() < units.size()) {
      Unit u = units.get(warmupUnits.size());
      warmupUnits.add(u);
      warmupBytes += u.bytes().length;
    }

    // The warm-up: the JIT compiles the path, and nothing else carries over. Its own database,
    // detectors, classifier wrapper, language identifier, tracker and threads (the caches are per
    // instance or per thread), so the measured run meets every post, URL and word for the first time.
    // More than one pass, because C2 is not done after one: a measured run after a single pass
    // still spent 10 of its 22 seconds of wall time compiling (uncommon traps in inlined code send
    // methods back to be compiled again). After three passes C2 still took 1.7 to 4 s of CPU in
    // the measured run; after five, 0.2 to 0.6 s.
    List<Phase> warm = new ArrayList<>();
    for (int pass = 0; pass < warmupPasses && !warmupUnits.isEmpty(); pass++) {
      Path scratch = Files.createDirectories(work.resolve("warmup-data"));
      AnalystKit.write(world, scratch);
      try (CordonRuntime runtime = CordonRuntime.open(Settings.embedded(scratch))) {
        warm.add(new Pipeline(runtime, scratch, CordonRuntime.detectorsIn(Settings.embedded(scratch)),
            new ClassifierDetector(trained, CordonRuntime.CLASSIFIER_MINIMUM, Optional.empty()), new Assessor(CordonRuntime.FLAG_THRESHOLD),
            CombinedIdentifier.standard(), new ConcurrentHashMap<>(), new AccountRiskTracker(RiskConfig.defaults())).run(warmupUnits));
      }
      DemoRun.deleteRecursively(scratch);
    }

    ConcurrentHashMap<AccountKey, String[]> accountLanguages = new ConcurrentHashMap<>();
    AccountRiskTracker tracker = new AccountRiskTracker(RiskConfig.defaults());
    long prefillStart = System.nanoTime();
    prefill(tracker, trackedAccounts);
    double prefillSeconds = (System.nanoTime() - prefillStart) / 1e9;
    System.gc();
    long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    Assessor assessor = new Assessor(CordonRuntime.FLAG_THRESHOLD);

    try (CordonRuntime runtime = openMeasured(data)) {
      Pipeline pipeline = new Pipeline(runtime, data, detectors, classifier, assessor, languages, accountLanguages, tracker);
      Optional<ServerWarmup.Report> serverWarmup = coldServer ? Optional.empty() : Optional.of(ServerWarmup.run(runtime.database().dataSource()));
      ServerProfile profile = ServerProfile.start(runtime.database().dataSource(), statements);
      Phase measured = pipeline.run(units);
      ServerProfile.Report server = profile.finish();
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      print(warm, measured, pipeline.flaggedKeys.size(), warmupBytes, inputBytes, trainSeconds, languageLoadSeconds,
          tracker.size(), heap, server, serverWarmup);
      if (!json) {
        ServerProfile.print(server, measured.flagged(), System.out);
        System.out.println("JVM threads by CPU during the measured part (Linux /proc): " + measured.threadGroups().entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue() / 1e9))
            .collect(java.util.stream.Collectors.joining(", ")));
        System.out.printf(Locale.ROOT, "heap before the run (after GC, tracker pre-filled with %,d accounts in %.1f s) %.0f MiB; max heap %.0f MiB%n",
            trackedAccounts, prefillSeconds, heapBefore / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
      }
    }
    return 0;
  }

  /** The measured run's database; with --statements its server preloads pg_stat_statements (the property is this JVM's, so it is put back). */
  private CordonRuntime openMeasured(Path data) throws java.io.IOException {
    if (!statements) {
      return CordonRuntime.open(Settings.embedded(data));
    }
    String before = System.getProperty(org.cordon.store.Database.PRELOAD_PROPERTY);
    System.setProperty(org.cordon.store.Database.PRELOAD_PROPERTY, "pg_stat_statements");
    try {
      return CordonRuntime.open(Settings.embedded(data));
    } finally {
      if (before == null) {
        System.clearProperty(org.cordon.store.Database.PRELOAD_PROPERTY);
      } else {
        System.setProperty(org.cordon.store.Database.PRELOAD_PROPERTY, before);
      }
    }
  }

  /**
   * What one part of the run (the warm-up or the measured part) did and cost.
   *
   * @param firstWorkerSeconds when the first worker found no file left, from the start
   * @param workersSeconds when the last worker finished
   * @param queuedAtWorkersEnd batches of flagged posts the writers still had to persist then
   * @param postsLinkedOnly posts of persisted records linked to their payload and not written, another record storing them as rendered
   * @param deferredDeliveries flagged deliveries a writer put off to its next batch, because the other writer was storing one of their posts or new accounts
   * @param writesRedone writes the store ran a second time because an optimistic insert met a stored row
   */
  record Phase(long posts, long repeats, long flagged, double seconds, double firstWorkerSeconds, double workersSeconds, int queuedAtWorkersEnd, long[] stageNanos, Cpu cpu,
      long persistNanos, long deadlockRetries, long deferredDeliveries, long postsLinkedOnly, long languageCalls, long writesRedone,
      java.util.Map<String, Long> threadGroups) {
    static final Phase NONE = new Phase(0, 0, 0, 0, 0, 0, 0, new long[Stage.values().length], new Cpu(0, 0, 0, 0), 0, 0, 0, 0, 0, 0, java.util.Map.of());

    double postsPerSecond() {
      return posts == 0 ? 0 : posts / seconds;
    }
  }

  /** The triage path with its state (tracker, account languages, database), run over one list of files at a time. */
  private final class Pipeline {
    private final CordonRuntime runtime;
    private final Path data;
    private final List<Detector> detectors;
    private final ClassifierDetector classifier;
    private final Assessor assessor;
    private final CombinedIdentifier languages;
    private final ConcurrentHashMap<AccountKey, String[]> accountLanguages;
    private final AccountRiskTracker tracker;
    /** Every post flagged in the run, once (a post may be delivered more than once). */
    private final java.util.Set<org.cordon.core.model.PostKey> flaggedKeys = ConcurrentHashMap.newKeySet();
    /** Posts judged in this run: a later delivery that renders one as judged is persisted (if flagged) for its provenance, not judged again. */
    private final JudgedPosts judgedPosts = new JudgedPosts();
    /** Which queued record stores each flagged post: a later delivery rendering it alike only links it. */
    private final StoredRenderings storedRenderings = new StoredRenderings();
    /** Posts a writer linked to their delivery's payload without writing them: another queued record stores them so rendered. */
    private final AtomicLong linkedOnly = new AtomicLong();

    Pipeline(CordonRuntime runtime, Path data, List<Detector> detectors, ClassifierDetector classifier, Assessor assessor,
        CombinedIdentifier languages, ConcurrentHashMap<AccountKey, String[]> accountLanguages, AccountRiskTracker tracker) {
      this.runtime = runtime;
      this.data = data;
      this.detectors = detectors;
      this.classifier = classifier;
      this.assessor = assessor;
      this.languages = languages;
      this.accountLanguages = accountLanguages;
      this.tracker = tracker;
    }

    /** Parses and judges the files on the workers, persists the flagged on the writers; returns when the last batch is committed. */
    Phase run(List<Unit> units) throws InterruptedException {
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      StageClock stageClock = new StageClock(cpu::getCurrentThreadCpuTime, Stage.values().length);
      AtomicLong posts = new AtomicLong();
      AtomicLong flaggedPosts = new AtomicLong();
      AtomicLong repeats = new AtomicLong();
      AtomicLong languageCalls = new AtomicLong();
      AtomicLong persistNanos = new AtomicLong();
      AtomicLong writerCpuNanos = new AtomicLong();
      AtomicLong workerCpuNanos = new AtomicLong();
      AtomicLong deadlockRetries = new AtomicLong();
      AtomicLong firstWorkerDone = new AtomicLong();
      ConcurrentLinkedQueue<Unit> todo = new ConcurrentLinkedQueue<>(units);
      BlockingQueue<List<Flagged>> toPersist = new ArrayBlockingQueue<>(queuedBatches);
      List<Flagged> poison = List.of();
      java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();

      Duration serverBefore = serverCpu(data);
      long processBefore = processCpuNanos();
      long redoneBefore = runtime.stores().observationWritesRedone();
      java.util.Map<String, Long> threadGroups = threadCpuByGroup();
      long start = System.nanoTime();
      List<Thread> writerThreads = new ArrayList<>();
      KeysInFlight inFlight = new KeysInFlight();
      AtomicLong deferredDeliveries = new AtomicLong();
      for (int w = 0; w < writers; w++) {
        Object writer = "persist-" + w;
        writerThreads.add(Thread.ofPlatform().name("persist-" + w).start(() -> {
          try {
            // deliveries whose posts the other writer was storing: they go with this writer's next batch
            List<Flagged> carried = List.of();
            for (List<Flagged> batch; (batch = toPersist.take()) != poison; ) {
              if (failure.get() != null) {
                continue; // keep draining so the workers never block on a dead writer
              }
              List<Flagged> all = carried.isEmpty() ? batch : concat(carried, batch);
              KeysInFlight.Split<Flagged> split = inFlight.hold(writer, all, Flagged::record);
              deferredDeliveries.addAndGet(split.deferred().size());
              carried = split.deferred();
              persistHeld(runtime, storedRenderings, linkedOnly, inFlight, writer, split, persistNanos, deadlockRetries, failure);
            }
            while (!carried.isEmpty() && failure.get() == null) {
              KeysInFlight.Split<Flagged> split = inFlight.holdWaiting(writer, carried, Flagged::record);
              carried = split.deferred();
              persistHeld(runtime, storedRenderings, linkedOnly, inFlight, writer, split, persistNanos, deadlockRetries, failure);
            }
            put(toPersist, poison); // pass the end on to the next writer
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            writerCpuNanos.addAndGet(cpu.getCurrentThreadCpuTime());
          }
        }));
      }
      List<Thread> workers = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        workers.add(Thread.ofPlatform().name("triage-" + w).uncaughtExceptionHandler((t, e) -> {
          failure.compareAndSet(null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
          e.printStackTrace();
        }).start(() -> {
          List<Flagged> batch = new ArrayList<>();
          StageClock.Worker clock = stageClock.worker();
          // counted here and added once at the end: two threads incrementing shared counters per post
          // would bounce the counters' cache line between the cores
          long postsHere = 0;
          long repeatsHere = 0;
          long flaggedHere = 0;
          for (Unit unit; (unit = todo.poll()) != null; ) {
            Connector connector = Connectors.forFormat(unit.format(), unit.platform());
            List<ParsedRecord> records = new ArrayList<>();
            clock.timeNext(StageClock.Site.UNIT);
            long p0 = clock.now();
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
            clock.add(StageClock.Site.UNIT, Stage.PARSE.ordinal(), clock.now() - p0);
            for (ParsedRecord record : records) {
              for (Observed item : record.items()) {
                if (item instanceof Post post) {
                  postsHere++;
                  Optional<Boolean> asRendered = judgedPosts.judgedAsRendered(post);
                  Optional<Assessment> assessment = Optional.empty();
                  boolean flagged;
                  if (asRendered.isPresent()) {
                    repeatsHere++;
                    flagged = asRendered.get();
                  } else {
                    Assessment a = judge(post, detectors, classifier, assessor, languages, accountLanguages, languageCalls, clock);
                    JudgedPosts.Recorded recorded = judgedPosts.record(post, a.flagged());
                    switch (recorded.outcome()) {
                      case FIRST -> {
                        boolean timed = clock.timeNext(StageClock.Site.FIRST_POST);
                        long t0 = timed ? clock.now() : 0;
                        tracker.observePost(post.author(), post.postedAt(), a, post.hashtags());
                        if (timed) {
                          clock.add(StageClock.Site.FIRST_POST, Stage.ACCOUNTS.ordinal(), clock.now() - t0);
                        }
                      }
                      case ANOTHER_RENDERING -> {} // account risk has the post already
                      case REPEAT -> repeatsHere++;
                    }
                    if (a.flagged() && recorded.outcome() != JudgedPosts.Outcome.REPEAT) {
                      assessment = Optional.of(a);
                    }
                    flagged = recorded.flagged();
                  }
                  if (flagged) {
                    flaggedHere++;
                    flaggedKeys.add(post.key());
                    if (batch.isEmpty() || batch.getLast().record() != record) {
                      // a batch ends between records: a record split over two writes would be
                      // written by both, its payload links twice
                      if (batch.size() >= batchSize) {
                        put(toPersist, batch);
                        batch = new ArrayList<>();
                      }
                      storedRenderings.queued(record);
                    }
                    batch.add(new Flagged(record, assessment));
                  }
                } else if (item instanceof Interaction i) {
                  boolean timed = clock.timeNext(StageClock.Site.INTERACTION);
                  long t0 = timed ? clock.now() : 0;
                  tracker.observe(i);
                  if (timed) {
                    clock.add(StageClock.Site.INTERACTION, Stage.ACCOUNTS.ordinal(), clock.now() - t0);
                  }
                }
              }
            }
          }
          if (!batch.isEmpty()) {
            put(toPersist, batch);
          }
          firstWorkerDone.compareAndSet(0, System.nanoTime());
          clock.finish();
          posts.addAndGet(postsHere);
          repeats.addAndGet(repeatsHere);
          flaggedPosts.addAndGet(flaggedHere);
          workerCpuNanos.addAndGet(cpu.getCurrentThreadCpuTime());
        }));
      }
      for (Thread t : workers) {
        t.join();
      }
      double workersSeconds = (System.nanoTime() - start) / 1e9;
      int queuedAtWorkersEnd = toPersist.size();
      put(toPersist, poison);
      for (Thread t : writerThreads) {
        t.join();
      }
      if (failure.get() != null) {
        throw new IllegalStateException("persisting flagged posts failed: " + failure.get().getMessage(), failure.get());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long processCpu = processCpuNanos() - processBefore;
      java.util.Map<String, Long> groupsAfter = threadCpuByGroup();
      threadGroups.forEach((group, nanos) -> groupsAfter.merge(group, -nanos, Long::sum));
      Duration server = serverCpu(data).minus(serverBefore);
      long[] stages = stageClock.estimatedNanos();
      Cpu where = new Cpu(workerCpuNanos.get(), writerCpuNanos.get(), Math.max(0, processCpu - workerCpuNanos.get() - writerCpuNanos.get()),
          server.toNanos());
      return new Phase(posts.get(), repeats.get(), flaggedPosts.get(), seconds, (firstWorkerDone.get() - start) / 1e9, workersSeconds, queuedAtWorkersEnd, stages, where, persistNanos.get(),
          deadlockRetries.get(), deferredDeliveries.get(), linkedOnly.get(), languageCalls.get(),
          runtime.stores().observationWritesRedone() - redoneBefore, groupsAfter);
    }
  }

  /** A file's place in time ("2014-09-01/07" from ".../2014-09-01/07.json"); files without a date (the follow graph) come first. */
  static String timeKey(String path) {
    java.util.regex.Matcher date = DATE.matcher(path);
    if (!date.find()) {
      return "";
    }
    java.util.regex.Matcher hour = HOUR.matcher(path.substring(date.end()));
    return date.group() + "/" + (hour.find() ? hour.group(1) : "00");
  }

  private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final java.util.regex.Pattern HOUR = java.util.regex.Pattern.compile("^/(\\d{2})\\.");

  /** CPU nanoseconds of the run: the workers' threads, the writers' threads, the rest of this JVM (GC, JIT), the database server. */
  record Cpu(long workers, long writers, long otherJvm, long server) {
    long total() {
      return workers + writers + otherJvm + server;
    }
  }

  private static List<Flagged> concat(List<Flagged> a, List<Flagged> b) {
    List<Flagged> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return all;
  }

  /** Persists what the split holds for this writer, then lets the posts go, whatever happened. */
  private static void persistHeld(CordonRuntime runtime, StoredRenderings storedRenderings, AtomicLong linkedOnly, KeysInFlight inFlight, Object writer, KeysInFlight.Split<Flagged> split,
      AtomicLong persistNanos, AtomicLong deadlockRetries, java.util.concurrent.atomic.AtomicReference<RuntimeException> failure) {
    long t0 = System.nanoTime();
    boolean committed = false;
    try {
      if (!split.now().isEmpty()) {
        linkedOnly.addAndGet(persist(runtime, storedRenderings, split.now(), deadlockRetries));
      }
      committed = true;
    } catch (RuntimeException e) {
      failure.set(e);
    } finally {
      inFlight.release(writer, split.held(), committed);
    }
    persistNanos.addAndGet(System.nanoTime() - t0);
  }

  /**
   * One batch in one transaction. Two writers may insert the same account or follow at once; rows
   * go in key order, so they wait rather than deadlock, but should PostgreSQL still pick one as a
   * deadlock victim its transaction was rolled back whole and is simply run again.
   */
  /** @return how many posts it linked without writing them */
  private static int persist(CordonRuntime runtime, StoredRenderings storedRenderings, List<Flagged> batch, AtomicLong deadlockRetries) {
    // one record object per parsed record, carried by each of its flagged posts: identity is enough,
    // and a record's own hashCode reads all of its posts
    java.util.Set<ParsedRecord> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<ParsedRecord> records = batch.stream().map(Flagged::record).filter(seen::add).toList();
    List<Assessment> assessments = batch.stream().flatMap(f -> f.assessment().stream()).toList();
    java.util.Set<org.cordon.core.model.PostKey> linkOnly = storedRenderings.storedElsewhereAsRendered(records);
    for (int attempt = 1; ; attempt++) {
      try {
        runtime.stores().observations().writeAssessed("bench-triage", records, assessments, linkOnly);
        return linkOnly.size();
      } catch (org.cordon.store.StoreException e) {
        if (!"40P01".equals(e.sqlState()) || attempt == 5) {
          throw e;
        }
        deadlockRetries.incrementAndGet();
      }
    }
  }

  /**
   * CPU time of this JVM's threads grouped by name without its number ("GC Thread#1" counts as
   * "GC Thread"), from {@code /proc/self/task}: the JVM's own threads (GC, JIT) are invisible to
   * ThreadMXBean. Empty where there is no /proc.
   */
  private static java.util.Map<String, Long> threadCpuByGroup() {
    java.util.Map<String, Long> groups = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[#-]?[0-9]+$", "").strip();
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
          groups.merge(name, ticks * 10_000_000L, Long::sum); // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException e) {
          // the thread ended between the listing and the read
        }
      }
    } catch (java.io.IOException e) {
      return groups;
    }
    return groups;
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
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
      StageClock.Worker clock) {
    boolean timed = clock.timeNext(StageClock.Site.JUDGED_POST);
    long t0 = timed ? clock.now() : 0;
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
    long t1 = timed ? clock.now() : 0;
    PostContext context = new PostContext(withLanguage, Optional.empty(), List.of());
    List<Signal> signals = new ArrayList<>();
    for (Detector d : detectors) {
      signals.addAll(d.detect(context));
    }
    long t2 = timed ? clock.now() : 0;
    signals.addAll(classifier.detect(context));
    long t3 = timed ? clock.now() : 0;
    Assessment a = assessor.assess(post.key(), signals, post.postedAt());
    if (timed) {
      long t4 = clock.now();
      clock.add(StageClock.Site.JUDGED_POST, Stage.LANGUAGE.ordinal(), t1 - t0);
      clock.add(StageClock.Site.JUDGED_POST, Stage.DETECTORS.ordinal(), t2 - t1);
      clock.add(StageClock.Site.JUDGED_POST, Stage.CLASSIFIER.ordinal(), t3 - t2);
      clock.add(StageClock.Site.JUDGED_POST, Stage.ASSESS.ordinal(), t4 - t3);
    }
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

  private static final tools.jackson.databind.json.JsonMapper STATEMENT_JSON = tools.jackson.databind.json.JsonMapper.builder().build();

  private static String statementsJson(ServerProfile.Report server) {
    StringBuilder out = new StringBuilder();
    for (ServerProfile.StatementCost cost : server.statements()) {
      out.append(out.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
          "{\"statement\":%s,\"calls\":%d,\"rows\":%d,\"execute_ms\":%.1f,\"plan_ms\":%.1f}",
          STATEMENT_JSON.writeValueAsString(cost.text()), cost.calls(), cost.rows(), cost.executeMillis(), cost.planMillis()));
    }
    return out.toString();
  }

  /** CPU of the JIT compiler threads (C1, C2) in a phase: compiling, which a long-running pipeline has done. */
  static long jitCompilerNanos(Phase phase) {
    return groupNanos(phase, name -> name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre"));
  }

  /** CPU of the garbage collector's threads in a phase (ParallelGC's workers, and the VM thread that stops the world for them). */
  static long gcNanos(Phase phase) {
    return groupNanos(phase, name -> name.startsWith("GC Thread") || name.equals("VM Thread"));
  }

  /**
   * CPU of the common ForkJoinPool in a phase. Lingua hands each text's n-gram lengths to it
   * ({@code ForkJoinPool.commonPool().invokeAll}), so this is language identification's work off the
   * workers' threads: the language stage alone understates it.
   */
  static long commonPoolNanos(Phase phase) {
    return groupNanos(phase, name -> name.startsWith("ForkJoinPool.co"));
  }

  /** Thread names are as /proc gives them: cut to 15 characters, with the trailing number taken off. */
  private static long groupNanos(Phase phase, java.util.function.Predicate<String> name) {
    return phase.threadGroups().entrySet().stream().filter(e -> name.test(e.getKey())).mapToLong(java.util.Map.Entry::getValue).sum();
  }

  private void print(List<Phase> passes, Phase measured, int distinctFlagged, long warmBytes, long bytes, double trainSeconds, double languageLoadSeconds,
      int trackedAccounts, long heap, ServerProfile.Report server, Optional<ServerWarmup.Report> serverWarmup) {
    long posts = Math.max(1, measured.posts());
    long[] stageNanos = measured.stageNanos();
    long stageTotal = Math.max(1, java.util.Arrays.stream(stageNanos).sum());
    Cpu cpu = measured.cpu();
    int cores = Runtime.getRuntime().availableProcessors();
    double busy = cpu.total() / 1e9 / (measured.seconds() * cores);
    Phase warm = passes.isEmpty() ? Phase.NONE : passes.getFirst(); // the cold JVM's figure
    double warmRate = warm.postsPerSecond();
    String passRates = passes.stream().map(p -> String.format(Locale.ROOT, "%.0f", p.postsPerSecond()))
        .collect(java.util.stream.Collectors.joining(","));
    long flaggedOrOne = Math.max(1, measured.flagged());
    if (json) {
      StringBuilder stages = new StringBuilder();
      for (Stage s : Stage.values()) {
        stages.append(stages.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":{\"cpu_seconds\":%.2f,\"share\":%.3f,\"us_per_post\":%.1f}",
            s.name().toLowerCase(Locale.ROOT), stageNanos[s.ordinal()] / 1e9, (double) stageNanos[s.ordinal()] / stageTotal,
            stageNanos[s.ordinal()] / 1e3 / posts));
      }
      System.out.println(String.format(Locale.ROOT,
          "{\"benchmark\":\"triage\",\"accounts\":%d,\"posts\":%d,\"posts_judged\":%d,\"repeat_deliveries\":%d,\"flagged\":%d,\"threads\":%d,\"writers\":%d,\"seconds\":%.2f,"
              + "\"first_worker_seconds\":%.2f,\"workers_seconds\":%.2f,\"batches_queued_at_workers_end\":%d,"
              + "\"posts_per_second\":%.0f,\"input_mib\":%.1f,\"warmup\":{\"share\":%.2f,\"posts\":%d,\"flagged\":%d,\"seconds\":%.2f,"
              + "\"posts_per_second\":%.0f,\"passes_posts_per_second\":[%s]},\"distinct_posts_flagged\":%d,\"stages\":{%s},\"stages_timed_every\":%d,"
              + "\"cpu_us_per_post\":{\"workers\":%.1f,\"writers\":%.1f,\"other_jvm\":%.1f,\"postgresql\":%.1f,\"total\":%.1f},"
              + "\"other_jvm_us_per_post\":{\"gc\":%.1f,\"jit\":%.1f,\"common_pool\":%.1f},"
              + "\"postgresql_us_per_flagged_post\":%.1f,\"cpu_busy\":%.3f,\"persist_seconds\":%.2f,\"deadlock_retries\":%d,\"writes_redone\":%d,\"deferred_deliveries\":%d,\"posts_linked_only\":%d,"
              + "\"language_calls\":%d,\"tracked_accounts\":%d,\"heap_mib_after\":%.0f,\"classifier_training_seconds\":%.1f,"
              + "\"language_load_seconds\":%.1f,\"cores\":%d,\"warmup_passes\":%d,"
              + "\"jit_compiler_seconds\":%.2f,\"server_warmup\":%s,"
              + "\"wal_per_flagged_post\":{\"records\":%.2f,\"full_page_images\":%.3f,\"bytes\":%.0f},\"statements\":[%s]}",
          accounts, measured.posts(), measured.posts() - measured.repeats(), measured.repeats(), measured.flagged(), threads, writers, measured.seconds(),
          measured.firstWorkerSeconds(), measured.workersSeconds(), measured.queuedAtWorkersEnd(), measured.postsPerSecond(), bytes / 1048576.0,
          warmup, warm.posts(), warm.flagged(), warm.seconds(), warmRate, passRates, distinctFlagged, stages, StageClock.EVERY,
          cpu.workers() / 1e3 / posts, cpu.writers() / 1e3 / posts, cpu.otherJvm() / 1e3 / posts, cpu.server() / 1e3 / posts,
          cpu.total() / 1e3 / posts, gcNanos(measured) / 1e3 / posts, jitCompilerNanos(measured) / 1e3 / posts, commonPoolNanos(measured) / 1e3 / posts,
          cpu.server() / 1e3 / Math.max(1, measured.flagged()), busy, measured.persistNanos() / 1e9,
          measured.deadlockRetries(), measured.writesRedone(), measured.deferredDeliveries(), measured.postsLinkedOnly(), measured.languageCalls(), trackedAccounts, heap / 1048576.0, trainSeconds, languageLoadSeconds, cores,
          warmupPasses, jitCompilerNanos(measured) / 1e9, serverWarmup.map(w -> String.format(Locale.ROOT,
              "{\"connections\":%d,\"shared_buffers_mib\":%.0f,\"table_mib\":%.0f,\"seconds\":%.2f}", w.connections(),
              w.sharedBufferBytes() / 1048576.0, w.tableBytes() / 1048576.0, w.seconds())).orElse("null"), (double) server.wal().records() / flaggedOrOne, (double) server.wal().fullPageImages() / flaggedOrOne,
          (double) server.wal().bytes() / flaggedOrOne, statementsJson(server)));
      return;
    }
    System.out.printf(Locale.ROOT, "%nwarm-up (a cold JVM, into a scratch database): %,d posts (%,d flagged) from the earliest %.1f MiB in "
        + "%.1f s: %,.0f posts/s%n", warm.posts(), warm.flagged(), warmBytes / 1048576.0, warm.seconds(), warmRate);
    if (passes.size() > 1) {
      System.out.printf(Locale.ROOT, "warm-up passes after the first, each into a fresh scratch database: %s posts/s%n",
          passes.subList(1, passes.size()).stream().map(p -> String.format(Locale.ROOT, "%,.0f", p.postsPerSecond()))
              .collect(java.util.stream.Collectors.joining(", ")));
    }
    System.out.println(serverWarmup.map(w -> String.format(Locale.ROOT, "measured server warmed: each of its %d pooled connections wrote "
        + "a %.0f MiB scratch table, more than the %.0f MiB of shared buffers, and emptied it (%.1f s, not timed; --cold-server skips it)",
        w.connections(), w.tableBytes() / 1048576.0, w.sharedBufferBytes() / 1048576.0, w.seconds()))
        .orElse("measured server cold (--cold-server): its connections map the shared buffers as the run touches them"));
    System.out.printf(Locale.ROOT, "measured: %,d posts (%,d flagged and persisted) from %.1f MiB of platform data in %.1f s: %,.0f posts/s "
        + "with %d workers and %d writers on %d cores%n", measured.posts(), measured.flagged(), bytes / 1048576.0, measured.seconds(),
        measured.postsPerSecond(), threads, writers, cores);
    System.out.printf(Locale.ROOT, "the first worker found no file left after %.1f s, the last was done after %.1f s with %d batches of flagged posts still queued; the writers persisted them in "
        + "the last %.1f s%n", measured.firstWorkerSeconds(), measured.workersSeconds(), measured.queuedAtWorkersEnd(), measured.seconds() - measured.workersSeconds());
    System.out.printf(Locale.ROOT, "judged: %,d posts; the other %,d deliveries (%.1f %%) rendered a post as it was judged already (a repost's "
        + "original, a tweet in its second format): kept for provenance when flagged, not judged again%n", measured.posts() - measured.repeats(),
        measured.repeats(), 100.0 * measured.repeats() / posts);
    System.out.println();
    Table t = new Table("stage (CPU time of the workers, from 1 post in " + StageClock.EVERY + ")", "seconds", "share", "µs per post");
    for (Stage s : Stage.values()) {
      long n = stageNanos[s.ordinal()];
      t.row(s.name().toLowerCase(Locale.ROOT), String.format(Locale.ROOT, "%.2f", n / 1e9), String.format(Locale.ROOT, "%.1f %%", 100.0 * n / stageTotal),
          String.format(Locale.ROOT, "%.1f", n / 1e3 / posts));
    }
    t.print(System.out);
    System.out.println();
    Table where = new Table("where the CPU went (measured part)", "seconds", "share", "µs per post");
    record Part(String name, long nanos) {}
    for (Part p : List.of(new Part("workers (all of their threads)", cpu.workers()), new Part("writers (JVM side)", cpu.writers()),
        new Part("rest of the JVM (GC, JIT, ...)", cpu.otherJvm()), new Part("PostgreSQL server", cpu.server()), new Part("total", cpu.total()))) {
      where.row(p.name(), String.format(Locale.ROOT, "%.2f", p.nanos() / 1e9), String.format(Locale.ROOT, "%.1f %%", 100.0 * p.nanos() / cpu.total()),
          String.format(Locale.ROOT, "%.1f", p.nanos() / 1e3 / posts));
    }
    where.print(System.out);
    System.out.printf(Locale.ROOT, "of the rest of the JVM, µs per post: garbage collection %.1f, JIT compilers %.1f, the common ForkJoinPool "
        + "(Lingua's n-gram work for language ID) %.1f%n", gcNanos(measured) / 1e3 / posts, jitCompilerNanos(measured) / 1e3 / posts,
        commonPoolNanos(measured) / 1e3 / posts);
    System.out.printf(Locale.ROOT, "%nthe %d cores were busy %.0f %% of the measured part; PostgreSQL spent %.1f µs per flagged post; at full use "
        + "this CPU per post would allow %,.0f posts/s%n", cores, 100 * busy, cpu.server() / 1e3 / Math.max(1, measured.flagged()),
        cores * 1e9 * posts / Math.max(1, cpu.total()));
    System.out.printf(Locale.ROOT, "persisting flagged posts (writer threads, wall, summed): %.2f s, %d deadlock retries, %d writes run again "
        + "without their optimistic inserts (a row taken for new was stored), %,d deliveries put off to "
        + "the writer's next batch while the other writer stored one of their posts or new accounts, %,d posts linked to "
        + "their delivery without being written again (another record stores them as rendered); language ID ran %,d times "
        + "(%.1f %% of posts); %,d accounts tracked; heap after GC %.0f MiB%n", measured.persistNanos() / 1e9, measured.deadlockRetries(),
        measured.writesRedone(),
        measured.deferredDeliveries(), measured.postsLinkedOnly(),
        measured.languageCalls(), 100.0 * measured.languageCalls() / posts, trackedAccounts, heap / 1048576.0);
    System.out.printf(Locale.ROOT, "not timed: classifier training %.1f s, language models loading %.1f s%n", trainSeconds, languageLoadSeconds);
  }
}
