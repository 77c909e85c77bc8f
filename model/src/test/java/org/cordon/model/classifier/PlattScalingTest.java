package org.cordon.model.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattScalingTest {
  @Test
  void recoversTheSlopeAndOffsetThatGeneratedTheOutcomes() {
    long seed = 7;
    Random random = new Random(seed);
    int n = 20_000;
    double[] margins = new double[n];
    boolean[] positive = new boolean[n];
    for (int i = 0; i < n; i++) {
      margins[i] = random.nextGaussian() * 2;
      positive[i] = random.nextDouble() < Sigmoid.of(0.5 * margins[i] - 1);
    }
    PlattScaling fitted = PlattScaling.fit(margins, positive);
    assertThat(fitted.a()).as("seed " + seed).isCloseTo(0.5, within(0.06));
    assertThat(fitted.b()).as("seed " + seed).isCloseTo(-1, within(0.08));
  }

  @Test
  void staysTheIdentityWhenOneClassIsMissing() {
    assertThat(PlattScaling.fit(new double[] {1, 2}, new boolean[] {true, true})).isEqualTo(PlattScaling.IDENTITY);
  }
}
