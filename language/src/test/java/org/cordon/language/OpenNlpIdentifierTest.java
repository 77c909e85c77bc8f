package org.cordon.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenNlpIdentifierTest extends LanguageIdentifierContract {

    private static OpenNlpIdentifier openNlp;

    @BeforeAll
    static void load() {
        openNlp = OpenNlpIdentifier.forUnitLanguages();
    }

    @Override
    LanguageIdentifier identifier() {
        return openNlp;
    }

    @Test
    void theModelKnowsEveryUnitLanguageUnderTheCodeWeMap() throws Exception {
        List<String> modelLanguages;
        try (var in = getClass().getResourceAsStream("/langdetect-183.bin")) {
            modelLanguages = Arrays.asList(new LanguageDetectorME(new LanguageDetectorModel(in)).getSupportedLanguages());
        }

        for (UnitLanguage language : OpenNlpIdentifier.supportedLanguages()) {
            assertThat(modelLanguages).as(language.name()).contains(language.iso639_3().getFirst());
        }
    }

    @Test
    void identifiesPashtoAndChechenWhichLinguaLacks() {
        assertThat(openNlp.identify("زما زوی نن د ښوونځي د ټیم لپاره خپل لومړی ګول وواهه، ډېر ورباندې وياړم").language())
                .contains("ps");
        assertThat(openNlp.identify("Тахана арахь чӀогӀа шийла ду, дика дийха арадовла").language()).contains("ce");
    }

    @Test
    void answersBosnianForCroatianBecauseCroatianIsOutsideTheSet() {
        assertThat(openNlp.identify("Sutra idemo na izlet s obitelji, nadam se da će biti sunčano").language())
                .contains("bs");
    }
}
