package org.cordon.core.model;

import java.util.Objects;

/** Identifies a media by its platform and the platform's own id for it. */
public record MediaKey(Platform platform, String id) {
  public MediaKey {
    Objects.requireNonNull(platform, "platform");
    NativeIds.check("media", id);
  }

  public static MediaKey of(Platform platform, String id) {
    return new MediaKey(platform, id);
  }

  @Override
  public String toString() {
    return platform + ":media:" + id;
  }
}
