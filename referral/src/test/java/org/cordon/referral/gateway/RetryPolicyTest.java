package org.cordon.referral.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void backoffGrowsByTheMultiplierAndStopsAtTheMaximum() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), 3.0, Duration.ofSeconds(1), 0);
    Random random = new Random(1);

    assertThat(policy.backoff(1, random)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoff(2, random)).isEqualTo(Duration.ofMillis(300));
    assertThat(policy.backoff(3, random)).isEqualTo(Duration.ofMillis(900));
    assertThat(policy.backoff(4, random)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoff(60, random)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void jitterSpreadsWaitsWithinItsFractionAndNeverAboveTheMaximum() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(1000), 2.0, Duration.ofMillis(1500), 0.5);
    boolean sawDifferent = false;
    Duration previous = Duration.ZERO;
    for (int i = 0; i < 500; i++) {
      Duration first = policy.backoff(1, random);
      assertThat(first).as("seed %d", seed).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
      assertThat(policy.backoff(5, random)).as("seed %d", seed).isLessThanOrEqualTo(Duration.ofMillis(1500));
      sawDifferent |= !first.equals(previous) && i > 0;
      previous = first;
    }
    assertThat(sawDifferent).as("seed %d", seed).isTrue();
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 2, Duration.ZERO, 0)).hasMessageContaining("at least one attempt");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, 0.5, Duration.ZERO, 0)).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, 2, Duration.ZERO, 1.5)).hasMessageContaining("jitter");
  }
}
