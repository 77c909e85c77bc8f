package org.cordon.model.evaluation;

import java.util.Objects;

/**
 * Predictions for rows whose labels are known (out-of-fold in cross-validation): the actual and
 * predicted label of each row and the probability of the positive label, after and before
 * calibration. Arrays are owned by this record.
 */
public record Predictions(String positiveLabel, String[] actual, String[] predicted, double[] calibrated, double[] uncalibrated) {
  public Predictions {
    Objects.requireNonNull(positiveLabel, "positiveLabel");
    int n = actual.length;
    if (predicted.length != n || calibrated.length != n || uncalibrated.length != n) {
      throw new IllegalArgumentException("prediction arrays differ in length");
    }
  }

  public int size() {
    return actual.length;
  }

  public boolean[] positives() {
    boolean[] positive = new boolean[actual.length];
    for (int i = 0; i < actual.length; i++) {
      positive[i] = actual[i].equals(positiveLabel);
    }
    return positive;
  }
}
