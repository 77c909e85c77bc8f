package org.cordon.text.lexicon;

import java.util.Objects;
import org.cordon.text.TextSpan;

/**
 * One place where a lexicon entry fired.
 *
 * @param matched the normalised text that matched
 * @param normalisedSpan where, in the normalised text
 * @param originalSpan where, in the text as posted: what to show an analyst
 * @param originalText the posted text of {@code originalSpan}, disguises and all
 */
public record LexiconMatch(LexiconEntry entry, String matched, TextSpan normalisedSpan, TextSpan originalSpan,
    String originalText) {
  public LexiconMatch {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(matched, "matched");
    Objects.requireNonNull(normalisedSpan, "normalisedSpan");
    Objects.requireNonNull(originalSpan, "originalSpan");
    Objects.requireNonNull(originalText, "originalText");
  }
}
