package org.cordon.desk;

import java.time.Instant;
import java.util.Objects;

/** A message to a national unit: a hold placed on one of its selectors, or a hit. {@code refId} is the hold's or the hit's id. */
public record Notification(long id, String unit, Kind kind, long refId, String message, Instant createdAt) {
  public Notification {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public enum Kind {
    HOLD,
    HIT
  }
}
