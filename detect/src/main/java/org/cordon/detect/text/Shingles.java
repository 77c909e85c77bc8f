package org.cordon.detect.text;

import com.ibm.icu.text.Transliterator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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

  /**
   * Each thread's transliterations of single words. ICU's rule-based transliteration was a fifth
   * of the triage workers' CPU (a third of posts are Arabic); words repeat far more than texts, so
   * a text is transliterated word by word and each distinct word once. Cleared when full rather
   * than evicted one by one: a simple bound, and a cold start costs only the ICU calls it saves.
   */
  private static final ThreadLocal<Map<String, String>> LATIN_WORDS = ThreadLocal.withInitial(HashMap::new);
  static final int CACHED_WORDS = 20_000;

  private Shingles() {}

  /** The folded text the shingles are cut from (for tests and explanations). */
  static String fold(String text) {
    String normalised = NORMALISER.fold(text);
    String latin = hasNonLatinLetter(normalised) ? toLatinByWord(normalised) : normalised;
    return lettersAndDigits(latin);
  }

  private static boolean hasNonLatinLetter(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c > 0x024F && Character.isLetter(c)) {
        return true;
      }
      i += Character.charCount(c);
    }
    return false;
  }

  /** The letters and digits of the text, every other run of characters one space, stripped. */
  static String lettersAndDigits(String latin) {
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

  /** The whole text through the transliterator at once: the reference {@link #toLatinByWord} must equal. */
  static String toLatinWhole(String normalised) {
    return TO_LATIN.get().transliterate(normalised);
  }

  /**
   * The text transliterated one space- or line-separated word at a time, which gives the same
   * letters and digits as {@link #toLatinWhole}: the scripts' rules look no further than a word
   * (their contexts are digits and marks next to a letter), a space composes with nothing under
   * NFC, and only letters and digits survive {@link #fold}. Lower-case ASCII words, which the
   * transliterator leaves alone, are copied as they are.
   */
  static String toLatinByWord(String normalised) {
    Map<String, String> cache = LATIN_WORDS.get();
    StringBuilder out = new StringBuilder(normalised.length() + 16);
    int n = normalised.length();
    int i = 0;
    while (i < n) {
      char c = normalised.charAt(i);
      if (c == ' ' || c == '\n') {
        out.append(c);
        i++;
        continue;
      }
      int end = i;
      boolean plain = true;
      while (end < n && (c = normalised.charAt(end)) != ' ' && c != '\n') {
        plain &= c < 0x80 && !(c >= 'A' && c <= 'Z');
        end++;
      }
      if (plain) {
        out.append(normalised, i, end);
      } else {
        String word = normalised.substring(i, end);
        String latin = cache.get(word);
        if (latin == null) {
          latin = TO_LATIN.get().transliterate(word);
          if (cache.size() >= CACHED_WORDS) {
            cache.clear();
          }
          cache.put(word, latin);
        }
        out.append(latin);
      }
      i = end;
    }
    return out.toString();
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
