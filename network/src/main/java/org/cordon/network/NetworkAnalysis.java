package org.cordon.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.cordon.core.model.AccountKey;

/**
 * Every per-account measure of one snapshot, computed once: PageRank, PageRank personalised to the
 * seed accounts (confirmed accounts, or known-content posters), betweenness, k-core number, Leiden
 * community and brokerage, plus the structural bridges. {@link #keyAccounts} combines them into a
 * ranked list whose every entry says why it is there.
 */
public final class NetworkAnalysis {
  /**
   * How much each measure weighs in a key account's score; each measure is first scaled to [0, 1] by
   * its maximum, except outreach, which saturates (n outsiders give n / (n + 1)). Endorsement finds
   * the accounts the supporter community follows (outlets, popular ringleaders), while PageRank and
   * betweenness favour widely followed outsiders (journalists, popular ordinary users) and
   * personalised PageRank the busy distributors the seeds are made of; those break ties and give
   * reasons. Outreach finds the ringleaders that few follow: on range worlds (seeds 42, 4242, 4343,
   * 7311, 8123) a third to a half of the recruiters have fewer followers than the typical
   * distributor, and what sets them apart is that they, accounts with evidence of their own, start
   * contact with people outside the community (public mentions, private messages). Its weight puts
   * one such contact level with an endorsement a third of the top one.
   */
  public record Weights(double personalisedPageRank, double pageRank, double betweenness, double coreNumber,
      double originator, double endorsement, double outreach) {
    public static final Weights DEFAULT = new Weights(0.05, 0.02, 0.02, 0.01, 0.05, 0.85, 0.3);
  }

  /**
   * One entry of the key accounts list: a persona, named by its best-scoring account, with its
   * other accounts (joined by confident identity links) and the reasons it ranks here.
   */
  public record KeyAccount(int rank, AccountKey account, List<AccountKey> otherAccounts, double score, List<String> reasons) {
    public KeyAccount {
      Objects.requireNonNull(account, "account");
      otherAccounts = List.copyOf(otherAccounts);
      reasons = List.copyOf(reasons);
    }
  }

  private final GraphSnapshot graph;
  private final double[] pageRank;
  private final double[] personalised;
  private final double[] seedWeights;
  private final Betweenness.Result betweenness;
  private final int[] coreNumbers;
  private final Communities.Result communities;
  private final Bridges.Brokerage[] brokerage;
  private final List<Bridges.Link> bridges;
  private final Endorsement.Result endorsement;
  private final double[] outreach;

  private NetworkAnalysis(GraphSnapshot graph, GraphSnapshot follows, GraphSnapshot conversations, double[] seedWeights,
      int betweennessPivots, long seed) {
    this.graph = graph;
    this.endorsement = Endorsement.compute(follows, seedWeights);
    this.seedWeights = seedWeights.clone();
    this.outreach = outreach(graph, conversations, endorsement.membership(), this.seedWeights);
    this.pageRank = PageRank.uniform(graph);
    this.personalised = PageRank.personalised(graph, seedWeights);
    this.betweenness = Betweenness.compute(graph, betweennessPivots, seed);
    this.coreNumbers = CoreNumbers.compute(graph);
    this.communities = Communities.compute(graph, 1.0, seed);
    this.brokerage = Bridges.brokerage(graph, communities.community());
    this.bridges = Bridges.structural(graph);
  }

  /**
   * Analyses a snapshot. Personalised PageRank teleports to the accounts of {@code seeds} in
   * proportion to their weight (at least one positive weight; otherwise it equals plain PageRank);
   * confirmed accounts of the snapshot are added as seeds of weight 1 when absent.
   *
   * @param betweennessPivots sources sampled when exact betweenness is too costly
   */
  public static NetworkAnalysis of(GraphSnapshot graph, Map<AccountKey, Double> seeds, int betweennessPivots, long seed) {
    return of(graph, graph, graph, seeds, betweennessPivots, seed);
  }

  /**
   * As {@link #of(GraphSnapshot, Map, int, long)}, with community endorsement measured on
   * {@code follows}, a follow-only view of the same graph at the same moment (same nodes).
   */
  public static NetworkAnalysis of(GraphSnapshot graph, GraphSnapshot follows, Map<AccountKey, Double> seeds,
      int betweennessPivots, long seed) {
    return of(graph, follows, follows.withoutEdges(), seeds, betweennessPivots, seed);
  }

  /**
   * As {@link #of(GraphSnapshot, GraphSnapshot, Map, int, long)}, with outreach measured on
   * {@code conversations}, a view of private-conversation ({@link EdgeKind#MESSAGE}) edges.
   */
  public static NetworkAnalysis of(GraphSnapshot graph, GraphSnapshot follows, GraphSnapshot conversations,
      Map<AccountKey, Double> seeds, int betweennessPivots, long seed) {
    if (follows.nodes() != graph.nodes() || conversations.nodes() != graph.nodes()) {
      throw new IllegalArgumentException("the follow view must be of the same graph: " + follows.nodes() + " nodes, not "
          + graph.nodes());
    }
    double[] weights = new double[graph.nodes()];
    seeds.forEach((account, weight) -> graph.nodeOf(account).ifPresent(node -> weights[node] += Math.max(0, weight)));
    for (int v = 0; v < graph.nodes(); v++) {
      if (graph.standing(v) == Standing.CONFIRMED && weights[v] == 0) {
        weights[v] = 1;
      }
    }
    return new NetworkAnalysis(graph, follows, conversations, weights, betweennessPivots, seed);
  }

