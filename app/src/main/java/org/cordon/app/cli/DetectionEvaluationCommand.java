package org.cordon.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cordon.app.eval.DetectionEvaluation;
import org.cordon.network.range.FlaggedPostsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon eval detection --world DIR}: post- and account-level precision, recall and F1
 * against a range world's truth, the hard negatives apart (see {@link DetectionEvaluation} for what
 * is learnt from which labels).
 */
@Command(name = "detection", mixinStandardHelpOptions = true,
    description = "Post- and account-level precision, recall and F1 on a range world, hard negatives apart (models cross-fitted by person).")
final class DetectionEvaluationCommand implements Callable<Integer> {
  @Option(names = "--world", required = true, paramLabel = "DIR", description = "A world from 'cordon range generate'.")
  Path world;

  @Option(names = "--folds", defaultValue = "2", description = "Cross-fitting folds of persons (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the fold assignment and training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print one JSON object of the figures.")
  boolean json;

  @Option(names = "--flagged-out", paramLabel = "FILE",
      description = "Also write the posts detection flagged (out-of-fold verdicts), one JSON line each: platform, post_id, account, tier"
          + " (or null), score. 'cordon eval network --flagged FILE' seeds the key accounts from it.")
  Path flaggedOut;

  @Override
  public Integer call() throws Exception {
    Path work = Files.createTempDirectory("cordon-eval-detection");
    try {
      List<FlaggedPostsFile.FlaggedPost> flagged = new ArrayList<>();
      DetectionEvaluation.Figures f = DetectionEvaluation.run(world, work, folds, seed, line -> {
        if (!json) {
          System.out.println("  … " + line);
        }
      }, flagged::add);
      if (flaggedOut != null) {
        FlaggedPostsFile.write(flagged, flaggedOut);
      }
      print(f);
      if (flaggedOut != null && !json) {
        System.out.printf(Locale.ROOT, "%n%d flagged posts written to %s%n", flagged.size(), flaggedOut);
      }
      return 0;
    } finally {
      org.cordon.app.demo.DemoRun.deleteRecursively(work);
    }
  }

  private void print(DetectionEvaluation.Figures f) {
    if (json) {
      StringBuilder roles = new StringBuilder();
      for (Map.Entry<String, long[]> e : f.perRole().entrySet()) {
        roles.append(roles.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":{\"accounts\":%d,\"flagged\":%d}", e.getKey(),
            e.getValue()[1], e.getValue()[0]));
      }
      System.out.println(String.format(Locale.ROOT,
          "{\"evaluation\":\"detection\",\"folds\":%d,\"seed\":%d,\"posts\":%d,\"accounts\":%d,"
              + "\"post\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f},"
              + "\"account\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,\"true_positives\":%d,\"false_positives\":%d,\"false_negatives\":%d},"
              + "\"hard_negatives\":{\"accounts\":%d,\"flag_rate\":%.4f,\"posts\":%d,\"post_flag_rate\":%.4f},"
              + "\"roles\":{%s},\"flagged_out\":%s,\"classifier_seconds\":%.1f,\"seconds\":%.1f}",
          f.folds(), f.seed(), f.posts(), f.accounts(), f.post().precision(), f.post().recall(), f.post().f1(), f.account().precision(),
          f.account().recall(), f.account().f1(), f.account().truePositives(), f.account().falsePositives(), f.account().falseNegatives(),
          f.hardNegativeAccounts(), f.hardNegativeFlagRate(), f.hardNegativePosts(), f.hardNegativePostFlagRate(), roles,
          flaggedOut == null ? "null" : "\"" + flaggedOut.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"", f.classifierSeconds(),
          f.seconds()));
      return;
    }
    System.out.printf(Locale.ROOT, "%nWorld %s: %d posts, %d accounts that posted; %d folds of persons, seed %d; %.0f s%n%n", f.world(), f.posts(),
        f.accounts(), f.folds(), f.seed(), f.seconds());
    Table t = new Table("level", "precision", "recall", "F1", "flagged", "missed");
    t.row("posts", fmt(f.post().precision()), fmt(f.post().recall()), fmt(f.post().f1()), f.post().truePositives() + f.post().falsePositives(),
        f.post().falseNegatives());
    t.row("accounts", fmt(f.account().precision()), fmt(f.account().recall()), fmt(f.account().f1()),
        f.account().truePositives() + f.account().falsePositives(), f.account().falseNegatives());
    t.print(System.out);
    System.out.printf(Locale.ROOT, "%nHard negatives: %d journalist, researcher and counter-speech accounts, %.2f %% flagged; %d of their posts, %.2f %% flagged%n%n",
        f.hardNegativeAccounts(), 100 * f.hardNegativeFlagRate(), f.hardNegativePosts(), 100 * f.hardNegativePostFlagRate());
    Table roles = new Table("role", "accounts", "flagged", "share");
    f.perRole().forEach((role, c) -> roles.row(role, c[1], c[0], fmt(c[1] == 0 ? 0 : (double) c[0] / c[1])));
    roles.print(System.out);
    if (!f.explanations().isEmpty()) {
      System.out.println("\nWhat an analyst reads for a flagged account:");
      f.explanations().forEach(e -> System.out.println("  " + e));
    }
    if (!f.falseAlarms().isEmpty()) {
      System.out.println("\nFalse alarms among the hard negatives, as an analyst would read them:");
      f.falseAlarms().forEach(e -> System.out.println("  " + e));
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
