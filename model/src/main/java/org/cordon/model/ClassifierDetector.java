package org.cordon.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.signal.Decimals;
import org.cordon.core.signal.Detector;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.model.classifier.Contribution;
import org.cordon.model.classifier.TextClassifier;
import org.cordon.model.registry.ModelRegistry;

/**
 * Scores each post's text with a trained classifier and raises a signal when the calibrated
 * probability of the positive label reaches the minimum. The evidence names the model (so every
 * score can be traced to the weights that made it) and the n-grams that pushed the score most.
 */
public final class ClassifierDetector implements Detector {
  public static final String NAME = "classifier";
  static final int EXPLAINED_FEATURES = 5;

  private final TextClassifier classifier;
  private final double minimumProbability;
  private final Optional<Tier> tier;

  /**
   * @param minimumProbability signals are raised from this calibrated probability up, in [0, 1]
   * @param tier the tier the positive label points to, if the unit maps it to one
   */
  public ClassifierDetector(TextClassifier classifier, double minimumProbability, Optional<Tier> tier) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    if (!(minimumProbability >= 0 && minimumProbability <= 1)) {
      throw new IllegalArgumentException("the minimum probability is in [0, 1]: " + minimumProbability);
    }
    this.minimumProbability = minimumProbability;
    this.tier = Objects.requireNonNull(tier, "tier");
  }

  /**
   * The detector for the registry's current model, or empty when no model has been made current.
   *
   * @throws org.cordon.model.classifier.ModelFormatException when the current model's file is damaged
   */
  public static Optional<ClassifierDetector> forCurrentModel(ModelRegistry registry, double minimumProbability, Optional<Tier> tier)
      throws java.io.IOException {
    return registry.current().map(model -> new ClassifierDetector(model.classifier(), minimumProbability, tier));
  }

  public TextClassifier classifier() {
    return classifier;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Signal> detect(PostContext context) {
    String text = context.post().text();
    if (text.isBlank()) {
      return List.of();
    }
    TextClassifier.Judged judged = classifier.judge(text, minimumProbability, EXPLAINED_FEATURES);
    if (judged.explanation().isEmpty()) {
      return List.of();
    }
    double probability = judged.probability();
    // a loop, not two streams: five elements, on half of all posts
    StringBuilder joined = new StringBuilder();
    for (Contribution c : judged.explanation().get()) {
      if (c.weight() > 0) {
        joined.append(joined.isEmpty() ? "" : ", ").append(c.describe());
      }
    }
    String topFeatures = joined.toString();
    // Map.of, which the signal keeps as it is: it copies any other map into one of these
    Map<String, String> evidence = Map.of("model_id", classifier.id(), "label", classifier.positiveLabel(),
        "probability", Decimals.fixed(probability, 4), "top_features", topFeatures);
    String reason = "classifier " + classifier.id().substring(0, 12) + " gives '" + classifier.positiveLabel() + "' probability "
        + Decimals.fixed(probability, 2) + (topFeatures.isEmpty() ? "" : "; strongest: " + topFeatures);
    return List.of(new Signal(context.post().key(), NAME, Math.min(1, Math.max(0, probability)), tier, reason, evidence));
  }
}
