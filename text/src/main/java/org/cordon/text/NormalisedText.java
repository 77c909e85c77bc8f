package org.cordon.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * A text and its normalised form, with the way back: for every UTF-16 unit of {@code normalised},
 * the range of {@code original} it came from. Matching runs on the normalised form; analysts are
 * shown the original, through {@link #toOriginal}.
 *
 * <p>The offset arrays are copied in and out, so an instance is immutable.
 *
 * @param originalStarts for each index of {@code normalised}, where its source begins in the original
 * @param originalEnds for each index of {@code normalised}, where its source ends (exclusive)
 */
public record NormalisedText(String original, String normalised, int[] originalStarts, int[] originalEnds) {
  public NormalisedText {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(normalised, "normalised");
    originalStarts = originalStarts.clone();
    originalEnds = originalEnds.clone();
    if (originalStarts.length != normalised.length() || originalEnds.length != normalised.length()) {
      throw new IllegalArgumentException("one offset per UTF-16 unit of the normalised text is needed");
    }
    for (int i = 0; i < originalStarts.length; i++) {
      if (originalStarts[i] < 0 || originalEnds[i] < originalStarts[i] || originalEnds[i] > original.length()) {
        throw new IllegalArgumentException("offset " + i + " points outside the original text");
      }
    }
  }

  /**
   * The range of the original text that produced {@code normalised[start, end)}: from the first
   * source character to the last, so an analyst sees every disguise (zero-width characters,
   * separators) the span swallowed. An empty span maps to an empty range where it sits.
   */
  public TextSpan toOriginal(int start, int end) {
    if (start < 0 || end < start || end > normalised.length()) {
      throw new IndexOutOfBoundsException("[" + start + ", " + end + ") is not inside the normalised text of length "
          + normalised.length());
    }
    if (start == end) {
      int at = start < originalStarts.length ? originalStarts[start]
          : (originalEnds.length == 0 ? 0 : originalEnds[originalEnds.length - 1]);
      return new TextSpan(at, at);
    }
    int from = Integer.MAX_VALUE;
    int to = 0;
    for (int i = start; i < end; i++) {
      from = Math.min(from, originalStarts[i]);
      to = Math.max(to, originalEnds[i]);
    }
    return new TextSpan(from, to);
  }

  public TextSpan toOriginal(TextSpan normalisedSpan) {
    return toOriginal(normalisedSpan.start(), normalisedSpan.end());
  }

  /** The original text behind {@code normalised[start, end)}. */
  public String originalText(int start, int end) {
    return toOriginal(start, end).of(original);
  }

  @Override
  public int[] originalStarts() {
    return originalStarts.clone();
  }

  @Override
  public int[] originalEnds() {
    return originalEnds.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NormalisedText that
        && original.equals(that.original)
        && normalised.equals(that.normalised)
        && Arrays.equals(originalStarts, that.originalStarts)
        && Arrays.equals(originalEnds, that.originalEnds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(original, normalised, Arrays.hashCode(originalStarts), Arrays.hashCode(originalEnds));
  }

  @Override
  public String toString() {
    return "NormalisedText[" + original + " -> " + normalised + "]";
  }
}
