package org.cordon.network;

import java.util.Random;
import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;

/**
 * Leiden communities (Traag, Waltman and van Eck 2019, the CWTS implementation) maximising
 * modularity on the undirected weighted graph. Communities are numbered from 0 by size, largest
 * first. The network is handed over in compressed rows holding each pair in both rows, which is
 * the form the library keeps internally; its edge-list constructor would instead want each pair
 * once and rejects the other direction as a duplicate.
 */
final class Communities {
  /**
   * Leiden passes: two on ordinary graphs; one from a million links up, where a second pass costs
   * as much as the first and moves modularity by well under a percent.
   */
  private static final int ITERATIONS = 2;
  private static final int LARGE_ITERATIONS = 1;
  private static final long LARGE_LINKS = 1_000_000;

  record Result(int[] community, int count, double modularity) {}

  private Communities() {}

  static Result compute(GraphSnapshot graph, double resolution, long seed) {
    Csr g = graph.undirected();
    int n = g.nodes;
    if (n == 0) {
      return new Result(new int[0], 0, 0);
    }
    long[] first = new long[n + 1];
    for (int v = 0; v <= n; v++) {
      first[v] = g.offsets[v];
    }
    double[] weights = new double[g.weights.length];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = g.weights[i];
    }
    Network network = new Network(n, true, first, new LargeIntArray(g.targets), new LargeDoubleArray(weights), false);
    double scaled = resolution / (2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks());
    int iterations = g.edges() / 2 >= LARGE_LINKS ? LARGE_ITERATIONS : ITERATIONS;
    LeidenAlgorithm leiden = new LeidenAlgorithm(scaled, iterations, LeidenAlgorithm.DEFAULT_RANDOMNESS, new Random(seed));
    Clustering clustering = new Clustering(n);
    leiden.improveClustering(network, clustering);
    clustering.orderClustersByNNodes();
    // With node weights equal to degrees and the scaled resolution, the library's normalised CPM
    // quality is modularity.
    double modularity = leiden.calcQuality(network, clustering);
    return new Result(clustering.getClusters(), clustering.getNClusters(), modularity);
  }
}
