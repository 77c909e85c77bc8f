package org.cordon.range;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.cordon.range.stats.WorldStats;
import org.cordon.range.world.MediaMode;
import org.cordon.range.world.WorldGenerator;
import org.cordon.range.world.WorldSpec;
import org.cordon.range.world.WorldSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cordon range generate|stats}: the simulated world. */
@Command(name = "range", description = "The simulated world: generate one, or describe one.",
    mixinStandardHelpOptions = true, subcommands = {RangeCommand.Generate.class, RangeCommand.Stats.class})
public final class RangeCommand implements Runnable {

  @Override
  public void run() {
    System.out.println("Use 'range generate' or 'range stats'; add --help for options.");
  }

  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Write a world (real formats, media, replay index, ground truth) into a directory.")
  public static final class Generate implements Callable<Integer> {
    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = "--accounts", description = "Number of accounts (default ${DEFAULT-VALUE}).", defaultValue = "5000")
    int accounts;

    @Option(names = "--days", description = "Days simulated (default ${DEFAULT-VALUE}).", defaultValue = "7")
    int days;

    @Option(names = "--start", description = "First instant of the world (default ${DEFAULT-VALUE}).",
        defaultValue = "2014-09-01T00:00:00Z")
    Instant start;

    @Option(names = "--media", description = "full, thumbs or none (default ${DEFAULT-VALUE}).", defaultValue = "thumbs")
    String media;

    @Option(names = "--max-variants", description = "Transformed variants per release image (default ${DEFAULT-VALUE}).",
        defaultValue = "2")
    int maxVariants;

    @Option(names = "--out", required = true, description = "Directory to write the world into.")
    Path out;

    @Override
    public Integer call() {
      MediaMode mode = MediaMode.valueOf(media.toUpperCase(java.util.Locale.ROOT));
      WorldSummary summary = WorldGenerator.generate(new WorldSpec(seed, accounts, days, start, mode, maxVariants), out);
      System.out.printf(java.util.Locale.ROOT,
          "wrote %s: %,d persons, %,d accounts, %,d posts, %,d releases, %,d conversations, %,d follows%n", out,
          summary.persons(), summary.accounts(), summary.posts(), summary.releases(), summary.conversations(),
          summary.follows());
      return 0;
    }
  }

  @Command(name = "stats", mixinStandardHelpOptions = true,
      description = "Print a world's shape: roles, degrees, languages, suspensions and returns.")
  public static final class Stats implements Callable<Integer> {
    @Parameters(index = "0", description = "The world directory.")
    Path dir;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
      WorldStats stats = WorldStats.read(dir);
      System.out.println(json ? stats.json() : stats.table());
      return 0;
    }
  }
}
