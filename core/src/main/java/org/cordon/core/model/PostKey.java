package org.cordon.core.model;

import java.util.Objects;

/** Identifies a post by its platform and the platform's own id for it. */
public record PostKey(Platform platform, String id) implements Subject{
  public PostKey {
    Objects.requireNonNull(platform, "platform");
    NativeIds.check("post", id);
  }

  public static PostKey of(Platform platform, String id) {
    return new PostKey(platform, id);
  }

  @Override
  public String toString() {
    return platform + ":post:" + id;
  }
}
