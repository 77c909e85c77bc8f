package org.cordon.range.world;

import java.util.List;

/**
 * One picture attached to a post: a release's canonical image (empty transforms) or a repost
 * variant, with what the range promises about its perceptual distance to the canonical image.
 *
 * @param path relative to the world directory, always under {@code media/}
 */
record MediaRef(String mediaId, String path, String canonicalMediaId, List<String> transforms, int statedMaxDistance,
    boolean expectedToMatch, int width, int height, boolean thumbnail) {
  MediaRef {
    transforms = List.copyOf(transforms);
  }

  /** The number part of the id, for formats that want numeric media ids. */
  long numericId() {
    return Math.abs((long) mediaId.hashCode()) * 1000 + (mediaId.length() % 1000);
  }
}
