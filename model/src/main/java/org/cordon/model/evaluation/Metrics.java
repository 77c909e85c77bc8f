package org.cordon.model.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Figures of a binary or multi-class classifier, computed exactly from its predictions. */
public final class Metrics {
  private Metrics() {}

  /**
   * ROC-AUC as the Mann–Whitney statistic: the chance that a random positive scores above a random
   * negative, ties counting one half (average ranks). NaN when either class is absent.
   */
  public static double rocAuc(double[] scores, boolean[] positive) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double positiveRankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (positive[order[k]]) {
          positiveRankSum += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** Mean squared difference between the predicted probability and the outcome (0 or 1). */
  public static double brier(double[] probabilities, boolean[] positive) {
    double sum = 0;
    for (int i = 0; i < probabilities.length; i++) {
      double error = probabilities[i] - (positive[i] ? 1 : 0);
      sum += error * error;
    }
    return probabilities.length == 0 ? Double.NaN : sum / probabilities.length;
  }

  /** Equal-width bins over [0, 1]; the last bin includes 1. */
  public static List<CalibrationBin> calibrationTable(double[] probabilities, boolean[] positive, int bins) {
    long[] counts = new long[bins];
    double[] predictedSums = new double[bins];
    long[] positives = new long[bins];
    for (int i = 0; i < probabilities.length; i++) {
      int bin = Math.min(bins - 1, Math.max(0, (int) (probabilities[i] * bins)));
      counts[bin]++;
      predictedSums[bin] += probabilities[i];
      if (positive[i]) {
        positives[bin]++;
      }
    }
    List<CalibrationBin> table = new ArrayList<>(bins);
    for (int b = 0; b < bins; b++) {
      double mean = counts[b] == 0 ? Double.NaN : predictedSums[b] / counts[b];
      double observed = counts[b] == 0 ? Double.NaN : (double) positives[b] / counts[b];
      table.add(new CalibrationBin((double) b / bins, (double) (b + 1) / bins, counts[b], mean, observed));
    }
    return table;
  }

  /** Precision, recall and F1 of one label among predicted and actual labels. */
  public static PrecisionRecall precisionRecall(String[] actual, String[] predicted, String label) {
    long truePositives = 0;
    long falsePositives = 0;
    long falseNegatives = 0;
    for (int i = 0; i < actual.length; i++) {
      boolean isLabel = actual[i].equals(label);
      boolean saidLabel = predicted[i].equals(label);
      if (isLabel && saidLabel) {
        truePositives++;
      } else if (saidLabel) {
        falsePositives++;
      } else if (isLabel) {
        falseNegatives++;
      }
    }
    double precision = truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
    double recall = truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new PrecisionRecall(precision, recall, f1);
  }

  /** The unweighted mean of each label's F1. */
  public static double macroF1(String[] actual, String[] predicted) {
    Set<String> labels = new LinkedHashSet<>(Arrays.asList(actual));
    double sum = 0;
    for (String label : labels) {
      sum += precisionRecall(actual, predicted, label).f1();
    }
    return labels.isEmpty() ? Double.NaN : sum / labels.size();
  }

  public record PrecisionRecall(double precision, double recall, double f1) {}
}
