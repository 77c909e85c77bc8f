package org.cordon.app.live;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Observed;
import org.cordon.network.AccountGraph;
import org.cordon.network.Bounding;
import org.cordon.network.EdgeKind;
import org.cordon.network.GraphSnapshot;
import org.cordon.network.NetworkAnalysis;
import org.cordon.network.Standing;

/**
 * The account graph the live pipeline keeps: bounded to {@value #HOPS} hops around flagged and
 * confirmed accounts, so it grows with the network under watch and not with the platforms. It is
 * analysed on the pipeline's tick (never per post), and the last analysis answers the key accounts,
 * community and ranking questions until the next one.
 */
final class NetworkWatch {
  static final int HOPS = 2;
  static final int KEY_ACCOUNTS = 100;
  static final int BETWEENNESS_PIVOTS = 128;
  /** Kinds as they weigh in the ranking view (the weights of the network module's evaluation). */
  static final Map<EdgeKind, Double> RANKING_WEIGHTS = Map.of(EdgeKind.FOLLOW, 1.0, EdgeKind.MENTION, 0.5, EdgeKind.REPLY, 0.5,
      EdgeKind.SHARE, 1.0, EdgeKind.IDENTITY, 1.0, EdgeKind.MESSAGE, 0.5);

  private final AccountGraph graph = new AccountGraph(Bounding.neighbourhood(HOPS));
  private boolean changed;
  private volatile Optional<LiveAccounts.Analysis> last = Optional.empty();

  synchronized void accept(Observed observed) {
    changed |= graph.accept(observed);
  }

  /**
   * Flags or confirms an account; a confirmed one is never lowered to flagged. Returns whether the
   * account was unmarked before (it anchors the bound only now).
   */
  synchronized boolean mark(AccountKey account, Standing standing) {
    Standing now = graph.standing(account);
    if (now == standing || (now == Standing.CONFIRMED && standing == Standing.FLAGGED)) {
      return false;
    }
    graph.mark(account, standing);
    changed = true;
    return now == Standing.UNMARKED;
  }

  /** Takes a stored interaction unless the graph has an edge of its kind between its accounts already. */
  synchronized void backfill(org.cordon.core.model.Interaction interaction) {
    Optional<AccountKey> to = switch (interaction) {
      case org.cordon.core.model.Interaction.Follow f -> Optional.of(f.to());
      case org.cordon.core.model.Interaction.Mention m -> m.to();
      case org.cordon.core.model.Interaction.Reply r -> r.to();
      case org.cordon.core.model.Interaction.Share s -> s.originalAuthor();
    };
    EdgeKind kind = switch (interaction) {
      case org.cordon.core.model.Interaction.Follow f -> EdgeKind.FOLLOW;
      case org.cordon.core.model.Interaction.Mention m -> EdgeKind.MENTION;
      case org.cordon.core.model.Interaction.Reply r -> EdgeKind.REPLY;
      case org.cordon.core.model.Interaction.Share s -> EdgeKind.SHARE;
    };
    if (to.isPresent() && graph.edge(interaction.from(), to.get(), kind).isEmpty()) {
      changed |= graph.accept(interaction);
    }
  }

  synchronized void linkIdentity(AccountKey predecessor, AccountKey successor, double confidence, Instant at) {
    changed |= graph.linkIdentity(predecessor, successor, Math.max(1e-6, Math.min(1, confidence)), Optional.of(at));
  }

  synchronized int accounts() {
    return graph.accounts();
  }

  synchronized int edges() {
    return graph.edges();
  }

  synchronized boolean changedSinceAnalysis() {
    return changed;
  }