  // The recruiter's pattern: an account that itself carries evidence (a seed: it posted flagged or
  // known content, or the unit confirmed it) and belongs to the supporter community, yet names or
  // writes privately to people outside it. Membership times the number of distinct outsiders
  // (membership below one half, another persona). Replies are left out: they answer someone who
  // spoke first, while a mention or a private message starts the contact.
  private static double[] outreach(GraphSnapshot graph, GraphSnapshot conversations, double[] membership,
      double[] seedWeights) {
    int n = graph.nodes();
    boolean[] evidenced = new boolean[n];
    for (int v = 0; v < n; v++) {
      if (seedWeights[v] > 0) {
        evidenced[graph.persona(v)] = true;
      }
    }
    Csr out = conversations.out();
    double[] result = new double[n];
    for (int v = 0; v < n; v++) {
      if (!evidenced[graph.persona(v)]) {
        continue;
      }
      int outsiders = 0;
      for (int i = out.offsets[v]; i < out.offsets[v + 1]; i++) {
        int target = out.targets[i];
        if (membership[target] < 0.5 && graph.persona(target) != graph.persona(v)) {
          outsiders++;
        }
      }
      result[v] = membership[v] * outsiders;
    }
    return result;
  }

  public GraphSnapshot graph() {
    return graph;
  }

  public double pageRank(int node) {
    return pageRank[node];
  }

  public double personalisedPageRank(int node) {
    return personalised[node];
  }

  public double betweenness(int node) {
    return betweenness.scores()[node];
  }

  public boolean betweennessIsExact() {
    return betweenness.exact();
  }

  public int coreNumber(int node) {
    return coreNumbers[node];
  }

  public int community(int node) {
    return communities.community()[node];
  }

  public int communityCount() {
    return communities.count();
  }

  public double modularity() {
    return communities.modularity();
  }

  /** The participation coefficient of the account's links over communities, 0 (one community) to near 1. */
  public double participation(int node) {
    return brokerage[node].participation();
  }

  public int platformsLinked(int node) {
    return brokerage[node].platforms();
  }

  public int languagesLinked(int node) {
    return brokerage[node].languages();
  }

  /** How strongly the supporter community (the seeds and those who link mostly to them) follows the account. */
  public double endorsement(int node) {
    return endorsement.endorsement()[node];
  }

  /** Supporter-community membership times the outsiders the account writes to privately. */
  public double outreach(int node) {
    return outreach[node];
  }

  /** How much the account belongs to the supporter community, 0 to 1. */
  public double membership(int node) {
    return endorsement.membership()[node];
  }

  /** Links whose removal disconnects the graph, as pairs of accounts. */
  public List<List<AccountKey>> bridgeLinks() {
    return bridges.stream().map(link -> List.of(graph.account(link.one()), graph.account(link.other()))).toList();
  }

  /** Accounts at either end of a disconnecting link that joins two groups of more than one account each. */
  public List<AccountKey> bridgeAccounts() {
    Csr g = graph.undirected();
    return bridges.stream()
        .filter(link -> g.degree(link.one()) > 1 && g.degree(link.other()) > 1)
        .flatMap(link -> java.util.stream.Stream.of(link.one(), link.other()))
        .distinct().sorted().map(graph::account).toList();
  }

