package org.cordon.lineage;

import com.ibm.icu.text.Normalizer2;
import java.util.Arrays;

/**
 * Bios as sets of word shingles (single words and word pairs, hashed), and their MinHash band keys
 * for blocking. Returners keep their bio with small edits ("acc 3", "back again"), so most
 * shingles survive; Arabic spelling variants (hamza on alef, teh marbuta, alef maksura, diacritics,
 * tatweel) are folded first.
 */
final class Bios {
  /** Longer bios are cut: no platform shows more, and a 10,000-character one must not cost more. */
  static final int MAX_BIO_CHARS = 1_000;
  static final int MAX_SHINGLES = 64;
  static final int BANDS = 4;
  private static final int ROWS = 3;
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final int[] NONE = new int[0];

  private Bios() {}

  /** Sorted distinct shingle hashes; empty for an empty bio. */
  static int[] shingles(String bio) {
    String text = NFKC.normalize(bio.length() > MAX_BIO_CHARS ? bio.substring(0, MAX_BIO_CHARS) : bio);
    int[] words = new int[64];
    int count = 0;
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= text.length(); ) {
      int cp = i < text.length() ? text.codePointAt(i) : ' ';
      i += i < text.length() ? Character.charCount(cp) : 1;
      int type = Character.getType(cp);
      if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || cp == '\u0640') {
        continue;
      }
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(Character.toLowerCase(foldArabic(cp)));
        continue;
      }
      if (!word.isEmpty()) {
        if (count == words.length) {
          words = Arrays.copyOf(words, count * 2);
        }
        words[count++] = (int) Names.hash(11, word);
        word.setLength(0);
      }
    }
    if (count == 0) {
      return NONE;
    }
    int[] shingles = new int[2 * count - 1];
    int n = 0;
    for (int i = 0; i < count; i++) {
      shingles[n++] = words[i];
      if (i + 1 < count) {
        shingles[n++] = (int) Names.mix(((long) words[i] << 32) ^ (words[i + 1] & 0xffffffffL) ^ 0x5bd1e995L);
      }
    }
    int[] distinct = Arrays.stream(shingles, 0, n).distinct().sorted().toArray();
    return distinct.length > MAX_SHINGLES ? Arrays.copyOf(distinct, MAX_SHINGLES) : distinct;
  }

  private static int foldArabic(int cp) {
    return switch (cp) {
      case 'أ', 'إ', 'آ' -> 'ا';
      case 'ة' -> 'ه';
      case 'ى' -> 'ي';
      default -> cp;
    };
  }

  /** MinHash band keys, {@link #BANDS} of them; none for bios too short to say anything. */
  static long[] bands(int[] shingles) {
    if (shingles.length < 3) {
      return new long[0];
    }
    long[] bands = new long[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long key = 0x9e3779b97f4a7c15L * (b + 1);
      for (int r = 0; r < ROWS; r++) {
        long seed = Names.mix(b * ROWS + r + 1L);
        long min = Long.MAX_VALUE;
        for (int s : shingles) {
          min = Math.min(min, Names.mix(s ^ seed));
        }
        key = Names.mix(key ^ min);
      }
      bands[b] = key;
    }
    return bands;
  }

  /** The mean of Jaccard and overlap coefficient: an appended "(acc 3)" lowers the first only. */
  static double similarity(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int shared = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    double jaccard = (double) shared / (a.length + b.length - shared);
    double overlap = (double) shared / Math.min(a.length, b.length);
    return (jaccard + overlap) / 2;
  }
}
