package org.cordon.app.cli;

/**
 * Makes adversary-controlled text safe to print on a terminal: control characters (escape sequences
 * could rewrite the screen) and bidi overrides (could reorder what the analyst reads) are shown as
 * visible code points, and long text is cut.
 */
final class Terminal {
  private Terminal() {}

  static String safe(String text, int max) {
    StringBuilder b = new StringBuilder();
    text.codePoints().forEach(cp -> {
      if (Character.isISOControl(cp) || isBidiControl(cp) || Character.getType(cp) == Character.FORMAT) {
        b.append(String.format("<U+%04X>", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.length() <= max ? b.toString() : b.substring(0, max - 1) + "…";
  }

  private static boolean isBidiControl(int cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
  }
}
