package org.cordon.range.world;

import java.util.List;
import java.util.Optional;

/**
 * A post as the simulation made it, before a format writes it. {@code number} is the platform's
 * numeric id where it has one (X and Mastodon snowflakes, the video sequence); Telegram posts are
 * identified by chat and message id.
 */
record Post(Site site, Kind kind, String postId, long number, long chatId, int messageId, int account, long atMs,
    Text text, Lang lang, Optional<Post> referenced, List<MediaRef> media, Truth truth, String url) {

  enum Kind {
    ORIGINAL,
    REPLY,
    REPOST,
    QUOTE,
    FORWARD,
    UPLOAD,
    COMMENT
  }

  Post {
    media = List.copyOf(media);
  }

  /** The same post without what it points to, so remembered posts never form long chains. */
  Post flat() {
    return referenced.isEmpty() ? this : new Post(site, kind, postId, number, chatId, messageId, account, atMs, text,
        lang, Optional.empty(), media, truth, url);
  }
}
