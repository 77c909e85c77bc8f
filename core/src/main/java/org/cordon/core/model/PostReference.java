package org.cordon.core.model;

import java.util.Objects;

/** A post's link to another post: the one it replies to, reposts, quotes or forwards. */
public record PostReference(Kind kind, PostKey target) {
  public PostReference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
  }

  public enum Kind {
    REPLY_TO,
    REPOST_OF,
    QUOTE_OF,
    FORWARD_OF
  }
}
