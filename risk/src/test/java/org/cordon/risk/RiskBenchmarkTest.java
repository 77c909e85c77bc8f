package org.cordon.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RiskBenchmarkTest {
  @Test
  void aSmallRunTracksEveryAccountAndReportsItsFigures() {
    RiskBenchmark.Figures figures = RiskBenchmark.run(2_000, 20_000, 3);

    assertThat(figures.accounts()).isEqualTo(2_000);
    assertThat(figures.eventsTotal()).isGreaterThan(20_000);
    assertThat(figures.edges()).isPositive();
    assertThat(figures.flaggedAccounts()).isBetween(1, 2_000);
    assertThat(figures.heapUsedAfterGc()).isPositive().isLessThanOrEqualTo(figures.maxHeap());
    assertThat(figures.toJson()).startsWith("{\"accounts\":2000,").contains("\"events_per_second\":");
  }
}
