package org.cordon.network;


/**
 * How strongly the supporter community follows an account. Membership starts at 1 for the seed
 * accounts and spreads to accounts that link mostly to members (the community is insular: its
 * accounts follow each other far more than outsiders do), over a few rounds, never above 1.
 * Endorsement of v is then (Σ membership of v's followers)² / followers of v: the community's
 * followers, discounted by how much of v's audience lies outside it, so that a journalist followed
 * by the whole world and some supporters ranks below a ringleader followed by supporters only.
 */
final class Endorsement {
  private static final int ROUNDS = 3;
  /** An account with fewer links than this says too little about where it belongs. */
  private static final int MIN_LINKS = 2;

  record Result(double[] membership, double[] communityFollowers, int[] followers, double[] endorsement) {}

  private Endorsement() {}

  static Result compute(GraphSnapshot follows, double[] seedWeights) {
    Csr out = follows.out();
    Csr in = follows.in();
    int n = out.nodes;
    double[] seed = new double[n];
    for (int v = 0; v < n; v++) {
      if (seedWeights[v] > 0) {
        seed[follows.persona(v)] = 1; // a persona with one seed account is a member on every platform
      }
    }
    double[] membership = new double[n];
    for (int v = 0; v < n; v++) {
      membership[v] = seed[follows.persona(v)];
    }
    for (int round = 0; round < ROUNDS; round++) {
      double[] next = new double[n];
      for (int u = 0; u < n; u++) {
        double share = 0;
        if (out.degree(u) >= MIN_LINKS) {
          double total = 0;
          for (int i = out.offsets[u]; i < out.offsets[u + 1]; i++) {
            total += out.weights[i];
            share += out.weights[i] * membership[out.targets[i]];
          }
          share /= total;
        }
        next[u] = Math.max(seed[follows.persona(u)], share);
      }
      // A persona belongs as much as its most committed account.
      double[] byPersona = new double[n];
      for (int u = 0; u < n; u++) {
        byPersona[follows.persona(u)] = Math.max(byPersona[follows.persona(u)], next[u]);
      }
      for (int u = 0; u < n; u++) {
        membership[u] = byPersona[follows.persona(u)];
      }
    }
    double[] communityFollowers = new double[n];
    double[] endorsement = new double[n];
    int[] followers = new int[n];
    for (int v = 0; v < n; v++) {
      followers[v] = in.degree(v);
      double sum = 0;
      for (int i = in.offsets[v]; i < in.offsets[v + 1]; i++) {
        sum += membership[in.targets[i]];
      }
      communityFollowers[v] = sum;
      endorsement[v] = in.degree(v) == 0 ? 0 : sum * sum / in.degree(v);
    }
    return new Result(membership, communityFollowers, followers, endorsement);
  }
}
