package org.cordon.model.classifier;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The readable part of a model file: format version, model id, when it was made, its labels, the
 * hyperparameters, the training data and the evaluation figures, if it was evaluated.
 */
public record ModelHeader(
    int formatVersion,
    String modelId,
    Instant createdAt,
    Map<String, Long> labelCounts,
    String positiveLabel,
    Map<String, Object> hyperparameters,
    TrainingDataDescription trainingData,
    Optional<Map<String, Object>> evaluation) {

  public ModelHeader {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(createdAt, "createdAt");
    labelCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labelCounts));
    Objects.requireNonNull(positiveLabel, "positiveLabel");
    hyperparameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    Objects.requireNonNull(trainingData, "trainingData");
    Objects.requireNonNull(evaluation, "evaluation");
  }

  /** The evaluation's ROC-AUC, when the model was evaluated. */
  public Optional<Double> rocAuc() {
    return evaluation.map(e -> e.get("roc_auc")).filter(Number.class::isInstance).map(n -> ((Number) n).doubleValue());
  }
}
