package org.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnsTest {

  /** The plain definition the fast scan must agree with. */
  private static boolean storableByDefinition(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void theFastScanAgreesWithTheDefinitionOnTextsNearEveryBoundary() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    char[] awkward = {0, 1, 'a', '\u00e9', '\u0645', '\uD7FF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uE000', '\uFFFD', '\uFFFF', '\u200B'};
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(8); i > 0; i--) {
        text.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x10000) : awkward[random.nextInt(awkward.length)]);
      }
      String s = text.toString();
      assertThat(Columns.isStorable(s)).as("seed %d, text %s", seed, s.chars().mapToObj(Integer::toHexString).toList())
          .isEqualTo(storableByDefinition(s));
      assertThat(Columns.isStorable(Columns.storable(s))).as("seed %d", seed).isTrue();
    }
  }

  @Test
  void emojiPairsAreStorableAndLoneSurrogatesOrNulAreNot() {
    assertThat(Columns.isStorable("ok \uD83D\uDE00 \uFFFF \uE000")).isTrue();
    assertThat(Columns.isStorable("lone \uD83D")).isFalse();
    assertThat(Columns.isStorable("\uDE00 first")).isFalse();
    assertThat(Columns.isStorable("nul \u0000")).isFalse();
    assertThat(Columns.storable("a\u0000b\uD800")).isEqualTo("a\uFFFDb\uFFFD");
  }
}
