package org.cordon.detect.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormaliserTest {
  @Test
  void removesZeroWidthAndBidiControlsAndFoldsCase() {
    assertThat(TextNormaliser.normalise("LAN\u200BTERN\u200Dfr\u202Eont\u2066\uFEFF\u00AD"))
        .isEqualTo("lanternfront");
  }

  @Test
  void foldsFullWidthFormsAndSharpS() {
    assertThat(TextNormaliser.normalise("ＬＡＮＴＥＲＮ Straße")).isEqualTo("lantern strasse");
  }

  @Test
  void collapsesEveryKindOfWhiteSpaceAndTrims() {
    assertThat(TextNormaliser.normalise("  a \t\n\u00A0\u2003 b  ")).isEqualTo("a b");
  }

  @Test
  void unifiesArabicSpellingVariants() {
    // Harakat, shadda, dagger alef, tatweel, hamza-alef forms, alef maqsura and ta marbuta.
    assertThat(TextNormaliser.normalise("فَانُوسُ الشَّمَالِ")).isEqualTo("فانوس الشمال");
    assertThat(TextNormaliser.normalise("فـــانوس")).isEqualTo("فانوس");
    assertThat(TextNormaliser.normalise("أإآٱ")).isEqualTo("اااا");
    assertThat(TextNormaliser.normalise("مستشفى مدرسة")).isEqualTo("مستشفي مدرسه");
    assertThat(TextNormaliser.normalise("هٰذا")).isEqualTo("هذا");
  }
}
