package org.cordon.language;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Lingua for the languages it knows, with OpenNLP's model for the two it lacks, chosen from the
 * figures of {@link LanguageIdComparison} (see the module README).
 *
 * <ul>
 *   <li>A segment goes to Pashto or Chechen only when OpenNLP says so with a clear margin, since
 *       Lingua can only ever answer Persian/Urdu or Russian for them. OpenNLP runs only on
 *       Arabic-script segments with a letter only Pashto uses and Cyrillic segments with a palochka
 *       or a soft sign after a vowel (see {@link DistinctiveLetters}); everything else costs what
 *       Lingua costs.
 *   <li>{@link #standard()} runs Lingua in low-accuracy mode (20 MB) and asks a high-accuracy
 *       Lingua restricted to Indonesian and Malay (about 60 MB) whenever the answer is one of the
 *       two: they were nearly all of the low-accuracy errors.
 *   <li>{@link #highAccuracy()} runs Lingua in high-accuracy mode for everything (about 470 MB).
 * </ul>
 */
public final class CombinedIdentifier implements LanguageIdentifier, AutoCloseable {

    /** OpenNLP's margin over its runner-up needed to overrule Lingua with a language Lingua lacks. */
    static final double OVERRULE_MARGIN = 0.2;

    /** Languages so close that low accuracy confuses them; high accuracy settles them. */
    static final Set<UnitLanguage> CLOSE_LANGUAGES = EnumSet.of(UnitLanguage.INDONESIAN, UnitLanguage.MALAY);

    private final String name;
    private final List<LinguaIdentifier> linguas;
    private final IdentificationPipeline pipeline;

    private CombinedIdentifier(String name, LinguaIdentifier.Accuracy accuracy, Set<UnitLanguage> languages) {
        this.name = name;
        LinguaIdentifier lingua = LinguaIdentifier.forLanguages(accuracy, languages);
        Set<UnitLanguage> close = EnumSet.copyOf(CLOSE_LANGUAGES);
        close.retainAll(languages);
        Optional<LinguaIdentifier> refiner = accuracy == LinguaIdentifier.Accuracy.LOW && close.size() > 1
                ? Optional.of(LinguaIdentifier.forLanguages(LinguaIdentifier.Accuracy.HIGH, close))
                : Optional.empty();
        this.linguas = refiner.map(high -> List.of(lingua, high)).orElse(List.of(lingua));
        OpenNlpIdentifier openNlp = OpenNlpIdentifier.forLanguages(languages);
        this.pipeline = new IdentificationPipeline(
                new CombinedGuesser(lingua.guesser(), refiner.map(LinguaIdentifier::guesser), close, openNlp.guesser()),
                languages);
    }

    /** Low-accuracy Lingua, high accuracy for Indonesian versus Malay, OpenNLP for Pashto and Chechen. */
    public static CombinedIdentifier standard() {
        return new CombinedIdentifier("combined", LinguaIdentifier.Accuracy.LOW, UnitLanguage.all());
    }

    /** High-accuracy Lingua throughout, OpenNLP for Pashto and Chechen; needs about 500 MB of heap. */
    public static CombinedIdentifier highAccuracy() {
        return new CombinedIdentifier("combined-high", LinguaIdentifier.Accuracy.HIGH, UnitLanguage.all());
    }

    public static CombinedIdentifier forLanguages(LinguaIdentifier.Accuracy accuracy, Set<UnitLanguage> languages) {
        String name = accuracy == LinguaIdentifier.Accuracy.LOW ? "combined" : "combined-high";
        return new CombinedIdentifier(name, accuracy, Set.copyOf(languages));
    }

    @Override
    public Identification identify(String text) {
        return pipeline.identify(Objects.requireNonNull(text, "text"));
    }

    @Override
    public String name() {
        return name;
    }

    /** Frees Lingua's models, which it shares across the whole process. */
    @Override
    public void close() {
        linguas.forEach(LinguaIdentifier::close);
    }

    private record CombinedGuesser(
            SegmentGuesser lingua, Optional<SegmentGuesser> closeLanguageRefiner, Set<UnitLanguage> closeLanguages,
            SegmentGuesser openNlp) implements SegmentGuesser {

        @Override
        public Set<UnitLanguage> supported() {
            Set<UnitLanguage> both = EnumSet.noneOf(UnitLanguage.class);
            both.addAll(lingua.supported());
            both.addAll(openNlp.supported());
            return both;
        }

        @Override
        public Optional<Guess> guess(String text, List<UnitLanguage> candidates) {
            List<UnitLanguage> linguaKnows = candidates.stream().filter(lingua.supported()::contains).toList();
            boolean mayBeALanguageLinguaLacks = candidates.stream()
                    .filter(candidate -> !lingua.supported().contains(candidate))
                    .anyMatch(candidate -> DistinctiveLetters.mayBe(candidate, text));
            if (!mayBeALanguageLinguaLacks && linguaKnows.size() == 1) {
                return Optional.of(new Guess(linguaKnows.getFirst(), 1.0));
            }
            if (mayBeALanguageLinguaLacks) {
                Optional<Guess> fromOpenNlp = openNlp.guess(text, candidates);
                boolean openNlpOverrules = fromOpenNlp
                        .filter(guess -> !lingua.supported().contains(guess.language()))
                        .filter(guess -> guess.confidence() >= OVERRULE_MARGIN)
                        .isPresent();
                if (openNlpOverrules || linguaKnows.isEmpty()) {
                    return fromOpenNlp;
                }
                if (linguaKnows.size() == 1) {
                    // Russian among the Cyrillic languages: how sure OpenNLP was that it is not Chechen.
                    double confidence = fromOpenNlp.map(guess -> guess.language() == linguaKnows.getFirst()
                            ? guess.confidence() : 1.0 - guess.confidence()).orElse(1.0);
                    return Optional.of(new Guess(linguaKnows.getFirst(), confidence));
                }
            }
            Optional<Guess> fromLingua = lingua.guess(text, linguaKnows);
            if (closeLanguageRefiner.isPresent()
                    && fromLingua.filter(guess -> closeLanguages.contains(guess.language())).isPresent()
                    && linguaKnows.containsAll(closeLanguages)) {
                return closeLanguageRefiner.get().guess(text, List.copyOf(closeLanguages));
            }
            return fromLingua;
        }
    }
}
