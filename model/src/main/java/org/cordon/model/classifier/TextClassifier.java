package org.cordon.model.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.model.features.FeatureConfig;
import org.cordon.model.features.FeatureHasher;
import org.cordon.model.features.NamedFeature;
import org.cordon.model.features.SparseVector;

/**
 * A trained, calibrated text classifier. Immutable and thread-safe. Its {@link #id()} is the
 * SHA-256 of its serialised configuration and weights, so two classifiers with the same id score
 * every text the same.
 */
public final class TextClassifier {
  private final FeatureHasher hasher;
  private final List<String> labels;
  private final int positiveLabel;
  private final LinearModel model;
  private final PlattScaling[] calibration;
  private final int positiveScored;
  private final String id;

  TextClassifier(FeatureHasher hasher, List<String> labels, int positiveLabel, LinearModel model, PlattScaling[] calibration) {
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.labels = List.copyOf(labels);
    this.positiveLabel = positiveLabel;
    this.model = model;
    this.calibration = calibration.clone();
    this.positiveScored = model.indexOfLabel(positiveLabel);
    if (positiveScored < 0 || calibration.length != model.scoredLabels.length) {
      throw new IllegalArgumentException("the positive label must be one of the scored labels, with one calibration each");
    }
    this.id = ModelFiles.digestOfBody(this);
  }

  /** SHA-256 of the serialised configuration and weights, in lowercase hex. */
  public String id() {
    return id;
  }

  public List<String> labels() {
    return labels;
  }

  public String positiveLabel() {
    return labels.get(positiveLabel);
  }

  public FeatureConfig features() {
    return hasher.config();
  }

  /** The calibrated probability of the positive label: one dot product, the fast path for triage. */
  public double positiveProbability(String text) {
    double margin = hasher.dot(text, model.weights[positiveScored]) + model.bias[positiveScored];
    return calibration[positiveScored].probability(margin);
  }

  public Prediction predict(String text) {
    return predict(hasher.features(text));
  }

  Prediction predict(SparseVector x) {
    Map<String, Double> probabilities = new LinkedHashMap<>();
    double[] scored = scoredProbabilities(x);
    if (scored.length == 1) {
      double p = scored[0];
      String negative = labels.get(positiveLabel == 0 ? 1 : 0);
      probabilities.put(positiveLabel(), p);
      probabilities.put(negative, 1 - p);
      return new Prediction(p >= 0.5 ? positiveLabel() : negative, p, probabilities);
    }
    int best = 0;
    for (int k = 0; k < scored.length; k++) {
      probabilities.put(labels.get(model.scoredLabels[k]), scored[k]);
      if (scored[k] > scored[best]) {
        best = k;
      }
    }
    return new Prediction(labels.get(model.scoredLabels[best]), scored[positiveScored], probabilities);
  }

  /** Calibrated probability of each scored label. */
  double[] scoredProbabilities(SparseVector x) {
    double[] p = new double[model.scoredLabels.length];
    for (int k = 0; k < p.length; k++) {
      p[k] = calibration[k].probability(model.margin(k, x));
    }
    return p;
  }

  /** The probability of the positive label before calibration, to measure what calibration adds. */
  double uncalibratedPositive(SparseVector x) {
    return Sigmoid.of(model.margin(positiveScored, x));
  }

  /**
   * The features that pushed the positive label's score most, strongest first: what an analyst
   * reads to see why a post scored. Each hashed bucket is named after the first feature of the
   * text that fell into it.
   */
  public List<Contribution> explain(String text, int top) {
    return contributions(hasher.dotThenStrongest(text, model.weights[positiveScored], dot -> true, top).strongest().orElseThrow());
  }

  /** A calibrated probability of the positive label and, when it reached the minimum asked for, its explanation. */
  public record Judged(double probability, Optional<List<Contribution>> explanation) {
    public Judged {
      Objects.requireNonNull(explanation, "explanation");
    }
  }

  /**
   * {@link #positiveProbability} and, from that probability up, {@link #explain} with the same
   * results, reading the text once less: the triage path, where most scored posts are explained.
   */
  public Judged judge(String text, double explainFrom, int top) {
    float[] weights = model.weights[positiveScored];
    double bias = model.bias[positiveScored];
    PlattScaling scaling = calibration[positiveScored];
    FeatureHasher.Scored scored = hasher.dotThenStrongest(text, weights, dot -> scaling.probability(dot + bias) >= explainFrom, top);
    double probability = scaling.probability(scored.dot() + bias);
    return new Judged(probability, scored.strongest().map(TextClassifier::contributions));
  }

  /** The features that pushed the positive label's score most (the hasher picks and names them in its one pass). */
  private static List<Contribution> contributions(List<FeatureHasher.WeightedFeature> strongest) {
    List<Contribution> ranked = new ArrayList<>(strongest.size());
    for (FeatureHasher.WeightedFeature w : strongest) {
      ranked.add(new Contribution(w.feature().text(), w.feature().kind(), w.contribution()));
    }
    return List.copyOf(ranked);
  }

  // for ModelFiles
  FeatureHasher hasher() {
    return hasher;
  }

  int positiveLabelIndex() {
    return positiveLabel;
  }

  LinearModel model() {
    return model;
  }

  PlattScaling[] calibration() {
    return calibration.clone();
  }
}
