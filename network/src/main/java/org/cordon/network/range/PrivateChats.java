package org.cordon.network.range;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.network.AccountGraph;

/**
 * Private conversations in Telegram exports. A personal chat's id is the other party's user id,
 * and the Telegram connector keys a post as {@code <chat id>/<message id>} and names the chat as an
 * account ({@code user<chat id>}) the first time it reads it. So a post in chat C, when
 * {@code user<C>} was seen, is a private message: from its author to the chat's user, or from that
 * user to the other authors of the chat.
 */
final class PrivateChats {
  private PrivateChats() {}

  /** Adds the private messages to the graph; returns how many. */
  static int link(List<Post> telegramPosts, Set<AccountKey> accountsSeen, AccountGraph graph) {
    Map<AccountKey, List<Post>> byPeer = new HashMap<>();
    for (Post post : telegramPosts) {
      int slash = post.key().id().indexOf('/');
      if (slash <= 0) {
        continue;
      }
      AccountKey peer = AccountKey.of(Platform.TELEGRAM, "user" + post.key().id().substring(0, slash));
      if (accountsSeen.contains(peer)) {
        byPeer.computeIfAbsent(peer, p -> new ArrayList<>()).add(post);
      }
    }
    int messages = 0;
    for (Map.Entry<AccountKey, List<Post>> chat : byPeer.entrySet()) {
      AccountKey peer = chat.getKey();
      Set<AccountKey> others = new LinkedHashSet<>();
      chat.getValue().stream().map(Post::author).filter(author -> !author.equals(peer)).forEach(others::add);
      for (Post post : chat.getValue()) {
        if (!post.author().equals(peer)) {
          messages += graph.acceptMessage(post.author(), peer, post.postedAt()) ? 1 : 0;
        } else {
          for (AccountKey other : others) {
            messages += graph.acceptMessage(peer, other, post.postedAt()) ? 1 : 0;
          }
        }
      }
    }
    return messages;
  }
}
