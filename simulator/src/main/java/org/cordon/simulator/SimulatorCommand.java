package org.cordon.simulator;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cordon range serve}: runs the platform simulator and, with {@code --cordon}, replays the
 * world's source data into Cordon. With a world, accounts suspended by Cordon's requests (an
 * account removal, or {@code --strikes} removed posts) may come back under a new handle; their
 * first posts and follows go to the same Cordon, and {@code --live-truth} records them. Serves until interrupted (or, with {@code
 * --exit-after-replay}, until the replay is done).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the platform simulator (answers referrals and removal orders) and optionally replay a world into Cordon.")
public final class SimulatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--world", paramLabel = "DIR", description = "Range world directory (truth/*.jsonl, replay/index.jsonl).")
  Path world;

  @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--speed", defaultValue = "600", description = "Simulated seconds per real second (default: ${DEFAULT-VALUE}).")
  double speed;

  @Option(names = "--compliance", defaultValue = "0.9", description = "Share of requests platforms comply with (default: ${DEFAULT-VALUE}).")
  double compliance;

  @Option(names = "--median-delay", defaultValue = "30", paramLabel = "MINUTES", description = "Median time to a platform's decision, simulated minutes (default: ${DEFAULT-VALUE}).")
  double medianDelayMinutes;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--secret", paramLabel = "PLATFORM=SECRET", description = "Shared HMAC secret of a platform; repeat per platform; '*' for every other platform.")
  Map<String, String> secrets = new LinkedHashMap<>();

  @Option(names = "--cordon", paramLabel = "URL", description = "Cordon's base URL: replay the world's source data into it.")
  URI cordon;

  @Option(names = "--cordon-user", defaultValue = "${env:CORDON_INGEST_USER:-ingest}",
      description = "Cordon user with the INGEST role the replay signs in as (default: ${DEFAULT-VALUE}).")
  String cordonUser;

  @Option(names = "--cordon-password", defaultValue = "${env:CORDON_INGEST_PASSWORD:-}",
      description = "Its password (or CORDON_INGEST_PASSWORD); see the data directory's initial-credentials.txt.")
  String cordonPassword;

  @Option(names = "--strikes", defaultValue = "3", paramLabel = "N",
      description = "Removed posts of one account after which its platform suspends it (default: ${DEFAULT-VALUE}).")
  int strikes;

  @Option(names = "--return-probability", defaultValue = "0.8", paramLabel = "P",
      description = "Chance that a suspended account of the organisation comes back under a new handle (default: ${DEFAULT-VALUE}).")
  double returnProbability;

  @Option(names = "--return-median-delay", defaultValue = "45", paramLabel = "MINUTES",
      description = "Median simulated time from a suspension to the new account (default: ${DEFAULT-VALUE}).")
  double returnMedianDelayMinutes;

  @Option(names = "--live-truth", paramLabel = "FILE",
      description = "Append each live return to FILE as a JSON line (ground truth; never inside the world directory).")
  Path liveTruth;

  @Option(names = "--exit-after-replay", description = "Stop once the replay is done instead of serving on.")
  boolean exitAfterReplay;

  /** The simulator configuration the options describe. */
  SimulatorConfig config(Optional<WorldReplayer> replayer) throws java.io.IOException {
    SimulatorConfig.Builder builder = SimulatorConfig.builder()
        .port(port)
        .speed(speed)
        .seed(seed)
        .secrets(secrets)
        .defaultBehaviour(SimulatorConfig.Behaviour.DEFAULT
            .withComplianceRate(compliance)
            .withMedianDelay(Duration.ofMillis((long) (medianDelayMinutes * 60_000))));
    builder.strikesToSuspend(strikes)
        .returnProbability(returnProbability)
        .returnMedianDelay(Duration.ofMillis((long) (returnMedianDelayMinutes * 60_000)));
    if (world != null) {
      builder.world(world);
    }
    if (liveTruth != null) {
      builder.liveTruthFile(liveTruth);
    }
    if (cordon != null) {
      // Live returns go where the replay goes, signed in as the same INGEST user.
      boolean signIn = cordonPassword != null && !cordonPassword.isEmpty();
      builder.cordonFeed(cordon, signIn ? cordonUser : "", signIn ? cordonPassword : "");
    }
    // The platforms' clock runs on the world's time line when the world is replayed.
    if (replayer.isPresent()) {
      var units = replayer.get().readIndex().units();
      if (!units.isEmpty()) {
        builder.simulatedStart(units.getFirst().at());
      }
    }
    return builder.build();
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (cordon != null && world == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--cordon needs --world DIR to replay");
    }
    if (world != null && !Files.isDirectory(world)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--world is not a directory: " + world);
    }
    if (world != null && liveTruth != null
        && liveTruth.toAbsolutePath().normalize().startsWith(world.toAbsolutePath().normalize())) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--live-truth is inside the world directory, which is input: " + liveTruth);
    }
    Optional<WorldReplayer> replayer = Optional.ofNullable(cordon).map(c -> cordonPassword == null || cordonPassword.isEmpty()
        ? new WorldReplayer(world, c, speed)
        : new WorldReplayer(world, c, speed).withBasicAuth(cordonUser, cordonPassword));
    SimulatorConfig config = config(replayer);
    if (config.secrets().isEmpty()) {
      out.println("warning: no --secret given, so every platform answers 404; add --secret PLATFORM=SECRET (or '*=SECRET')");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (PlatformSimulator simulator = PlatformSimulator.start(config)) {
      out.println("platform simulator listening on " + simulator.baseUri() + " (speed " + speed + "x)");
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "simulator-shutdown"));
      if (replayer.isPresent()) {
        WorldReplayer.Report report = replayer.get().replay();
        out.println("replayed " + report.units() + " units in " + report.posts() + " posts (" + report.bytes() + " bytes), "
            + report.failedPosts() + " failed, " + report.skippedLines() + " index lines skipped");
        report.problems().stream().limit(20).forEach(p -> out.println("  " + p));
        out.flush();
        if (exitAfterReplay) {
          return report.failedPosts() == 0 ? 0 : 1;
        }
      }
      stopped.await();
    }
    return 0;
  }
}
