package org.cordon.core.signal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.Account;
import org.cordon.core.model.Post;

/** What a detector is given about one post: the post, its author when known, its media's hashes. */
public record PostContext(Post post, Optional<Account> author, List<MediaFingerprint> media) {
  public PostContext {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(author, "author");
    media = List.copyOf(media);
  }
}
