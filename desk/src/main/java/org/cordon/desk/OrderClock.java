package org.cordon.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;

/**
 * A removal order's one-hour clock (TCO Art. 3(3)): it starts when the platform confirms receipt
 * (the first ACKNOWLEDGED in the order's history), not when the order was issued or sent, and it
 * stops at removal. Before receipt there is no clock.
 *
 * @param receivedAt the platform's confirmed receipt
 * @param dueBy receipt plus one hour
 * @param overdue removed after {@code dueBy}, or still not removed (nor rejected) at the time of the query after {@code dueBy}
 */
public record OrderClock(RequestId id, Platform platform, String reference, RequestStatus status, Optional<Instant> receivedAt,
    Optional<Instant> dueBy, Optional<Instant> removedAt, boolean overdue) {
  /** Art. 3(3): remove or disable within one hour of receipt. */
  public static final Duration DEADLINE = Duration.ofHours(1);

  public OrderClock {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(dueBy, "dueBy");
    Objects.requireNonNull(removedAt, "removedAt");
  }

  static OrderClock of(RequestId id, Platform platform, String reference, RequestStatus status, Optional<Instant> receivedAt,
      Optional<Instant> removedAt, Instant now) {
    Optional<Instant> due = receivedAt.map(r -> r.plus(DEADLINE));
    boolean overdue = due.isPresent() && switch (status) {
      case REMOVED -> removedAt.map(r -> r.isAfter(due.get())).orElse(false);
      case REJECTED, FAILED -> false;
      case PENDING, SENT, ACKNOWLEDGED -> now.isAfter(due.get());
    };
    return new OrderClock(id, platform, reference, status, receivedAt, due, removedAt, overdue);
  }
}