  /**
   * The {@code limit} accounts with the highest combined score, best first. {@code originated}
   * counts, per account, the known items it posted first (from {@link Originators}); empty if
   * unknown.
   */
  public List<KeyAccount> keyAccounts(int limit, Map<AccountKey, Integer> originated, Weights weights) {
    int n = graph.nodes();
    double[] originCount = new double[n];
    originated.forEach((account, count) -> graph.nodeOf(account).ifPresent(node -> originCount[node] = count));
    double[] core = Arrays.stream(coreNumbers).asDoubleStream().toArray();
    double[] between = betweenness.scores();
    double[] endorsed = endorsement.endorsement();
    double maxPersonalised = max(personalised);
    double maxPageRank = max(pageRank);
    double maxBetween = max(between);
    double maxCore = max(core);
    double maxOrigin = max(originCount);
    double maxEndorsed = max(endorsed);
    double[] score = new double[n];
    for (int v = 0; v < n; v++) {
      score[v] = weights.personalisedPageRank() * personalised[v] / maxPersonalised
          + weights.pageRank() * pageRank[v] / maxPageRank
          + weights.betweenness() * between[v] / maxBetween
          + weights.coreNumber() * core[v] / maxCore
          + weights.originator() * originCount[v] / maxOrigin
          + weights.endorsement() * endorsed[v] / maxEndorsed
          + weights.outreach() * saturated(outreach[v]);
    }
    int[] personalisedRank = ranks(personalised);
    int[] pageRankRank = ranks(pageRank);
    int[] betweenRank = ranks(between);
    int[] endorsedRank = ranks(endorsed);
    int topCore = (int) maxCore;
    int notable = Math.max(10, n / 100);
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.<Integer>comparingDouble(v -> -score[v]).thenComparing(v -> graph.account(v).toString()));
    Map<Integer, List<AccountKey>> personaAccounts = new java.util.HashMap<>();
    for (int v = 0; v < n; v++) {
      if (graph.persona(v) != v) {
        personaAccounts.computeIfAbsent(graph.persona(v), p -> new ArrayList<>(List.of(graph.account(p))))
            .add(graph.account(v));
      }
    }
    java.util.Set<Integer> listed = new java.util.HashSet<>();
    List<KeyAccount> result = new ArrayList<>();
    for (int i = 0; i < n && result.size() < limit; i++) {
      int v = order[i];
      if (!listed.add(graph.persona(v))) {
        continue; // one entry per persona, under its best account
      }
      List<String> reasons = new ArrayList<>();
      if (graph.standing(v) != Standing.UNMARKED) {
        reasons.add("marked " + graph.standing(v).name().toLowerCase(Locale.ROOT) + " by the unit");
      }
      if (seedWeights[v] > 0) {
        reasons.add("a seed of the personalised ranking (flagged by detection, known-content poster or confirmed)");
      }
      if (endorsedRank[v] <= notable && endorsed[v] > 0) {
        reasons.add(String.format(Locale.ROOT,
            "followed by the supporter community: endorsement %.1f, rank %d of %d (%.1f community followers of %d)",
            endorsed[v], endorsedRank[v], n, endorsement.communityFollowers()[v], endorsement.followers()[v]));
      }
      if (outreach[v] > 0) {
        reasons.add(String.format(Locale.ROOT,
            "reaches outside the community: a supporter (membership %.2f) with evidence of its own that mentions or"
                + " writes privately to %.0f account(s) outside it",
            endorsement.membership()[v], outreach[v] / Math.max(1e-9, endorsement.membership()[v])));
      }
      if (personalisedRank[v] <= notable && personalised[v] > 0) {
        reasons.add(String.format(Locale.ROOT, "close to the seed accounts: personalised PageRank %.4f, rank %d of %d",
            personalised[v], personalisedRank[v], n));
      }
      if (pageRankRank[v] <= notable) {
        reasons.add(String.format(Locale.ROOT, "widely followed, mentioned or shared: PageRank %.4f, rank %d of %d",
            pageRank[v], pageRankRank[v], n));
      }
      if (betweenRank[v] <= notable && between[v] > 0) {
        reasons.add(String.format(Locale.ROOT, "on many shortest paths between others: betweenness %.0f, rank %d%s",
            between[v], betweenRank[v], betweenness.exact() ? "" : " (estimated from " + betweenness.pivots() + " pivots)"));
      }
      if (topCore > 1 && coreNumbers[v] == topCore) {
        reasons.add("in the densest core of the network (k-core " + coreNumbers[v] + ")");
      }
      if (originCount[v] > 0) {
        reasons.add("posted " + (int) originCount[v] + " known item(s) first");
      }
      Bridges.Brokerage broker = brokerage[v];
      if (broker.participation() >= 0.5 && broker.communities() >= 3) {
        reasons.add(String.format(Locale.ROOT, "links %d communities (participation %.2f)", broker.communities(),
            broker.participation()));
      }
      if (broker.platforms() > 1) {
        reasons.add("linked across " + broker.platforms() + " platforms");
      }
      reasons.add(String.format(Locale.ROOT, "community %d, %d distinct neighbours", community(v), graph.degree(v)));
      List<AccountKey> others = personaAccounts.getOrDefault(graph.persona(v), List.of()).stream()
          .filter(account -> !account.equals(graph.account(v))).toList();
      if (!others.isEmpty()) {
        reasons.add("same persona as " + others.size() + " other account(s)");
      }
      result.add(new KeyAccount(result.size() + 1, graph.account(v), others, score[v], reasons));
    }
    return result;
  }

  // Outreach counts people, and a handful is already the pattern: 1 → 0.5, 2 → 0.67, 5 → 0.83.
  // Scaling by the maximum instead would let one prolific account push every other one to zero.
  private static double saturated(double count) {
    return count / (1 + count);
  }

  private static double max(double[] values) {
    double max = 0;
    for (double value : values) {
      max = Math.max(max, value);
    }
    return max == 0 ? 1 : max;
  }

  // 1 = highest value.
  private static int[] ranks(double[] values) {
    Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(v -> -values[v]));
    int[] rank = new int[values.length];
    for (int i = 0; i < order.length; i++) {
      rank[order[i]] = i + 1;
    }
    return rank;
  }
}
