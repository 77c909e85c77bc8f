package org.cordon.model.classifier;

import java.util.Objects;

/** Which data trained a model: where it came from, its digest, how many rows were used and skipped. */
public record TrainingDataDescription(String source, String sha256, long rows, long skippedRows) {
  public TrainingDataDescription {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sha256, "sha256");
  }
}
