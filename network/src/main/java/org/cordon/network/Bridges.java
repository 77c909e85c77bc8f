package org.cordon.network;

import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Two views of "bridge". Structural: the links whose removal disconnects the graph (Tarjan's
 * low-link, iterative so deep graphs do not overflow the stack) and the accounts at their ends.
 * Brokerage: accounts whose links spread over several communities, platforms or languages,
 * measured by the participation coefficient 1 − Σ (share of link weight into community c)².
 */
final class Bridges {
  private Bridges() {}

  /** One structural bridge, {@code one < other}. */
  record Link(int one, int other) {}

  static List<Link> structural(GraphSnapshot graph) {
    Csr g = graph.undirected();
    int n = g.nodes;
    int[] discovered = new int[n];
    int[] low = new int[n];
    int[] parent = new int[n];
    int[] nextEdge = new int[n];
    Arrays.fill(discovered, -1);
    int[] stack = new int[n];
    int time = 0;
    List<Link> bridges = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (discovered[root] >= 0) {
        continue;
      }
      int top = 0;
      stack[top++] = root;
      parent[root] = -1;
      discovered[root] = low[root] = time++;
      nextEdge[root] = g.offsets[root];
      while (top > 0) {
        int v = stack[top - 1];
        if (nextEdge[v] < g.offsets[v + 1]) {
          int w = g.targets[nextEdge[v]++];
          if (discovered[w] < 0) {
            parent[w] = v;
            discovered[w] = low[w] = time++;
            nextEdge[w] = g.offsets[w];
            stack[top++] = w;
          } else if (w != parent[v]) {
            low[v] = Math.min(low[v], discovered[w]);
          }
        } else {
          top--;
          int p = parent[v];
          if (p >= 0) {
            low[p] = Math.min(low[p], low[v]);
            if (low[v] > discovered[p]) {
              bridges.add(new Link(Math.min(p, v), Math.max(p, v)));
            }
          }
        }
      }
    }
    return bridges;
  }

  /** How an account's links spread over groups other than its own. */
  record Brokerage(double participation, int communities, int platforms, int languages) {}

  static Brokerage[] brokerage(GraphSnapshot graph, int[] community) {
    Csr g = graph.undirected();
    Brokerage[] result = new Brokerage[g.nodes];
    Int2DoubleOpenHashMap weightByCommunity = new Int2DoubleOpenHashMap();
    Set<String> platforms = new HashSet<>();
    Set<String> languages = new HashSet<>();
    for (int v = 0; v < g.nodes; v++) {
      weightByCommunity.clear();
      platforms.clear();
      languages.clear();
      platforms.add(graph.platform(v).name());
      if (!graph.language(v).isEmpty()) {
        languages.add(graph.language(v));
      }
      double total = 0;
      for (int i = g.offsets[v]; i < g.offsets[v + 1]; i++) {
        int w = g.targets[i];
        weightByCommunity.addTo(community[w], g.weights[i]);
        total += g.weights[i];
        platforms.add(graph.platform(w).name());
        if (!graph.language(w).isEmpty()) {
          languages.add(graph.language(w));
        }
      }
      double concentration = 0;
      for (double w : weightByCommunity.values()) {
        concentration += (w / total) * (w / total);
      }
      double participation = total == 0 ? 0 : 1 - concentration;
      result[v] = new Brokerage(participation, weightByCommunity.size(), platforms.size(), languages.size());
    }
    return result;
  }
}
