package org.cordon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HandleVariantsTest {
  private static List<String> handles(String handle) {
    return HandleVariants.all(handle, HandleVariants.X_MAX_LENGTH).stream().map(HandleVariants.Variant::handle).toList();
  }

  private static List<String> handlesOf(String handle, HandleVariants.Change change) {
    return HandleVariants.all(handle, HandleVariants.X_MAX_LENGTH).stream()
        .filter(v -> v.change() == change).map(HandleVariants.Variant::handle).toList();
  }

  @Test
  void aNumericSuffixIsIncremented() {
    assertThat(handlesOf("abu_lantern7", HandleVariants.Change.NUMERIC_SUFFIX)).first().isEqualTo("abu_lantern8");
    assertThat(handlesOf("x9", HandleVariants.Change.NUMERIC_SUFFIX)).first().isEqualTo("x10");
    assertThat(handlesOf("nur_desk009", HandleVariants.Change.NUMERIC_SUFFIX)).first().isEqualTo("nur_desk010");
  }

  @Test
  void aHandleWithoutNumberGetsOne() {
    assertThat(handlesOf("abu_lantern", HandleVariants.Change.NUMERIC_SUFFIX)).contains("abu_lantern2");
  }

  @Test
  void underscoresAreRemovedOrAdded() {
    assertThat(handlesOf("abu_lantern7", HandleVariants.Change.UNDERSCORES)).contains("abulantern7", "abu_lantern_7", "abu_lantern7_");
    assertThat(handlesOf("abulantern7", HandleVariants.Change.UNDERSCORES)).contains("abulantern_7").allMatch(h -> h.contains("_"));
  }

  @Test
  void arabicDerivedNamesAreRespelled() {
    assertThat(handlesOf("noor_sky12", HandleVariants.Change.TRANSLITERATION)).contains("nur_sky12");
    assertThat(handlesOf("yusuf_road3", HandleVariants.Change.TRANSLITERATION)).contains("youssef_road3");
  }

  @Test
  void aLetterIsDoubled() {
    assertThat(handlesOf("amel7", HandleVariants.Change.DOUBLED_LETTER)).contains("amell7", "ammel7");
  }

  @Test
  void noVariantEqualsTheOriginalOrBreaksTheRulesOfX() {
    for (String handle : List.of("abu_lantern7", "x9", "lantern_light000", "night_watch003_1", "a", "_", "kh_dh_oo_ee_ou", "zzzzzzzzzzzzzzz")) {
      List<String> variants = handles(handle);
      assertThat(variants).as("variants of %s", handle).isNotEmpty()
          .allSatisfy(v -> {
            assertThat(v).isNotEqualToIgnoringCase(handle);
            assertThat(v).matches("[A-Za-z0-9_]{1,15}");
          });
      assertThat(Set.copyOf(variants)).hasSameSizeAs(variants);
    }
  }

  @Test
  void aTooLongVariantGivesUpUnderscoresBeforeLetters() {
    assertThat(handlesOf("lantern_light000", HandleVariants.Change.NUMERIC_SUFFIX)).first().isEqualTo("lanternlight001");
  }

  @Test
  void pickingAvoidsTakenHandlesAndIsDeterministic() {
    for (long seed = 0; seed < 200; seed++) {
      Set<String> taken = Set.of("abu_lantern8", "abulantern7");
      HandleVariants.Variant first = HandleVariants.pick("abu_lantern7", new SplittableRandom(seed), 15, taken::contains);
      HandleVariants.Variant again = HandleVariants.pick("abu_lantern7", new SplittableRandom(seed), 15, taken::contains);
      assertThat(first).as("seed %d", seed).isEqualTo(again);
      assertThat(first.handle()).as("seed %d", seed).isNotIn(taken).isNotEqualTo("abu_lantern7").matches("[A-Za-z0-9_]{1,15}");
    }
  }

  @Test
  void whenEveryVariantIsTakenANumberIsAppended() {
    HandleVariants.Variant v = HandleVariants.pick("ab", new SplittableRandom(1), 15, h -> !h.matches("ab_?[0-9]+") || h.equals("ab2"));
    assertThat(v.handle()).matches("ab_?[0-9]+").isNotEqualTo("ab2");
  }

  @Test
  void hostileCharactersAreDroppedFromVariants() {
    assertThat(handles("abu\u202E_lan\u200Btern7")).allSatisfy(v -> assertThat(v).matches("[A-Za-z0-9_]{1,15}"));
  }
}
