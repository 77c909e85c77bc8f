package org.cordon.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandleProbesTest {

  @Test
  void aCounterAfterAnUnderscoreGivesTheStemAndItsSiblings() {
    assertThat(HandleProbes.of("karim_north_2"))
        .startsWith("karim_north")
        .contains("karim_north_1", "karim_north1", "karim_north__1", "karim_north_3")
        .doesNotContain("karim_north_2");
  }

  @Test
  void aHandleEndingInDigitsOfItsOwnKeepsThemInOneOfItsStems() {
    // "abu_falcon1i0" ends in a digit that belongs to the name: its successor "abu_falcon1i02"
    // must still lead back to it, and "abu_falcon1i0__3" too.
    assertThat(HandleProbes.of("abu_falcon1i02")).contains("abu_falcon1i0");
    assertThat(HandleProbes.of("abu_falcon1i0__3")).contains("abu_falcon1i0", "abu_falcon1i0_1");
  }

  @Test
  void aLeadingAtSignIsIgnored() {
    assertThat(HandleProbes.of("@lantern_light_1")).contains("lantern_light").allMatch(h -> !h.startsWith("@"));
  }

  @Test
  void handlesWithoutATrailingCounterOrWithOnlyDigitsGiveNothing() {
    assertThat(HandleProbes.of("lantern_light")).isEmpty();
    assertThat(HandleProbes.of("3100023600")).isEmpty();
    assertThat(HandleProbes.of("")).isEmpty();
  }

  @Test
  void stemsTooShortToTellAnyoneApartAreNotAskedAbout() {
    assertThat(HandleProbes.of("ali1")).isEmpty();
    assertThat(HandleProbes.of("ali_42")).isEmpty();
  }

  @Test
  void theNumberOfLookupsIsBoundedWhateverTheHandle() {
    assertThat(HandleProbes.of("abcdefgh12345678")).hasSizeLessThanOrEqualTo(HandleProbes.MAX_PROBES).isNotEmpty();
    assertThat(HandleProbes.of("a".repeat(10_000) + "1")).isEmpty();
  }

  @Test
  void invisibleAndRightToLeftCharactersAreCarriedAsTheyAreNotInterpreted() {
    // The platform answers about the exact string; a zero-width or bidi character inside a handle
    // the platform would refuse simply finds nothing. The probe must not throw or strip it silently.
    assertThat(HandleProbes.of("kar\u200Bim_north_1")).contains("kar\u200Bim_north");
    assertThat(HandleProbes.of("\u202Elantern_1")).contains("\u202Elantern");
  }
}
