package org.cordon.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cordon.network.Graphs.account;
import static org.cordon.network.Graphs.follow;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisruptionPlannerTest {

  /**
   * One source "src" whose material reaches 20 accounts only through the relay "hub" (they follow
   * the hub, the hub follows the source), plus 12 idle accounts that follow each other in a ring
   * and so have higher degree than anyone but the hub.
   */
  private static AccountGraph relayedAudience() {
    AccountGraph graph = new AccountGraph(Bounding.everything());
    follow(graph, "hub", "src");
    follow(graph, "direct", "src");
    for (int i = 0; i < 20; i++) {
      follow(graph, "f" + i, "hub");
    }
    for (int i = 0; i < 12; i++) {
      for (int j = 1; j <= 3; j++) {
        follow(graph, "idle" + i, "idle" + ((i + j) % 12));
      }
    }
    return graph;
  }

  @Test
  void removingTheRelayCutsTheAudienceAndBeatsTheBaselines() {
    GraphSnapshot follows = Graphs.follows(relayedAudience());

    DisruptionPlanner.Plan plan = DisruptionPlanner.plan(follows, List.of(account("src")), 1, 2, 7);

    // src, hub, direct and the 20 followers of the hub.
    assertThat(plan.reachBefore()).isEqualTo(23);
    // Removing src empties everything; that is the right answer for a single source.
    assertThat(plan.plan().accounts()).containsExactly(account("src"));
    assertThat(plan.plan().reachAfter()).isZero();
    assertThat(plan.plan().reduction()).isEqualTo(1.0);
    assertThat(plan.byDegree().reachAfter()).isGreaterThanOrEqualTo(plan.plan().reachAfter());
  }

  @Test
  void eachGreedyStepReportsWhatItCut() {
    GraphSnapshot follows = Graphs.follows(relayedAudience());

    DisruptionPlanner.Plan plan = DisruptionPlanner.plan(follows, List.of(account("src"), account("direct")), 2, 2, 7);

    // Two sources: src and direct (who also follows src). Removing src first leaves only direct
    // reached (22 cut); removing direct then empties the reach.
    assertThat(plan.plan().accounts()).containsExactlyInAnyOrder(account("src"), account("direct"));
    assertThat(plan.plan().reachAfter()).isZero();
    assertThat(plan.steps()).hasSize(2);
    assertThat(plan.steps().get(0).account()).isEqualTo(account("src"));
    assertThat(plan.steps().get(0).reachRemoved()).isEqualTo(22);
    assertThat(plan.steps().get(1).reachRemoved()).isEqualTo(1);
  }

  @Test
  void withManySourcesTheSharedRelayIsTheBestSingleRemoval() {
    AccountGraph graph = relayedAudience();
    for (int i = 0; i < 5; i++) {
      follow(graph, "hub", "src" + i);
    }
    GraphSnapshot follows = Graphs.follows(graph);
    List<org.cordon.core.model.AccountKey> sources =
        List.of(account("src0"), account("src1"), account("src2"), account("src3"), account("src4"));

    DisruptionPlanner.Plan plan = DisruptionPlanner.plan(follows, sources, 1, 2, 7);

    // Five sources all reach the 20 followers through the hub: only removing the hub cuts them.
    assertThat(plan.reachBefore()).isEqualTo(5 + 1 + 20);
    assertThat(plan.plan().accounts()).containsExactly(account("hub"));
    assertThat(plan.plan().reachAfter()).isEqualTo(5);
    assertThat(plan.random().reachAfter()).isEqualTo(25);
    assertThat(plan.plan().reduction()).isGreaterThan(plan.random().reduction());
  }

  @Test
  void aBudgetBelowOneIsRefusedWithAReason() {
    GraphSnapshot follows = Graphs.follows(relayedAudience());

    assertThatThrownBy(() -> DisruptionPlanner.plan(follows, List.of(account("src")), 0, 2, 7))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budget");
  }
}
