package org.cordon.model.data;

import java.util.Objects;
import java.util.Optional;

/** One labelled text, from an analyst's decision or an imported file. */
public record LabelledExample(String text, String label, Optional<String> language) {
  public LabelledExample {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(language, "language");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a labelled example needs text");
    }
    if (label.isBlank()) {
      throw new IllegalArgumentException("a labelled example needs a label");
    }
  }

  public static LabelledExample of(String text, String label) {
    return new LabelledExample(text, label, Optional.empty());
  }
}
