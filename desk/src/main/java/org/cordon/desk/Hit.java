package org.cordon.desk;

import java.time.Instant;
import java.util.Objects;
import org.cordon.core.model.Platform;

/**
 * A selector seen again, for its owner unit: once per (selector, item).
 *
 * @param itemKind POST, ACCOUNT or MEDIA
 * @param matched which identifier of the item matched ("author handle", "post link", ...)
 */
public record Hit(long id, long selectorId, String unit, String itemKind, Platform platform, String itemId, String matched, Instant seenAt) {
  public Hit {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(itemKind, "itemKind");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(matched, "matched");
    Objects.requireNonNull(seenAt, "seenAt");
  }
}
