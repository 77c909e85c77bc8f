package org.cordon.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cordon.network.Graphs.account;
import static org.cordon.network.Graphs.node;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.cordon.core.model.Interaction;
import org.junit.jupiter.api.Test;

class KnownGraphsTest {

  @Test
  void theCentreOfAStarHasTheTopPageRankAndBetweenness() {
    GraphSnapshot star = Graphs.follows(Graphs.star(8));
    NetworkAnalysis analysis = NetworkAnalysis.of(star, Map.of(), 64, 1);
    int centre = node(star, "centre");

    for (int v = 0; v < star.nodes(); v++) {
      if (v != centre) {
        assertThat(analysis.pageRank(centre)).isGreaterThan(analysis.pageRank(v));
        assertThat(analysis.betweenness(v)).isZero();
      }
    }
    // Every pair of the 8 leaves talks through the centre: C(8,2) = 28 shortest paths.
    assertThat(analysis.betweenness(centre)).isEqualTo(28.0);
    assertThat(analysis.betweennessIsExact()).isTrue();
    assertThat(analysis.keyAccounts(1, Map.of(), NetworkAnalysis.Weights.DEFAULT).get(0).account())
        .isEqualTo(account("centre"));
  }

  @Test
  void sampledBetweennessStillPutsTheBarbellBridgeFirst() {
    GraphSnapshot barbell = Graphs.follows(Graphs.barbell());
    long seed = 11;

    Betweenness.Result sampled = Betweenness.compute(barbell, 6, seed, 0);

    assertThat(sampled.exact()).isFalse();
    assertThat(sampled.pivots()).isEqualTo(6);
    int middle = node(barbell, "m");
    for (int v = 0; v < barbell.nodes(); v++) {
      if (v != middle) {
        assertThat(sampled.scores()[middle]).as("seed %d, node %d", seed, v).isGreaterThanOrEqualTo(sampled.scores()[v]);
      }
    }
  }

  @Test
  void outreachCountsSupportersWithEvidenceOfTheirOwnWritingOrMentioningOutsiders() {
    AccountGraph graph = Graphs.barbell();
    // a1 (a seed) writes privately to b3 and b4 and mentions b2 in public; a0 (a member only because
    // it follows members) writes to b3; b1 (an outsider) writes to b2.
    Instant at = Instant.parse("2014-09-01T00:00:00Z");
    graph.acceptMessage(account("a1"), account("b3"), at);
    graph.acceptMessage(account("a1"), account("b4"), at);
    graph.accept(new Interaction.Mention(account("a1"), "b2", Optional.of(account("b2")),
        org.cordon.core.model.PostKey.of(org.cordon.core.model.Platform.X, "post-1"), at));
    graph.acceptMessage(account("a0"), account("b3"), at);
    graph.acceptMessage(account("b1"), account("b2"), at);
    GraphSnapshot follows = Graphs.follows(graph);
    GraphSnapshot conversations = graph.snapshot(java.util.EnumSet.of(EdgeKind.MESSAGE, EdgeKind.MENTION));

    NetworkAnalysis analysis = NetworkAnalysis.of(follows, follows, conversations,
        Map.of(account("a1"), 1.0, account("a2"), 1.0, account("a3"), 1.0, account("a4"), 1.0), 16, 1);

    assertThat(analysis.membership(node(follows, "a1"))).isEqualTo(1.0);
    assertThat(analysis.membership(node(follows, "a0"))).isGreaterThanOrEqualTo(0.5);
    assertThat(analysis.membership(node(follows, "b3"))).isLessThan(0.5);
    assertThat(analysis.outreach(node(follows, "a1"))).isEqualTo(3.0);
    // a0 carries no evidence of its own: following members is not enough to be a recruiter.
    assertThat(analysis.outreach(node(follows, "a0"))).isZero();
    assertThat(analysis.outreach(node(follows, "b1"))).isZero();
  }

  @Test
  void aSupporterWhoReachesOutsidersRanksAboveTheOtherMembersOfItsClique() {
    AccountGraph graph = Graphs.barbell();
    Instant at = Instant.parse("2014-09-01T00:00:00Z");
    graph.acceptMessage(account("a3"), account("b2"), at);
    GraphSnapshot follows = Graphs.follows(graph);
    GraphSnapshot conversations = graph.snapshot(java.util.EnumSet.of(EdgeKind.MESSAGE, EdgeKind.MENTION));
    Map<org.cordon.core.model.AccountKey, Double> seeds = Map.of(account("a1"), 1.0, account("a2"), 1.0, account("a3"), 1.0,
        account("a4"), 1.0);

    List<NetworkAnalysis.KeyAccount> key = NetworkAnalysis.of(follows, follows, conversations, seeds, 16, 1)
        .keyAccounts(1, Map.of(), NetworkAnalysis.Weights.DEFAULT);

    assertThat(key.get(0).account()).isEqualTo(account("a3"));
    assertThat(key.get(0).reasons()).anySatisfy(reason -> assertThat(reason)
        .contains("reaches outside the community").contains("1 account(s) outside it"));
  }