  /**
   * Analyses the graph as it stands. The snapshots are taken under the lock; the analysis itself
   * runs outside it, so ingest is not held up by it.
   */
  LiveAccounts.Analysis analyse(Instant now) {
    GraphSnapshot everything;
    GraphSnapshot follows;
    GraphSnapshot conversations;
    synchronized (this) {
      everything = graph.snapshotForRanking(RANKING_WEIGHTS);
      follows = graph.snapshot(EnumSet.of(EdgeKind.FOLLOW));
      conversations = graph.snapshot(EnumSet.of(EdgeKind.MENTION, EdgeKind.MESSAGE));
      changed = false;
    }
    Map<AccountKey, Double> seeds = new HashMap<>();
    for (int v = 0; v < everything.nodes(); v++) {
      if (everything.standing(v) != Standing.UNMARKED) {
        seeds.put(everything.account(v), 1.0);
      }
    }
    NetworkAnalysis analysis = NetworkAnalysis.of(everything, follows, conversations, seeds, BETWEENNESS_PIVOTS, 1L);
    List<NetworkAnalysis.KeyAccount> key = everything.nodes() == 0 ? List.of()
        : analysis.keyAccounts(KEY_ACCOUNTS, Map.of(), NetworkAnalysis.Weights.DEFAULT);
    Map<AccountKey, Integer> ranks = new HashMap<>();
    for (NetworkAnalysis.KeyAccount k : key) {
      ranks.putIfAbsent(k.account(), k.rank());
      k.otherAccounts().forEach(other -> ranks.putIfAbsent(other, k.rank()));
    }
    LiveAccounts.Analysis result = new LiveAccounts.Analysis(now, analysis, key, Map.copyOf(ranks));
    last = Optional.of(result);
    return result;
  }

  Optional<LiveAccounts.Analysis> lastAnalysis() {
    return last;
  }

  /** In [0, 1]: 1 for the first key account, falling linearly to the last listed; empty when not listed. */
  OptionalDouble rank(AccountKey account) {
    Optional<LiveAccounts.Analysis> a = last;
    if (a.isEmpty()) {
      return OptionalDouble.empty();
    }
    Integer rank = a.get().ranks().get(account);
    return rank == null ? OptionalDouble.empty() : OptionalDouble.of(1.0 - (rank - 1.0) / KEY_ACCOUNTS);
  }

  /**
   * The accounts within {@code hops} (1 or 2) of {@code account}, nearest first, at most {@code limit},
   * with every edge between them by kind. Empty when the account is not in the graph.
   */
  Optional<LiveAccounts.Neighbourhood> neighbourhood(AccountKey account, int hops, int limit) {
    GraphSnapshot view;
    synchronized (this) {
      if (!graph.contains(account)) {
        return Optional.empty();
      }
      view = graph.snapshot(EnumSet.allOf(EdgeKind.class));
    }
    OptionalInt start = view.nodeOf(account);
    if (start.isEmpty()) {
      return Optional.empty();
    }
    Map<Integer, Integer> distance = new LinkedHashMap<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    distance.put(start.getAsInt(), 0);
    queue.add(start.getAsInt());
    boolean truncated = false;
    while (!queue.isEmpty()) {
      int u = queue.poll();
      int d = distance.get(u);
      if (d >= hops) {
        continue;
      }
      List<Integer> next = new ArrayList<>();
      for (int v : view.outNeighbours(u)) {
        next.add(v);
      }
      for (int v : view.inNeighbours(u)) {
        next.add(v);
      }
      for (int v : next) {
        if (!distance.containsKey(v)) {
          if (distance.size() >= limit) {
            truncated = true;
            break;
          }
          distance.put(v, d + 1);
          queue.add(v);
        }
      }
    }
    Map<AccountKey, Integer> distances = new LinkedHashMap<>();
    Map<AccountKey, Standing> standings = new LinkedHashMap<>();
    distance.forEach((node, d) -> {
      distances.put(view.account(node), d);
      standings.put(view.account(node), view.standing(node));
    });
    List<LiveAccounts.Edge> edges = new ArrayList<>();
    Map<EdgeKind, Integer> byKind = new EnumMap<>(EdgeKind.class);
    synchronized (this) {
      for (int u : distance.keySet()) {
        for (int v : view.outNeighbours(u)) {
          if (!distance.containsKey(v)) {
            continue;
          }
          for (EdgeKind kind : EdgeKind.values()) {
            AccountKey from = view.account(u);
            AccountKey to = view.account(v);
            if (kind == EdgeKind.IDENTITY && from.toString().compareTo(to.toString()) > 0) {
              continue; // an identity edge points both ways in the view; list it once
            }
            graph.edge(from, to, kind).ifPresent(facts -> {
              edges.add(new LiveAccounts.Edge(from, to, kind, facts.count(), facts.first(), facts.last()));
              byKind.merge(kind, facts.count(), Integer::sum);
            });
          }
        }
      }
    }
    return Optional.of(new LiveAccounts.Neighbourhood(account, hops, distances, standings, edges, byKind, truncated));
  }
}
