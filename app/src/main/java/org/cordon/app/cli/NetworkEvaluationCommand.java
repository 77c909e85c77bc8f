package org.cordon.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cordon.lineage.evaluation.Figures;
import org.cordon.lineage.evaluation.ReturningAccountEvaluation;
import org.cordon.app.eval.DetectionEvaluation;
import org.cordon.network.range.FlaggedPostsFile;
import org.cordon.network.range.KeyAccountEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon eval network --world DIR}: the key accounts against the world's ringleaders and
 * media outlets (recall@k, counted by person), the disruption plan's reach reduction against the
 * top-k by degree and a random k in the same run, and returning accounts (precision, recall and
 * delay from the new account's first post to the match, per platform). Definitions are in
 * {@code docs/network.md}.
 *
 * <p>The key accounts are seeded by the accounts detection flagged. By default this command runs
 * Cordon's detection on the world first ({@link DetectionEvaluation}, folds and seed as
 * {@code eval detection}'s defaults, every verdict out of fold) and seeds from its flagged posts;
 * {@code --flagged FILE} reads them from a file {@code eval detection --flagged-out} (or a unit's
 * own detector) wrote; {@code --flags-from-truth} uses the world's post labels, a perfect detector,
 * to compare with. The output names the seed source.
 */
@Command(name = "network", mixinStandardHelpOptions = true,
    description = "Key accounts recall@k, disruption plan vs degree and random, returning accounts precision/recall/delay on a range world."
        + " The key accounts are seeded by the accounts Cordon's detection flags, run first on the world (or read with --flagged FILE).")
final class NetworkEvaluationCommand implements Callable<Integer> {
  @Option(names = "--world", required = true, paramLabel = "DIR", description = "A world from 'cordon range generate'.")
  Path world;

  @Option(names = "-k", defaultValue = "50", description = "Length of the key-accounts list and the disruption budget (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of sampled betweenness and the random baseline (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print one JSON object of the figures.")
  boolean json;

  @Option(names = "--flagged", paramLabel = "FILE",
      description = "Seed the key accounts from this flagged-posts file (from 'cordon eval detection --flagged-out FILE') instead of running detection.")
  Path flagged;

  @Option(names = "--flags-from-truth",
      description = "Seed the key accounts from the world's post labels (a perfect detector), not from Cordon's detection: for comparison only.")
  boolean flagsFromTruth;

  @Option(names = "--export", paramLabel = "FILE",
      description = "Also write the analysed graph for Gephi: GraphML when FILE ends in .graphml, else GEXF (PageRank, community, core number, standing as attributes).")
  Path export;

  /** Folds and seed of the detection run inside this command: those of {@code eval detection} by default, so both give the same flags. */
  static final int DETECTION_FOLDS = 2;
  static final long DETECTION_SEED = 1;

  @Override
  public Integer call() throws Exception {
    if (flagged != null && flagsFromTruth) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--flagged and --flags-from-truth name two seed sources; give one (or neither, to run detection first)");
    }
    if (flagged != null && !java.nio.file.Files.isReadable(flagged)) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--flagged " + flagged + ": no readable file there; write one with 'cordon eval detection --world DIR --flagged-out FILE'");
    }
    java.util.Optional<Path> detectionDirectory = java.util.Optional.empty();
    double detectionSeconds = 0;
    KeyAccountEvaluation.FlagSource flags;
    if (flagsFromTruth) {
      flags = new KeyAccountEvaluation.TruthLabels();
    } else if (flagged != null) {
      flags = new KeyAccountEvaluation.FlaggedFile(flagged, false);
    } else {
      detectionDirectory = java.util.Optional.of(java.nio.file.Files.createTempDirectory("cordon-eval-network-detection"));
      long started = System.nanoTime();
      flags = new KeyAccountEvaluation.FlaggedFile(detect(detectionDirectory.get()), true);
      detectionSeconds = (System.nanoTime() - started) / 1e9;
    }
    try {
      return evaluate(flags, detectionSeconds);
    } finally {
      if (detectionDirectory.isPresent()) {
        org.cordon.app.demo.DemoRun.deleteRecursively(detectionDirectory.get());
      }
    }
  }

  /** Runs Cordon's detection on the world and writes the posts it flagged; returns the file. */
  private Path detect(Path directory) throws java.io.IOException {
    List<FlaggedPostsFile.FlaggedPost> posts = new ArrayList<>();
    if (!json) {
      System.out.println("Seeds: running Cordon's detection on the world first (as 'eval detection'; --flagged FILE skips this)");
    }
    DetectionEvaluation.run(world, directory, DETECTION_FOLDS, DETECTION_SEED, line -> {
      if (!json) {
        System.out.println("  … " + line);
      }
    }, posts::add);
    Path file = directory.resolve("flagged.jsonl");
    FlaggedPostsFile.write(posts, file);
    return file;
  }

  private Integer evaluate(KeyAccountEvaluation.FlagSource flags, double detectionSeconds) {
    KeyAccountEvaluation.Figures key = KeyAccountEvaluation.run(world, k, seed, flags, analysis -> {
      if (export != null) {
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(export, java.nio.charset.StandardCharsets.UTF_8)) {
          if (export.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".graphml")) {
            org.cordon.network.GraphExport.graphml(analysis, w);
          } else {
            org.cordon.network.GraphExport.gexf(analysis, w);
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("cannot write " + export, e);
        }
      }
    });
    Figures returning = ReturningAccountEvaluation.run(world);
    if (export != null && !json) {
      System.out.println("graph written to " + export);
    }
    Figures.PlatformFigures all = returning.overall();
    if (json) {
      StringBuilder platforms = new StringBuilder();
      for (Figures.PlatformFigures p : returning.platforms()) {
        platforms.append(platforms.isEmpty() ? "" : ",").append(platform(p));
      }
      System.out.println(String.format(Locale.ROOT,
          "{\"evaluation\":\"network\",\"k\":%d,\"accounts\":%d,\"edges\":%d,"
              + "\"key_accounts\":{\"recall_at_%d\":%.4f,%s\"ringleaders\":%d,\"ringleaders_found\":%d,\"outlets\":%d,\"outlets_found\":%d,"
              + "\"counted_as\":\"%s\",\"seed_source\":\"%s\",\"flagged_posts\":%d,\"confident_flagged_posts\":%d,\"flagged_accounts\":%d,"
              + "\"flag_lines_rejected\":%d,\"detection_seconds\":%.1f,\"seeds\":\"%s\"},"
              + "\"disruption\":{\"budget\":%d,\"reach_before\":%d,\"plan\":%.4f,\"degree\":%.4f,\"random\":%.4f,"
              + "\"plan_reach_after\":%d,\"degree_reach_after\":%d,\"random_reach_after\":%d,\"reach\":\"%s\"},"
              + "\"returning\":{\"precision\":%.4f,\"recall\":%.4f,\"lineage_precision\":%.4f,\"lineage_recall\":%.4f,"
              + "\"median_delay_minutes\":%.1f,\"p90_delay_minutes\":%.1f,\"returns\":%d,\"found_by_probe\":%d,\"probe_lookups\":%d,"
              + "\"platforms\":{%s}},\"seconds\":%.1f}",
          k, key.accounts(), key.edges(), k, key.recallAtK(), k == 50 ? "" : "\"recall_at_50\":null,", key.ringleaders(), key.ringleadersFound(),
          key.outlets(), key.outletsFound(), esc(key.countedAs()), key.seedSource(), key.flaggedPosts(), key.confidentFlaggedPosts(), key.flaggedAccounts(),
          key.flagLinesRejected(), detectionSeconds, esc(key.seedEvidence()), key.disruptionBudget(), key.reachBefore(),
          key.planReduction(), key.degreeReduction(), key.randomReduction(), key.planReachAfter(), key.degreeReachAfter(), key.randomReachAfter(),
          esc(key.reachDefinition()), all.precision(), all.recall(), all.lineagePrecision(), all.lineageRecall(), all.delayMedianMinutes(),
          all.delayP90Minutes(), all.returns(), returning.suspendedLearnedByProbe(), returning.probeLookups(), platforms,
          key.seconds()).replace("NaN", "null"));  // a platform without matches has no precision or delay
      return 0;
    }
    System.out.printf(Locale.ROOT, "World %s: %,d accounts, %,d edges in the graph%n%n", world, key.accounts(), key.edges());
    Table t = new Table("key accounts (top " + k + ", by person)", "in the world", "found", "recall");
    t.row("ringleaders (recruiters)", key.ringleaders(), key.ringleadersFound(), fmt(key.ringleaderRecallAtK()));
    t.row("media outlets", key.outlets(), key.outletsFound(), fmt(key.outletRecallAtK()));
    t.row("both", key.ringleaders() + key.outlets(), key.ringleadersFound() + key.outletsFound(), fmt(key.recallAtK()));
    t.print(System.out);
    System.out.printf(Locale.ROOT, "seed source: %s (%d flagged posts, %d confidently as propaganda; %d accounts with %d or more of those%s)%s%n",
        key.seedSource(), key.flaggedPosts(), key.confidentFlaggedPosts(), key.flaggedAccounts(), KeyAccountEvaluation.MIN_FLAGGED_POSTS, key.flagLinesRejected() > 0 ? ", " + key.flagLinesRejected() + " lines rejected" : "",
        key.seedSource().equals("truth") ? " — the world's labels, a perfect detector: not what Cordon achieves"
            : key.seedSource().equals("detection") ? String.format(Locale.ROOT, "; detection took %.0f s", detectionSeconds) : "");
    key.flagRejections().forEach(r -> System.out.println("  rejected " + r));
    System.out.println("seeds of personalised PageRank: " + key.seedEvidence());
    System.out.printf(Locale.ROOT, "%nDisruption, budget %d; reach = %s%n", key.disruptionBudget(), key.reachDefinition());
    Table d = new Table("removal", "reach after", "reduction");
    d.row("none", key.reachBefore(), "");
    d.row("the plan (greedy)", key.planReachAfter(), fmt(key.planReduction()));
    d.row("top " + k + " by degree", key.degreeReachAfter(), fmt(key.degreeReduction()));
    d.row("random " + k + " (mean of draws)", key.randomReachAfter(), fmt(key.randomReduction()));
    d.print(System.out);
    System.out.println("\nReturning accounts (suspensions as removal verification observes them; delay from the new account's first post):");
    Table r = new Table("platform", "returns", "matched", "correct", "precision", "recall", "predecessor known", "recall, predecessor known",
        "median delay (min)", "p90");
    for (Figures.PlatformFigures p : returning.platforms()) {
      r.row(p.platform(), p.returns(), p.matched(), p.correct(), fmt(p.precision()), fmt(p.recall()), p.returnsWithKnownPredecessor(),
          fmt(p.recallWithKnownPredecessor()),
          String.format(Locale.ROOT, "%.1f", p.delayMedianMinutes()), String.format(Locale.ROOT, "%.1f", p.delayP90Minutes()));
    }
    r.row("all", all.returns(), all.matched(), all.correct(), fmt(all.precision()), fmt(all.recall()), all.returnsWithKnownPredecessor(),
        fmt(all.recallWithKnownPredecessor()),
        String.format(Locale.ROOT, "%.1f", all.delayMedianMinutes()), String.format(Locale.ROOT, "%.1f", all.delayP90Minutes()));
    r.print(System.out);
    System.out.printf(Locale.ROOT, "counting a link to an earlier account of the same person as right (it puts the new account in the"
        + " right lineage): precision %.3f, recall %.3f%n", all.lineagePrecision(), all.lineageRecall());
    System.out.printf(Locale.ROOT, "suspensions %d; never seen posting before the suspension %d (of which known by handle from mentions %d,"
        + " by looking up a handle a shoutout named %d); gone accounts found by asking the platform about a new account's handle"
        + " stems %d (%,d lookups); a predecessor never known cannot be found%n", returning.suspensionsObserved(),
        returning.suspendedNeverSeen(), returning.suspendedKnownFromMentions(), returning.suspendedLearnedByLookup(),
        returning.suspendedLearnedByProbe(), returning.probeLookups());
    System.out.println("\nTop key accounts:");
    key.topAccounts().stream().limit(10).forEach(a -> System.out.println("  " + a));
    return 0;
  }

  private static String platform(Figures.PlatformFigures p) {
    return String.format(Locale.ROOT, "\"%s\":{\"returns\":%d,\"matched\":%d,\"correct\":%d,\"precision\":%.4f,\"recall\":%.4f,"
        + "\"predecessor_known\":%d,\"recall_predecessor_known\":%.4f,\"median_delay_minutes\":%.1f}", esc(p.platform()), p.returns(),
        p.matched(), p.correct(), p.precision(), p.recall(), p.returnsWithKnownPredecessor(), p.recallWithKnownPredecessor(),
        p.delayMedianMinutes());
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
