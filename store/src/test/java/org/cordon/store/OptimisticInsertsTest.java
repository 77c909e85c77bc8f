package org.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy alone: when a write may try its optimistic inserts. */
class OptimisticInsertsTest {

  /** How many of the next {@code n} writes are told to go tolerant. */
  private static int tolerantOfNext(OptimisticInserts policy, int n) {
    int tolerant = 0;
    for (int i = 0; i < n; i++) {
      if (!policy.allowed()) {
        tolerant++;
      }
    }
    return tolerant;
  }

  @Test
  void everyWriteIsOptimisticWhileNoneFails() {
    OptimisticInserts policy = new OptimisticInserts();
    for (int i = 0; i < 1_000; i++) {
      assertThat(policy.allowed()).isTrue();
      policy.succeeded();
    }
    assertThat(policy.redone()).isZero();
  }

  @Test
  void failuresInARowDoubleTheTolerantStretchUpToItsLongest() {
    OptimisticInserts policy = new OptimisticInserts();
    List<Integer> stretches = new ArrayList<>();
    for (int failure = 0; failure < 12; failure++) {
      int tolerant = 0;
      while (!policy.allowed()) {
        tolerant++;
      }
      stretches.add(tolerant); // then the write that was allowed to try fails too
      policy.failed();
    }
    assertThat(stretches).containsExactly(0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 256, 256);
    assertThat(policy.redone()).isEqualTo(12);
  }

  @Test
  void aSuccessForgetsTheFailuresBeforeIt() {
    OptimisticInserts policy = new OptimisticInserts();
    policy.failed();
    assertThat(tolerantOfNext(policy, 1)).isEqualTo(1);
    policy.failed();
    assertThat(tolerantOfNext(policy, 3)).as("second failure in a row: two tolerant writes, then a try").isEqualTo(2);
    policy.succeeded();
    policy.failed();
    assertThat(tolerantOfNext(policy, 3)).as("after a success the stretch starts again at one").isEqualTo(1);
    assertThat(policy.redone()).isEqualTo(3);
  }
}
