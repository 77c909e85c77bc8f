package org.cordon.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * OpenNLP's langdetect-183 model (103 languages, ISO 639-3), restricted to the unit's languages:
 * when the model's first answer is outside the set (Croatian, Punjabi, ...), the best answer inside
 * it is taken, among the languages written in the segment's script. It is the only one of the two
 * libraries with Pashto and Chechen.
 */
public final class OpenNlpIdentifier implements LanguageIdentifier {

    private static final String MODEL_RESOURCE = "/langdetect-183.bin";

    private final SegmentGuesser guesser;
    private final IdentificationPipeline pipeline;

    private OpenNlpIdentifier(Set<UnitLanguage> languages) {
        LanguageDetectorModel model = loadModel();
        Set<UnitLanguage> supported = EnumSet.noneOf(UnitLanguage.class);
        for (String code : new LanguageDetectorME(model).getSupportedLanguages()) {
            UnitLanguage.byIso639_3(code).ifPresent(supported::add);
        }
        this.guesser = new OpenNlpGuesser(model, Set.copyOf(supported));
        this.pipeline = new IdentificationPipeline(guesser, languages);
    }

    /** Loads the 10 MB model from the classpath (opennlp-models-langdetect). */
    public static OpenNlpIdentifier forUnitLanguages() {
        return new OpenNlpIdentifier(UnitLanguage.all());
    }

    public static OpenNlpIdentifier forLanguages(Set<UnitLanguage> languages) {
        return new OpenNlpIdentifier(Set.copyOf(languages));
    }

    /** Every unit language: the model has all 21 (a test checks this against the model itself). */
    public static Set<UnitLanguage> supportedLanguages() {
        return UnitLanguage.all();
    }

    SegmentGuesser guesser() {
        return guesser;
    }

    @Override
    public Identification identify(String text) {
        return pipeline.identify(Objects.requireNonNull(text, "text"));
    }

    @Override
    public String name() {
        return "opennlp";
    }

    private static LanguageDetectorModel loadModel() {
        try (InputStream in = OpenNlpIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(MODEL_RESOURCE + " is not on the classpath: add org.apache.opennlp:opennlp-models-langdetect");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL_RESOURCE, e);
        }
    }

    private static final class OpenNlpGuesser implements SegmentGuesser {
        private final Set<UnitLanguage> supported;
        // The model is immutable; the detector around it is cheap but not documented as thread-safe.
        private final ThreadLocal<LanguageDetectorME> detector;

        OpenNlpGuesser(LanguageDetectorModel model, Set<UnitLanguage> supported) {
            this.supported = supported;
            this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
        }

        @Override
        public Set<UnitLanguage> supported() {
            return supported;
        }

        @Override
        public Optional<Guess> guess(String text, List<UnitLanguage> candidates) {
            UnitLanguage best = null;
            double bestValue = 0;
            double secondValue = 0;
            // Every language of the model comes back, most probable first.
            for (Language answer : detector.get().predictLanguages(text)) {
                Optional<UnitLanguage> unit = UnitLanguage.byIso639_3(answer.getLang()).filter(candidates::contains);
                if (unit.isEmpty() || unit.get() == best) {
                    continue;
                }
                if (best == null) {
                    best = unit.get();
                    bestValue = answer.getConfidence();
                } else {
                    secondValue = answer.getConfidence();
                    break;
                }
            }
            return best == null ? Optional.empty() : Optional.of(new Guess(best, SegmentGuesser.margin(bestValue, secondValue)));
        }
    }
}
