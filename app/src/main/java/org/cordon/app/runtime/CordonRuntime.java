package org.cordon.app.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cordon.app.pipeline.AssessmentStage;
import org.cordon.app.pipeline.Assessor;
import org.cordon.app.pipeline.IngestRunner;
import org.cordon.app.pipeline.MediaArchiver;
import org.cordon.app.pipeline.MediaResolver;
import org.cordon.core.model.Platform;
import org.cordon.core.request.PlatformGateway;
import org.cordon.core.signal.Detector;
import org.cordon.detect.media.HashList;
import org.cordon.detect.media.KnownMediaDetector;
import org.cordon.detect.media.MediaFingerprinter;
import org.cordon.detect.text.KnownTextDetector;
import org.cordon.detect.text.ReloadingLexiconDetector;
import org.cordon.detect.url.KnownUrlDetector;
import org.cordon.detect.url.UrlCanonicalizer;
import org.cordon.detect.url.UrlList;
import org.cordon.detect.url.UrlRules;
import org.cordon.referral.desk.Dispatcher;
import org.cordon.referral.desk.StatusTracker;
import org.cordon.referral.triage.Priority;
import org.cordon.store.Database;
import org.cordon.store.Stores;

/**
 * The embedded runner's state and stages, assembled from {@link Settings}: the database, the stores,
 * the detectors, the desk and the gateways. Commands and the web server share one instance.
 */
public final class CordonRuntime implements AutoCloseable {
  /** A post is flagged when its combined score reaches this. */
  public static final double FLAG_THRESHOLD = 0.5;
  /** The classifier speaks (raises a signal) from this calibrated probability up. */
  public static final double CLASSIFIER_MINIMUM = 0.5;

  private final Settings settings;
  private final Database database;
  private final Stores stores;
  private final Clock clock;
  private final MediaFingerprinter fingerprinter = new MediaFingerprinter();
  private volatile Map<Platform, PlatformGateway> gateways;
  private volatile org.cordon.desk.Desk deskService;
  /** What network analysis knows of accounts, for the desk's priority: filled in by the live pipeline. */
  private final org.cordon.app.live.KeyAccountsSwitch keyAccounts = new org.cordon.app.live.KeyAccountsSwitch();

  private CordonRuntime(Settings settings, Database database, Stores stores, Clock clock) {
    this.settings = settings;
    this.database = database;
    this.stores = stores;
    this.clock = clock;
    // removal orders' Annex I forms take their particulars from the desk's decisions, opened on first use
    this.gateways = Gateways.load(settings.gatewaysFile(), settings.issuingAuthority(),
        order -> deskService().decisions().orderParticulars(order)).gateways();
  }

