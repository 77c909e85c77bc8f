package org.cordon.app.takedown;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock every component of the evaluation reads (desk, stores, dispatcher, platform
 * simulator). It stands still until the event loop moves it to the next event, and never moves back.
 */
final class SimulatedTime extends Clock {
  private final AtomicReference<Instant> now;

  SimulatedTime(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  /** Moves the clock to {@code instant}; an instant in the past leaves it where it is. */
  void advanceTo(Instant instant) {
    now.accumulateAndGet(instant, (current, next) -> next.isAfter(current) ? next : current);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated clock runs in UTC only");
  }
}
