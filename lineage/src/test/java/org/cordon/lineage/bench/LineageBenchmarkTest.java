package org.cordon.lineage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineageBenchmarkTest {
  @Test
  void aSmallRunFindsTheReturnersAndMatchesNoFreshAccount() {
    long seed = 11;
    LineageBenchmark.Figures figures = LineageBenchmark.run(3_000, 200, seed);

    assertThat(figures.returnerQueries()).as("seed %d", seed).isEqualTo(100);
    assertThat(figures.returnersFound()).as("seed %d", seed).isGreaterThanOrEqualTo(90);
    assertThat(figures.freshMatched()).as("seed %d", seed).isLessThanOrEqualTo(2);
    assertThat(figures.estimatedIndexBytes()).isPositive();
  }
}
