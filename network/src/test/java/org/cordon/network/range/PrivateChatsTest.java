package org.cordon.network.range;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.network.AccountGraph;
import org.cordon.network.Bounding;
import org.cordon.network.EdgeKind;
import org.junit.jupiter.api.Test;

class PrivateChatsTest {
  private static final Instant T0 = Instant.parse("2014-09-03T14:00:00Z");
  private static final AccountKey WRITER = AccountKey.of(Platform.TELEGRAM, "user100");
  private static final AccountKey PEER = AccountKey.of(Platform.TELEGRAM, "user500");
  private static final AccountKey GROUP = AccountKey.of(Platform.TELEGRAM, "channel1400");

  private static Post post(String id, AccountKey author, int minute) {
    return new Post(PostKey.of(Platform.TELEGRAM, id), author, T0.plusSeconds(60L * minute), "placeholder",
        Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void messagesInAPersonalChatLinkBothPartiesAndGroupPostsLinkNobody() {
    AccountGraph graph = new AccountGraph(Bounding.everything());
    List<Post> posts = List.of(post("500/1", WRITER, 0), post("500/2", PEER, 5), post("500/3", WRITER, 9),
        post("1400/7", WRITER, 12));

    int messages = PrivateChats.link(posts, Set.of(WRITER, PEER, GROUP), graph);

    assertThat(messages).isEqualTo(3);
    assertThat(graph.edge(WRITER, PEER, EdgeKind.MESSAGE).orElseThrow().count()).isEqualTo(2);
    assertThat(graph.edge(PEER, WRITER, EdgeKind.MESSAGE).orElseThrow().count()).isEqualTo(1);
    assertThat(graph.edge(WRITER, GROUP, EdgeKind.MESSAGE)).isEmpty();
  }
}
