package org.cordon.app.demo;

import org.cordon.app.world.WorldManifest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.cordon.app.pipeline.AssessmentStage;
import org.cordon.app.pipeline.IngestRunner;
import org.cordon.app.pipeline.IngestSummary;
import org.cordon.app.pipeline.MediaResolver;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.Gateways;
import org.cordon.app.runtime.LivePipeline;
import org.cordon.app.runtime.Settings;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.PlatformGateway;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.triage.Case;
import org.cordon.desk.DecisionDraft;
import org.cordon.desk.DecisionKind;
import org.cordon.ingest.Connectors;
import org.cordon.range.RangeCommand;
import org.cordon.simulator.PlatformSimulator;
import org.cordon.simulator.SimulatorConfig;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo: every step of the flow on the embedded default, against a simulated world and the
 * range's platform simulator, with a simulated analyst (labelled as such in every decision it makes).
 */
public final class DemoRun {
  /** Simulated seconds per real second in the platform simulator: a 30-minute removal takes half a second. */
  static final double SIMULATOR_SPEED = 3600;
  static final Duration REMOVAL_WAIT = Duration.ofSeconds(30);

  public record DemoOptions(Path data, long seed, int accounts, int days, int decisions, boolean once, int port) {}

  private final DemoOptions options;
  private final PrintStream out;

