package org.cordon.lineage.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.lineage.AccountProfile;
import org.cordon.lineage.Activity;
import org.cordon.lineage.Check;
import org.cordon.lineage.LineageBook;
import org.cordon.lineage.ReturningAccountMatcher;
import org.cordon.lineage.SuspendedAccounts;

/**
 * Times returning-account checks against a large index of synthetic suspended accounts (handles in
 * several languages and romanisations, with numbers and separators; bios; some avatars;
 * neighbourhoods of 20–200 accounts; up to four hashtags). Half the queries are returners of an indexed account, half
 * fresh accounts; each is a first check (blocking and scoring) with ten observed follows.
 *
 * <p>{@code java -Xmx3g -cp … org.cordon.lineage.bench.LineageBenchmark [suspended] [queries] [seed]}
 */
public final class LineageBenchmark {
  /**
   * Wall times include waiting for a shared processor; CPU times are the checking thread's own.
   *
   * @param heapBytes heap in use after building the index and a full collection, minus before
   * @param estimatedIndexBytes the index's own estimate ({@link SuspendedAccounts#estimatedBytes})
   * @param returnersFound returner queries whose predecessor was the match
   */
  public record Figures(int suspended, int queries, long seed, double buildSeconds, double meanMillis, double p50Millis,
      double p99Millis, double maxMillis, double cpuMeanMillis, double cpuP50Millis, double cpuP99Millis, long heapBytes, long estimatedIndexBytes, int returnerQueries,
      int returnersFound, int freshQueries, int freshMatched) {
    public String describe() {
      return String.format(Locale.ROOT,
          "suspended %,d, queries %,d (seed %d): build %.1f s; check wall mean %.3f ms, p50 %.3f ms, p99 %.3f ms,"
              + " max %.3f ms; check CPU mean %.3f ms, p50 %.3f ms, p99 %.3f ms;"
              + " heap %,d MiB (index estimate %,d MiB); returners found %d/%d, fresh accounts matched %d/%d%n",
          suspended, queries, seed, buildSeconds, meanMillis, p50Millis, p99Millis, maxMillis, cpuMeanMillis,
          cpuP50Millis, cpuP99Millis, heapBytes >> 20,
          estimatedIndexBytes >> 20, returnersFound, returnerQueries, freshMatched, freshQueries);
    }
  }

  private LineageBenchmark() {}

  public static void main(String[] args) {
    int suspended = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    System.out.print(run(suspended, queries, seed).describe());
  }

  public static Figures run(int suspendedCount, int queries, long seed) {
    if (suspendedCount < 1 || queries < 1) {
      throw new IllegalArgumentException("index at least one suspended account and run at least one query");
    }
    SplittableRandom random = new SplittableRandom(seed);
    Platform platform = Platform.X;
    long population = suspendedCount * 10L;
    long heapBefore = usedHeap();
    long buildStart = System.nanoTime();
    SuspendedAccounts suspended = new SuspendedAccounts();
    Instant suspendedAt = Instant.parse("2014-09-01T00:00:00Z");
    // Keep a sample of the indexed profiles to derive returners from.
    List<AccountProfile> sample = new ArrayList<>();
    List<List<AccountKey>> sampleNeighbourhoods = new ArrayList<>();
    int sampleEvery = Math.max(1, suspendedCount / Math.max(1, queries));
    for (int i = 0; i < suspendedCount; i++) {
      AccountProfile profile = SyntheticAccounts.profile(platform, i, random);
      List<AccountKey> neighbourhood = SyntheticAccounts.neighbourhood(platform, 20 + random.nextInt(181), population, random);
      Instant at = suspendedAt.plusSeconds(random.nextInt(30 * 86_400));
      suspended.add(profile, neighbourhood, hashtags(random), at);
      if (i % sampleEvery == 0) {
        sample.add(profile);
        sampleNeighbourhoods.add(neighbourhood);
      }
    }
    suspended.compact();
    double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
    long heap = usedHeap() - heapBefore;
    long estimated = suspended.estimatedBytes();

    ReturningAccountMatcher matcher = new ReturningAccountMatcher(suspended, new LineageBook());
    Instant now = suspendedAt.plusSeconds(31L * 86_400);
    double[] millis = new double[queries];
    double[] cpuMillis = new double[queries];
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    int returnerQueries = 0;
    int found = 0;
    int freshMatched = 0;
    // Warm up the JIT on queries that are not timed.
    for (int q = 0; q < Math.min(500, queries); q++) {
      AccountProfile fresh = SyntheticAccounts.profile(platform, population + 1_000_000 + q, random);
      matcher.check(fresh, Activity.firstSeenAt(now));
      matcher.forget(fresh.key());
    }
    for (int q = 0; q < queries; q++) {
      boolean returner = q % 2 == 0;
      AccountProfile query;
      Set<AccountKey> follows = new HashSet<>();
      AccountKey expected = null;
      if (returner) {
        int pick = random.nextInt(sample.size());
        AccountProfile old = sample.get(pick);
        expected = old.key();
        query = SyntheticAccounts.returner(old, population + q, now, random);
        List<AccountKey> theirs = sampleNeighbourhoods.get(pick);
        for (int i = 0; i < 10; i++) {
          follows.add(theirs.get(random.nextInt(theirs.size())));
        }
        returnerQueries++;
      } else {
        query = SyntheticAccounts.profile(platform, population + q, random);
        follows.addAll(SyntheticAccounts.neighbourhood(platform, 10, population, random));
      }
      Activity activity = new Activity(now, follows, List.of(), Set.of(), hashtags(random));
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      Check check = matcher.check(query, activity);
      cpuMillis[q] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
      millis[q] = (System.nanoTime() - start) / 1e6;
      matcher.forget(query.key());
      if (returner && check.match().map(c -> c.predecessor()).filter(expected::equals).isPresent()) {
        found++;
      } else if (!returner && check.match().isPresent()) {
        freshMatched++;
      }
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(millis).average().orElse(0);
    double[] cpuSorted = cpuMillis.clone();
    Arrays.sort(cpuSorted);
    return new Figures(suspendedCount, queries, seed, buildSeconds, mean, quantile(sorted, 0.5), quantile(sorted, 0.99),
        sorted[sorted.length - 1], Arrays.stream(cpuMillis).average().orElse(0), quantile(cpuSorted, 0.5),
        quantile(cpuSorted, 0.99), heap, estimated, returnerQueries, found, queries - returnerQueries, freshMatched);
  }

  /** A few hashtags from a vocabulary of a thousand: slogans that many accounts share. */
  private static Set<String> hashtags(SplittableRandom random) {
    Set<String> tags = new HashSet<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      tags.add("tag" + random.nextInt(1_000));
    }
    return tags;
  }

  private static double quantile(double[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
