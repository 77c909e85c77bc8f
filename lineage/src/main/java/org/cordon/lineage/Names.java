package org.cordon.lineage;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.Transliterator;
import java.util.Locale;

/**
 * Folds handles and display names into the keys a returning account keeps: the same letters once
 * case, look-alike characters (Cyrillic 'а' for Latin 'a'), other scripts (transliterated to Latin),
 * invisible characters, separators and digits are set aside.
 *
 * <p>Levels, from strict to loose, each a key a suspended account is found by:
 * <ul>
 *   <li>{@link #plain}: lower-case ASCII after look-alike folding and transliteration, separators and
 *       digits kept ("abu_hamza_2");
 *   <li>{@link #base}: {@code plain} without its trailing run of digits and separators, and without
 *       separators inside ("abuhamza"): what survives "abu_hamza" → "abu_hamza_2" → "abu.hamza3";
 *   <li>{@link #letters}: only the letters ("abuhamza" also for "abu4hamza"): digits changed inside;
 *   <li>{@link #phonetic}: a consonant skeleton of a key ("bhmz"), on which the romanisations of one
 *       Arabic name ("noor"/"nur", "khalid"/"xalid") agree.
 * </ul>
 */
final class Names {
  /** Longer handles or names are cut: no platform allows them, and a hostile one must not cost more. */
  static final int MAX_NAME_CHARS = 256;

  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
  // Transliterator instances are not documented as thread-safe; one per thread.
  private static final ThreadLocal<Transliterator> TO_LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

  private Names() {}

  /** Lower-case ASCII letters, digits and separators ('_', '.', '-', ' '); everything else folded or dropped. */
  static String plain(String raw) {
    String text = raw.length() > MAX_NAME_CHARS ? raw.substring(0, MAX_NAME_CHARS) : raw;
    if (!isPlainAscii(text)) {
      text = NFKC.normalize(text);
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean foreign = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.FORMAT || type == Character.CONTROL || type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK || cp == '\u0640') {
        continue; // zero-width, bidi controls, diacritics, tatweel
      }
      if (cp < 128) {
        out.append(Character.toLowerCase((char) cp));
        continue;
      }
      String skeleton = SPOOF.getSkeleton(new String(Character.toChars(cp)));
      if (isPlainAscii(skeleton)) {
        out.append(skeleton.toLowerCase(Locale.ROOT));
      } else {
        out.appendCodePoint(cp);
        foreign = true;
      }
    }
    String folded = foreign ? TO_LATIN.get().transliterate(out.toString()) : out.toString();
    StringBuilder ascii = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = Character.toLowerCase(folded.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        ascii.append(c);
      } else if (c == '_' || c == '.' || c == '-' || c == ' ') {
        ascii.append(c);
      } else if (Character.isWhitespace(c)) {
        ascii.append(' ');
      }
    }
    return ascii.toString().strip();
  }

  /** {@code plain} without separators. */
  static String joined(String plain) {
    StringBuilder out = new StringBuilder(plain.length());
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code plain} without its trailing digits and separators, then without separators. */
  static String base(String plain) {
    int end = plain.length();
    while (end > 0 && !isLetter(plain.charAt(end - 1))) {
      end--;
    }
    String cut = joined(plain.substring(0, end));
    // An all-digit handle has no letters to keep: its digits are all it has.
    return cut.isEmpty() ? joined(plain) : cut;
  }

  /** Only the letters of {@code plain}. */
  static String letters(String plain) {
    StringBuilder out = new StringBuilder(plain.length());
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (isLetter(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A consonant skeleton: digraphs that romanise one Arabic letter in several ways are merged, vowels
   * after the first letter dropped (romanisations of Arabic disagree mostly on vowels), and doubled
   * letters collapsed.
   */
  static String phonetic(String key) {
    String s = key.replace("kh", "x").replace("dh", "z").replace("gh", "g").replace("sh", "s")
        .replace("th", "t").replace("ph", "f").replace("q", "k").replace("ck", "k");
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w';
      if (vowel && !out.isEmpty()) {
        continue;
      }
      if (!out.isEmpty() && out.charAt(out.length() - 1) == c) {
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** 1 − Levenshtein distance / longer length, in [0, 1]; 1 for two empty strings. */
  static double similarity(String a, String b) {
    int longer = Math.max(a.length(), b.length());
    if (longer == 0) {
      return 1;
    }
    return 1.0 - (double) levenshtein(a, b) / longer;
  }

  static int levenshtein(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        int substitute = previous[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[m];
  }

  /** A 64-bit hash of a key (FNV-1a then a mix), tagged by the kind of key so kinds never collide. */
  static long hash(int kind, CharSequence key) {
    long h = 0xcbf29ce484222325L ^ kind;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static boolean isPlainAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isLetterOrDigit(char c) {
    return isLetter(c) || (c >= '0' && c <= '9');
  }
}
