package org.cordon.detect.text;

import com.ibm.icu.lang.UCharacter;
import java.text.Normalizer;

/**
 * The light normalisation that lexicon terms and post text both go through before matching, so
 * that trivial disguises do not hide a term: NFKC (full-width and ligature forms), removal of
 * invisible format characters (zero-width spaces and joiners, bidi controls, soft hyphens: Unicode
 * category Cf), full case folding, Arabic spelling variants (harakat U+064B–U+065F and dagger alef
 * U+0670 dropped, tatweel U+0640 dropped, أ إ آ ٱ → ا, ى → ي, ة → ه), and every run of white space
 * collapsed to one space, trimmed. Heavier work (confusables, transliteration) is a later stage.
 */
final class TextNormaliser {
  private TextNormaliser() {}

  static String normalise(String text) {
    String composed = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder visible = new StringBuilder(composed.length());
    composed.codePoints()
        .filter(c -> Character.getType(c) != Character.FORMAT)
        .forEach(visible::appendCodePoint);
    String folded = UCharacter.foldCase(visible.toString(), true);
    StringBuilder out = new StringBuilder(folded.length());
    boolean pendingSpace = false;
    for (int i = 0; i < folded.length(); ) {
      int c = folded.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      int mapped = arabic(c);
      if (mapped < 0) {
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(mapped);
    }
    return out.toString();
  }

  /** The unified Arabic letter, or -1 for a mark to drop; other characters unchanged. */
  private static int arabic(int c) {
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) {
      return -1;
    }
    return switch (c) {
      case 0x0622, 0x0623, 0x0625, 0x0671 -> 0x0627;
      case 0x0649 -> 0x064A;
      case 0x0629 -> 0x0647;
      default -> c;
    };
  }
}
