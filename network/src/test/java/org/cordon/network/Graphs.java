package org.cordon.network;

import java.util.EnumSet;
import java.util.Optional;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Platform;

/** Small graphs whose right answers are known by hand, built through the public graph. */
final class Graphs {
  private Graphs() {}

  static AccountKey account(String id) {
    return AccountKey.of(Platform.X, id);
  }

  static void follow(AccountGraph graph, String from, String to) {
    graph.accept(new Interaction.Follow(account(from), account(to), Optional.empty()));
  }

  /** Follows in both directions, as friends do. */
  static void friends(AccountGraph graph, String one, String other) {
    follow(graph, one, other);
    follow(graph, other, one);
  }

  static void clique(AccountGraph graph, String... members) {
    for (int i = 0; i < members.length; i++) {
      for (int j = i + 1; j < members.length; j++) {
        friends(graph, members[i], members[j]);
      }
    }
  }

  /** A centre followed by and following each of {@code leaves} leaves: s0 … s(n-1). */
  static AccountGraph star(int leaves) {
    AccountGraph graph = new AccountGraph(Bounding.everything());
    for (int i = 0; i < leaves; i++) {
      friends(graph, "centre", "s" + i);
    }
    return graph;
  }

  /** Two 5-cliques a0..a4 and b0..b4 joined by a path a0 — m — b0. */
  static AccountGraph barbell() {
    AccountGraph graph = new AccountGraph(Bounding.everything());
    clique(graph, "a0", "a1", "a2", "a3", "a4");
    clique(graph, "b0", "b1", "b2", "b3", "b4");
    friends(graph, "a0", "m");
    friends(graph, "m", "b0");
    return graph;
  }

  /** A 4-clique p0..p3 and a 5-clique q0..q4 joined by the single link p0 — q0. */
  static AccountGraph twoCliquesAndABridge() {
    AccountGraph graph = new AccountGraph(Bounding.everything());
    clique(graph, "p0", "p1", "p2", "p3");
    clique(graph, "q0", "q1", "q2", "q3", "q4");
    friends(graph, "p0", "q0");
    return graph;
  }

  static GraphSnapshot follows(AccountGraph graph) {
    return graph.snapshot(EnumSet.of(EdgeKind.FOLLOW));
  }

  static int node(GraphSnapshot graph, String id) {
    return graph.nodeOf(account(id)).orElseThrow();
  }
}
