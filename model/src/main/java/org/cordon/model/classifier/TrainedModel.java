package org.cordon.model.classifier;

import java.util.Objects;

/** A classifier with its header: what a model file holds. */
public record TrainedModel(ModelHeader header, TextClassifier classifier) {
  public TrainedModel {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(classifier, "classifier");
    if (!header.modelId().equals(classifier.id())) {
      throw new IllegalArgumentException("the header names model " + header.modelId() + " but the weights are model " + classifier.id());
    }
  }

  public String id() {
    return classifier.id();
  }
}
