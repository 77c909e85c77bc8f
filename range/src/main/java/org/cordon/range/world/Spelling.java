package org.cordon.range.world;

import java.util.SplittableRandom;

/**
 * The spelling variants real Arabic text shows: optional diacritics, tatweel (kashida) stretching,
 * alef with or without hamza, final yeh written as alef maksura, teh marbuta written as heh.
 * Matching that ignores them is the detector's job; the range's job is to produce them.
 */
final class Spelling {
  private static final char TATWEEL = '\u0640';
  private static final char[] DIACRITICS = {'\u064E', '\u064F', '\u0650', '\u0652', '\u0651', '\u064B'};

  private Spelling() {}

  static String vary(String arabic, SplittableRandom random) {
    int roll = random.nextInt(10);
    if (roll < 4) {
      return arabic;
    }
    StringBuilder out = new StringBuilder(arabic.length() + 8);
    boolean diacritics = random.nextInt(3) == 0;
    boolean tatweel = random.nextInt(3) == 0;
    boolean letters = random.nextBoolean();
    for (int i = 0; i < arabic.length(); i++) {
      char c = arabic.charAt(i);
      boolean wordEnd = i + 1 == arabic.length() || !isArabicLetter(arabic.charAt(i + 1));
      if (letters) {
        c = switch (c) {
          case 'أ', 'إ', 'آ' -> 'ا';
          case 'ة' -> wordEnd ? 'ه' : c;
          case 'ي' -> wordEnd ? 'ى' : c;
          default -> c;
        };
      }
      out.append(c);
      if (diacritics && isArabicLetter(c) && random.nextInt(3) == 0) {
        out.append(DIACRITICS[random.nextInt(DIACRITICS.length)]);
      }
      if (tatweel && joinsLeft(c) && !wordEnd && random.nextInt(4) == 0) {
        out.append(TATWEEL);
      }
    }
    return out.toString();
  }

  static boolean isArabicLetter(char c) {
    return c >= '\u0621' && c <= '\u064A';
  }

  /** Letters that connect to the next one; tatweel after the others would be a spelling error. */
  private static boolean joinsLeft(char c) {
    return isArabicLetter(c) && "اأإآدذرزوؤةى".indexOf(c) < 0;
  }
}
