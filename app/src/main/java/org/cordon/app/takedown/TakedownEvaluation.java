package org.cordon.app.takedown;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.cordon.app.demo.AnalystKit;
import org.cordon.app.demo.DemoRun;
import org.cordon.app.pipeline.AssessmentStage;
import org.cordon.app.pipeline.Assessor;
import org.cordon.app.pipeline.IngestRunner;
import org.cordon.app.pipeline.MediaArchiver;
import org.cordon.app.pipeline.MediaResolver;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.Gateways;
import org.cordon.app.runtime.Settings;
import org.cordon.app.world.WorldManifest;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.request.PlatformGateway;
import org.cordon.desk.ContentChecker;
import org.cordon.desk.Desk;
import org.cordon.desk.DeskPolicy;
import org.cordon.desk.DeskRefusal;
import org.cordon.desk.KeyAccounts;
import org.cordon.desk.SelectorDraft;
import org.cordon.desk.SelectorKind;
import org.cordon.detect.media.MediaFingerprinter;
import org.cordon.referral.desk.Dispatcher;
import org.cordon.referral.desk.StatusTracker;
import org.cordon.referral.triage.Priority;
import org.cordon.simulator.PlatformSimulator;
import org.cordon.simulator.SimulatorConfig;
import org.cordon.store.Database;
import org.cordon.store.Stores;

/**
 * {@code cordon eval takedown}: one simulated day of a range world at the referral desk, end to end.
 * The world's data arrives in simulated time order through the real ingest and detection into the
 * real desk (cases in an embedded PostgreSQL); simulated analysts and supervisors decide and approve
 * (four-eyes); simulated national units refer content and hold what they investigate; requests go
 * out through the real signed-webhook gateway over loopback HTTP to the range's platform simulator,
 * whose time is the evaluation's clock; the status tracker follows them to removal.
 *
 * <pre>
 *   TakedownReport report = TakedownEvaluation.run(TakedownOptions.defaults(world).withSeed(7), System.err);
 * </pre>
 */
public final class TakedownEvaluation {
  private TakedownEvaluation() {}

