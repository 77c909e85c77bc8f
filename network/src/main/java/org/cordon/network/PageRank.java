package org.cordon.network;

import java.util.stream.IntStream;

/**
 * Weighted PageRank by power iteration, pulling along in-edges so that each iteration is one pass
 * over the edges and runs in parallel without locks. An edge u→v (u follows, mentions, replies to
 * or shares v) passes rank from u to v in proportion to its weight. Rank of accounts without
 * out-edges, and the teleport share, go to the teleport distribution: uniform for plain PageRank,
 * the seed accounts for the personalised one.
 */
final class PageRank {
  static final double DAMPING = 0.85;
  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-9;

  private PageRank() {}

  static double[] uniform(GraphSnapshot graph) {
    double[] teleport = new double[graph.nodes()];
    java.util.Arrays.fill(teleport, 1.0 / Math.max(1, graph.nodes()));
    return compute(graph, teleport);
  }

  /** {@code seedWeights} need not sum to one; all zero falls back to uniform. */
  static double[] personalised(GraphSnapshot graph, double[] seedWeights) {
    double total = 0;
    for (double w : seedWeights) {
      total += Math.max(0, w);
    }
    if (total == 0) {
      return uniform(graph);
    }
    double[] teleport = new double[graph.nodes()];
    for (int i = 0; i < teleport.length; i++) {
      teleport[i] = Math.max(0, seedWeights[i]) / total;
    }
    return compute(graph, teleport);
  }

  private static double[] compute(GraphSnapshot graph, double[] teleport) {
    int n = graph.nodes();
    Csr out = graph.out();
    Csr in = graph.in();
    double[] outWeight = new double[n];
    IntStream.range(0, n).parallel().forEach(u -> outWeight[u] = out.outWeight(u));
    double[] rank = teleport.clone();
    double[] next = new double[n];
    double[] share = new double[n];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] current = rank;
      double dangling = IntStream.range(0, n).parallel()
          .mapToDouble(u -> {
            if (outWeight[u] > 0) {
              share[u] = current[u] / outWeight[u];
              return 0;
            }
            share[u] = 0;
            return current[u];
          }).sum();
      double base = (1 - DAMPING) + DAMPING * dangling;
      double[] target = next;
      IntStream.range(0, n).parallel().forEach(v -> {
        double sum = 0;
        for (int i = in.offsets[v]; i < in.offsets[v + 1]; i++) {
          sum += in.weights[i] * share[in.targets[i]];
        }
        target[v] = DAMPING * sum + base * teleport[v];
      });
      double change = IntStream.range(0, n).parallel().mapToDouble(v -> Math.abs(target[v] - current[v])).sum();
      next = rank;
      rank = target;
      if (change < TOLERANCE * Math.max(1, n / 1000.0)) {
        break;
      }
    }
    return rank;
  }
}
