package org.cordon.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctiveLettersTest {

    private static final List<LabelledText> CORPUS = LabelledText.bundledCorpus();

    private static List<String> texts(String language) {
        return CORPUS.stream().filter(text -> text.label().equals(language)).map(LabelledText::text)
                .map(PostText::restorePalochka).toList();
    }

    @Test
    void letsEveryPashtoAndChechenPostOfTheCorpusThrough() {
        assertThat(texts("ps")).allSatisfy(text -> assertThat(DistinctiveLetters.mayBe(UnitLanguage.PASHTO, text)).as(text).isTrue());
        // restorePalochka runs on whole tokens in the pipeline; here on whole posts, which is the same for these.
        assertThat(texts("ce")).allSatisfy(text -> assertThat(DistinctiveLetters.mayBe(UnitLanguage.CHECHEN, text)).as(text).isTrue());
    }

    @Test
    void stopsArabicPersianUrduAndRussianPosts() {
        for (String language : List.of("ar", "fa", "ur")) {
            assertThat(texts(language)).noneMatch(text -> DistinctiveLetters.mayBe(UnitLanguage.PASHTO, text));
        }
        assertThat(texts("ru")).noneMatch(text -> DistinctiveLetters.mayBe(UnitLanguage.CHECHEN, text));
    }

    @Test
    void letsEveryOtherLanguageThrough() {
        assertThat(DistinctiveLetters.mayBe(UnitLanguage.FRENCH, "anything")).isTrue();
    }
}