  public static TakedownReport run(TakedownOptions options, PrintStream progress) throws IOException {
    long wallStart = System.nanoTime();
    Path world = options.world().toAbsolutePath().normalize();
    WorldManifest manifest = WorldManifest.read(world);
    ReplayUnit.Index index = ReplayUnit.index(world);
    if (index.units().isEmpty()) {
      throw new IOException(world + "/replay/index.jsonl lists no units: nothing to replay");
    }
    WorldTruth truth = WorldTruth.load(world);
    Instant worldStart = index.units().getFirst().at().truncatedTo(ChronoUnit.DAYS);
    int day = options.day().orElseGet(() -> busiestDay(truth, worldStart));
    Instant windowStart = worldStart.plus(Duration.ofDays(day - 1L));
    Instant windowEnd = windowStart.plusMillis(Math.round(options.hours() * 3_600_000));
    List<ReplayUnit> windowUnits = index.units().stream().filter(u -> !u.at().isBefore(windowStart) && u.at().isBefore(windowEnd)).toList();
    if (windowUnits.isEmpty()) {
      throw new IllegalArgumentException("day " + day + " of " + world + " (" + windowStart + " to " + windowEnd + ") has no data to replay; "
          + "choose a day within the world");
    }
    progress.printf("▸ day %d of %s: %s to %s, %d units to replay%n", day, world, windowStart, windowEnd, windowUnits.size());

    Path work = Files.createTempDirectory("cordon-takedown-");
    try {
      AnalystKit.write(world, work);
      var detectors = CordonRuntime.detectorsIn(Settings.embedded(work));
      SimulatedTime clock = new SimulatedTime(windowStart);
      try (Database database = Database.temporary()) {
        Stores stores = Stores.open(database, work.resolve("evidence"), clock);
        Desk desk = Desk.open(database.dataSource(), stores.cases(), DeskPolicy.defaults("Range Internet Referral Unit (simulated)"), clock,
            new Desk.Ports(removed -> new ContentChecker.Check(ContentChecker.Presence.UNKNOWN, "not checked in the takedown evaluation"),
                stores::disposeEvidence, KeyAccounts.NONE));
        var intelligence = desk.intelligence();
        MediaArchiver archiver = new MediaArchiver(stores.evidence(), stores.inbox(), stores.quarantine(),
            MediaResolver.none().withMirror(manifest.mediaUrlPrefix(), world), new MediaFingerprinter()::fingerprint,
            MediaArchiver.DEFAULT_MAX_BYTES, clock);
        IngestRunner ingest = new IngestRunner(stores.observations(), stores.quarantine(), stores.evidence(), Optional.of(archiver),
            IngestRunner.DEFAULT_BATCH, clock, item -> {
              try {
                intelligence.observe(item);
              } catch (RuntimeException e) {
                // as in the live runner: a failed watch-list match never fails the ingest
                progress.println("  watch-list matching failed for an item: " + e.getMessage());
              }
            });
        AssessmentStage assessment = new AssessmentStage(stores.inbox(), stores.cases(), detectors, new Assessor(CordonRuntime.FLAG_THRESHOLD),
            Priority::of, clock);

        intelligence.registerUnit(DeskDay.INVESTIGATING_UNIT);
        intelligence.registerUnit(DeskDay.REFERRING_UNIT);
        long selectors = plantInvestigations(desk, truth, options, windowStart, windowEnd);
        List<WorldTruth.PostTruth> unitReferred = unitReferrals(truth, options, windowStart, windowEnd);
        progress.printf("▸ national units: %d selectors under investigation, %d posts they will refer%n", selectors, unitReferred.size());

        Map<String, String> secrets = new HashMap<>();
        SecureRandom secretRandom = new SecureRandom();
        for (String p : manifest.platforms()) {
          byte[] secret = new byte[16];
          secretRandom.nextBytes(secret);
          secrets.put(p, "takedown-" + HexFormat.of().formatHex(secret));
        }
        SimulatorConfig config = SimulatorConfig.builder().port(0).secrets(secrets).seed(options.seed()).timeSource(clock::instant)
            .defaultBehaviour(SimulatorConfig.Behaviour.DEFAULT.withComplianceRate(options.compliance()))
            .removalOrderBehaviour(SimulatorConfig.Behaviour.REMOVAL_ORDER.withComplianceRate(options.orderCompliance()))
            .build();
        try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
          Map<Platform, PlatformGateway> gateways = new HashMap<>();
          secrets.forEach((p, secret) -> gateways.put(new Platform(p), Gateways.webhook(new Platform(p), simulator.baseUri(), secret)));
          Dispatcher dispatcher = new Dispatcher(desk.requests(), gateways, clock);
          StatusTracker tracker = new StatusTracker(desk.requests(), gateways);
          DeskDay deskDay = new DeskDay(options, clock, desk, stores.cases(), ingest, assessment, dispatcher, tracker, truth, manifest,
              progress);

          progress.printf("▸ platform simulator on %s; replaying with %d analysts and %d supervisors%n", simulator.baseUri(),
              options.analysts(), options.supervisors());
          var threads = ManagementFactory.getThreadMXBean();
          long cpuStart = threads.getCurrentThreadCpuTime();
          deskDay.run(windowUnits, unitReferred, windowStart, windowEnd);
          // Outcomes are fixed when a platform receives a request: two days on, every answer is in.
          clock.advanceTo(deskDay.workEnd.plus(Duration.ofDays(2)));
          while (tracker.pollOpen() > 0) {
            // a poll handles 500 requests at a time
          }
          Duration loopCpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuStart);
          return Figures.of(options, world.toString(), day, windowStart, windowEnd, database, stores, desk, deskDay, simulator, selectors,
              Duration.ofNanos(System.nanoTime() - wallStart), loopCpu);
        }
      }
    } finally {
      DemoRun.deleteRecursively(work);
    }
  }

  /** The day (1-based) with the most extremist posts in the truth; the earliest on a tie. */
  static int busiestDay(WorldTruth truth, Instant worldStart) {
    Map<Long, Long> perDay = new TreeMap<>();
    for (WorldTruth.PostTruth p : truth.posts()) {
      if (p.extremist() && !p.postedAt().isBefore(worldStart)) {
        perDay.merge(Duration.between(worldStart, p.postedAt()).toDays(), 1L, Long::sum);
      }
    }
    return perDay.entrySet().stream().max(Map.Entry.<Long, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(e -> (int) (e.getKey() + 1)).orElse(1);
  }

  /**
   * A national unit investigates a share of the organisation's accounts that post in the window:
   * their handles become selectors under investigation before the day starts, so referrals of their
   * posts are held.
   */
  private static long plantInvestigations(Desk desk, WorldTruth truth, TakedownOptions options, Instant start, Instant end) {
    Set<AccountKey> active = new LinkedHashSet<>();
    for (WorldTruth.PostTruth p : truth.posts()) {
      if (!p.postedAt().isBefore(start) && p.postedAt().isBefore(end)) {
        active.add(p.author());
      }
    }
    List<WorldTruth.AccountTruth> organisation = new ArrayList<>();
    for (AccountKey key : active) {
      truth.account(key).filter(WorldTruth.AccountTruth::organisation).filter(a -> !a.handle().isBlank()).ifPresent(organisation::add);
    }
    organisation.sort(Comparator.comparing((WorldTruth.AccountTruth a) -> a.key().platform().name()).thenComparing(a -> a.key().id()));
    Random random = new Random(options.seed() * 31 + 5);
    long planted = 0;
    for (WorldTruth.AccountTruth account : organisation) {
      if (random.nextDouble() >= options.investigatedShare()) {
        continue;
      }
      try {
        desk.intelligence().addSelector(DeskDay.INVESTIGATING_LIAISON, new SelectorDraft(SelectorKind.HANDLE, account.handle(), true,
            "simulated investigation (range evaluation)"));
        planted++;
      } catch (DeskRefusal | IllegalArgumentException e) {
        // a handle the desk cannot normalise is not a usable selector; the unit would not list it
      }
    }
    return planted;
  }

  /** The extremist posts of the window a national unit also refers: a share of them, drawn with the seed. */
  private static List<WorldTruth.PostTruth> unitReferrals(WorldTruth truth, TakedownOptions options, Instant start, Instant end) {
    Random random = new Random(options.seed() * 31 + 6);
    List<WorldTruth.PostTruth> chosen = new ArrayList<>();
    for (WorldTruth.PostTruth p : truth.posts()) {
      if (p.extremist() && p.url().isPresent() && !p.postedAt().isBefore(start) && p.postedAt().isBefore(end)
          && random.nextDouble() < options.unitReferralShare()) {
        chosen.add(p);
      }
    }
    return chosen;
  }
}
