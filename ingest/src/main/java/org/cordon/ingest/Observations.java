package org.cordon.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;

/**
 * What one record observes, gathered while it is mapped: each account, media and post once (a
 * retweet of a quote names the same author twice), in a stable order: accounts, media, posts,
 * then interactions.
 */
final class Observations {
  private final Map<AccountKey, Account> accounts = new LinkedHashMap<>();
  private final Map<MediaKey, Media> media = new LinkedHashMap<>();
  private final Map<PostKey, Post> posts = new LinkedHashMap<>();
  private final List<Interaction> interactions = new ArrayList<>();

  void account(Account account) {
    accounts.putIfAbsent(account.key(), account);
  }

  void media(Media item) {
    media.putIfAbsent(item.key(), item);
  }

  void post(Post post) {
    posts.putIfAbsent(post.key(), post);
  }

  void interaction(Interaction interaction) {
    if (!interactions.contains(interaction)) {
      interactions.add(interaction);
    }
  }

  List<Observed> all() {
    List<Observed> all = new ArrayList<>(accounts.size() + media.size() + posts.size() + interactions.size());
    all.addAll(accounts.values());
    all.addAll(media.values());
    all.addAll(posts.values());
    all.addAll(interactions);
    return all;
  }
}
