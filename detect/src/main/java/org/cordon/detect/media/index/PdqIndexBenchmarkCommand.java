package org.cordon.detect.media.index;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cordon.detect.media.pdq.PdqHash;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cordon bench pdq-index}: builds a {@link PdqIndex} of synthetic hashes and compares its
 * query rate with a brute-force linear scan run in the same process on the same queries.
 *
 * <p>The scan is slow, so it runs only on the first {@code --brute-force-queries} queries and its
 * rate is measured on those; recall is checked on the same subset (every scan hit must be returned
 * by the index with the same distance, and nothing else). Every rate is the best of three rounds,
 * for the scan as for the index. Queries are half near-duplicates of
 * indexed entries (0–40 flipped bits, so many sit at the 31/32 boundary) and half fresh hashes.
 * With {@code --json} it prints one object: the worst figures over the distributions at the top
 * level, and each distribution's figures under {@code distributions}.
 */
@Command(
    name = "pdq-index",
    mixinStandardHelpOptions = true,
    description = "Benchmark the PDQ range index against a brute-force scan.")
public final class PdqIndexBenchmarkCommand implements Callable<Integer> {
  enum Distribution { uniform, clustered, both }

  /**
   * Each rate is the best of this many rounds, for the index and the scan alike: the machine is
   * shared, and the best round is the one least disturbed by other processes.
   */
  private static final int ROUNDS = 3;

  @Spec private CommandSpec spec;

  @Option(names = "--size", description = "Indexed entries (default: ${DEFAULT-VALUE}).")
  int size = 1_000_000;

  @Option(names = "--queries", description = "Queries timed against the index (default: ${DEFAULT-VALUE}).")
  int queries = 10_000;

  @Option(names = "--radius", description = "Hamming radius (default: ${DEFAULT-VALUE}).")
  int radius = 31;

  @Option(names = "--distribution", description = "uniform, clustered or both (default: ${DEFAULT-VALUE}).")
  Distribution distribution = Distribution.both;

  @Option(names = "--brute-force-queries",
      description = "How many of the same queries the brute-force scan runs; its rate is measured on them (default: ${DEFAULT-VALUE}).")
  int bruteForceQueries = 200;

  @Option(names = "--chunks", description = "Multi-index chunk count, 11..32; 0 lets the index choose by size (default: ${DEFAULT-VALUE}).")
  int chunks = 0;

  @Option(names = "--threads", description = "Threads for the concurrent run (default: ${DEFAULT-VALUE}).")
  int threads = 2;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = 20_261_123L;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PdqIndexBenchmarkCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (size < 1 || queries < 1 || bruteForceQueries < 1 || radius < 0 || threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "sizes, counts and threads must be positive, radius ≥ 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Map<String, Object>> results = new ArrayList<>();
    for (Distribution d : List.of(Distribution.uniform, Distribution.clustered)) {
      if (distribution == Distribution.both || distribution == d) {
        Map<String, Object> r = run(d, out);
        results.add(r);
        if (!json) {
          printTable(out, r);
        }
      }
    }
    boolean exact = results.stream().allMatch(r -> (Boolean) r.get("exact"));
    if (json) {
      out.println(toJson(results));
    }
    out.flush();
    return exact ? 0 : 1;
  }

