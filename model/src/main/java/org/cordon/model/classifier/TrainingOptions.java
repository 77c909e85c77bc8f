package org.cordon.model.classifier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.model.features.FeatureConfig;

/**
 * How a classifier is trained: AdaGrad on logistic loss with L2, for some epochs over rows shuffled
 * with the seed; a stratified share of the training rows is held out to fit Platt scaling.
 *
 * @param positiveLabel the label whose probability is the score; empty means the rarest label
 */
public record TrainingOptions(
    int epochs, double learningRate, double l2, long seed, double calibrationFraction, Optional<String> positiveLabel, FeatureConfig features) {

  public static final TrainingOptions DEFAULT = new TrainingOptions(5, 0.2, 1e-6, 42, 0.1, Optional.empty(), FeatureConfig.DEFAULT);

  public TrainingOptions {
    if (epochs < 1 || epochs > 1000) {
      throw new IllegalArgumentException("epochs must be in 1..1000, got " + epochs);
    }
    if (!(learningRate > 0 && learningRate <= 10)) {
      throw new IllegalArgumentException("learning rate must be in (0, 10], got " + learningRate);
    }
    if (!(l2 >= 0 && l2 < 1)) {
      throw new IllegalArgumentException("L2 must be in [0, 1), got " + l2);
    }
    if (!(calibrationFraction >= 0 && calibrationFraction <= 0.5)) {
      throw new IllegalArgumentException("calibration fraction must be in [0, 0.5], got " + calibrationFraction);
    }
    Objects.requireNonNull(positiveLabel, "positiveLabel");
    Objects.requireNonNull(features, "features");
  }

  public TrainingOptions withEpochs(int value) {
    return new TrainingOptions(value, learningRate, l2, seed, calibrationFraction, positiveLabel, features);
  }

  public TrainingOptions withLearningRate(double value) {
    return new TrainingOptions(epochs, value, l2, seed, calibrationFraction, positiveLabel, features);
  }

  public TrainingOptions withL2(double value) {
    return new TrainingOptions(epochs, learningRate, value, seed, calibrationFraction, positiveLabel, features);
  }

  public TrainingOptions withSeed(long value) {
    return new TrainingOptions(epochs, learningRate, l2, value, calibrationFraction, positiveLabel, features);
  }

  public TrainingOptions withCalibrationFraction(double value) {
    return new TrainingOptions(epochs, learningRate, l2, seed, value, positiveLabel, features);
  }

  public TrainingOptions withPositiveLabel(Optional<String> value) {
    return new TrainingOptions(epochs, learningRate, l2, seed, calibrationFraction, value, features);
  }

  public TrainingOptions withFeatures(FeatureConfig value) {
    return new TrainingOptions(epochs, learningRate, l2, seed, calibrationFraction, positiveLabel, value);
  }

  /** The hyperparameters under stable names, as written into a model's header. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("algorithm", "logistic regression (one-vs-rest when more than two labels), AdaGrad, L2, Platt scaling");
    map.put("epochs", epochs);
    map.put("learning_rate", learningRate);
    map.put("l2", l2);
    map.put("seed", seed);
    map.put("calibration_fraction", calibrationFraction);
    map.put("buckets_log2", features.bucketsLog2());
    map.put("char_ngrams", features.charMin() + ".." + features.charMax());
    map.put("word_bigrams", features.wordBigrams());
    map.put("max_chars", features.maxChars());
    map.put("normaliser", features.normaliser());
    return map;
  }
}
