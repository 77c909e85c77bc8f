package org.cordon.model.features;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** The normaliser used when none is injected: NFKC then lowercase, with nothing language-specific. */
public final class TextNormalisers {
  public static final String DEFAULT_NAME = "nfkc-lowercase";

  private TextNormalisers() {}

  public static UnaryOperator<String> nfkcLowercase() {
    return TextNormalisers::nfkcLowercase;
  }

  private static String nfkcLowercase(String text) {
    String composed = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    return composed.toLowerCase(Locale.ROOT);
  }
}