  private Map<String, Object> run(Distribution d, PrintWriter out) throws IOException, InterruptedException {
    HashGenerator gen = new HashGenerator(seed ^ d.ordinal());
    long[] words = new long[4 * size];
    for (int i = 0; i < size; i++) {
      PdqHash h;
      if (d == Distribution.uniform) {
        h = gen.uniform();
      } else if (i > 0 && gen.nextInt(10) == 0) {
        h = gen.flip(hashAt(words, gen.nextInt(i)), gen.nextInt(0, 31));
      } else {
        h = gen.realistic();
      }
      putHash(words, i, h);
    }
    PdqHash[] qs = new PdqHash[queries];
    for (int i = 0; i < queries; i++) {
      boolean nearDuplicate = i % 2 == 0;
      if (nearDuplicate) {
        qs[i] = gen.flip(hashAt(words, gen.nextInt(size)), gen.nextInt(0, 41));
      } else {
        qs[i] = d == Distribution.uniform ? gen.uniform() : gen.realistic();
      }
    }
    long heapBefore = usedHeap();

    long t0 = System.nanoTime();
    PdqIndex.Builder builder = PdqIndex.builder().expectedSize(size);
    if (chunks > 0) {
      builder.chunks(chunks);
    }
    for (int i = 0; i < size; i++) {
      builder.add(i, hashAt(words, i));
    }
    PdqIndex index = builder.build();
    builder = null;
    double buildSeconds = seconds(t0);
    long heapWithIndex = usedHeap();

    int warm = Math.min(queries, 2000);
    for (int i = 0; i < warm; i++) {
      index.search(qs[i], radius);
    }
    long matches = 0;
    double singleQps = 0;
    double multiQps = 0;
    for (int round = 0; round < ROUNDS; round++) {
      matches = 0;
      t0 = System.nanoTime();
      for (PdqHash q : qs) {
        matches += index.search(q, radius).size();
      }
      singleQps = Math.max(singleQps, queries / seconds(t0));
      multiQps = Math.max(multiQps, concurrentRate(index, qs));
    }

    int b = Math.min(bruteForceQueries, queries);
    for (int i = 0; i < Math.min(b, 20); i++) {
      bruteForce(words, qs[i], radius); // warm-up, so the scan is timed compiled as the index is
    }
    List<Set<Long>> scanHits = new ArrayList<>();
    double bruteQps = 0;
    for (int round = 0; round < ROUNDS; round++) {
      scanHits.clear();
      t0 = System.nanoTime();
      for (int i = 0; i < b; i++) {
        scanHits.add(bruteForce(words, qs[i], radius));
      }
      bruteQps = Math.max(bruteQps, b / seconds(t0));
    }

    long expectedHits = 0;
    long foundHits = 0;
    boolean exact = true;
    for (int i = 0; i < b; i++) {
      Set<Long> fromIndex = encode(index.search(qs[i], radius));
      Set<Long> fromScan = scanHits.get(i);
      expectedHits += fromScan.size();
      for (long hit : fromScan) {
        if (fromIndex.contains(hit)) {
          foundHits++;
        }
      }
      exact &= fromIndex.equals(fromScan);
    }
    double recall = expectedHits == 0 ? 1.0 : (double) foundHits / expectedHits;
    long indexBytes = index.estimatedBytes();
    String work = index.stats(java.util.Arrays.copyOf(qs, Math.min(queries, 1000)), radius);
    String layout = index.describeLayout();

    Path file = Files.createTempFile("pdq-index-bench", ".idx");
    double saveSeconds;
    double loadSeconds;
    long fileBytes;
    boolean loadedAgrees = true;
    try {
      t0 = System.nanoTime();
      index.writeTo(file);
      saveSeconds = seconds(t0);
      fileBytes = Files.size(file);
      index = null; // so the loaded copy does not need room next to the original
      System.gc();
      t0 = System.nanoTime();
      PdqIndex loaded = PdqIndex.readFrom(file);
      loadSeconds = seconds(t0);
      for (int i = 0; i < Math.min(b, 50); i++) {
        loadedAgrees &= encode(loaded.search(qs[i], radius)).equals(scanHits.get(i));
      }
    } finally {
      Files.deleteIfExists(file);
    }
    exact &= loadedAgrees;

    Map<String, Object> r = new LinkedHashMap<>();
    r.put("distribution", d.name());
    r.put("size", size);
    r.put("radius", radius);
    r.put("layout", layout);
    r.put("work_per_query", work);
    r.put("queries", queries);
    r.put("matches_per_query", (double) matches / queries);
    r.put("build_seconds", buildSeconds);
    r.put("queries_per_second", singleQps);
    r.put("queries_per_second_threads", multiQps);
    r.put("threads", threads);
    r.put("brute_force_queries", b);
    r.put("brute_force_queries_per_second", bruteQps);
    r.put("speedup", singleQps / bruteQps);
    r.put("recall", recall);
    r.put("exact", exact);
    r.put("index_mib", indexBytes / 1048576.0);
    r.put("heap_mib", heapWithIndex / 1048576.0);
    r.put("heap_without_index_mib", heapBefore / 1048576.0);
    r.put("file_mib", fileBytes / 1048576.0);
    r.put("save_seconds", saveSeconds);
    r.put("load_seconds", loadSeconds);
    return r;
  }

  private double concurrentRate(PdqIndex index, PdqHash[] qs) throws InterruptedException {
    Thread[] workers = new Thread[threads];
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int first = t;
      workers[t] = new Thread(() -> {
        for (int i = first; i < qs.length; i += threads) {
          index.search(qs[i], radius);
        }
      });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    return qs.length / seconds(t0);
  }

  /** The reference: a linear scan over the raw hash array, independent of the index code. */
  private static Set<Long> bruteForce(long[] words, PdqHash q, int radius) {
    Set<Long> hits = new HashSet<>();
    long q0 = q.w0(), q1 = q.w1(), q2 = q.w2(), q3 = q.w3();
    for (int p = 0, n = words.length / 4; p < n; p++) {
      int b = 4 * p;
      int d = Long.bitCount(words[b] ^ q0) + Long.bitCount(words[b + 1] ^ q1)
          + Long.bitCount(words[b + 2] ^ q2) + Long.bitCount(words[b + 3] ^ q3);
      if (d <= radius) {
        hits.add((long) p << 9 | d);
      }
    }
    return hits;
  }

