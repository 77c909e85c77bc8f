package org.cordon.detect.text;

import com.ibm.icu.text.Transliterator;
import java.util.Arrays;
import org.cordon.text.Normaliser;

/**
 * A text as the set of its character k-grams, hashed to 64 bits, after the lexicon's normalisation,
 * with punctuation dropped and non-Latin scripts folded to Latin ASCII: so that a statement
 * re-posted with other punctuation, invisible characters, Arabic spelling variants or in a
 * transliteration shares most of its shingles with the original.
 */
final class Shingles {
  static final int K = 5;

  private static final ThreadLocal<Transliterator> TO_LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

  private static final Normaliser NORMALISER = Normaliser.standard();

  private Shingles() {}

  /** The folded text the shingles are cut from (for tests and explanations). */
  static String fold(String text) {
    String normalised = NORMALISER.fold(text);
    boolean nonLatin = normalised.codePoints().anyMatch(c -> Character.isLetter(c) && c > 0x024F);
    String latin = nonLatin ? TO_LATIN.get().transliterate(normalised) : normalised;
    StringBuilder b = new StringBuilder(latin.length());
    boolean space = true;
    for (int i = 0; i < latin.length(); i++) {
      char c = latin.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(c);
        space = false;
      } else if (!space) {
        b.append(' ');
        space = true;
      }
    }
    return b.toString().strip();
  }

  /** Sorted, distinct 64-bit hashes of the folded text's k-grams; one shingle for a shorter text. */
  static long[] of(String text) {
    String folded = fold(text);
    if (folded.isEmpty()) {
      return new long[0];
    }
    if (folded.length() <= K) {
      return new long[] {hash(folded, 0, folded.length())};
    }
    long[] hashes = new long[folded.length() - K + 1];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = hash(folded, i, i + K);
    }
    Arrays.sort(hashes);
    int n = 0;
    for (int i = 0; i < hashes.length; i++) {
      if (i == 0 || hashes[i] != hashes[i - 1]) {
        hashes[n++] = hashes[i];
      }
    }
    return Arrays.copyOf(hashes, n);
  }

  /** FNV-1a over the UTF-16 units, then a 64-bit finaliser so that nearby strings spread. */
  static long hash(String s, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** |a ∩ b| for sorted distinct arrays. */
  static int intersection(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        n++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return n;
  }
}
