package org.cordon.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Low accuracy only: high accuracy for the unit's languages costs 600 MB, which belongs in the benchmark. */
class LinguaIdentifierTest extends LanguageIdentifierContract {

    private static LinguaIdentifier lingua;

    @BeforeAll
    static void load() {
        lingua = LinguaIdentifier.forUnitLanguages(LinguaIdentifier.Accuracy.LOW);
    }

    @AfterAll
    static void unload() {
        lingua.close();
    }

    @Override
    LanguageIdentifier identifier() {
        return lingua;
    }

    @Test
    void knowsEveryUnitLanguageButPashtoAndChechen() {
        assertThat(LinguaIdentifier.supportedLanguages())
                .hasSize(UnitLanguage.values().length - 2)
                .doesNotContain(UnitLanguage.PASHTO, UnitLanguage.CHECHEN);
    }

    @Test
    void answersRussianForChechenSinceItHasNoChechenModel() {
        assertThat(lingua.identify("Тахана арахь чӀогӀа шийла ду, дика дийха арадовла").language()).contains("ru");
    }

    @Test
    void canBeRestrictedToAFewLanguagesInHighAccuracyMode() {
        try (LinguaIdentifier high = LinguaIdentifier.forLanguages(
                LinguaIdentifier.Accuracy.HIGH, Set.of(UnitLanguage.DANISH, UnitLanguage.SWEDISH))) {
            assertThat(high.name()).isEqualTo("lingua-high");
            assertThat(high.identify("Det er iskoldt udenfor i dag, husk jeres handsker").language()).contains("da");
            assertThat(high.identify("Det är iskallt ute idag, glöm inte vantarna").language()).contains("sv");
        } finally {
            // Closing the high-accuracy identifier freed Danish and Swedish for the whole process.
            lingua = LinguaIdentifier.forUnitLanguages(LinguaIdentifier.Accuracy.LOW);
        }
    }
}