  /** id and distance in one long, to compare result sets cheaply. */
  private static Set<Long> encode(List<PdqIndex.Match> matches) {
    Set<Long> set = new HashSet<>();
    for (PdqIndex.Match m : matches) {
      set.add(m.id() << 9 | m.distance());
    }
    return set;
  }

  private static PdqHash hashAt(long[] words, int i) {
    return new PdqHash(words[4 * i], words[4 * i + 1], words[4 * i + 2], words[4 * i + 3]);
  }

  private static void putHash(long[] words, int i, PdqHash h) {
    words[4 * i] = h.w0();
    words[4 * i + 1] = h.w1();
    words[4 * i + 2] = h.w2();
    words[4 * i + 3] = h.w3();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static long usedHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void printTable(PrintWriter out, Map<String, Object> r) {
    out.printf(Locale.ROOT, "PDQ index benchmark: %s hashes, %,d entries, radius %d, %s%n",
        r.get("distribution"), (Integer) r.get("size"), (Integer) r.get("radius"), r.get("layout"));
    out.printf(Locale.ROOT, "  build                %10.2f s%n", r.get("build_seconds"));
    out.printf(Locale.ROOT, "  work per query       %s%n", r.get("work_per_query"));
    out.printf(Locale.ROOT, "  index                %10.0f queries/s (1 thread, %d queries, %.2f matches/query, best of 3)%n",
        r.get("queries_per_second"), (Integer) r.get("queries"), r.get("matches_per_query"));
    out.printf(Locale.ROOT, "  index                %10.0f queries/s (%d threads)%n", r.get("queries_per_second_threads"), (Integer) r.get("threads"));
    out.printf(Locale.ROOT, "  brute-force scan     %10.1f queries/s (1 thread, first %d of the same queries, best of 3)%n",
        r.get("brute_force_queries_per_second"), (Integer) r.get("brute_force_queries"));
    out.printf(Locale.ROOT, "  speedup              %10.1f x%n", r.get("speedup"));
    out.printf(Locale.ROOT, "  recall               %10.4f (exact: %s)%n", r.get("recall"), r.get("exact"));
    out.printf(Locale.ROOT, "  heap used            %10.0f MiB (index arrays %.0f MiB, without index %.0f MiB)%n",
        r.get("heap_mib"), r.get("index_mib"), r.get("heap_without_index_mib"));
    out.printf(Locale.ROOT, "  save / load          %10.2f s / %.2f s (%.0f MiB file)%n",
        r.get("save_seconds"), r.get("load_seconds"), r.get("file_mib"));
  }

  private static String toJson(List<Map<String, Object>> results) {
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("size", results.getFirst().get("size"));
    top.put("radius", results.getFirst().get("radius"));
    top.put("queries_per_second", min(results, "queries_per_second"));
    top.put("queries_per_second_threads", min(results, "queries_per_second_threads"));
    top.put("brute_force_queries_per_second", min(results, "brute_force_queries_per_second"));
    top.put("speedup", min(results, "speedup"));
    top.put("recall", min(results, "recall"));
    top.put("build_seconds", max(results, "build_seconds"));
    top.put("heap_mib", max(results, "heap_mib"));
    top.put("load_seconds", max(results, "load_seconds"));
    StringBuilder sb = new StringBuilder(object(top));
    sb.setLength(sb.length() - 1);
    sb.append(",\"distributions\":{");
    for (int i = 0; i < results.size(); i++) {
      sb.append(i > 0 ? "," : "").append('"').append(results.get(i).get("distribution")).append("\":").append(object(results.get(i)));
    }
    return sb.append("}}").toString();
  }

  private static double min(List<Map<String, Object>> results, String key) {
    return results.stream().mapToDouble(r -> ((Number) r.get(key)).doubleValue()).min().orElseThrow();
  }

  private static double max(List<Map<String, Object>> results, String key) {
    return results.stream().mapToDouble(r -> ((Number) r.get(key)).doubleValue()).max().orElseThrow();
  }

  private static String object(Map<String, Object> fields) {
    StringBuilder sb = new StringBuilder("{");
    fields.forEach((k, v) -> {
      sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":");
      switch (v) {
        case String s -> sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        case Double x -> sb.append(String.format(Locale.ROOT, "%.4f", x));
        default -> sb.append(v);
      }
    });
    return sb.append('}').toString();
  }
}