  @Test
  void pageRankSumsToOne() {
    GraphSnapshot barbell = Graphs.follows(Graphs.barbell());
    NetworkAnalysis analysis = NetworkAnalysis.of(barbell, Map.of(account("a3"), 1.0), 64, 1);

    double plain = IntStream.range(0, barbell.nodes()).mapToDouble(analysis::pageRank).sum();
    double personal = IntStream.range(0, barbell.nodes()).mapToDouble(analysis::personalisedPageRank).sum();

    assertThat(plain).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(personal).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void personalisedPageRankFavoursTheSeedsSideOfABarbell() {
    GraphSnapshot barbell = Graphs.follows(Graphs.barbell());
    NetworkAnalysis analysis = NetworkAnalysis.of(barbell, Map.of(account("a3"), 1.0), 64, 1);

    assertThat(analysis.personalisedPageRank(node(barbell, "a1")))
        .isGreaterThan(analysis.personalisedPageRank(node(barbell, "b1")));
    // Plain PageRank is symmetric between the two sides.
    assertThat(analysis.pageRank(node(barbell, "a1")))
        .isCloseTo(analysis.pageRank(node(barbell, "b1")), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void theBridgeOfABarbellHasTheTopBetweennessAndSplitsTwoCommunities() {
    GraphSnapshot barbell = Graphs.follows(Graphs.barbell());
    NetworkAnalysis analysis = NetworkAnalysis.of(barbell, Map.of(), 64, 1);
    int middle = node(barbell, "m");
    int a0 = node(barbell, "a0");
    int b0 = node(barbell, "b0");

    List<Integer> byBetweenness = IntStream.range(0, barbell.nodes()).boxed()
        .sorted((x, y) -> Double.compare(analysis.betweenness(y), analysis.betweenness(x))).toList();
    assertThat(byBetweenness.subList(0, 3)).containsExactlyInAnyOrder(middle, a0, b0);
    // m lies on every path between the 5 a's and the 5 b's: 25 pairs.
    assertThat(analysis.betweenness(middle)).isEqualTo(25.0);

    assertThat(analysis.communityCount()).isEqualTo(2);
    int sideA = analysis.community(node(barbell, "a1"));
    int sideB = analysis.community(node(barbell, "b1"));
    assertThat(sideA).isNotEqualTo(sideB);
    for (int i = 0; i < 5; i++) {
      assertThat(analysis.community(node(barbell, "a" + i))).isEqualTo(sideA);
      assertThat(analysis.community(node(barbell, "b" + i))).isEqualTo(sideB);
    }
    assertThat(analysis.modularity()).isGreaterThan(0.3);
  }

  @Test
  void twoCliquesHaveTheirSizeMinusOneAsCoreNumberAndOneBridge() {
    GraphSnapshot graph = Graphs.follows(Graphs.twoCliquesAndABridge());
    NetworkAnalysis analysis = NetworkAnalysis.of(graph, Map.of(), 64, 1);

    for (int i = 0; i < 4; i++) {
      assertThat(analysis.coreNumber(node(graph, "p" + i))).as("p%d", i).isEqualTo(3);
    }
    for (int i = 0; i < 5; i++) {
      assertThat(analysis.coreNumber(node(graph, "q" + i))).as("q%d", i).isEqualTo(4);
    }
    assertThat(analysis.bridgeLinks()).hasSize(1);
    assertThat(analysis.bridgeLinks().get(0)).containsExactlyInAnyOrder(account("p0"), account("q0"));
    assertThat(analysis.bridgeAccounts()).containsExactlyInAnyOrder(account("p0"), account("q0"));
    assertThat(analysis.participation(node(graph, "p0"))).isGreaterThan(0);
    assertThat(analysis.participation(node(graph, "p1"))).isZero();
  }

  @Test
  void keyAccountsGiveReasons() {
    GraphSnapshot barbell = Graphs.follows(Graphs.barbell());
    NetworkAnalysis analysis = NetworkAnalysis.of(barbell, Map.of(account("a3"), 1.0), 64, 1);

    List<NetworkAnalysis.KeyAccount> key = analysis.keyAccounts(5, Map.of(account("a3"), 2), NetworkAnalysis.Weights.DEFAULT);

    assertThat(key).hasSize(5);
    assertThat(key).extracting(NetworkAnalysis.KeyAccount::rank).containsExactly(1, 2, 3, 4, 5);
    assertThat(key).allSatisfy(entry -> assertThat(entry.reasons()).isNotEmpty());
    assertThat(key.stream().filter(k -> k.account().equals(account("a3"))).findFirst().orElseThrow().reasons())
        .anySatisfy(reason -> assertThat(reason).contains("posted 2 known item(s) first"));
  }
}
