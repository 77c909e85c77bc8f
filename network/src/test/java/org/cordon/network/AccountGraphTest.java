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

  private static Interaction.Mention mention(String from, String to, String post, Instant at) {
    return new Interaction.Mention(account(from), to, Optional.of(account(to)), PostKey.of(Platform.X, post), at);
  }

  @Test
  void contactsAreMessagesAndMentionsBeyondThoseThatCameWithAShareOrAReply() {
    AccountGraph graph = new AccountGraph(Bounding.everything());
    graph.accept(post("p1", account("author"), T0));
    // A retweet: a share of author's post and a mention of its author, the same pair once each.
    graph.accept(new Interaction.Share(account("fan"), Interaction.Share.Kind.REPOST, PostKey.of(Platform.X, "rt1"),
        Optional.of(PostKey.of(Platform.X, "p1")), Optional.empty(), Optional.empty(), T0));
    graph.accept(mention("fan", "author", "rt1", T0));
    // A reply that names whom it answers.
    graph.accept(new Interaction.Reply(account("critic"), Optional.of(account("author")), PostKey.of(Platform.X, "re1"),
        PostKey.of(Platform.X, "p1"), T0));
    graph.accept(mention("critic", "author", "re1", T0));
    // Mentions that start contact: twice from recruiter to target, and once more from fan beyond its retweet.
    graph.accept(mention("recruiter", "target", "m1", T0));
    graph.accept(mention("recruiter", "target", "m2", T0.plusSeconds(60)));
    graph.accept(mention("fan", "author", "m3", T0.plusSeconds(60)));
    graph.acceptMessage(account("recruiter"), account("other"), T0);

    GraphSnapshot contacts = graph.contactSnapshot();

    int recruiter = Graphs.node(contacts, "recruiter");
    assertThat(contacts.outNeighbours(recruiter)).containsExactlyInAnyOrder(Graphs.node(contacts, "target"),
        Graphs.node(contacts, "other"));
    assertThat(contacts.outNeighbours(Graphs.node(contacts, "fan"))).containsExactly(Graphs.node(contacts, "author"));
    assertThat(contacts.out().weights[contacts.out().offsets[Graphs.node(contacts, "fan")]]).isEqualTo(1f);
    assertThat(contacts.outNeighbours(Graphs.node(contacts, "critic"))).isEmpty();
    assertThat(contacts.edges()).isEqualTo(3);
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
