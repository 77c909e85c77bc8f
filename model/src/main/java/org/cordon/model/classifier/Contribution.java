package org.cordon.model.classifier;

import java.util.Objects;
import org.cordon.model.features.NamedFeature;

/** How much one feature of a text pushed the positive label's margin (positive = towards it). */
public record Contribution(String feature, NamedFeature.Kind kind, double weight) {
  public Contribution {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(kind, "kind");
  }

  /** "pale lantern" for words, "‹lant›" for character n-grams, with the signed contribution. */
  public String describe() {
    String shown = kind == NamedFeature.Kind.CHARACTERS ? "‹" + feature + "›" : "\"" + feature + "\"";
    return shown + " " + org.cordon.core.signal.Decimals.signed(weight, 3);
  }
}
