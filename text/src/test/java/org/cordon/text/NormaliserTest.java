package org.cordon.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NormaliserTest {
  private final Normaliser standard = Normaliser.standard();
  private final Normaliser withWords = Normaliser.standard()
      .withSegmentationWords(List.of("Pale Lantern Order", "Lantern Light Media"));

  // ---- Unicode: NFKC, case, invisible characters ----

  @Test
  void foldsCaseAndFullWidthForms() {
    assertThat(standard.fold("ＰＡＬＥ ＬＡＮＴＥＲＮ Order")).isEqualTo("pale lantern order");
  }

  @Test
  void foldsMathematicalAndLigatureLetters() {
    assertThat(standard.fold("\uD835\uDC0F\uD835\uDC1A\uD835\uDC25\uD835\uDC1E ﬂame")).isEqualTo("pale flame");
  }

  @Test
  void removesZeroWidthCharactersInsideWords() {
    String disguised = "pa\u200Ble lan\u200Dt\u200Ce\u2060rn or\u00ADder\uFEFF";
    assertThat(standard.fold(disguised)).isEqualTo("pale lantern order");
  }

  @Test
  void removesBidiControlsAndVariationSelectors() {
    String disguised = "\u202Epale\u202C \u2066lan\u200Etern\u2069 \u202Aorder\uFE0F\u200F";
    assertThat(standard.fold(disguised)).isEqualTo("pale lantern order");
  }

  @Test
  void collapsesEveryKindOfWhiteSpaceToOneSpace() {
    assertThat(standard.fold("  pale\u00A0\u3000lantern\t\n\r\n order\u2028 ")).isEqualTo("pale lantern order");
  }

  // ---- homoglyphs ----

  @Test
  void foldsCyrillicLookAlikesInsideAMixedWord() {
    // р, а and е below are Cyrillic
    assertThat(standard.fold("раle lantеrn оrder")).isEqualTo("pale lantern order");
  }

  @Test
  void foldsGreekLookAlikesInsideAMixedWord() {
    // ο and ν below are Greek
    assertThat(standard.fold("Lantern Light Μedia Οrder")).isEqualTo("lantern light media order");
  }

  @Test
  void foldsAWordMadeOnlyOfLookAlikesWhenTheTextIsMostlyLatin() {
    // "раlе" entirely Cyrillic ("ра" + "ІЕ"-style letters) inside an English sentence
    assertThat(standard.fold("join the new ѕоре lantern group today")).isEqualTo("join the new sope lantern group today");
  }

  @Test
  void keepsGenuineRussianText() {
    String russian = "Привет, как дела? Это обычный текст о погоде в Москве.";
    assertThat(standard.fold(russian)).isEqualTo("привет, как дела? это обычный текст о погоде в москве.");
  }

  @Test
  void keepsGenuineGreekText() {
    assertThat(standard.fold("Καλημέρα κόσμε, τι κάνετε;")).isEqualTo("καλημέρα κόσμε, τι κάνετε;");
  }

  @Test
  void keepsShortRussianLookAlikeWordsInARussianSentence() {
    // "сор" and "оса" are made of look-alikes, but the sentence is Cyrillic
    assertThat(standard.fold("Сор и оса в доме")).isEqualTo("сор и оса в доме");
  }

  @Test
  void foldsLatinScriptLookAlikes() {
    assertThat(standard.fold("pɑle lɑntern")).isEqualTo("pale lantern");
  }

  @Test
  void keepsTurkishDotlessI() {
    assertThat(standard.fold("ışık")).isEqualTo("ışık");
  }

  // ---- Arabic ----

  @Test
  void stripsArabicDiacritics() {
    assertThat(standard.fold("الْفَانُوسُ الشَّاحِبُ")).isEqualTo("الفانوس الشاحب");
  }

  @Test
  void stripsTatweel() {
    assertThat(standard.fold("الفـــــانوس الشــاحب")).isEqualTo("الفانوس الشاحب");
  }

  @Test
  void unifiesAlefYehTehMarbutaAndHamzaCarriers() {
    assertThat(standard.fold("أمن إلى آخر ٱلفانوس")).isEqualTo("امن الي اخر الفانوس");
    assertThat(standard.fold("على")).isEqualTo("علي");
    assertThat(standard.fold("جماعة")).isEqualTo("جماعه");
    assertThat(standard.fold("مؤسسة")).isEqualTo("موسسه");
    assertThat(standard.fold("ئ ؤ")).isEqualTo("ي و");
  }

  @Test
  void stripsQuranicMarks() {
    assertThat(standard.fold("الفانوس\u06D6 الشاحب\u0670\u06DA")).isEqualTo("الفانوس الشاحب");
  }

  @Test
  void foldsArabicPresentationForms() {
    // ﻻ is the lam-alef ligature presentation form
    assertThat(standard.fold("ﻻ")).isEqualTo("لا");
  }

  @Test
  void keepsPlainArabicText() {
    String plain = "الفانوس الشاحب في المدينه";
    assertThat(standard.fold(plain)).isEqualTo(plain);
  }

  // ---- digits ----

  @Test
  void turnsDigitsOfEveryScriptIntoAscii() {
    assertThat(standard.fold("٢٠٢٤ ۱۴۰۳ २०२४ ２０２４ ২০২৪")).isEqualTo("2024 1403 2024 2024 2024");
  }

  // ---- leetspeak ----

  @Test
  void readsLeetspeakInsideWords() {
    assertThat(standard.fold("p4l3 l4nt3rn 0rd3r")).isEqualTo("pale lantern order");
    assertThat(standard.fold("p@le l|antern $tate")).isEqualTo("pale llantern state");
  }

  @Test
  void leavesNumbersAndMixedNumbersAlone() {
    assertThat(standard.fold("2024 covid19 lantern2024 $5 @pale")).isEqualTo("2024 covid19 lantern2024 $5 @pale");
  }

  // ---- separators ----

  @Test
  void closesUpLettersJoinedBySeparators() {
    assertThat(standard.fold("l.a.n.t.e.r.n")).isEqualTo("lantern");
    assertThat(standard.fold("l-a-n-t-e-r-n!")).isEqualTo("lantern!");
    assertThat(standard.fold("(l_a_n_t_e_r_n)")).isEqualTo("(lantern)");
  }

  @Test
  void closesUpSpacedSingleLetters() {
    assertThat(standard.fold("join l a n t e r n now")).isEqualTo("join lantern now");
  }

  @Test
  void segmentsSpacedLettersIntoLexiconWords() {
    assertThat(withWords.fold("p a l e l a n t e r n")).isEqualTo("pale lantern");
    assertThat(withWords.fold("p.a.l.e.l.a.n.t.e.r.n")).isEqualTo("pale lantern");
  }

  @Test
  void leavesOrdinaryPunctuationAlone() {
    assertThat(standard.fold("e-mail, a.m. and al-Fanus")).isEqualTo("e-mail, a.m. and al-fanus");
  }

  // ---- repeated letters ----

  @Test
  void squeezesThreeOrMoreRepeatedLettersToOne() {
    assertThat(standard.fold("paaaale lanterrrrn ooorder coffee")).isEqualTo("pale lantern order coffee");
    assertThat(standard.fold("الفاااانوس")).isEqualTo("الفانوس");
  }

  // ---- hashtags ----

  @Test
  void splitsCamelCaseHashtags() {
    assertThat(standard.fold("#PaleLanternOrder")).isEqualTo("pale lantern order");
    assertThat(standard.fold("see #P4leL4nternOrder!")).isEqualTo("see pale lantern order!");
    assertThat(standard.fold("#HTMLParser")).isEqualTo("html parser");
  }

  @Test
  void segmentsOneCaseHashtagsWithTheCallersWords() {
    assertThat(withWords.fold("#palelanternorder")).isEqualTo("pale lantern order");
    assertThat(withWords.fold("#PALELANTERNORDER")).isEqualTo("pale lantern order");
    assertThat(withWords.fold("#lanternlightmedia2024")).isEqualTo("lantern light media 2024");
  }

  @Test
  void leavesAHashtagWholeWhenNoWordsCoverIt() {
    assertThat(withWords.fold("#palexyzlantern")).isEqualTo("palexyzlantern");
    assertThat(standard.fold("#palelanternorder")).isEqualTo("palelanternorder");
  }

  // ---- the way back to the original ----

  @Test
  void mapsANormalisedSpanBackToTheOriginalText() {
    String original = "Join the раle\u200B lаntern now";
    NormalisedText text = standard.normalise(original);
    int at = text.normalised().indexOf("pale lantern");
    assertThat(text.originalText(at, at + "pale lantern".length())).isEqualTo("раle\u200B lаntern");
  }

  @Test
  void mapsHashtagSegmentsBackToTheHashtag() {
    NormalisedText text = withWords.normalise("look: #palelanternorder ok");
    int at = text.normalised().indexOf("lantern order");
    assertThat(text.originalText(at, at + "lantern order".length())).isEqualTo("lanternorder");
  }

  @Test
  void mapsArabicWithDiacriticsBackToTheMarkedWord() {
    String original = "قال الْفَانُوسُ الشَّاحِبُ اليوم";
    NormalisedText text = standard.normalise(original);
    int at = text.normalised().indexOf("الفانوس الشاحب");
    assertThat(text.originalText(at, at + "الفانوس الشاحب".length())).isEqualTo("الْفَانُوسُ الشَّاحِبُ");
  }

  @Test
  void mapsSqueezedAndSeparatedLettersBackToTheWholeDisguise() {
    NormalisedText text = standard.normalise("a l.a.n.t.e.r.n b paaaale c");
    String normalised = text.normalised();
    assertThat(normalised).isEqualTo("a lantern b pale c");
    assertThat(text.originalText(normalised.indexOf("lantern"), normalised.indexOf("lantern") + 7)).isEqualTo("l.a.n.t.e.r.n");
    assertThat(text.originalText(normalised.indexOf("pale"), normalised.indexOf("pale") + 4)).isEqualTo("paaaale");
  }

  @Test
  void foldAndNormaliseAgree() {
    String text = "#PaleLanternOrder ＰＡＬＥ p4l3 الْفَانُوسُ";
    assertThat(withWords.normalise(text).normalised()).isEqualTo(withWords.fold(text));
  }

  @Test
  void givesTheSameResultsFromManyThreadsAtOnce() throws Exception {
    List<String> posts = List.of("раle lantеrn", "#PaleLanternOrder", "#palelanternorder", "p4l3 l4nt3rn",
        "الْفَانُوسُ الشَّاحِبُ", "l.a.n.t.e.r.n", "p a l e l a n t e r n", "٢٠٢٤");
    List<String> expected = posts.stream().map(withWords::fold).toList();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<List<String>>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          List<String> last = List.of();
          for (int round = 0; round < 500; round++) {
            last = posts.stream().map(p -> withWords.normalise(p).normalised()).toList();
          }
          return last;
        }));
      }
      for (var result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void foldingTwiceChangesNothingForTheAdversarialExamples() {
    for (String text : List.of("раle lantеrn оrder", "ＰＡＬＥ", "pa\u200Ble", "p4l3 l4nt3rn", "$tate", "l.a.n.t.e.r.n",
        "p a l e l a n t e r n", "#PaleLanternOrder", "#palelanternorder", "paaaale", "الْفَانُوسُ الشَّاحِبُ",
        "Привет, как дела?", "٢٠٢٤")) {
      String once = withWords.fold(text);
      assertThat(withWords.fold(once)).as(text).isEqualTo(once);
    }
  }

  @Test
  void survivesRandomHostileTextAndKeepsOffsetsInsideTheOriginal() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int[] alphabet = {'a', 'l', 'P', ' ', '.', '#', '@', '$', '|', '4', '0', 0x200B, 0x202E, 0x0640, 0x064E, 0x0627,
        0x0430, 0x03BF, 0xFF21, 0x0301, 0xD83D, 0xDE00, 0xDC00, 0xD800, '\n', 0x0661, 0x00AD, 0xFE0F};
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append((char) alphabet[random.nextInt(alphabet.length)]);
      }
      String original = text.toString();
      NormalisedText normalised = withWords.normalise(original);
      assertThat(normalised.normalised()).as("seed %d, text %s", seed, original).isEqualTo(withWords.fold(original));
      for (int i = 0; i < normalised.normalised().length(); i++) {
        TextSpan span = normalised.toOriginal(i, i + 1);
        assertThat(span.end()).as("seed %d, text %s", seed, original).isLessThanOrEqualTo(original.length());
      }
    }
  }

  // ---- the per-thread memory of the last fold ----

  @Test
  void foldingOneTextWithTwoNormalisersGivesEachItsOwnResult() {
    String hashtag = "#palelanternorder";
    assertThat(standard.fold(hashtag)).isEqualTo("palelanternorder");
    assertThat(withWords.fold(hashtag)).isEqualTo("pale lantern order");
    assertThat(standard.fold(hashtag)).isEqualTo("palelanternorder");
  }

  @Test
  void foldingAnEqualButDifferentStringGivesTheSameResult() {
    String first = "p\u0430le lantern";
    String second = new String(first.toCharArray());
    assertThat(standard.fold(first)).isEqualTo(standard.fold(second)).isEqualTo("pale lantern");
  }

  @Test
  void foldingAfterALexiconNormalisedTheSameTextGivesWhatFoldingAloneGives() {
    // the standard fold reuses the segmenting normaliser's result only when no segmentation word was used
    for (String text : new String[] {"#palelanternorder now", "#PaleLanternOrder now", "p a l e l a n t e r n order", "plain words only",
        "l.a.n.t.e.r.n light"}) {
      String alone = standard.fold(new String(text.toCharArray()));
      String withWordsAlone = withWords.fold(new String(text.toCharArray()));
      String same = new String(text.toCharArray());
      NormalisedText forLexicon = withWords.normalise(same);
      assertThat(standard.fold(same)).as(text).isEqualTo(alone);
      assertThat(withWords.fold(same)).as(text).isEqualTo(forLexicon.normalised()).isEqualTo(withWordsAlone);
      String again = new String(text.toCharArray());
      withWords.fold(again);
      assertThat(standard.fold(again)).as(text).isEqualTo(alone);
    }
    assertThat(standard.fold("#palelanternorder")).isNotEqualTo(withWords.fold("#palelanternorder"));
  }
}
