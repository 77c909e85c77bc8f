package org.cordon.text;

/**
 * A half-open range {@code [start, end)} of UTF-16 indices into a string, as {@link String#substring}
 * takes them.
 */
public record TextSpan(int start, int end) {
  public TextSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("a span needs 0 <= start <= end: [" + start + ", " + end + ")");
    }
  }

  public int length() {
    return end - start;
  }

  /** The text this span covers in {@code text}. */
  public String of(String text) {
    return text.substring(start, end);
  }
}
