package org.cordon.network;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Brandes' betweenness on the undirected, unweighted graph: how many shortest paths between other
 * accounts pass through an account. Exact when one breadth-first search per node is affordable;
 * otherwise from a seeded sample of source pivots, scaled up by nodes / pivots (an unbiased
 * estimate, Brandes and Pich 2007).
 */
final class Betweenness {
  /** Node-times-edge work that exact betweenness may spend (a few seconds here). */
  static final long EXACT_WORK_LIMIT = 2_000_000_000L;

  record Result(double[] scores, boolean exact, int pivots) {}

  private Betweenness() {}

  static Result compute(GraphSnapshot graph, int samplePivots, long seed) {
    return compute(graph, samplePivots, seed, EXACT_WORK_LIMIT);
  }

  static Result compute(GraphSnapshot graph, int samplePivots, long seed, long exactWorkLimit) {
    Csr g = graph.undirected();
    int n = g.nodes;
    long work = (long) n * Math.max(1, g.edges() + n);
    int[] sources;
    boolean exact = work <= exactWorkLimit || samplePivots >= n;
    if (exact) {
      sources = new int[n];
      Arrays.setAll(sources, i -> i);
    } else {
      SplittableRandom random = new SplittableRandom(seed);
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      for (int i = 0; i < samplePivots; i++) {
        int j = i + random.nextInt(n - i);
        int swap = all[i];
        all[i] = all[j];
        all[j] = swap;
      }
      sources = Arrays.copyOf(all, samplePivots);
    }
    double[] scores = new double[n];
    int[] stack = new int[n];
    int[] queue = new int[n];
    int[] dist = new int[n];
    double[] sigma = new double[n];
    double[] delta = new double[n];
    Arrays.fill(dist, -1);
    for (int s : sources) {
      int head = 0;
      int tail = 0;
      int top = 0;
      queue[tail++] = s;
      dist[s] = 0;
      sigma[s] = 1;
      while (head < tail) {
        int v = queue[head++];
        stack[top++] = v;
        for (int i = g.offsets[v]; i < g.offsets[v + 1]; i++) {
          int w = g.targets[i];
          if (dist[w] < 0) {
            dist[w] = dist[v] + 1;
            queue[tail++] = w;
          }
          if (dist[w] == dist[v] + 1) {
            sigma[w] += sigma[v];
          }
        }
      }
      // Predecessors are the neighbours one step closer, so no predecessor lists are stored.
      while (top > 0) {
        int w = stack[--top];
        for (int i = g.offsets[w]; i < g.offsets[w + 1]; i++) {
          int v = g.targets[i];
          if (dist[v] == dist[w] - 1) {
            delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
          }
        }
        if (w != s) {
          scores[w] += delta[w];
        }
      }
      for (int i = 0; i < tail; i++) {
        int v = queue[i];
        dist[v] = -1;
        sigma[v] = 0;
        delta[v] = 0;
      }
    }
    // Each undirected path is counted from both ends.
    double scale = (exact ? 1.0 : (double) n / sources.length) / 2.0;
    for (int v = 0; v < n; v++) {
      scores[v] *= scale;
    }
    return new Result(scores, exact, sources.length);
  }
}
