package org.cordon.risk;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.signal.Assessment;

/**
 * Tracks a synthetic population of accounts through a realistic stream of assessed posts,
 * follows, shares, mentions, replies and releases, then propagates and scores every account.
 * Reports ingest speed and the heap the tracker keeps after a full collection.
 *
 * <pre>java -Xmx4g -cp … org.cordon.risk.RiskBenchmark [--accounts 1000000] [--events 15000000] [--seed 1]</pre>
 */
public final class RiskBenchmark {
  private RiskBenchmark() {}

  /**
   * @param events posts and interactions in the stream (profiles, the follow graph and the fast
   *     reposts after releases come on top; {@link #eventsTotal} counts everything)
   * @param generateSeconds making the same stream without a tracker (included in ingestSeconds)
   * @param eventsPerSecond every event fed to the tracker, over the ingest time less the generator's
   * @param eventsPerCpuSecond the same over the ingesting thread's CPU time: steadier on a shared machine
   * @param heapUsedAfterGc heap still in use after a full collection with the tracker alive and the
   *     generator dropped: what the tracker costs
   */
  public record Figures(
      int accounts,
      long eventsTotal,
      int edges,
      double generateSeconds,
      double ingestSeconds,
      double eventsPerSecond,
      double eventsPerCpuSecond,
      double propagateSeconds,
      double scoreAllSeconds,
      int flaggedAccounts,
      long heapUsedAfterGc,
      long maxHeap) {

    public String toJson() {
      return String.format(Locale.ROOT,
          "{\"accounts\":%d,\"events\":%d,\"edges\":%d,\"generate_seconds\":%.2f,\"ingest_seconds\":%.2f,\"events_per_second\":%.0f,\"events_per_cpu_second\":%.0f,"
              + "\"propagate_seconds\":%.2f,\"score_all_seconds\":%.2f,\"flagged_accounts\":%d,"
              + "\"heap_used_after_gc_mib\":%d,\"max_heap_mib\":%d}",
          accounts, eventsTotal, edges, generateSeconds, ingestSeconds, eventsPerSecond, eventsPerCpuSecond, propagateSeconds, scoreAllSeconds,
          flaggedAccounts, heapUsedAfterGc >> 20, maxHeap >> 20);
    }
  }

  public static Figures run(int accounts, int events, long seed) {
    // the generator's own cost, to subtract: the same stream into a sink that drops it
    var threads = ManagementFactory.getThreadMXBean();
    long started = System.nanoTime();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    new SyntheticPopulation(accounts, seed).play(DROP, events, 8);
    double generate = seconds(started);
    double generateCpu = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;

    SyntheticPopulation population = new SyntheticPopulation(accounts, seed);
    AccountRiskTracker tracker = new AccountRiskTracker(RiskConfig.defaults().withExpectedAccounts(accounts)
        .withMaxAccounts(Math.max(accounts * 2, RiskConfig.defaults().maxAccounts())));
    prepare(tracker, population);
    started = System.nanoTime();
    cpuStarted = threads.getCurrentThreadCpuTime();
    long emitted = population.play(feeding(tracker), events, 8);
    double ingest = seconds(started);
    double ingestCpu = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;

    started = System.nanoTime();
    tracker.propagate();
    double propagate = seconds(started);

    AccountRiskModel model = AccountRiskModel.defaults();
    int[] flagged = new int[1];
    started = System.nanoTime();
    tracker.forEachAccount(key -> {
      if (tracker.probability(key, model) >= model.threshold()) {
        flagged[0]++;
      }
    });
    double scoreAll = seconds(started);

    population = null; // only the tracker should remain reachable when the heap is measured
    long heap = heapAfterGc();
    Figures figures = new Figures(tracker.size(), emitted, tracker.edgeCount(), generate, ingest,
        emitted / Math.max(1e-3, ingest - generate), emitted / Math.max(1e-3, ingestCpu - generateCpu), propagate,
        scoreAll, flagged[0], heap, Runtime.getRuntime().maxMemory());
    java.lang.ref.Reference.reachabilityFence(tracker);
    return figures;
  }

  /** Marks the core accounts confirmed and flags the organisation's hashtags, as a unit would. */
  static void prepare(AccountRiskTracker tracker, SyntheticPopulation population) {
    SyntheticPopulation.FLAGGED_HASHTAGS.forEach(tracker::flagHashtag);
    for (int c : population.core()) {
      tracker.mark(population.key(c), AccountStatus.CONFIRMED);
    }
  }

  private static final SyntheticPopulation.Sink DROP = new SyntheticPopulation.Sink() {
    @Override
    public void profile(AccountKey account, ProfileEvidence profile) {}

    @Override
    public void post(AccountKey author, Instant at, Assessment assessment, List<String> hashtags) {}

    @Override
    public void interaction(Interaction interaction) {}

    @Override
    public void release(String releaseId, Instant at) {}
  };

  static SyntheticPopulation.Sink feeding(AccountRiskTracker tracker) {
    return new SyntheticPopulation.Sink() {
      @Override
      public void profile(AccountKey account, ProfileEvidence profile) {
        tracker.observeProfile(account, profile);
      }

      @Override
      public void post(AccountKey author, Instant at, Assessment assessment, List<String> hashtags) {
        tracker.observePost(author, at, assessment, hashtags);
      }

      @Override
      public void interaction(Interaction interaction) {
        tracker.observe(interaction);
      }

      @Override
      public void release(String releaseId, Instant at) {
        tracker.releaseSeen(releaseId, at);
      }
    };
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static long heapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  public static void main(String[] args) {
    int accounts = 1_000_000;
    int events = 15_000_000;
    long seed = 1;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--accounts" -> { accounts = Integer.parseInt(value); i++; }
        case "--events" -> { events = Integer.parseInt(value); i++; }
        case "--seed" -> { seed = Long.parseLong(value); i++; }
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; known: --accounts N --events N --seed S");
      }
    }
    Figures f = run(accounts, events, seed);
    System.out.println(f.toJson());
  }
}
