package org.cordon.model.features;

/**
 * MurmurHash3 (x86, 32-bit) over UTF-16 code units taken two at a time, so a feature is hashed
 * straight from the text without building a String or a byte array.
 */
final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  static int hash(char[] chars, int start, int end, int seed) {
    int h = seed;
    int i = start;
    for (; i + 1 < end; i += 2) {
      int k = chars[i] | (chars[i + 1] << 16);
      h ^= mixKey(k);
      h = Integer.rotateLeft(h, 13);
      h = h * 5 + 0xe6546b64;
    }
    if (i < end) {
      h ^= mixKey(chars[i]);
    }
    h ^= (end - start) * 2;
    return finalMix(h);
  }

  /** The running state after one more pair of UTF-16 units: {@link #hash}'s loop step. */
  static int step(int h, char first, char second) {
    h ^= mixKey(first | (second << 16));
    h = Integer.rotateLeft(h, 13);
    return h * 5 + 0xe6546b64;
  }

  /**
   * {@link #hash} finished from the state after its whole pairs: the odd last unit, if any, then
   * the length. {@code hash(c, s, e, seed) == finish(state after (e - s) / 2 steps, c, e, e - s)}.
   */
  static int finish(int h, char[] chars, int end, int length) {
    if ((length & 1) != 0) {
      h ^= mixKey(chars[end - 1]);
    }
    h ^= length * 2;
    return finalMix(h);
  }

  /** Combines two hashes into the hash of the pair (used for word bigrams). */
  static int combine(int first, int second, int seed) {
    int h = seed;
    h ^= mixKey(first);
    h = Integer.rotateLeft(h, 13);
    h = h * 5 + 0xe6546b64;
    h ^= mixKey(second);
    h = Integer.rotateLeft(h, 13);
    h = h * 5 + 0xe6546b64;
    h ^= 8;
    return finalMix(h);
  }

  private static int mixKey(int k) {
    k *= C1;
    k = Integer.rotateLeft(k, 15);
    return k * C2;
  }

  private static int finalMix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
