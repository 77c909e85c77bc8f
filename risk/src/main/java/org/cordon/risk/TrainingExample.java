package org.cordon.risk;

import java.util.Objects;

/** An account's features and what an analyst (or an evaluation's training fold) says it is. */
public record TrainingExample(AccountFeatures features, boolean positive) {
  public TrainingExample {
    Objects.requireNonNull(features, "features");
  }
}
