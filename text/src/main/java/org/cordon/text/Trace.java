package org.cordon.text;

import java.util.Arrays;

/**
 * A growable run of code points, each remembering the range of the original text it came from and
 * whether it was written as a capital (which hashtag segmentation needs after case folding).
 * Mutable and confined to one call of the normaliser.
 */
final class Trace {
  static final byte CASELESS = 0;
  static final byte LOWER = 1;
  static final byte UPPER = 2;

  int[] codePoints;
  int[] starts;
  int[] ends;
  byte[] cases;
  int size;

  Trace(int capacity) {
    int c = Math.max(16, capacity);
    codePoints = new int[c];
    starts = new int[c];
    ends = new int[c];
    cases = new byte[c];
  }

  void add(int codePoint, int start, int end, byte letterCase) {
    if (size == codePoints.length) {
      int c = size * 2;
      codePoints = Arrays.copyOf(codePoints, c);
      starts = Arrays.copyOf(starts, c);
      ends = Arrays.copyOf(ends, c);
      cases = Arrays.copyOf(cases, c);
    }
    codePoints[size] = codePoint;
    starts[size] = start;
    ends[size] = end;
    cases[size] = letterCase;
    size++;
  }

  /** Copies entry {@code index} of {@code other}, with a new code point. */
  void addFrom(Trace other, int index, int codePoint) {
    add(codePoint, other.starts[index], other.ends[index], other.cases[index]);
  }

  int last() {
    return codePoints[size - 1];
  }

  void clear() {
    size = 0;
  }

  NormalisedText toText(String original) {
    int units = 0;
    for (int i = 0; i < size; i++) {
      units += Character.charCount(codePoints[i]);
    }
    char[] chars = new char[units];
    int[] outStarts = new int[units];
    int[] outEnds = new int[units];
    int u = 0;
    for (int i = 0; i < size; i++) {
      int n = Character.toChars(codePoints[i], chars, u);
      for (int k = 0; k < n; k++) {
        outStarts[u + k] = starts[i];
        outEnds[u + k] = ends[i];
      }
      u += n;
    }
    return new NormalisedText(original, new String(chars), outStarts, outEnds);
  }

  String toPlainString() {
    StringBuilder out = new StringBuilder(size);
    for (int i = 0; i < size; i++) {
      out.appendCodePoint(codePoints[i]);
    }
    return out.toString();
  }
}
