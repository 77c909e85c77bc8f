package org.cordon.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What every identifier must do, run once per implementation with its real model. */
abstract class LanguageIdentifierContract {

    abstract LanguageIdentifier identifier();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | The train to the airport is running late again this morning, so annoying
            fr | On se retrouve au marché samedi matin pour acheter des légumes frais
            de | Am Wochenende fahren wir mit den Kindern zum See, wenn das Wetter hält
            es | Mañana vamos a comer paella en casa de mis padres con toda la familia
            tr | Akşam yemeğinde annemin yaptığı mercimek çorbasını içtik, çok lezzetliydi
            ru | Завтра обещают тёплую погоду, поедем с детьми в парк кататься на велосипедах
            ar | نتمنى لكم جميعا عطلة سعيدة مع العائلة والأصدقاء في هذا الصيف الجميل
            fa | امروز هوا خیلی خوب بود و با خانواده به پارک رفتیم
            ur | آج ہم سب نے مل کر دادی کے گھر کھانا کھایا اور بہت باتیں کیں
            sv | Vi åker till stugan i helgen och hoppas att det blir fint väder
            ka | ხვალ მთელი ოჯახი ზღვაზე მივდივართ დასასვენებლად
            """)
    void identifiesClearSentences(String expected, String text) {
        Identification identification = identifier().identify(text);

        assertThat(identification.language()).contains(expected);
        assertThat(identification.confidence()).isGreaterThan(0.0);
        assertThat(identification.segments()).hasSize(1);
    }

    @Test
    void identifiesUrduWithEnglishWordsAsUrduAndTheEnglishSegmentOnItsOwn() {
        Identification identification = identifier().identify("آج میں office سے جلدی گھر آ گیا کیونکہ weather بہت خراب تھا");

        assertThat(identification.language()).contains("ur");
        assertThat(identification.script()).isEqualTo("ARABIC");
        assertThat(identification.segments()).extracting(Segment::script).containsExactly("ARABIC", "LATIN");
    }

    @Test
    void identifiesAnArabicSentenceWithLatinHashtagsAsArabic() {
        Identification identification = identifier().identify(
                "مبروك للفريق على الفوز الرائع الليلة، كانت مباراة لا تنسى #ChampionsLeague #Football https://t.co/abc");

        assertThat(identification.language()).contains("ar");
        assertThat(identification.segments()).extracting(Segment::script).containsExactly("ARABIC", "LATIN");
    }

    @Test
    void reportsNoLanguageForTextThatIsNotLanguage() {
        for (String text : List.of("https://t.co/x8Kd93 https://bit.ly/abc", "😂😂😂🔥🔥", "#GoodMorning #Monday",
                "12:45 3-1 ⚽️", "@someone @another 👍", "ok", "lol", "!!!???", "   ", "#الجمعة #جمعة_مباركة")) {
            Identification identification = identifier().identify(text);
            assertThat(identification.language()).as(text).isEmpty();
            assertThat(identification.confidence()).as(text).isZero();
        }
    }

    @Test
    void seesThroughZeroWidthCharactersAndBidiOverrides() {
        assertThat(identifier().identify("Gu\u200Bten Mor\u200Dgen, heu\u2060te ist das Wet\uFEFFter wirklich schön").language())
                .contains("de");
        assertThat(identifier().identify("\u202EBonjour tout le monde, il fait très beau aujourd'hui\u202C").language())
                .contains("fr");
    }

    @Test
    void survivesLoneSurrogatesAndControlCharacters() {
        Identification identification = identifier().identify(
                "Bonjour \uD800 tout le monde\u0000, il fait \uDC00 très beau aujourd'hui \uD83D");

        assertThat(identification.language()).contains("fr");
    }

    @Test
    void examinesOnlyTheFirstCharactersOfAMegabytePost() {
        String megabyte = "Il fait très beau aujourd'hui à Paris. ".repeat(26_000);

        Identification identification = identifier().identify(megabyte);

        assertThat(megabyte.length()).isGreaterThan(1_000_000);
        assertThat(identification.language()).contains("fr");
        assertThat(identification.segments()).allSatisfy(segment ->
                assertThat(segment.text().length()).isLessThanOrEqualTo(LanguageIdentifier.MAXIMUM_INPUT_LENGTH));
    }

    @Test
    void keepsConfidenceInRangeOnRandomText() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int j = 0; j < length; j++) {
                text.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(0x5F) : random.nextInt(0x10000)));
            }
            assertThat(identifier().identify(text.toString()).confidence()).as("seed %d", seed).isBetween(0.0, 1.0);
        }
    }

    @Test
    void givesTheSameAnswersFromSeveralThreadsAsFromOne() throws Exception {
        List<LabelledText> corpus = LabelledText.bundledCorpus().subList(0, 200);
        List<Identification> alone = corpus.stream().map(text -> identifier().identify(text.text())).toList();

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<Identification>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> corpus.stream().map(text -> identifier().identify(text.text())).toList()));
            }
            for (Future<List<Identification>> run : runs) {
                assertThat(run.get()).isEqualTo(alone);
            }
        }
    }

    @Test
    void refusesNull() {
        assertThatNullPointerException().isThrownBy(() -> identifier().identify(null));
    }

    @Test
    void hasAName() {
        assertThat(identifier().name()).isNotBlank();
    }
}
