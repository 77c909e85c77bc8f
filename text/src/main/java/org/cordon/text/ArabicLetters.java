package org.cordon.text;

/**
 * Arabic spelling variants that writers use interchangeably, folded to one form so a term written
 * plainly matches the same word with vowel marks, stretched with tatweel or spelt with another
 * alef or yeh.
 */
final class ArabicLetters {
  private ArabicLetters() {}

  /** The folded letter, or -1 for a mark to drop; {@code c} is in U+0600–U+08FF. */
  static int fold(int c) {
    if (isMark(c)) {
      return -1;
    }
    return switch (c) {
      case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673 -> 0x0627; // آ أ إ ٱ and wavy-hamza alefs → ا
      case 0x0649, 0x06CC, 0x0626 -> 0x064A; // ى, Persian ی, ئ → ي
      case 0x0624 -> 0x0648; // ؤ → و
      case 0x0629 -> 0x0647; // ة → ه
      case 0x06A9 -> 0x0643; // Persian ک → ك
      case 0x0660, 0x0661, 0x0662, 0x0663, 0x0664, 0x0665, 0x0666, 0x0667, 0x0668, 0x0669 -> '0' + (c - 0x0660);
      case 0x06F0, 0x06F1, 0x06F2, 0x06F3, 0x06F4, 0x06F5, 0x06F6, 0x06F7, 0x06F8, 0x06F9 -> '0' + (c - 0x06F0);
      default -> c;
    };
  }

  private static boolean isMark(int c) {
    return (c >= 0x0610 && c <= 0x061A) // Quranic honorifics and small high letters
        || (c >= 0x064B && c <= 0x065F) // tanwin, harakat, shadda, sukun, hamza above and below
        || c == 0x0670 // superscript (dagger) alef
        || c == 0x0640 // tatweel
        || (c >= 0x06D6 && c <= 0x06ED) // Quranic annotation signs
        || (c >= 0x08CA && c <= 0x08FF); // extended Quranic marks
  }
}
