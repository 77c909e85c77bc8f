package org.cordon.text.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.cordon.text.TextSpan;
import org.junit.jupiter.api.Test;

class LexiconMatcherTest {
  private final LexiconEntry pale = LexiconEntry.literal("Pale Lantern Order", "en", 0.45);
  private final LexiconEntry media = LexiconEntry.literal("Lantern Light Media", "*", 0.3);
  private final LexiconEntry arabic = LexiconEntry.literal("الفانوس الشاحب", "ar", 0.45);
  private final LexiconEntry lantern = LexiconEntry.literal("lantern", "en", 0.1);
  private final LexiconEntry pattern = LexiconEntry.pattern("ember\\s*wire\\s*\\d+", "*", 0.2);
  private final LexiconMatcher matcher =
      Lexicon.of("demo", 1, List.of(pale, media, arabic, lantern, pattern)).matcher();

  private List<LexiconEntry> entriesIn(String text) {
    return matcher.match(text).stream().map(LexiconMatch::entry).distinct().toList();
  }

  @Test
  void findsAPhraseAndShowsItInTheOriginalText() {
    String post = "Join the раle lаntеrn\u200B оrder today";
    List<LexiconMatch> matches = matcher.match(post);

    LexiconMatch match = matches.stream().filter(m -> m.entry().equals(pale)).findFirst().orElseThrow();
    assertThat(match.matched()).isEqualTo("pale lantern order");
    assertThat(match.originalText()).isEqualTo("раle lаntеrn\u200B оrder");
    assertThat(match.originalSpan()).isEqualTo(new TextSpan(9, 28));
  }

  @Test
  void findsTermsThroughEveryDisguise() {
    assertThat(entriesIn("P4L3 L4NT3RN 0RD3R")).contains(pale);
    assertThat(entriesIn("ＰＡＬＥ ＬＡＮＴＥＲＮ ＯＲＤＥＲ")).contains(pale);
    assertThat(entriesIn("p.a.l.e l.a.n.t.e.r.n o.r.d.e.r")).contains(pale);
    assertThat(entriesIn("p a l e l a n t e r n o r d e r")).contains(pale);
    assertThat(entriesIn("#PaleLanternOrder")).contains(pale);
    assertThat(entriesIn("#palelanternorder")).contains(pale);
    assertThat(entriesIn("paaaale lanterrrrn orderrr")).contains(pale);
    assertThat(entriesIn("\u202Epale lantern order\u202C")).contains(pale);
  }

  @Test
  void findsArabicWithDiacriticsTatweelAndProclitics() {
    assertThat(entriesIn("بيان الْفَانُوسُ الشَّاحِبُ")).containsExactly(arabic);
    assertThat(entriesIn("الفـــانوس الشـــاحب")).containsExactly(arabic);
    assertThat(entriesIn("والفانوس الشاحب")).containsExactly(arabic);
    assertThat(entriesIn("بالفانوس الشاحب")).containsExactly(arabic);
    assertThat(entriesIn("مالفانوس الشاحب")).isEmpty();
  }

  @Test
  void matchesWholeWordsOnly() {
    assertThat(entriesIn("lanterns and lanternlight")).isEmpty();
    assertThat(entriesIn("a lantern, then")).containsExactly(lantern);
    assertThat(entriesIn("xpale lantern order")).doesNotContain(pale);
  }

  @Test
  void runsPatternsOnTheNormalisedText() {
    List<LexiconMatch> matches = matcher.match("new from EMBER WIRE 12 tonight");

    assertThat(matches).singleElement().satisfies(m -> {
      assertThat(m.entry()).isEqualTo(pattern);
      assertThat(m.matched()).isEqualTo("ember wire 12");
      assertThat(m.originalText()).isEqualTo("EMBER WIRE 12");
    });
  }

  @Test
  void appliesTheLanguageFilterOnlyWhenTheLanguageIsKnown() {
    String post = "الفانوس الشاحب and the pale lantern order and lantern light media";

    assertThat(matcher.match(post, Optional.of("en")).stream().map(LexiconMatch::entry).distinct())
        .containsExactlyInAnyOrder(pale, lantern, media);
    assertThat(matcher.match(post, Optional.of("ar")).stream().map(LexiconMatch::entry).distinct())
        .containsExactlyInAnyOrder(arabic, media);
    assertThat(matcher.match(post, Optional.of("en-GB")).stream().map(LexiconMatch::entry))
        .doesNotContain(arabic);
    assertThat(matcher.match(post, Optional.of("und")).stream().map(LexiconMatch::entry).distinct())
        .containsExactlyInAnyOrder(pale, lantern, media, arabic);
    assertThat(matcher.match(post).stream().map(LexiconMatch::entry).distinct())
        .containsExactlyInAnyOrder(pale, lantern, media, arabic);
  }

  @Test
  void reportsEveryOccurrenceInTextOrder() {
    List<LexiconMatch> matches = matcher.match("lantern then pale lantern order", Optional.of("en"));

    assertThat(matches).extracting(m -> m.normalisedSpan().start(), m -> m.entry().term())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, "lantern"),
            org.assertj.core.groups.Tuple.tuple(13, "Pale Lantern Order"),
            org.assertj.core.groups.Tuple.tuple(18, "lantern"));
  }

  @Test
  void leavesGenuineTextOfOtherScriptsUnmatched() {
    assertThat(matcher.match("Привет, это обычный текст. Καλημέρα κόσμε.")).isEmpty();
  }

  @Test
  void findsAPhraseInAHashtagEvenWhenLongerLexiconWordsSplitItDifferently() {
    LexiconEntry joined = LexiconEntry.literal("LanternLight", "en", 0.3);
    LexiconMatcher both = Lexicon.of("demo", 1, List.of(media, joined)).matcher();

    assertThat(both.match("#lanternlightmedia")).extracting(LexiconMatch::entry).contains(media);
    assertThat(both.match("#LanternLightMedia")).extracting(LexiconMatch::entry).contains(media);
    assertThat(both.match("#lanternlight")).extracting(LexiconMatch::entry).containsExactly(joined);
  }

  @Test
  void anEmptyLexiconMatchesNothing() {
    assertThat(Lexicon.empty("none").matcher().match("pale lantern order")).isEmpty();
  }

  @Test
  void theBenchmarkRunsOnASmallSet() {
    LexiconBenchmark.Figures figures = LexiconBenchmark.run(200, 2_000, 7);

    assertThat(figures.terms()).isEqualTo(200);
    assertThat(figures.matches()).isPositive();
    assertThat(figures.postsPerSecond()).isPositive();
  }
}
