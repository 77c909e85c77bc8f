package org.cordon.network;

import java.util.Arrays;
import java.util.Objects;

/**
 * A weighted directed graph in compressed sparse rows: the out-neighbours of node {@code u} are
 * {@code targets[offsets[u] .. offsets[u+1])}, sorted, without duplicates or self-loops. Primitive
 * arrays only, so a 10,000,000-edge graph costs about 80 MB per direction.
 */
final class Csr {
  final int nodes;
  final int[] offsets;
  final int[] targets;
  final float[] weights;

  private Csr(int nodes, int[] offsets, int[] targets, float[] weights) {
    this.nodes = nodes;
    this.offsets = offsets;
    this.targets = targets;
    this.weights = weights;
  }

  int edges() {
    return targets.length;
  }

  int degree(int node) {
    return offsets[node + 1] - offsets[node];
  }

  boolean has(int from, int to) {
    return Arrays.binarySearch(targets, offsets[from], offsets[from + 1], to) >= 0;
  }

  double outWeight(int node) {
    double sum = 0;
    for (int i = offsets[node]; i < offsets[node + 1]; i++) {
      sum += weights[i];
    }
    return sum;
  }

  /**
   * Builds rows from the first {@code count} edges of parallel arrays. Parallel edges are merged
   * (weights summed) and self-loops dropped, because every algorithm here treats a pair once.
   */
  static Csr of(int nodes, int[] from, int[] to, float[] weight, int count) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(weight, "weight");
    int[] offsets = new int[nodes + 1];
    for (int i = 0; i < count; i++) {
      if (from[i] != to[i]) {
        offsets[from[i] + 1]++;
      }
    }
    for (int u = 0; u < nodes; u++) {
      offsets[u + 1] += offsets[u];
    }
    // Target and weight packed in one long so that one primitive sort orders a row by target.
    long[] packed = new long[offsets[nodes]];
    int[] cursor = Arrays.copyOf(offsets, nodes);
    for (int i = 0; i < count; i++) {
      if (from[i] != to[i]) {
        packed[cursor[from[i]]++] = pack(to[i], weight[i]);
      }
    }
    return fromPackedRows(nodes, offsets, packed);
  }

  private static long pack(int target, float weight) {
    return ((long) target << 32) | (Float.floatToRawIntBits(weight) & 0xffffffffL);
  }

  private static Csr fromPackedRows(int nodes, int[] offsets, long[] packed) {
    int[] newOffsets = new int[nodes + 1];
    int write = 0;
    for (int u = 0; u < nodes; u++) {
      int start = offsets[u];
      int end = offsets[u + 1];
      Arrays.sort(packed, start, end);
      newOffsets[u] = write;
      int last = -1;
      for (int i = start; i < end; i++) {
        int target = (int) (packed[i] >>> 32);
        float w = Float.intBitsToFloat((int) packed[i]);
        if (target == last) {
          int previous = write - 1;
          packed[previous] = pack(target, Float.intBitsToFloat((int) packed[previous]) + w);
        } else {
          packed[write++] = pack(target, w);
          last = target;
        }
      }
    }
    newOffsets[nodes] = write;
    int[] targets = new int[write];
    float[] weights = new float[write];
    for (int i = 0; i < write; i++) {
      targets[i] = (int) (packed[i] >>> 32);
      weights[i] = Float.intBitsToFloat((int) packed[i]);
    }
    return new Csr(nodes, newOffsets, targets, weights);
  }

  /** The same edges reversed: the in-neighbours of each node. */
  Csr transpose() {
    int[] offsetsT = new int[nodes + 1];
    for (int target : targets) {
      offsetsT[target + 1]++;
    }
    for (int u = 0; u < nodes; u++) {
      offsetsT[u + 1] += offsetsT[u];
    }
    int[] targetsT = new int[targets.length];
    float[] weightsT = new float[targets.length];
    int[] cursor = Arrays.copyOf(offsetsT, nodes);
    // Sources are visited in increasing order, so each reversed row comes out sorted.
    for (int u = 0; u < nodes; u++) {
      for (int i = offsets[u]; i < offsets[u + 1]; i++) {
        int slot = cursor[targets[i]]++;
        targetsT[slot] = u;
        weightsT[slot] = weights[i];
      }
    }
    return new Csr(nodes, offsetsT, targetsT, weightsT);
  }

  /**
   * The undirected graph: each pair linked in either direction appears in both rows once, with the
   * weights of both directions summed.
   */
  Csr undirected() {
    Csr reversed = transpose();
    int[] offsetsU = new int[nodes + 1];
    for (int u = 0; u < nodes; u++) {
      offsetsU[u + 1] = offsetsU[u] + degree(u) + reversed.degree(u);
    }
    long[] packed = new long[offsetsU[nodes]];
    for (int u = 0; u < nodes; u++) {
      int write = offsetsU[u];
      for (int i = offsets[u]; i < offsets[u + 1]; i++) {
        packed[write++] = pack(targets[i], weights[i]);
      }
      for (int i = reversed.offsets[u]; i < reversed.offsets[u + 1]; i++) {
        packed[write++] = pack(reversed.targets[i], reversed.weights[i]);
      }
    }
    return fromPackedRows(nodes, offsetsU, packed);
  }
}
