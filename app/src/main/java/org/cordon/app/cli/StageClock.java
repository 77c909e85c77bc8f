package org.cordon.app.cli;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Where the triage bench's worker CPU goes, stage by stage, without the clock costing what it
 * measures. A thread's CPU clock is a system call (about 0.67 µs on this machine, against 0.03 µs
 * for the wall clock), and timing every stage of every post took about seven of them per post:
 * the workers' CPU went from 44 to 47 µs a post to 38 once they stopped, a fifteenth of the
 * whole path spent on the measurement.
 *
 * <p>So each measured site (a unit of input, a judged post, a new post's account update, an
 * interaction) times one event in {@value #EVERY} and counts them all; a stage's CPU is estimated
 * as each site's timed CPU times its events over its timed events. Units are few and always timed.
 * The workers' total CPU is still read exactly, once per thread.
 */
final class StageClock {
  /** One event of a site in this many is timed. */
  static final int EVERY = 8;

  /** Where a worker reads the clock. */
  enum Site {
    /** Reading a unit of input into records: few, so each is timed. */
    UNIT,
    /** A post judged: language, detectors, classifier, assessment. */
    JUDGED_POST,
    /** A post seen for the first time, given to the account risk tracker. */
    FIRST_POST,
    /** An interaction given to the account risk tracker. */
    INTERACTION
  }

  private final LongSupplier threadCpuNanos;
  private final long readCost;
  private final int stages;
  private final long[] events = new long[Site.values().length];
  private final long[] timed = new long[Site.values().length];
  private final long[][] nanos;

  /**
   * @param threadCpuNanos the calling thread's CPU time in nanoseconds
   * @param stages how many stages the nanoseconds are reported under (stage ordinals index them)
   */
  StageClock(LongSupplier threadCpuNanos, int stages) {
    this.threadCpuNanos = Objects.requireNonNull(threadCpuNanos, "threadCpuNanos");
    this.readCost = readCost(threadCpuNanos);
    this.stages = stages;
    this.nanos = new long[Site.values().length][stages];
  }

  /**
   * What one read of the clock adds to the interval it closes: the smallest of many differences
   * between two reads in a row. Each timed stage pays it once, so it is taken off each interval;
   * left in, six stages of a timed post summed to more than the workers' whole CPU.
   */
  private static long readCost(LongSupplier clock) {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 2_000; i++) {
      long first = clock.getAsLong();
      least = Math.min(least, clock.getAsLong() - first);
    }
    return Math.max(0, least);
  }

  /** The clock's own cost per interval, taken off each timed stage. */
  long readCost() {
    return readCost;
  }

  /** One worker thread's clock: not thread-safe, merged into the whole by {@link Worker#finish}. */
  Worker worker() {
    return new Worker();
  }

  /**
   * Estimated CPU nanoseconds per stage over every event: a site's timed nanoseconds times its
   * events over its timed events, summed over the sites.
   */
  synchronized long[] estimatedNanos() {
    long[] estimate = new long[stages];
    for (Site site : Site.values()) {
      int s = site.ordinal();
      if (timed[s] == 0) {
        continue;
      }
      for (int stage = 0; stage < stages; stage++) {
        estimate[stage] += Math.round((double) nanos[s][stage] * events[s] / timed[s]);
      }
    }
    return estimate;
  }

  /** Events counted at the site, timed or not. */
  synchronized long events(Site site) {
    return events[site.ordinal()];
  }

  /** Events timed at the site. */
  synchronized long timed(Site site) {
    return timed[site.ordinal()];
  }

  final class Worker {
    private final long[] events = new long[Site.values().length];
    private final long[] timed = new long[Site.values().length];
    private final long[][] nanos = new long[Site.values().length][stages];

    private Worker() {}

    /** Counts an event at the site and says whether it is one of those timed. */
    boolean timeNext(Site site) {
      int s = site.ordinal();
      long n = events[s]++;
      if (site == Site.UNIT || n % EVERY == 0) {
        timed[s]++;
        return true;
      }
      return false;
    }

    /** This thread's CPU time now, for a timed event. */
    long now() {
      return threadCpuNanos.getAsLong();
    }

    /** Adds a timed event's CPU to a stage, less the clock's own cost. */
    void add(Site site, int stage, long cpuNanos) {
      nanos[site.ordinal()][stage] += Math.max(0, cpuNanos - readCost);
    }

    /** Hands this worker's counts to the whole; call once, when the worker ends. */
    void finish() {
      synchronized (StageClock.this) {
        for (int s = 0; s < events.length; s++) {
          StageClock.this.events[s] += events[s];
          StageClock.this.timed[s] += timed[s];
          for (int stage = 0; stage < stages; stage++) {
            StageClock.this.nanos[s][stage] += nanos[s][stage];
          }
        }
      }
    }
  }
}
