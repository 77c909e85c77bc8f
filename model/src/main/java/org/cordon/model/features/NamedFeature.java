package org.cordon.model.features;

import java.util.Objects;

/** One feature occurrence with the text it came from, so an analyst can read why a post scored. */
public record NamedFeature(Kind kind, String text, int index, int sign) {
  public NamedFeature {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  public enum Kind {
    WORD,
    WORD_BIGRAM,
    CHARACTERS
  }
}
