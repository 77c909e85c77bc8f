package org.cordon.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pipeline around the libraries, driven by a fake guesser so no model is loaded. */
class IdentificationPipelineTest {

    /** Answers by a fixed word: "bonjour" is French, "guten" German, else the first candidate. */
    private static final class FakeGuesser implements SegmentGuesser {
        final List<String> seen = new ArrayList<>();
        final List<UnitLanguage> offered = new ArrayList<>();

        @Override
        public Set<UnitLanguage> supported() {
            return EnumSet.complementOf(EnumSet.of(UnitLanguage.PASHTO));
        }

        @Override
        public Optional<Guess> guess(String text, List<UnitLanguage> candidates) {
            seen.add(text);
            offered.addAll(candidates);
            if (text.toLowerCase().contains("bonjour")) {
                return Optional.of(new Guess(UnitLanguage.FRENCH, 0.8));
            }
            if (text.toLowerCase().contains("guten")) {
                return Optional.of(new Guess(UnitLanguage.GERMAN, 0.6));
            }
            return Optional.of(new Guess(candidates.getFirst(), 0.5));
        }
    }

    private final FakeGuesser guesser = new FakeGuesser();
    private final IdentificationPipeline pipeline = new IdentificationPipeline(guesser, UnitLanguage.all());

    @Test
    void choosesTheLanguageOfTheHeaviestScriptAndKeepsEverySegment() {
        Identification identification = pipeline.identify("مرحبا بكم جميعا في المدينة bonjour");

        assertThat(identification.language()).contains("ar");
        assertThat(identification.script()).isEqualTo("ARABIC");
        assertThat(identification.segments()).extracting(Segment::script).containsExactly("ARABIC", "LATIN");
        assertThat(identification.segments().get(1).language()).contains("fr");
    }

    @Test
    void scalesConfidenceByTheShareOfLettersTheChosenLanguageCovers() {
        Identification alone = pipeline.identify("bonjour tout le monde");
        Identification withArabic = pipeline.identify("bonjour tout le monde مرحبا");

        assertThat(alone.confidence()).isEqualTo(0.8);
        assertThat(withArabic.language()).contains("fr");
        assertThat(withArabic.confidence()).isLessThan(0.8).isGreaterThan(0.0);
    }

    @Test
    void weighsHashtagsHalfSoTheyDoNotOutvoteTheSentence() {
        // 26 Arabic letters against 38 hashtag letters counting 19.
        Identification identification = pipeline.identify(
                "الطقس جميل جدا اليوم في المدينة #BonjourParis #BonjourLesAmis #BonjourMaman");

        assertThat(identification.language()).contains("ar");
    }

    @Test
    void answersFromTheScriptAloneWhenOnlyOneLanguageOfTheSetUsesIt() {
        Identification identification = pipeline.identify("დილა მშვიდობისა ყველას");

        assertThat(identification.language()).contains("ka");
        assertThat(identification.confidence()).isEqualTo(1.0);
        assertThat(guesser.seen).isEmpty();
    }

    @Test
    void reportsNoLanguageForScriptsOutsideTheSet() {
        Identification identification = pipeline.identify("नमस्ते आप कैसे हैं");

        assertThat(identification.language()).isEmpty();
        assertThat(identification.script()).isEqualTo("DEVANAGARI");
        assertThat(identification.confidence()).isZero();
    }

    @Test
    void reportsNoLanguageForLinksEmojiDigitsHashtagsOrAWordTooShort() {
        for (String text : List.of("https://t.co/x8Kd93", "😂😂😂🔥", "12:45 3-1", "#GoodMorning #Monday", "@someone 👍", "ok", "", "\u200B\u202E")) {
            assertThat(pipeline.identify(text).language()).as(text).isEmpty();
        }
        assertThat(guesser.seen).as("too short: never sent to the library").isEmpty();
    }

    @Test
    void sendsTheLibraryNoMoreThanTheDocumentedLengthOfAMegabytePost() {
        Identification identification = pipeline.identify("guten ".repeat(200_000));

        assertThat(identification.language()).contains("de");
        assertThat(guesser.seen).singleElement().satisfies(text ->
                assertThat(text.length()).isLessThanOrEqualTo(LanguageIdentifier.MAXIMUM_INPUT_LENGTH));
    }

    @Test
    void leavesOutLanguagesTheLibraryDoesNotKnow() {
        pipeline.identify("سهار مو پخیر ټولو ته");

        assertThat(guesser.offered).containsExactlyInAnyOrder(UnitLanguage.ARABIC, UnitLanguage.URDU, UnitLanguage.PERSIAN);
    }

    @Test
    void neverFailsOnRandomCodeUnits() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            char[] text = new char[random.nextInt(300)];
            for (int j = 0; j < text.length; j++) {
                text[j] = random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) (0x20 + random.nextInt(0x700));
            }
            Identification identification = pipeline.identify(new String(text));
            assertThat(identification.confidence()).as("seed %d", seed).isBetween(0.0, 1.0);
        }
    }
}
