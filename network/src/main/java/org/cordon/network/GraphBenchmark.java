package org.cordon.network;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Platform;

/**
 * Times the graph analytics on a synthetic power-law graph: building the compressed rows from an
 * edge list, PageRank, Leiden and k-core, separately, and reports the peak heap. The goal is
 * 1,000,000 nodes and 10,000,000 edges in at most 60 s within a 4 GB heap ({@code -Xmx4g}).
 *
 * <p>The edges enter as follow observations through {@link AccountGraph#accept} (timed as ingest,
 * apart), and the analytics run on its snapshot, so the peak heap covers the store as well.
 *
 * <p>Edges go from a uniformly drawn account to one drawn with probability falling as a power of
 * its popularity rank (in-degree ∝ rank^−0.8, the heavy tail of follower counts), four in five
 * inside the source's community of about 1,000 accounts; generating them is timed apart and not
 * counted in the total.
 */
public final class GraphBenchmark {
  /**
   * Seconds per phase, wall clock and CPU time of the whole process (the CPU figure shows what the
   * phase costs when other work shares the machine). {@code totalSeconds} is build + PageRank +
   * Leiden + k-core, wall clock.
   */
  public record Figures(int nodes, long edges, long seed, double generateSeconds, double ingestSeconds,
      double ingestCpuSeconds, int storedAccounts, int storedEdges, double buildSeconds,
      double pageRankSeconds, double leidenSeconds, double kCoreSeconds, double totalSeconds,
      double buildCpuSeconds, double pageRankCpuSeconds, double leidenCpuSeconds, double kCoreCpuSeconds,
      double totalCpuSeconds, long peakHeapBytes, long maxHeapBytes, int communities, double modularity,
      int maxCoreNumber, int distinctEdges, int processors) {}

  private static final int COMMUNITY_SIZE = 1_000;
  private static final double INSIDE_SHARE = 0.8;

  private GraphBenchmark() {}

  public static Figures run(int nodes, long edges, long seed) {
    if (nodes < 2 || edges < 1 || edges > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("the benchmark needs at least 2 nodes and 1 to 2^31 edges: " + nodes + ", " + edges);
    }
    resetPeaks();
    long start = System.nanoTime();
    int m = (int) edges;
    int[] from = new int[m];
    int[] to = new int[m];
    float[] weight = new float[m];
    SplittableRandom random = new SplittableRandom(seed);
    // A random relabelling so that popular accounts are spread over the id range, as in real data.
    int[] label = new int[nodes];
    for (int i = 0; i < nodes; i++) {
      label[i] = i;
    }
    for (int i = nodes - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = label[i];
      label[i] = label[j];
      label[j] = swap;
    }
    double exponent = 1.0 / (1.0 - 0.8);
    // Accounts form communities of about COMMUNITY_SIZE (account rank r is in community r mod C);
    // four edges in five stay inside the source's community, as follows mostly do.
    int communityCount = Math.max(1, nodes / COMMUNITY_SIZE);
    int communitySize = (nodes + communityCount - 1) / communityCount;
    for (int i = 0; i < m; i++) {
      int source = random.nextInt(nodes);
      int rank;
      if (random.nextDouble() < INSIDE_SHARE) {
        int community = source % communityCount;
        int within = (int) Math.floor(communitySize * Math.pow(random.nextDouble(), exponent));
        rank = Math.min(nodes - 1, within * communityCount + community);
      } else {
        rank = (int) Math.min(nodes - 1, Math.floor(nodes * Math.pow(random.nextDouble(), exponent)));
      }
      from[i] = label[source];
      to[i] = label[rank];
      weight[i] = 1f;
    }
    AccountKey[] accounts = new AccountKey[nodes];
    for (int i = 0; i < nodes; i++) {
      accounts[i] = AccountKey.of(Platform.X, Long.toString(3_100_000_000L + i));
    }
    double generate = seconds(start);

    // Ingest: every edge as a follow observation through the incremental store, as in production.
    start = System.nanoTime();
    long cpu = cpuNanos();
    AccountGraph store = new AccountGraph(Bounding.everything());
    Optional<java.time.Instant> noTime = Optional.empty();
    for (int i = 0; i < m; i++) {
      store.accept(new Interaction.Follow(accounts[from[i]], accounts[to[i]], noTime));
    }
    from = null;
    to = null;
    weight = null;
    accounts = null;
    double ingest = seconds(start);
    double ingestCpu = (cpuNanos() - cpu) / 1e9;
    int storedAccounts = store.accounts();

    start = System.nanoTime();
    cpu = cpuNanos();
    GraphSnapshot graph = store.snapshot(EnumSet.of(EdgeKind.FOLLOW));
    Csr out = graph.out();
    graph.in();
    graph.undirected();
    double build = seconds(start);
    double buildCpu = (cpuNanos() - cpu) / 1e9;

    start = System.nanoTime();
    cpu = cpuNanos();
    double[] rank = PageRank.uniform(graph);
    double pageRank = seconds(start);
    double pageRankCpu = (cpuNanos() - cpu) / 1e9;
    if (rank.length != graph.nodes()) {
      throw new IllegalStateException("PageRank lost nodes");
    }

    start = System.nanoTime();
    cpu = cpuNanos();
    Communities.Result communities = Communities.compute(graph, 1.0, seed);
    double leiden = seconds(start);
    double leidenCpu = (cpuNanos() - cpu) / 1e9;

    start = System.nanoTime();
    cpu = cpuNanos();
    int[] cores = CoreNumbers.compute(graph);
    double kCore = seconds(start);
    double kCoreCpu = (cpuNanos() - cpu) / 1e9;
    long peak = peakHeap();
    // Keep the store alive to here: its memory belongs in the peak.
    if (store.edges() == 0 || storedAccounts == 0) {
      throw new IllegalStateException("the benchmark graph is empty");
    }
    int maxCore = 0;
    for (int core : cores) {
      maxCore = Math.max(maxCore, core);
    }
    return new Figures(nodes, edges, seed, generate, ingest, ingestCpu, storedAccounts, store.edges(), build, pageRank,
        leiden, kCore, build + pageRank + leiden + kCore,
        buildCpu, pageRankCpu, leidenCpu, kCoreCpu, buildCpu + pageRankCpu + leidenCpu + kCoreCpu,
        peak, Runtime.getRuntime().maxMemory(), communities.count(), communities.modularity(), maxCore, out.edges(),
        Runtime.getRuntime().availableProcessors());
  }