  public DemoRun(DemoOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public int run() throws Exception {
    Path demoDirectory = options.data().resolve("demo").toAbsolutePath();
    Path world = options.data().resolve("worlds")
        .resolve("seed-" + options.seed() + "-accounts-" + options.accounts() + "-days-" + options.days()).toAbsolutePath();
    step("Simulated world: " + world);
    if (!Files.isRegularFile(world.resolve("manifest.json"))) {
      deleteRecursively(world); // a run interrupted while generating leaves a partial world
      int exit = new CommandLine(new RangeCommand()).execute("generate", "--seed", Long.toString(options.seed()),
          "--accounts", Integer.toString(options.accounts()), "--days", Integer.toString(options.days()), "--out", world.toString());
      if (exit != 0) {
        throw new IllegalStateException("the range could not generate the world (exit " + exit + ")");
      }
    } else {
      out.println("  (already generated; reused)");
    }
    WorldManifest manifest = WorldManifest.read(world);

    step("Fresh demo database and analyst kit under " + demoDirectory);
    deleteRecursively(demoDirectory);
    Files.createDirectories(demoDirectory);
    AnalystKit.Kit kit = AnalystKit.write(world, demoDirectory);
    out.printf(Locale.ROOT, "  lexicon: %d terms; known-media list: %d hashes of %d canonical release images; URL list: %d release links;"
        + " statement list: %d statements%n", kit.lexiconTerms(), kit.hashes(), kit.canonicalImages(), kit.urls(), kit.statements());

    Settings settings = Settings.embedded(demoDirectory);
    try (CordonRuntime runtime = CordonRuntime.open(settings)) {
      MediaResolver resolver = MediaResolver.none().withMirror(manifest.mediaUrlPrefix(), world);

      step("Ingest " + manifest.files().size() + " files in " + manifest.formats().size() + " real formats " + manifest.formats());
      IngestRunner ingest = runtime.ingestRunner(resolver);
      IngestSummary ingested = IngestSummary.empty("world");
      for (WorldManifest.Entry file : manifest.files()) {
        ingested = ingested.plus(ingest.ingest(Connectors.forFormat(file.format(), new Platform(file.platform())), world.resolve(file.path()), bytes -> {}));
      }
      out.printf(Locale.ROOT, "  %d records, %d posts, %d rejected, %d media archived in %.1f s%n", ingested.records(),
          ingested.written().newPosts(), ingested.rejectedTotal(), ingested.mediaArchived(), ingested.took().toMillis() / 1000.0);

      step("Detect and triage");
      AssessmentStage.Result assessed = runtime.assessmentStage().drain(1000);
      out.printf(Locale.ROOT, "  %d posts assessed, %d flagged into the triage queue%n", assessed.assessed(), assessed.flagged());

      step("Platform simulator on loopback (speed ×" + (long) SIMULATOR_SPEED + ")");
      Map<String, String> secrets = new HashMap<>();
      for (String p : manifest.platforms()) {
        secrets.put(p, "demo-secret-" + p + "-" + Long.toHexString(new java.security.SecureRandom().nextLong()));
      }
      try (PlatformSimulator simulator = PlatformSimulator.start(SimulatorConfig.builder().port(0).secrets(secrets)
          .speed(SIMULATOR_SPEED).seed(options.seed()).world(world).build())) {
        Map<Platform, PlatformGateway> gateways = new HashMap<>();
        secrets.forEach((p, secret) -> gateways.put(new Platform(p), Gateways.webhook(new Platform(p), simulator.baseUri(), secret)));
        runtime.useGateways(gateways);
        out.println("  " + simulator.baseUri() + " (platforms " + manifest.platforms() + ")");

        step("SIMULATED analyst decides the top " + options.decisions() + " cases (decisions recorded as 'simulated:range-analyst')");
        GroundTruth truth = GroundTruth.load(world);
        SimulatedAnalyst analyst = new SimulatedAnalyst(truth);
        Tally tally = decide(runtime, analyst, truth);
        out.printf(Locale.ROOT, "  referred %d, dismissed %d (of which %d hard negatives)%n", tally.referred, tally.dismissed, tally.dismissedHardNegatives);

        step("Send referrals (signed JSON over HTTP) and track removals");
        int sent = runtime.dispatcher().sendPending();
        Instant deadline = Instant.now().plus(REMOVAL_WAIT);
        while (Instant.now().isBefore(deadline) && !runtime.stores().requests().withStatus(RequestStatus.ACKNOWLEDGED, 1).isEmpty()) {
          runtime.statusTracker().pollOpen();
          Thread.sleep(250);
        }
        out.println("  " + sent + " requests sent");

        DemoSummary summary = DemoSummary.of(runtime, ingested, assessed, tally, truth);
        out.println();
        summary.print(out);
        if (options.once()) {
          return summary.referred() > 0 && summary.removed() > 0 ? 0 : 1;
        }
        out.println();
        out.println("The console serves the queue of the cases the simulated analyst left open; the platform simulator keeps running.");
        try (LivePipeline pipeline = new LivePipeline(runtime, resolver)) {
          org.cordon.app.cli.Serving.serveUntilInterrupted(runtime, pipeline, "127.0.0.1", options.port());
        }
      }
    }
    return 0;
  }

  private Tally decide(CordonRuntime runtime, SimulatedAnalyst analyst, GroundTruth truth) {
    Tally tally = new Tally();
    int budget = options.decisions();
    while (budget > 0) {
      List<Case> top = runtime.stores().cases().queue(Math.min(budget, 100));
      if (top.isEmpty()) {
        break;
      }
      for (Case c : top) {
        DecisionDraft draft = analyst.judge(c);
        runtime.deskService().decisions().decide(SimulatedAnalyst.USER, draft);
        budget--;
        if (draft.kind() == DecisionKind.REFER) {
          tally.referred++;
        } else {
          tally.dismissed++;
          if (c.subject() instanceof PostKey p && truth.label(p).map(GroundTruth.Label::hardNegative).orElse(false)) {
            tally.dismissedHardNegatives++;
          }
        }
      }
    }
    return tally;
  }

  static final class Tally {
    long referred;
    long dismissed;
    long dismissedHardNegatives;
  }

  private void step(String text) {
    out.println("▸ " + text);
  }

  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Time from first seen to the referral being sent, for each sent request. */
  static List<Duration> firstSeenToSent(CordonRuntime runtime, List<Request> requests) {
    List<Duration> durations = new ArrayList<>();
    for (Request r : requests) {
      Instant sent = r.history().stream().filter(s -> s.status() == RequestStatus.SENT).map(StatusChange::at).findFirst().orElse(null);
      if (sent == null) {
        continue;
      }
      runtime.stores().cases().find(r.caseId()).ifPresent(c -> durations.add(Duration.between(c.firstSeen(), sent)));
    }
    return durations;
  }
}
