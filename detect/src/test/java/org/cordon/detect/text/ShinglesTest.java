package org.cordon.detect.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.cordon.text.Normaliser;
import org.junit.jupiter.api.Test;

class ShinglesTest {
  @Test
  void foldsPunctuationCaseInvisiblesAndScriptsAway() {
    assertThat(Shingles.fold("Carry  the\u200B LIGHT, forward!")).isEqualTo("carry the light forward");
    assertThat(Shingles.fold("نور الفانوس")).matches("[a-z ]+");
  }

  @Test
  void shinglesAreSortedDistinctHashes() {
    long[] s = Shingles.of("abcabcabcabc");
    for (int i = 1; i < s.length; i++) {
      assertThat(s[i]).isGreaterThan(s[i - 1]);
    }
    assertThat(s).hasSize(3);
    assertThat(Shingles.of("  ")).isEmpty();
    assertThat(Shingles.of("ab")).hasSize(1);
  }

  @Test
  void transliteratingWordByWordKeepsTheLettersOfTransliteratingTheWholeText() {
    // pieces from the scripts posts mix: Arabic and Persian letters and punctuation, Cyrillic,
    // Greek, Hebrew, Devanagari, Han, accented Latin, digits, marks, spaces and line breaks
    String[] pieces = {"الفانوس", "نور", "شمس", "ة", "ء", "عغ",
        "پچگکی", "،", "؟", "؛", "٫", "٬", "٠١", "۵", "ـ",
        "مَا", "ّ", "ْ", "раз", "Жук", "σοφία", "Σ", "שלום",
        "नमस्ते", "光", "café", "ß", "æ", "œ", "lantern", "PALE", "42", "7", ".", ",", "-", "'",
        "«", "»", "“", "…", "#", "@", " ", " ", " ", "\n", "​", "́", "﷼", "ⁿ"};
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int round = 0; round < 3000; round++) {
      StringBuilder text = new StringBuilder();
      for (int p = random.nextInt(12); p >= 0; p--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String normalised = Normaliser.standard().fold(text.toString());
      assertThat(Shingles.lettersAndDigits(Shingles.toLatinByWord(normalised)))
          .as("seed %d, text '%s'", seed, text)
          .isEqualTo(Shingles.lettersAndDigits(Shingles.toLatinWhole(normalised)));
    }
  }

  @Test
  void theWordCacheGivesTheSameFoldAsTheFirstCall() {
    String arabic = "نور الفانوس يضيء الطريق";
    String first = Shingles.fold(arabic);
    assertThat(Shingles.fold(new String(arabic))).isEqualTo(first).isNotBlank();
  }
}
