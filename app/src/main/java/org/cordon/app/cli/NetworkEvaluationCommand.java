package org.cordon.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cordon.lineage.evaluation.Figures;
import org.cordon.lineage.evaluation.ReturningAccountEvaluation;
import org.cordon.network.range.KeyAccountEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon eval network --world DIR}: the key accounts against the world's ringleaders and
 * media outlets (recall@k, counted by person), the disruption plan's reach reduction against the
 * top-k by degree and a random k in the same run, and returning accounts (precision, recall and
 * delay from the new account's first post to the match, per platform). Definitions are in
 * {@code docs/network.md}.
 */
@Command(name = "network", mixinStandardHelpOptions = true,
    description = "Key accounts recall@k, disruption plan vs degree and random, returning accounts precision/recall/delay on a range world.")
final class NetworkEvaluationCommand implements Callable<Integer> {
  @Option(names = "--world", required = true, paramLabel = "DIR", description = "A world from 'cordon range generate'.")
  Path world;

  @Option(names = "-k", defaultValue = "50", description = "Length of the key-accounts list and the disruption budget (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of sampled betweenness and the random baseline (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print one JSON object of the figures.")
  boolean json;

  @Option(names = "--export", paramLabel = "FILE",
      description = "Also write the analysed graph for Gephi: GraphML when FILE ends in .graphml, else GEXF (PageRank, community, core number, standing as attributes).")
  Path export;

  @Override
  public Integer call() throws Exception {
    KeyAccountEvaluation.Figures key = KeyAccountEvaluation.run(world, k, seed, analysis -> {
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
              + "\"counted_as\":\"%s\",\"seeds\":\"%s\"},"
              + "\"disruption\":{\"budget\":%d,\"reach_before\":%d,\"plan\":%.4f,\"degree\":%.4f,\"random\":%.4f,"
              + "\"plan_reach_after\":%d,\"degree_reach_after\":%d,\"random_reach_after\":%d,\"reach\":\"%s\"},"
              + "\"returning\":{\"precision\":%.4f,\"recall\":%.4f,\"median_delay_minutes\":%.1f,\"p90_delay_minutes\":%.1f,\"returns\":%d,"
              + "\"platforms\":{%s}},\"seconds\":%.1f}",
          k, key.accounts(), key.edges(), k, key.recallAtK(), k == 50 ? "" : "\"recall_at_50\":null,", key.ringleaders(), key.ringleadersFound(),
          key.outlets(), key.outletsFound(), esc(key.countedAs()), esc(key.seedEvidence()), key.disruptionBudget(), key.reachBefore(),
          key.planReduction(), key.degreeReduction(), key.randomReduction(), key.planReachAfter(), key.degreeReachAfter(), key.randomReachAfter(),
          esc(key.reachDefinition()), all.precision(), all.recall(), all.delayMedianMinutes(), all.delayP90Minutes(), all.returns(), platforms,
          key.seconds()).replace("NaN", "null"));  // a platform without matches has no precision or delay
      return 0;
    }
    System.out.printf(Locale.ROOT, "World %s: %,d accounts, %,d edges in the graph%n%n", world, key.accounts(), key.edges());
    Table t = new Table("key accounts (top " + k + ", by person)", "in the world", "found", "recall");
    t.row("ringleaders (recruiters)", key.ringleaders(), key.ringleadersFound(), fmt(key.ringleaderRecallAtK()));
    t.row("media outlets", key.outlets(), key.outletsFound(), fmt(key.outletRecallAtK()));
    t.row("both", key.ringleaders() + key.outlets(), key.ringleadersFound() + key.outletsFound(), fmt(key.recallAtK()));
    t.print(System.out);
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
    System.out.printf(Locale.ROOT, "suspensions %d; never seen posting before the suspension %d (of which known by handle from mentions %d,"
        + " by looking up a handle a shoutout named %d); a predecessor never known cannot be found%n", returning.suspensionsObserved(),
        returning.suspendedNeverSeen(), returning.suspendedKnownFromMentions(), returning.suspendedLearnedByLookup());
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
