package org.cordon.detect.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.MediaFingerprint;
import org.cordon.core.signal.PostContext;

final class MediaTestPosts {
  static final Platform PLATFORM = Platform.X;

  private MediaTestPosts() {}

  static PostContext postWith(MediaFingerprint... media) {
    Post post = new Post(
        PostKey.of(PLATFORM, "post-1"),
        AccountKey.of(PLATFORM, "account-1"),
        Instant.parse("2026-01-01T00:00:00Z"),
        "placeholder text",
        Optional.empty(),
        Optional.empty(),
        List.of(media).stream().map(MediaFingerprint::media).toList(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
    return new PostContext(post, Optional.empty(), List.of(media));
  }

  static MediaKey mediaKey(String id) {
    return MediaKey.of(PLATFORM, id);
  }
}
