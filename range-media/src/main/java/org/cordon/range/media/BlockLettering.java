package org.cordon.range.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.text.Bidi;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Draws text as filled 5×7 cells instead of font glyphs.
 *
 * <p>Font rendering depends on which fonts a machine has installed, and the range promises the
 * same pixels for the same seed everywhere; rectangles are rendered identically by every JDK.
 * Latin letters and digits get their usual shapes; any other code point (Arabic, Cyrillic...)
 * gets a stable pattern derived from its value, which reads as "some script" at a glance.
 */
final class BlockLettering {

  private static final int COLUMNS = 5;
  private static final int ROWS = 7;

  private static final Map<Character, int[]> GLYPHS = Map.ofEntries(
      Map.entry('A', new int[] {0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11}),
      Map.entry('B', new int[] {0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E}),
      Map.entry('C', new int[] {0x0E, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0E}),
      Map.entry('D', new int[] {0x1E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1E}),
      Map.entry('E', new int[] {0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F}),
      Map.entry('F', new int[] {0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10}),
      Map.entry('G', new int[] {0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F}),
      Map.entry('H', new int[] {0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11}),
      Map.entry('I', new int[] {0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E}),
      Map.entry('J', new int[] {0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0C}),
      Map.entry('K', new int[] {0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11}),
      Map.entry('L', new int[] {0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F}),
      Map.entry('M', new int[] {0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11}),
      Map.entry('N', new int[] {0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11}),
      Map.entry('O', new int[] {0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E}),
      Map.entry('P', new int[] {0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10}),
      Map.entry('Q', new int[] {0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D}),
      Map.entry('R', new int[] {0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11}),
      Map.entry('S', new int[] {0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E}),
      Map.entry('T', new int[] {0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04}),
      Map.entry('U', new int[] {0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E}),
      Map.entry('V', new int[] {0x11, 0x11, 0x11, 0x11, 0x11, 0x0A, 0x04}),
      Map.entry('W', new int[] {0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0A}),
      Map.entry('X', new int[] {0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11}),
      Map.entry('Y', new int[] {0x11, 0x11, 0x0A, 0x04, 0x04, 0x04, 0x04}),
      Map.entry('Z', new int[] {0x1F, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1F}),
      Map.entry('0', new int[] {0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E}),
      Map.entry('1', new int[] {0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E}),
      Map.entry('2', new int[] {0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F}),
      Map.entry('3', new int[] {0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E}),
      Map.entry('4', new int[] {0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02}),
      Map.entry('5', new int[] {0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E}),
      Map.entry('6', new int[] {0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E}),
      Map.entry('7', new int[] {0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08}),
      Map.entry('8', new int[] {0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E}),
      Map.entry('9', new int[] {0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C}),
      Map.entry('-', new int[] {0x00, 0x00, 0x00, 0x1F, 0x00, 0x00, 0x00}),
      Map.entry('.', new int[] {0x00, 0x00, 0x00, 0x00, 0x00, 0x0C, 0x0C}),
      Map.entry('!', new int[] {0x04, 0x04, 0x04, 0x04, 0x04, 0x00, 0x04}),
      Map.entry('#', new int[] {0x0A, 0x0A, 0x1F, 0x0A, 0x1F, 0x0A, 0x0A}),
      Map.entry(' ', new int[] {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00}));

  private BlockLettering() {}

  /** Width in pixels of {@code text} drawn with cells of {@code cell} pixels. */
  static int width(String text, int cell) {
    int characters = visualOrder(text).length;
    return characters == 0 ? 0 : (characters * (COLUMNS + 1) - 1) * cell;
  }

  static int height(int cell) {
    return ROWS * cell;
  }

  /** Draws {@code text} with its top-left corner at (x, y); returns the x after the last glyph. */
  static int draw(Graphics2D g, String text, int x, int y, int cell, Color colour) {
    g.setColor(colour);
    int cursor = x;
    for (int codePoint : visualOrder(text)) {
      int[] rows = glyph(codePoint);
      for (int row = 0; row < ROWS; row++) {
        for (int column = 0; column < COLUMNS; column++) {
          if ((rows[row] & (1 << (COLUMNS - 1 - column))) != 0) {
            g.fillRect(cursor + column * cell, y + row * cell, cell, cell);
          }
        }
      }
      cursor += (COLUMNS + 1) * cell;
    }
    return cursor;
  }

  /**
   * The code points to draw, left to right: upper-cased, accents dropped (NFD splits them off and
   * the base letter carries the shape), reversed when the text is right-to-left (Arabic or
   * Hebrew names; a rough visual order is enough for a synthetic banner).
   */
  private static int[] visualOrder(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFD).toUpperCase(Locale.ROOT);
    int[] codePoints = folded.codePoints()
        .filter(codePoint -> Character.getType(codePoint) != Character.NON_SPACING_MARK)
        .toArray();
    if (!new Bidi(folded, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight()) {
      reverse(codePoints);
    }
    return codePoints;
  }

  private static void reverse(int[] values) {
    for (int i = 0, j = values.length - 1; i < j; i++, j--) {
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }

  private static int[] glyph(int codePoint) {
    if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
      int[] known = GLYPHS.get((char) codePoint);
      if (known != null) {
        return known;
      }
    }
    if (Character.isWhitespace(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
      return GLYPHS.get(' '); // zero-width and bidi controls draw nothing visible
    }
    // A stable pseudo-glyph: a few bits per row from a mix of the code point.
    long mixed = new java.util.SplittableRandom(codePoint * 0x9E3779B97F4A7C15L).nextLong();
    int[] rows = new int[ROWS];
    for (int row = 0; row < ROWS; row++) {
      rows[row] = (int) ((mixed >>> (row * COLUMNS)) & 0x1F);
    }
    rows[ROWS - 1] |= 0x1F; // a baseline stroke, as many scripts have
    return rows;
  }
}
