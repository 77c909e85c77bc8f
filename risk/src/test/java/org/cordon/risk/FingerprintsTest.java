package org.cordon.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {
  @Test
  void remembersAtLeastOneGenerationAndForgetsOlderOnes() {
    Fingerprints fingerprints = new Fingerprints(4);
    for (int i = 0; i < 4; i++) {
      assertThat(fingerprints.firstSight("p", "x", "post" + i)).isTrue();
    }
    for (int i = 4; i < 8; i++) {
      assertThat(fingerprints.firstSight("p", "x", "post" + i)).isTrue();
    }

    assertThat(fingerprints.firstSight("p", "x", "post7")).as("the generation just filled").isFalse();
    assertThat(fingerprints.firstSight("p", "x", "post4")).as("the generation just filled").isFalse();
    assertThat(fingerprints.firstSight("p", "x", "post0")).as("two generations back").isTrue();
    assertThat(fingerprints.size()).isLessThanOrEqualTo(8);
  }

  @Test
  void partsAreKeptApart() {
    assertThat(Fingerprints.of("ab", "c")).isNotEqualTo(Fingerprints.of("a", "bc"));
    assertThat(Fingerprints.of("f", "x", "1", "x", "2", "")).isNotEqualTo(Fingerprints.of("f", "x", "2", "x", "1", ""));
  }
}
