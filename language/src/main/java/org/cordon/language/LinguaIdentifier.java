package org.cordon.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Lingua 1.2.2 restricted to the unit's languages it knows. It has no model for Pashto or Chechen:
 * Pashto comes out as Persian or Urdu, Chechen as Russian.
 *
 * <p>High accuracy loads n-grams of length 1 to 5 (about 31 MB of heap per language, 600 MB for the
 * unit's set); low accuracy loads trigrams only (about 3 MB per language). Lingua keeps its models
 * in process-wide static maps, so two identifiers over the same languages share them, and
 * {@link #close()} frees them for every detector of the process.
 */
public final class LinguaIdentifier implements LanguageIdentifier, AutoCloseable {

    public enum Accuracy { HIGH, LOW }

    private final Accuracy accuracy;
    private final LanguageDetector detector;
    private final SegmentGuesser guesser;
    private final IdentificationPipeline pipeline;

    private LinguaIdentifier(Accuracy accuracy, Set<UnitLanguage> languages) {
        this.accuracy = Objects.requireNonNull(accuracy, "accuracy");
        Map<UnitLanguage, Language> known = linguaLanguages();
        List<Language> wanted = languages.stream().filter(known::containsKey).map(known::get).toList();
        if (wanted.size() < 2) {
            throw new IllegalArgumentException("Lingua needs at least two of its languages, got " + wanted + " from " + languages);
        }
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(wanted.toArray(Language[]::new))
                .withPreloadedLanguageModels();
        this.detector = switch (accuracy) {
            case HIGH -> builder.build();
            case LOW -> builder.withLowAccuracyMode().build();
        };
        this.guesser = new LinguaGuesser(detector, known);
        this.pipeline = new IdentificationPipeline(guesser, languages);
    }

    /** Loads the models of every unit language Lingua knows; takes seconds and, in high accuracy, 600 MB. */
    public static LinguaIdentifier forUnitLanguages(Accuracy accuracy) {
        return new LinguaIdentifier(accuracy, UnitLanguage.all());
    }

    public static LinguaIdentifier forLanguages(Accuracy accuracy, Set<UnitLanguage> languages) {
        return new LinguaIdentifier(accuracy, Set.copyOf(languages));
    }

    /** The unit languages Lingua has a model for. */
    public static Set<UnitLanguage> supportedLanguages() {
        return Set.copyOf(linguaLanguages().keySet());
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
        return "lingua-" + accuracy.name().toLowerCase(Locale.ROOT);
    }

    /** Frees the language models, which Lingua shares across the whole process. */
    @Override
    public void close() {
        detector.unloadLanguageModels();
    }

    private static Map<UnitLanguage, Language> linguaLanguages() {
        Map<UnitLanguage, Language> known = new EnumMap<>(UnitLanguage.class);
        for (Language language : Language.all()) {
            UnitLanguage.byCode(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT))
                    .ifPresent(unit -> known.put(unit, language));
        }
        return known;
    }

    private record LinguaGuesser(LanguageDetector detector, Map<UnitLanguage, Language> known) implements SegmentGuesser {

        @Override
        public Set<UnitLanguage> supported() {
            return known.isEmpty() ? Set.of() : EnumSet.copyOf(known.keySet());
        }

        @Override
        public Optional<Guess> guess(String text, List<UnitLanguage> candidates) {
            // Values are relative to the most likely language (1.0) and come sorted, best first.
            Map<Language, Double> values = detector.computeLanguageConfidenceValues(text);
            UnitLanguage best = null;
            double bestValue = 0;
            double secondValue = 0;
            for (Map.Entry<Language, Double> entry : values.entrySet()) {
                Optional<UnitLanguage> unit = candidates.stream().filter(c -> known.get(c) == entry.getKey()).findFirst();
                if (unit.isEmpty()) {
                    continue;
                }
                if (best == null) {
                    best = unit.get();
                    bestValue = entry.getValue();
                } else {
                    secondValue = entry.getValue();
                    break;
                }
            }
            return best == null ? Optional.empty() : Optional.of(new Guess(best, SegmentGuesser.margin(bestValue, secondValue)));
        }
    }
}
