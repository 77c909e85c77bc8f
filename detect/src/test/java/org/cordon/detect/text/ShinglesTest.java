package org.cordon.detect.text;

import static org.assertj.core.api.Assertions.assertThat;

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
}
