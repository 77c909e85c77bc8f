package org.cordon.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {
  private static void sameAsTheFormatter(double value) {
    for (int places = 0; places <= 6; places++) {
      assertThat(Decimals.fixed(value, places)).as("%%.%df of %s", places, value)
          .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", value));
      assertThat(Decimals.signed(value, places)).as("%%+.%df of %s", places, value)
          .isEqualTo(String.format(Locale.ROOT, "%+." + places + "f", value));
    }
  }

  @Test
  void writesWhatTheFormatterWritesForTiesSignsZerosAndTheNonFinite() {
    double[] edges = {0.0, -0.0, 0.5, 1.5, 2.5, -0.5, 0.125, 0.375, 1.005, 1.115, 0.285, 2.675, 0.045, -0.001, -0.0049, 0.0049, 0.995,
        0.9995, 0.99995, 9.9995, 1e-7, -1e-7, 5e-7, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 123456.789, 99_999_999.999, 1e8, 1e15, 1e300,
        -1e300, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (double value : edges) {
      sameAsTheFormatter(value);
    }
  }

  @Test
  void writesWhatTheFormatterWritesForScoresWeightsAndSimilarities() {
    SplittableRandom random = new SplittableRandom(20261123);
    for (int i = 0; i < 200_000; i++) {
      sameAsTheFormatter(random.nextDouble());                    // probabilities, strengths, Jaccard
      sameAsTheFormatter(random.nextDouble(-8, 8));               // a classifier's feature weights
      sameAsTheFormatter(Math.round(random.nextDouble() * 1e4) / 1e4 + 0.00005); // on or near a tie at four places
    }
  }

  @Test
  void appendsToWhatIsThere() {
    assertThat(Decimals.append(new StringBuilder("weight "), -0.0625, 3, true)).hasToString("weight -0.063");
    assertThat(Decimals.append(new StringBuilder("p "), 0.87, 2, false)).hasToString("p 0.87");
  }

  @Test
  void refusesPlacesItCannotWrite() {
    assertThatThrownBy(() -> Decimals.fixed(1, 7)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Decimals.fixed(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
