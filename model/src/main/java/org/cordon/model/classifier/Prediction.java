package org.cordon.model.classifier;

import java.util.Map;
import java.util.Objects;

/**
 * What the classifier says about one text: the most probable label, the calibrated probability of
 * the positive label, and each label's calibrated one-vs-rest probability (these need not sum to 1
 * when there are more than two labels).
 */
public record Prediction(String label, double positiveProbability, Map<String, Double> probabilities) {
  public Prediction {
    Objects.requireNonNull(label, "label");
    probabilities = Map.copyOf(probabilities);
  }
}
