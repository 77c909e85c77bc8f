package org.cordon.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void rocAucMatchesCountingEveryPositiveNegativePairWithTiesAsHalf() {
    long seed = 5;
    Random random = new Random(seed);
    for (int round = 0; round < 50; round++) {
      int n = 2 + random.nextInt(60);
      double[] scores = new double[n];
      boolean[] positive = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(8) / 8.0; // many ties
        positive[i] = random.nextBoolean();
      }
      double pairs = 0;
      double wins = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (positive[i] && !positive[j]) {
            pairs++;
            wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
          }
        }
      }
      double expected = pairs == 0 ? Double.NaN : wins / pairs;
      assertThat(Metrics.rocAuc(scores, positive)).as("seed " + seed + " round " + round).isEqualTo(expected, within(1e-12));
    }
  }

  @Test
  void countsCalibrationBinsAndBrier() {
    double[] p = {0.05, 0.15, 0.95, 1.0};
    boolean[] y = {false, true, true, true};
    List<CalibrationBin> table = Metrics.calibrationTable(p, y, 10);
    assertThat(table.get(0).count()).isEqualTo(1);
    assertThat(table.get(1).observedRate()).isEqualTo(1.0);
    assertThat(table.get(9).count()).as("1.0 falls in the last bin").isEqualTo(2);
    assertThat(table.get(9).meanPredicted()).isCloseTo(0.975, within(1e-12));
    assertThat(Metrics.brier(p, y)).isCloseTo((0.0025 + 0.7225 + 0.0025 + 0) / 4, within(1e-12));
  }

  @Test
  void computesPrecisionRecallAndMacroF1() {
    String[] actual = {"a", "a", "b", "b", "c"};
    String[] predicted = {"a", "b", "b", "b", "a"};
    Metrics.PrecisionRecall a = Metrics.precisionRecall(actual, predicted, "a");
    assertThat(a.precision()).isEqualTo(0.5);
    assertThat(a.recall()).isEqualTo(0.5);
    assertThat(Metrics.macroF1(actual, predicted)).isCloseTo((0.5 + 0.8 + 0) / 3, within(1e-12));
  }
}
