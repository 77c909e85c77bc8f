package org.cordon.detect.text;

import java.util.Objects;
import org.cordon.core.signal.Tier;

/**
 * One lexicon term.
 *
 * @param term as written in the file
 * @param language the language it belongs to (a BCP 47 tag such as "en" or "ar"), for the analyst
 * @param weight in [0, 1]: how strongly one occurrence points to the tier
 * @param line the file line it came from
 */
public record LexiconEntry(String term, String language, double weight, Tier tier, int line) {
  public LexiconEntry {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(tier, "tier");
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("a lexicon weight is in [0, 1]: " + weight);
    }
  }
}
