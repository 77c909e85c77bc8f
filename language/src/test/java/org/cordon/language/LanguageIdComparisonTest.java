package org.cordon.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageIdComparisonTest {

    /** Says French for everything containing "le", nothing otherwise. */
    private static final class FrenchOnly implements LanguageIdentifier {
        @Override
        public Identification identify(String text) {
            return text.contains("le")
                    ? new Identification(Optional.of("fr"), 0.9, "LATIN", List.of())
                    : Identification.none("COMMON", List.of());
        }

        @Override
        public String name() {
            return "french-only";
        }
    }

    private static final List<LabelledText> CORPUS = List.of(
            new LabelledText(Optional.of("fr"), "le chat", "plain"),
            new LabelledText(Optional.of("fr"), "un chat", "plain"),
            new LabelledText(Optional.of("ps"), "le pashto", "plain"),
            new LabelledText(Optional.empty(), "😂", "non-linguistic"));

    private static final LanguageIdComparison.Timing QUICK = new LanguageIdComparison.Timing(Duration.ZERO, Duration.ofMillis(20), 1);

    @Test
    void countsAccuracyOverallPerLanguageAndOnTheLanguagesTheIdentifierSupports() {
        LanguageIdComparison.Report report = LanguageIdComparison.run(CORPUS,
                List.of(new LanguageIdComparison.Candidate("french-only", Set.of(UnitLanguage.FRENCH), FrenchOnly::new)), QUICK);

        assertThat(report.posts()).isEqualTo(4);
        assertThat(report.languages()).containsExactly("fr", "none", "ps");
        LanguageIdComparison.IdentifierFigures figures = report.identifiers().getFirst();
        assertThat(figures.accuracy()).isEqualTo(0.5);
        assertThat(figures.accuracyOnSupportedLanguages()).isEqualTo(2.0 / 3);
        assertThat(figures.unsupportedLanguages()).containsExactly("ps");
        assertThat(figures.perLanguage()).containsExactly(
                new LanguageIdComparison.LanguageAccuracy("fr", 1, 2, 0.5),
                new LanguageIdComparison.LanguageAccuracy("none", 1, 1, 1.0),
                new LanguageIdComparison.LanguageAccuracy("ps", 0, 1, 0.0));
        assertThat(figures.topConfusions()).containsExactlyInAnyOrder(
                new LanguageIdComparison.Confusion("fr", "none", 1),
                new LanguageIdComparison.Confusion("ps", "fr", 1));
        assertThat(figures.postsPerSecond()).isPositive();
        assertThat(figures.heapBytesAfterLoad()).isNotNegative();
    }

    @Test
    void printsATableWithOneColumnPerIdentifierAndOneRowPerLanguage() {
        LanguageIdComparison.Report report = LanguageIdComparison.run(CORPUS,
                List.of(new LanguageIdComparison.Candidate("french-only", Set.of(UnitLanguage.FRENCH), FrenchOnly::new)), QUICK);

        String table = LanguageIdComparison.table(report);

        assertThat(table).contains("french-only", "accuracy", "50.0%", "(no model) 0/1", "fr->none x1");
    }
}
