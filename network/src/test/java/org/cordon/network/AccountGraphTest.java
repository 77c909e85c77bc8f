package org.cordon.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cordon.network.Graphs.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.junit.jupiter.api.Test;

class AccountGraphTest {
  private static final Instant T0 = Instant.parse("2014-09-01T00:00:00Z");

  private static Post post(String id, AccountKey author, Instant at) {
    return new Post(PostKey.of(author.platform(), id), author, at, "placeholder", Optional.of("en"), Optional.empty(),
        List.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void theSameInteractionTwiceIsOneEdgeCountedTwiceWithItsFirstAndLastTime() {
    AccountGraph graph = new AccountGraph(Bounding.everything());
    PostKey original = PostKey.of(Platform.X, "p1");

    graph.accept(post("p1", account("b"), T0));
    graph.accept(new Interaction.Share(account("a"), Interaction.Share.Kind.REPOST, PostKey.of(Platform.X, "r1"),
        Optional.of(original), Optional.empty(), Optional.empty(), T0.plusSeconds(60)));
    graph.accept(new Interaction.Share(account("a"), Interaction.Share.Kind.REPOST, PostKey.of(Platform.X, "r2"),
        Optional.of(original), Optional.empty(), Optional.empty(), T0.plusSeconds(600)));

    assertThat(graph.edges()).isEqualTo(1);
    AccountGraph.EdgeFacts facts = graph.edge(account("a"), account("b"), EdgeKind.SHARE).orElseThrow();
    assertThat(facts.count()).isEqualTo(2);
    assertThat(facts.first()).contains(T0.plusSeconds(60));
    assertThat(facts.last()).contains(T0.plusSeconds(600));
    assertThat(graph.edge(account("b"), account("a"), EdgeKind.SHARE)).isEmpty();
  }

  @Test
  void aMentionByHandleResolvesThroughTheAccountsSeen() {
    AccountGraph graph = new AccountGraph(Bounding.everything());
    graph.accept(Account.minimal(account("42"), "Lantern_Light"));

    graph.accept(new Interaction.Mention(account("7"), "@lantern_light", Optional.empty(), PostKey.of(Platform.X, "p"), T0));
    graph.accept(new Interaction.Mention(account("7"), "nobody_known", Optional.empty(), PostKey.of(Platform.X, "q"), T0));

    assertThat(graph.edge(account("7"), account("42"), EdgeKind.MENTION)).isPresent();
    assertThat(graph.edges()).isEqualTo(1);
  }

  @Test
  void aBoundedGraphKeepsOnlyTheNeighbourhoodOfMarkedAccounts() {
    AccountGraph graph = new AccountGraph(Bounding.neighbourhood(1));
    graph.mark(account("flagged"), Standing.FLAGGED);

    Graphs.follow(graph, "fan", "flagged");
    Graphs.follow(graph, "fan", "elsewhere");
    Graphs.follow(graph, "stranger", "other");

    assertThat(graph.contains(account("fan"))).isTrue();
    assertThat(graph.contains(account("elsewhere"))).isFalse();
    assertThat(graph.contains(account("stranger"))).isFalse();
    assertThat(graph.edges()).isEqualTo(1);
  }

  @Test
  void twoHopsKeepTheLinksOfNeighboursAndPruningDropsThemOnceUnmarked() {
    AccountGraph graph = new AccountGraph(Bounding.neighbourhood(2));
    graph.mark(account("flagged"), Standing.CONFIRMED);
    Graphs.follow(graph, "fan", "flagged");
    Graphs.follow(graph, "friend", "fan");
    Graphs.follow(graph, "far", "friend");
    assertThat(graph.edges()).isEqualTo(2);
    assertThat(graph.contains(account("far"))).isFalse();

    graph.mark(account("flagged"), Standing.UNMARKED);
    graph.mark(account("friend"), Standing.FLAGGED);
    graph.prune();

    // friend is now the anchor: fan (1 hop) stays, flagged (2 hops) stays as an end of fan's link.
    assertThat(graph.contains(account("friend"))).isTrue();
    assertThat(graph.contains(account("fan"))).isTrue();
    assertThat(graph.edge(account("friend"), account("fan"), EdgeKind.FOLLOW)).isPresent();
    assertThat(graph.edge(account("fan"), account("flagged"), EdgeKind.FOLLOW)).isPresent();
    assertThat(graph.standing(account("friend"))).isEqualTo(Standing.FLAGGED);
  }

  @Test
  void identityLinksJoinPersonasAcrossPlatformsAndPointBothWays() {
    AccountGraph graph = new AccountGraph(Bounding.everything());
    AccountKey onX = AccountKey.of(Platform.X, "1");
    AccountKey onTelegram = AccountKey.of(Platform.TELEGRAM, "user1");
    AccountKey unsure = AccountKey.of(Platform.MASTODON, "host/1");

    graph.linkIdentity(onTelegram, onX, 0.9, Optional.empty());
    graph.linkIdentity(onX, unsure, 0.3, Optional.empty());
    GraphSnapshot snapshot = graph.snapshot(EnumSet.of(EdgeKind.IDENTITY));

    int x = snapshot.nodeOf(onX).orElseThrow();
    int telegram = snapshot.nodeOf(onTelegram).orElseThrow();
    int mastodon = snapshot.nodeOf(unsure).orElseThrow();
    assertThat(snapshot.outNeighbours(x)).contains(telegram, mastodon);
    assertThat(snapshot.outNeighbours(telegram)).containsExactly(x);
    assertThat(snapshot.persona(x)).isEqualTo(snapshot.persona(telegram));
    assertThat(snapshot.persona(mastodon)).isNotEqualTo(snapshot.persona(x));
    assertThat(graph.edge(onX, onTelegram, EdgeKind.IDENTITY).orElseThrow().confidence()).isCloseTo(0.9,
        org.assertj.core.data.Offset.offset(1e-6));
    assertThatThrownBy(() -> graph.linkIdentity(onX, unsure, 1.5, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence");
  }

  @Test
  void aOnePlatformViewLeavesOutOtherPlatformsAndIdentityLinks() {
    AccountGraph graph = new AccountGraph(Bounding.everything());
    Graphs.follow(graph, "a", "b");
    graph.accept(new Interaction.Follow(AccountKey.of(Platform.MASTODON, "h/1"), AccountKey.of(Platform.MASTODON, "h/2"),
        Optional.empty()));
    graph.linkIdentity(account("a"), AccountKey.of(Platform.MASTODON, "h/1"), 0.9, Optional.empty());

    GraphSnapshot x = graph.snapshot(EnumSet.allOf(EdgeKind.class), Optional.of(Platform.X));

    assertThat(x.edges()).isEqualTo(1);
    assertThat(x.nodes()).isEqualTo(graph.accounts());
  }
}
