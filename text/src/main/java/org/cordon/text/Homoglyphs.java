package org.cordon.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;
import java.lang.Character.UnicodeScript;

/**
 * Look-alike letters of other scripts and their Latin twins, derived once at class load from
 * ICU's confusables data (the {@link SpoofChecker} skeleton): a case-folded letter maps to an ASCII
 * letter when its own skeleton, or failing that the skeleton of its capital, is that letter. Cyrillic
 * "а" → "a", Greek "ο" → "o", Cyrillic "в" → "b" (its capital В looks like B), Armenian "օ" → "o",
 * and Latin oddities such as "ɑ" → "a".
 *
 * <p>Only letters in {@link #script} categories other than plain Latin are candidates; Turkish
 * dotless ı is left alone since it is a genuine letter of a language Cordon reads.
 */
final class Homoglyphs {
  private Homoglyphs() {}

  /** The scripts whose letters are mixed with Latin to disguise words. */
  enum Script { LATIN, CYRILLIC, GREEK, ARMENIAN, OTHER }

  private static final int[][] CANDIDATE_RANGES = {
      {0x00C0, 0x02AF}, // Latin-1 supplement to IPA extensions
      {0x0370, 0x03FF}, // Greek
      {0x0400, 0x052F}, // Cyrillic and its supplement
      {0x0530, 0x058F}, // Armenian
  };
  private static final char[] LATIN_TWIN_BELOW_0x600;

  static {
    SpoofChecker checker = new SpoofChecker.Builder().build();
    char[] twins = new char[0x600];
    for (int[] range : CANDIDATE_RANGES) {
      for (int c = range[0]; c <= range[1]; c++) {
        if (!Character.isLetter(c) || c == 0x0131 || UCharacter.foldCase(c, true) != c) {
          continue;
        }
        char twin = twinOf(checker, c);
        if (twin == 0) {
          twin = twinOf(checker, UCharacter.toUpperCase(c));
        }
        if (twin != 0) {
          twins[c] = twin;
        }
      }
    }
    LATIN_TWIN_BELOW_0x600 = twins;
  }

  private static char twinOf(SpoofChecker checker, int c) {
    String skeleton = UCharacter.foldCase(checker.getSkeleton(new String(Character.toChars(c))), true);
    if (skeleton.length() == 1 && skeleton.charAt(0) >= 'a' && skeleton.charAt(0) <= 'z') {
      return skeleton.charAt(0);
    }
    return 0;
  }

  /** The Latin letter a case-folded {@code c} imitates, or 0 when it imitates none. */
  static char latinTwin(int c) {
    if (c < 0x80) {
      return 0;
    }
    // Letters beyond U+05FF that imitate Latin (mathematical, full-width) are already ASCII after NFKC.
    return c < LATIN_TWIN_BELOW_0x600.length ? LATIN_TWIN_BELOW_0x600[c] : 0;
  }

  static Script script(int c) {
    if (c < 0x80) {
      return Script.LATIN;
    }
    return switch (UnicodeScript.of(c)) {
      case LATIN -> Script.LATIN;
      case CYRILLIC -> Script.CYRILLIC;
      case GREEK -> Script.GREEK;
      case ARMENIAN -> Script.ARMENIAN;
      default -> Script.OTHER;
    };
  }
}
