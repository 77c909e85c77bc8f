package org.cordon.simulator;

import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Simulated time. By default it starts at {@code start} and runs {@code speed} times faster than
 * the real clock, on a monotonic nano counter so a wall-clock jump does not move the simulation.
 * An external time source instead makes the simulator read the time of whoever drives it (a
 * discrete-event evaluation that advances its clock from event to event).
 */
final class SimulatedClock {
  private final Supplier<Instant> now;

  private SimulatedClock(Supplier<Instant> now) {
    this.now = now;
  }

  SimulatedClock(Instant start, double speed, LongSupplier nanos) {
    this(running(start, speed, nanos));
  }

  static SimulatedClock system(Instant start, double speed) {
    return new SimulatedClock(start, speed, System::nanoTime);
  }

  /** Time as the external source tells it; the simulator never moves it. */
  static SimulatedClock external(Supplier<Instant> source) {
    Objects.requireNonNull(source, "source");
    return new SimulatedClock(() -> Objects.requireNonNull(source.get(), "the external time source gave no instant"));
  }

  private static Supplier<Instant> running(Instant start, double speed, LongSupplier nanos) {
    long startNanos = nanos.getAsLong();
    return () -> start.plusNanos((long) ((nanos.getAsLong() - startNanos) * speed));
  }

  Instant now() {
    return now.get();
  }
}
