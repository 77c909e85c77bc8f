package org.cordon.range.world;

import java.time.Instant;
import java.util.Objects;

/**
 * What world to generate. The same spec gives the same bytes.
 *
 * @param maxVariants transformed variants per release image (files are written once each)
 */
public record WorldSpec(long seed, int accounts, int days, Instant start, MediaMode media, int maxVariants) {
  public static final Instant DEFAULT_START = Instant.parse("2014-09-01T00:00:00Z");

  public WorldSpec {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(media, "media");
    if (accounts < 50) {
      throw new IllegalArgumentException("a world needs at least 50 accounts, got " + accounts);
    }
    if (days < 1 || days > 3650) {
      throw new IllegalArgumentException("days must be 1..3650, got " + days);
    }
    if (maxVariants < 1 || maxVariants > 64) {
      throw new IllegalArgumentException("max variants must be 1..64, got " + maxVariants);
    }
  }

  public static WorldSpec of(long seed, int accounts, int days) {
    return new WorldSpec(seed, accounts, days, DEFAULT_START, MediaMode.THUMBS, 2);
  }

  public WorldSpec withMedia(MediaMode mode) {
    return new WorldSpec(seed, accounts, days, start, mode, maxVariants);
  }
}