  // CPU time of every thread of the process (PageRank runs in the common pool), or 0 where unknown.
  private static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  // The sum of each heap pool's peak: an upper bound on the heap in use at any one moment.
  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  /** {@code java -Xmx4g … org.cordon.network.GraphBenchmark [nodes] [edges] [seed]} */
  public static void main(String[] args) {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long edges = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    Figures f = run(nodes, edges, seed);
    System.out.printf(Locale.ROOT, "graph benchmark: %,d nodes, %,d edges (%,d distinct), seed %d%n", f.nodes(), f.edges(),
        f.distinctEdges(), f.seed());
    System.out.printf(Locale.ROOT, "  generate  %7.2f s (not counted)%n", f.generateSeconds());
    System.out.printf(Locale.ROOT, "  phase       wall      cpu   (%d processors)%n", f.processors());
    System.out.printf(Locale.ROOT, "  ingest    %7.2f s %7.2f s (not counted: %,d follow observations into the store: %,d accounts, %,d edges)%n",
        f.ingestSeconds(), f.ingestCpuSeconds(), f.edges(), f.storedAccounts(), f.storedEdges());
    System.out.printf(Locale.ROOT, "  build     %7.2f s %7.2f s (snapshot: rows, reversed rows, undirected rows)%n", f.buildSeconds(),
        f.buildCpuSeconds());
    System.out.printf(Locale.ROOT, "  pagerank  %7.2f s %7.2f s%n", f.pageRankSeconds(), f.pageRankCpuSeconds());
    System.out.printf(Locale.ROOT, "  leiden    %7.2f s %7.2f s (%,d communities, modularity %.3f)%n", f.leidenSeconds(),
        f.leidenCpuSeconds(), f.communities(), f.modularity());
    System.out.printf(Locale.ROOT, "  k-core    %7.2f s %7.2f s (max core %d)%n", f.kCoreSeconds(), f.kCoreCpuSeconds(),
        f.maxCoreNumber());
    System.out.printf(Locale.ROOT, "  total     %7.2f s %7.2f s; peak heap %,d MiB of %,d MiB%n", f.totalSeconds(),
        f.totalCpuSeconds(), f.peakHeapBytes() >> 20, f.maxHeapBytes() >> 20);
  }
}
