package org.cordon.range;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cordon.range.world.MediaMode;
import org.cordon.range.world.WorldGenerator;
import org.cordon.range.world.WorldSpec;
import org.cordon.range.world.WorldSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cordon bench range}: how long a large world takes to generate, and at what heap. */
@Command(name = "range", mixinStandardHelpOptions = true,
    description = "Generate a large world (media none) and report accounts, posts, seconds, posts/s and peak heap.")
public final class RangeBenchmarkCommand implements Callable<Integer> {
  /** Posts per account and day the world averages (measured); used to pick days for --posts. */
  static final double POSTS_PER_ACCOUNT_DAY = 1.2;

  @Option(names = "--accounts", defaultValue = "1000000", description = "Accounts (default ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--posts", defaultValue = "10000000", description = "Approximate posts wanted (default ${DEFAULT-VALUE}).")
  long posts;

  @Option(names = "--days", description = "Days; overrides the days derived from --posts.")
  Integer days;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--out", description = "Where to write (default: a temporary directory, deleted afterwards).")
  Path out;

  @Option(names = "--json", description = "Print one JSON object of the figures.")
  boolean json;

  @Override
  public Integer call() {
    int chosenDays = days != null ? days : (int) Math.max(1, Math.round(posts / (accounts * POSTS_PER_ACCOUNT_DAY)));
    Path dir = out;
    boolean temporary = dir == null;
    try {
      if (temporary) {
        dir = Files.createTempDirectory("cordon-range-bench");
      }
      HeapWatch watch = HeapWatch.start();
      long started = System.nanoTime();
      WorldSummary summary = WorldGenerator.generate(
          new WorldSpec(seed, accounts, chosenDays, WorldSpec.DEFAULT_START, MediaMode.NONE, 4), dir);
      double seconds = (System.nanoTime() - started) / 1e9;
      watch.stop();
      double mib = watch.peakUsed() / 1048576.0;
      double liveMib = watch.peakLiveAfterGc() / 1048576.0;
      if (json) {
        System.out.printf(Locale.ROOT,
            "{\"accounts\":%d,\"days\":%d,\"posts\":%d,\"follows\":%d,\"seconds\":%.1f,\"posts_per_second\":%.0f,"
                + "\"peak_heap_mib\":%.0f,\"peak_live_heap_mib\":%.0f,\"max_heap_mib\":%d}%n",
            summary.accounts(), chosenDays, summary.posts(), summary.follows(), seconds, summary.posts() / seconds, mib,
            liveMib, Runtime.getRuntime().maxMemory() / 1048576);
      } else {
        System.out.printf(Locale.ROOT, "%-22s %,16d%n", "accounts", summary.accounts());
        System.out.printf(Locale.ROOT, "%-22s %,16d%n", "days", chosenDays);
        System.out.printf(Locale.ROOT, "%-22s %,16d%n", "posts", summary.posts());
        System.out.printf(Locale.ROOT, "%-22s %,16d%n", "follows", summary.follows());
        System.out.printf(Locale.ROOT, "%-22s %16.1f%n", "seconds", seconds);
        System.out.printf(Locale.ROOT, "%-22s %,16.0f%n", "posts/s", summary.posts() / seconds);
        System.out.printf(Locale.ROOT, "%-22s %,16.0f%n", "peak heap used (MiB)", mib);
        System.out.printf(Locale.ROOT, "%-22s %,16.0f%n", "peak live after GC", liveMib);
        System.out.printf(Locale.ROOT, "%-22s %,16d%n", "max heap (MiB)", Runtime.getRuntime().maxMemory() / 1048576);
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for the benchmark world", e);
    } finally {
      if (temporary && dir != null) {
        delete(dir);
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e.getMessage());
    }
  }
}
