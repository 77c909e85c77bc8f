package org.cordon.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LabelledTextTest {

    @Test
    void readsLanguageTextAndOptionalKindSkippingComments() throws Exception {
        List<LabelledText> texts = LabelledText.parse(new StringReader("""
                # a comment
                fr\tBonjour à tous

                none\t😂😂\tnon-linguistic
                """));

        assertThat(texts).containsExactly(
                new LabelledText(Optional.of("fr"), "Bonjour à tous", "plain"),
                new LabelledText(Optional.empty(), "😂😂", "non-linguistic"));
    }

    @Test
    void rejectsALineWithoutATabAndSaysWhichLine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LabelledText.parse(new StringReader("fr\tBonjour\nno tab here\n")))
                .withMessageContaining("line 2");
    }

    @Test
    void theBundledCorpusHasAtLeastTwentyFivePostsForEveryUnitLanguage() {
        Map<String, Long> perLanguage = LabelledText.bundledCorpus().stream()
                .filter(text -> text.kind().equals("plain"))
                .collect(Collectors.groupingBy(LabelledText::label, Collectors.counting()));

        for (UnitLanguage language : UnitLanguage.values()) {
            assertThat(perLanguage.getOrDefault(language.code(), 0L)).as(language.name()).isGreaterThanOrEqualTo(25);
        }
    }

    @Test
    void theBundledCorpusHasMixedScriptAndNonLinguisticCases() {
        Map<String, Long> perKind = LabelledText.bundledCorpus().stream()
                .collect(Collectors.groupingBy(LabelledText::kind, Collectors.counting()));

        assertThat(perKind.get("mixed-script")).isGreaterThanOrEqualTo(10);
        assertThat(perKind.get("non-linguistic")).isGreaterThanOrEqualTo(10);
    }

    @Test
    void everyPlainPostOfTheBundledCorpusHasFiveToTwentyFiveWords() {
        assertThat(LabelledText.bundledCorpus()).filteredOn(text -> text.kind().equals("plain"))
                .allSatisfy(text -> assertThat(text.text().split("\\s+").length).as(text.text()).isBetween(5, 25));
    }
}
