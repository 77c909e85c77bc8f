package org.cordon.network;

/**
 * k-core numbers by Batagelj and Zaversnik's bucket algorithm, O(edges): the largest k such that
 * the account lies in a subgraph where everyone has at least k distinct neighbours. The dense
 * centre of a network has the highest core number.
 */
final class CoreNumbers {
  private CoreNumbers() {}

  static int[] compute(GraphSnapshot graph) {
    Csr g = graph.undirected();
    int n = g.nodes;
    int[] degree = new int[n];
    int maxDegree = 0;
    for (int v = 0; v < n; v++) {
      degree[v] = g.degree(v);
      maxDegree = Math.max(maxDegree, degree[v]);
    }
    int[] binStart = new int[maxDegree + 1];
    for (int v = 0; v < n; v++) {
      binStart[degree[v]]++;
    }
    int start = 0;
    for (int d = 0; d <= maxDegree; d++) {
      int count = binStart[d];
      binStart[d] = start;
      start += count;
    }
    int[] order = new int[n];
    int[] position = new int[n];
    for (int v = 0; v < n; v++) {
      position[v] = binStart[degree[v]]++;
      order[position[v]] = v;
    }
    for (int d = maxDegree; d > 0; d--) {
      binStart[d] = binStart[d - 1];
    }
    if (maxDegree >= 0 && binStart.length > 0) {
      binStart[0] = 0;
    }
    for (int i = 0; i < n; i++) {
      int v = order[i];
      for (int e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
        int u = g.targets[e];
        if (degree[u] > degree[v]) {
          int du = degree[u];
          int pu = position[u];
          int pw = binStart[du];
          int w = order[pw];
          if (u != w) {
            position[u] = pw;
            order[pu] = w;
            position[w] = pu;
            order[pw] = u;
          }
          binStart[du]++;
          degree[u]--;
        }
      }
    }
    return degree;
  }
}
