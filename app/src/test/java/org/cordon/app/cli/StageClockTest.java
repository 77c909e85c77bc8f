package org.cordon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StageClockTest {
  /** A clock that moves only when told to, so each timed event's CPU is known. */
  private final AtomicLong now = new AtomicLong();
  private final StageClock clock = new StageClock(now::get, 3);

  @Test
  void timesOneEventInEveryEightAndScalesItsStagesToAllEvents() {
    StageClock.Worker worker = clock.worker();
    int timed = 0;
    for (int event = 0; event < 100; event++) {
      if (worker.timeNext(StageClock.Site.JUDGED_POST)) {
        timed++;
        long t0 = worker.now();
        now.addAndGet(1_000); // stage 0 costs 1 µs a post
        long t1 = worker.now();
        now.addAndGet(3_000); // stage 2 costs 3 µs a post
        worker.add(StageClock.Site.JUDGED_POST, 0, t1 - t0);
        worker.add(StageClock.Site.JUDGED_POST, 2, worker.now() - t1);
      }
    }
    worker.finish();
    assertThat(timed).as("events 0, 8, ..., 96").isEqualTo(13);
    assertThat(clock.events(StageClock.Site.JUDGED_POST)).isEqualTo(100);
    assertThat(clock.timed(StageClock.Site.JUDGED_POST)).isEqualTo(13);
    assertThat(clock.estimatedNanos()).as("13 timed posts stand for 100").containsExactly(100_000, 0, 300_000);
  }

  @Test
  void takesTheClocksOwnCostOffEachInterval() {
    AtomicLong ticking = new AtomicLong();
    // every read costs 40 ns of the thread's CPU
    StageClock costly = new StageClock(() -> ticking.addAndGet(40), 1);
    assertThat(costly.readCost()).isEqualTo(40);
    StageClock.Worker worker = costly.worker();
    assertThat(worker.timeNext(StageClock.Site.UNIT)).isTrue();
    long t0 = worker.now();
    ticking.addAndGet(1_000); // the stage's own work
    worker.add(StageClock.Site.UNIT, 0, worker.now() - t0);
    worker.finish();
    assertThat(costly.estimatedNanos()).containsExactly(1_000);
    assertThat(clock.readCost()).as("a clock that does not move costs nothing").isZero();
  }

  @Test
  void sitesAreScaledEachByItsOwnShareAndWorkersAddUp() {
    StageClock.Worker first = clock.worker();
    StageClock.Worker second = clock.worker();
    for (int unit = 0; unit < 5; unit++) {
      assertThat(first.timeNext(StageClock.Site.UNIT)).as("every unit of input is timed").isTrue();
      first.add(StageClock.Site.UNIT, 0, 7);
    }
    for (int event = 0; event < 16; event++) {
      if (first.timeNext(StageClock.Site.INTERACTION)) {
        first.add(StageClock.Site.INTERACTION, 1, 10);
      }
      if (second.timeNext(StageClock.Site.FIRST_POST)) {
        second.add(StageClock.Site.FIRST_POST, 1, 50);
      }
    }
    assertThat(clock.estimatedNanos()).as("nothing counts before a worker finishes").containsExactly(0, 0, 0);
    first.finish();
    second.finish();
    // units: 5 × 7; interactions: 2 timed of 16 at 10 each → 160; first posts: 2 of 16 at 50 → 800
    assertThat(clock.estimatedNanos()).containsExactly(35, 160 + 800, 0);
  }
}
