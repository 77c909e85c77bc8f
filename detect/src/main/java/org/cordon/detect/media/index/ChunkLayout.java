package org.cordon.detect.media.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the 256 bits are cut into {@code m} contiguous substrings for multi-index hashing, and which
 * distance each substring must be searched to for a given query radius.
 *
 * <p>The thresholds follow the refined pigeonhole argument: write {@code r = m·q + a} with
 * {@code 0 ≤ a < m}. If every one of the first {@code a + 1} chunks differed in more than {@code q}
 * bits and every other chunk in more than {@code q − 1}, the total would be at least
 * {@code (a+1)(q+1) + (m−a−1)q = r + 1}. So a hash within {@code r} has some chunk {@code i < a+1}
 * within {@code q}, or some later chunk within {@code q − 1} (a negative threshold means "skip").
 */
final class ChunkLayout {
  static final int MIN_CHUNKS = 11;
  static final int MAX_CHUNKS = 32;

  private final int[] starts;
  private final int[] widths;
  private final int maxThreshold;
  /** flipMasks[c]: every mask of at most maxThreshold bits within chunk c's width, by popcount. */
  private final int[][] flipMasks;
  /** masksUpTo[c][t]: how many of flipMasks[c] have at most t bits set. */
  private final int[][] masksUpTo;

  ChunkLayout(int chunks, int maxExactRadius) {
    if (chunks < MIN_CHUNKS || chunks > MAX_CHUNKS) {
      throw new IllegalArgumentException(
          "chunk count must be in " + MIN_CHUNKS + ".." + MAX_CHUNKS + " (wider chunks need too much bucket memory), got " + chunks);
    }
    starts = new int[chunks];
    widths = new int[chunks];
    int start = 0;
    for (int c = 0; c < chunks; c++) {
      // The first 256 mod m chunks take one extra bit.
      widths[c] = 256 / chunks + (c < 256 % chunks ? 1 : 0);
      starts[c] = start;
      start += widths[c];
    }
    maxThreshold = maxExactRadius / chunks;
    flipMasks = new int[chunks][];
    masksUpTo = new int[chunks][];
    for (int c = 0; c < chunks; c++) {
      flipMasks[c] = masksOfAtMost(widths[c], maxThreshold);
      masksUpTo[c] = new int[maxThreshold + 1];
      for (int t = 0; t <= maxThreshold; t++) {
        int count = 0;
        for (int mask : flipMasks[c]) {
          if (Integer.bitCount(mask) <= t) {
            count++;
          }
        }
        masksUpTo[c][t] = count;
      }
    }
  }

  int chunks() {
    return widths.length;
  }

  int width(int chunk) {
    return widths[chunk];
  }

  int[] flipMasks(int chunk) {
    return flipMasks[chunk];
  }

  /** Number of leading {@link #flipMasks} entries to probe for threshold {@code t} (−1 → none). */
  int probeCount(int chunk, int threshold) {
    return threshold < 0 ? 0 : masksUpTo[chunk][threshold];
  }

  /** Per-chunk search thresholds for {@code radius}; only valid when radius ≤ the exact limit. */
  int[] thresholds(int radius) {
    int m = widths.length;
    int q = radius / m;
    int a = radius % m;
    if (q > maxThreshold) {
      throw new IllegalStateException("radius " + radius + " exceeds the enumerated thresholds");
    }
    int[] t = new int[m];
    for (int c = 0; c < m; c++) {
      t[c] = c <= a ? q : q - 1;
    }
    return t;
  }

  /** The value of chunk {@code c} of the hash stored at {@code words[base..base+3]}. */
  int chunkOf(long[] words, int base, int c) {
    int s = starts[c];
    int w = widths[c];
    int word = s >>> 6;
    int shift = s & 63;
    long bits = words[base + word] >>> shift;
    if (shift + w > 64) {
      bits |= words[base + word + 1] << (64 - shift);
    }
    return (int) (bits & ((1L << w) - 1));
  }

  private static int[] masksOfAtMost(int width, int maxBits) {
    List<Integer> masks = new ArrayList<>();
    masks.add(0);
    if (maxBits >= 1) {
      for (int i = 0; i < width; i++) {
        masks.add(1 << i);
      }
    }
    if (maxBits >= 2) {
      for (int i = 0; i < width; i++) {
        for (int j = i + 1; j < width; j++) {
          masks.add(1 << i | 1 << j);
        }
      }
    }
    if (maxBits >= 3) {
      throw new IllegalStateException("thresholds above 2 are not needed for " + MIN_CHUNKS + "+ chunks at radius ≤ 31");
    }
    return masks.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public String toString() {
    return widths.length + " chunks of " + Arrays.stream(widths).distinct().sorted().boxed().toList() + " bits";
  }
}