  public static CordonRuntime open(Settings settings) throws IOException {
    Files.createDirectories(settings.dataDirectory());
    Database database = settings.jdbcUrl().isPresent()
        ? Database.external(settings.jdbcUrl().get(), settings.dbUser(), settings.dbPassword())
        : Database.embedded(settings.databaseDirectory());
    try {
      Stores stores = Stores.open(database, settings.evidenceDirectory());
      return new CordonRuntime(settings, database, stores, Clock.systemUTC());
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public Settings settings() {
    return settings;
  }

  public Stores stores() {
    return stores;
  }

  /**
   * The referral desk: four-eyes decisions, national units' selectors and holds, dedupe,
   * verification, retention, statistics. Opened on first use over the same database.
   */
  public synchronized org.cordon.desk.Desk deskService() {
    if (deskService == null) {
      org.cordon.desk.Desk.Ports ports = new org.cordon.desk.Desk.Ports(new HttpContentChecker(), stores::disposeEvidence,
          keyAccounts);
      deskService = org.cordon.desk.Desk.open(database.dataSource(), stores.cases(),
          org.cordon.desk.DeskPolicy.defaults(settings.issuingAuthority()), clock, ports);
    }
    return deskService;
  }

  /** The desk's port to network analysis; the live pipeline installs its account state here. */
  public org.cordon.app.live.KeyAccountsSwitch keyAccounts() {
    return keyAccounts;
  }

  public Database database() {
    return database;
  }

  public Clock clock() {
    return clock;
  }

  public IngestRunner ingestRunner(MediaResolver resolver) {
    return ingestRunner(resolver, item -> {});
  }

  private IngestRunner ingestRunner(MediaResolver resolver, java.util.function.Consumer<org.cordon.core.model.Observed> stored) {
    MediaArchiver archiver = new MediaArchiver(stores.evidence(), stores.inbox(), stores.quarantine(), resolver,
        fingerprinter::fingerprint, MediaArchiver.DEFAULT_MAX_BYTES, clock);
    return new IngestRunner(stores.observations(), stores.quarantine(), stores.evidence(), Optional.of(archiver),
        IngestRunner.DEFAULT_BATCH, clock, stored);
  }

  /**
   * The live ingest runner: as {@link #ingestRunner}, and every stored observation is matched
   * against the national units' watch-list selectors, so a selector seen again becomes a hit for
   * its unit as the item arrives. A failure to match is logged, never fails the ingest.
   */
  public IngestRunner liveIngestRunner(MediaResolver resolver) {
    org.cordon.desk.Intelligence intelligence = deskService().intelligence();
    return ingestRunner(resolver, item -> {
      try {
        intelligence.observe(item);
      } catch (RuntimeException e) {
        java.util.logging.Logger.getLogger(CordonRuntime.class.getName()).log(java.util.logging.Level.WARNING,
            "watch-list matching failed for an observed item; ingest goes on", e);
      }
    });
  }

  /** The detectors configured in the data directory, in the order they run. */
  public List<Detector> detectors() throws IOException {
    return detectorsIn(settings);
  }

  /** The detectors a data directory configures, without a running database (evaluations use this). */
  public static List<Detector> detectorsIn(Settings settings) throws IOException {
    List<Detector> detectors = new ArrayList<>();
    if (Files.isRegularFile(settings.lexiconFile())) {
      detectors.add(new ReloadingLexiconDetector(settings.lexiconFile()));
    }
    if (Files.isDirectory(settings.lexiconDirectory())) {
      try (java.util.stream.Stream<Path> files = Files.list(settings.lexiconDirectory())) {
        for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
          detectors.add(new ReloadingLexiconDetector(file));
        }
      }
    }
    Path models = settings.dataDirectory().resolve("models");
    if (Files.isDirectory(models)) {
      // the current trained model, if one is marked current: its signal names the model id
      org.cordon.model.ClassifierDetector.forCurrentModel(
          new org.cordon.model.registry.ModelRegistry(models, TextModels.NORMALISER, TextModels.NORMALISER_NAME),
          CLASSIFIER_MINIMUM, java.util.Optional.empty()).ifPresent(detectors::add);
    }
    List<HashList> lists = new ArrayList<>();
    java.util.Map<String, Path> listFiles = new java.util.HashMap<>();
    for (Path file : csvFiles(settings.hashListDirectory())) {
      HashList list = HashList.load(file.getFileName().toString().replaceFirst("\\.csv$", ""), file);
      lists.add(list);
      listFiles.put(list.name(), file);
    }
    if (!lists.isEmpty()) {
      PdqIndexCache cache = new PdqIndexCache(settings.hashListDirectory().resolve(".index"));
      detectors.add(new KnownMediaDetector(lists, list -> cache.indexFor(list, listFiles.get(list.name()))));
    }
    UrlCanonicalizer canonicalizer = new UrlCanonicalizer(urlRules(settings));
    List<UrlList> urlLists = new ArrayList<>();
    for (Path file : csvFiles(settings.urlListDirectory())) {
      urlLists.add(UrlList.load(file.getFileName().toString().replaceFirst("\\.csv$", ""), file, canonicalizer));
    }
    if (!urlLists.isEmpty()) {
      detectors.add(new KnownUrlDetector(urlLists, canonicalizer));
    }
    List<KnownTextDetector.Statement> statements = new ArrayList<>();
    for (Path file : csvFiles(settings.statementListDirectory())) {
      statements.addAll(KnownTextDetector.load(file.getFileName().toString().replaceFirst("\\.csv$", ""), file));
    }
    if (!statements.isEmpty()) {
      detectors.add(new KnownTextDetector(statements, statementThreshold(settings)));
    }
    return detectors;
  }

  /** The default URL rules, extended by {@code url-rules.properties} in the data directory when present. */
  /**
   * The similarity at which a post repeats a known statement: {@code statements.threshold} in
   * {@code detection.properties} of the data directory, else the detector's default. A unit
   * lowers it to catch heavier edits and raises it to silence look-alikes; {@code cordon eval text
   * --threshold} shows what either does on a world.
   */
  static double statementThreshold(Settings settings) throws IOException {
    Path file = settings.dataDirectory().resolve("detection.properties");
    if (!Files.isRegularFile(file)) {
      return KnownTextDetector.DEFAULT_THRESHOLD;
    }
    java.util.Properties p = new java.util.Properties();
    try (var reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    String value = p.getProperty("statements.threshold");
    if (value == null) {
      return KnownTextDetector.DEFAULT_THRESHOLD;
    }
    try {
      double threshold = Double.parseDouble(value.strip());
      if (!(threshold > 0 && threshold <= 1)) {
        throw new IllegalArgumentException(file + ": statements.threshold is a similarity in (0, 1], not " + value);
      }
      return threshold;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ": statements.threshold is a number in (0, 1], not " + value, e);
    }
  }

  private static UrlRules urlRules(Settings settings) throws IOException {
    Path file = settings.dataDirectory().resolve("url-rules.properties");
    if (!Files.isRegularFile(file)) {
      return UrlRules.defaults();
    }
    java.util.Properties p = new java.util.Properties();
    try (var reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    return UrlRules.defaultsWith(p);
  }

  private static List<Path> csvFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
    }
  }

  public AssessmentStage assessmentStage() throws IOException {
    return new AssessmentStage(stores.inbox(), stores.cases(), detectors(), new Assessor(FLAG_THRESHOLD), Priority::of, clock);
  }


  /**
   * Sends pending requests through the desk's request store, which lists only what may go out:
   * requests cleared by four-eyes and not held for deconfliction (and the foundation desk's
   * referrals, which need neither). Sending from the plain store would let a held referral out.
   */
  public Dispatcher dispatcher() {
    return new Dispatcher(deskService().requests(), gateways, clock);
  }

  public StatusTracker statusTracker() {
    return new StatusTracker(deskService().requests(), gateways);
  }

  /** Replaces the gateways (the demo points them at its platform simulator). */
  public void useGateways(Map<Platform, PlatformGateway> gateways) {
    this.gateways = Map.copyOf(gateways);
  }

  public Map<Platform, PlatformGateway> gateways() {
    return gateways;
  }

  @Override
  public void close() {
    database.close();
  }
}
