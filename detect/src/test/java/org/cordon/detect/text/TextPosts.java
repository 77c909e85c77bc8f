package org.cordon.detect.text;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.PostContext;

final class TextPosts {
  private TextPosts() {}

  static PostContext post(String text) {
    Post post = new Post(PostKey.of(Platform.TELEGRAM, "p1"), AccountKey.of(Platform.TELEGRAM, "a1"),
        Instant.parse("2026-01-01T00:00:00Z"), text, Optional.empty(), Optional.empty(),
        List.of(), List.of(), List.of(), List.of(), List.of());
    return new PostContext(post, Optional.empty(), List.of());
  }
}
