package org.cordon.detect.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.text.lexicon.Lexicon;
import org.cordon.text.lexicon.LexiconEntry;
import org.junit.jupiter.api.Test;

class LexiconDetectorTest {
  private final LexiconDetector detector = new LexiconDetector(Lexicon.of("placeholders", 1, List.of(
      LexiconEntry.literal("lanternfront", "en", 0.6).withTier(Tier.OFFICIAL_PROPAGANDA),
      LexiconEntry.literal("ember watch", "en", 0.5).withTier(Tier.PROMOTIONAL),
      LexiconEntry.literal("فانوس الشمال", "ar", 0.8).withTier(Tier.THREAT_TO_LIFE))));

  private List<Signal> detect(String text) {
    return detector.detect(TextPosts.post(text));
  }

  @Test
  void matchesAcrossCaseAndZeroWidthInsertions() {
    assertThat(detect("Join LANTERN\u200BFront\u200F today")).singleElement().satisfies(signal -> {
      assertThat(signal.kind()).isEqualTo("lexicon");
      assertThat(signal.strength()).isCloseTo(0.6, within(1e-9));
      assertThat(signal.tier()).contains(Tier.OFFICIAL_PROPAGANDA);
      assertThat(signal.reason()).contains("'lanternfront' (en, 0.60)").contains("lexicon 'placeholders'");
      assertThat(signal.evidence()).containsEntry("terms", "lanternfront");
      // the evidence shows the disguise as written (invisible characters included)
      assertThat(signal.evidence().get("written")).startsWith("LANTERN\u200BFront");
    });
  }

  @Test
  void matchesAMultiWordTermAcrossCollapsedWhiteSpace() {
    assertThat(detect("the EMBER \n\t  watch said")).hasSize(1);
  }

  @Test
  void doesNotMatchALatinTermInsideALongerWord() {
    assertThat(detect("lanternfronts and prelanternfront and lanternfront2")).isEmpty();
    assertThat(detect("#lanternfront!")).hasSize(1);
  }

  @Test
  void matchesArabicTermWrittenWithDiacriticsTatweelAndAPrefix() {
    assertThat(detect("وفَانُوسُ الشَّمَالِ")).hasSize(1);
    assertThat(detect("فـــانوس الشـمال")).hasSize(1);
    assertThat(detect("فانوس الجنوب")).isEmpty();
  }

  @Test
  void combinesTermsAndTakesTheMostSevereTier() {
    assertThat(detect("lanternfront ember watch فانوس الشمال lanternfront")).singleElement().satisfies(signal -> {
      assertThat(signal.strength()).isCloseTo(1 - 0.4 * 0.5 * 0.2, within(1e-9));
      assertThat(signal.tier()).contains(Tier.THREAT_TO_LIFE);
      assertThat(signal.evidence()).containsEntry("hits", "3");
    });
  }

  @Test
  void textWithoutTermsRaisesNothing() {
    assertThat(detect("a harmless post about lanterns and the front garden")).isEmpty();
    assertThat(detect("")).isEmpty();
  }
}
