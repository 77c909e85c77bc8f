package org.cordon.simulator;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Simulated time: starts at {@code start} and runs {@code speed} times faster than the real clock.
 * Built on a monotonic nano counter so a wall-clock jump does not move the simulation.
 */
final class SimulatedClock {
  private final Instant start;
  private final double speed;
  private final LongSupplier nanos;
  private final long startNanos;

  SimulatedClock(Instant start, double speed, LongSupplier nanos) {
    this.start = start;
    this.speed = speed;
    this.nanos = nanos;
    this.startNanos = nanos.getAsLong();
  }

  static SimulatedClock system(Instant start, double speed) {
    return new SimulatedClock(start, speed, System::nanoTime);
  }

  Instant now() {
    double simulatedNanos = (nanos.getAsLong() - startNanos) * speed;
    return start.plusNanos((long) simulatedNanos);
  }
}
