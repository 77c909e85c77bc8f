package org.cordon.app.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.cordon.lineage.bench.LineageBenchmark;
import org.cordon.network.GraphBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon bench graph}: PageRank, Leiden and k-core on a synthetic power-law graph
 * (default 1,000,000 accounts, 10,000,000 follow edges), and a returning-account check of one new
 * account against an index of suspended accounts (default 1,000,000). Run it with the heap the
 * goal names: {@code CORDON_JVM_OPTS=-Xmx4g ./cordon bench graph}.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
    description = "PageRank + Leiden + k-core on a large synthetic graph; returning-account checks against a million suspended accounts.")
final class GraphBenchmarkCommand implements Callable<Integer> {
  @Option(names = "--nodes", defaultValue = "1000000", description = "Accounts in the graph (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--edges", defaultValue = "10000000", description = "Edges in the graph (default: ${DEFAULT-VALUE}).")
  long edges;

  @Option(names = "--suspended", defaultValue = "1000000", description = "Suspended accounts indexed for the returning check (default: ${DEFAULT-VALUE}).")
  int suspended;

  @Option(names = "--checks", defaultValue = "2000", description = "Returning-account checks timed (default: ${DEFAULT-VALUE}).")
  int checks;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print one JSON object of the figures.")
  boolean json;

  @Override
  public Integer call() {
    GraphBenchmark.Figures g = GraphBenchmark.run(nodes, edges, seed);
    System.gc();
    LineageBenchmark.Figures l = LineageBenchmark.run(suspended, checks, seed);
    double analytics = g.pageRankSeconds() + g.leidenSeconds() + g.kCoreSeconds();
    if (json) {
      System.out.println(String.format(Locale.ROOT,
          "{\"benchmark\":\"graph\",\"nodes\":%d,\"edges\":%d,\"build_seconds\":%.2f,\"pagerank_seconds\":%.2f,\"leiden_seconds\":%.2f,"
              + "\"kcore_seconds\":%.2f,\"analytics_seconds\":%.2f,\"total_seconds\":%.2f,\"total_cpu_seconds\":%.2f,\"peak_heap_mib\":%.0f,"
              + "\"max_heap_mib\":%.0f,\"communities\":%d,\"modularity\":%.4f,\"max_core\":%d,"
              + "\"returning\":{\"suspended\":%d,\"checks\":%d,\"build_seconds\":%.1f,\"mean_ms\":%.3f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,"
              + "\"cpu_mean_ms\":%.3f,\"cpu_p99_ms\":%.3f,\"heap_mib\":%.0f,\"returners_found\":%d,\"returner_queries\":%d,\"fresh_matched\":%d,"
              + "\"fresh_queries\":%d},\"cores\":%d}",
          g.nodes(), g.edges(), g.buildSeconds(), g.pageRankSeconds(), g.leidenSeconds(), g.kCoreSeconds(), analytics, g.totalSeconds(),
          g.totalCpuSeconds(), g.peakHeapBytes() / 1048576.0, g.maxHeapBytes() / 1048576.0, g.communities(), g.modularity(), g.maxCoreNumber(),
          l.suspended(), l.queries(), l.buildSeconds(), l.meanMillis(), l.p50Millis(), l.p99Millis(), l.maxMillis(), l.cpuMeanMillis(),
          l.cpuP99Millis(), l.heapBytes() / 1048576.0, l.returnersFound(), l.returnerQueries(), l.freshMatched(), l.freshQueries(),
          g.processors()));
      return 0;
    }
    System.out.printf(Locale.ROOT, "Graph: %,d accounts, %,d edges (seed %d) on %d cores, heap limit %,.0f MiB%n%n", g.nodes(), g.edges(), seed,
        g.processors(), g.maxHeapBytes() / 1048576.0);
    Table t = new Table("phase", "wall s", "CPU s");
    t.row("build (CSR)", f(g.buildSeconds()), f(g.buildCpuSeconds()));
    t.row("PageRank", f(g.pageRankSeconds()), f(g.pageRankCpuSeconds()));
    t.row("Leiden", f(g.leidenSeconds()), f(g.leidenCpuSeconds()));
    t.row("k-core", f(g.kCoreSeconds()), f(g.kCoreCpuSeconds()));
    t.row("total (goal ≤ 60 s)", f(g.totalSeconds()), f(g.totalCpuSeconds()));
    t.print(System.out);
    System.out.printf(Locale.ROOT, "peak heap %,.0f MiB; %,d communities (modularity %.3f); largest core %d%n%n", g.peakHeapBytes() / 1048576.0,
        g.communities(), g.modularity(), g.maxCoreNumber());
    System.out.print(l.describe());
    return 0;
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
