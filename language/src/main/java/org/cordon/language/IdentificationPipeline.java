package org.cordon.language;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What every identifier does around its library: clean, split by script, identify, weigh. */
final class IdentificationPipeline {

    private final SegmentGuesser guesser;
    private final Map<UnicodeScript, List<UnitLanguage>> candidatesByScript = new EnumMap<>(UnicodeScript.class);

    IdentificationPipeline(SegmentGuesser guesser, Set<UnitLanguage> languages) {
        this.guesser = guesser;
        for (UnitLanguage language : UnitLanguage.values()) {
            if (languages.contains(language) && guesser.supported().contains(language)) {
                candidatesByScript.computeIfAbsent(language.script(), script -> new ArrayList<>()).add(language);
            }
        }
        candidatesByScript.replaceAll((script, candidates) -> List.copyOf(candidates));
    }

    Identification identify(String text) {
        List<PostText.ScriptGroup> groups = PostText.groupsOf(text);
        if (groups.isEmpty()) {
            return Identification.none("COMMON", List.of());
        }
        int bodyLetters = groups.stream().mapToInt(PostText.ScriptGroup::bodyLetters).sum();
        if (bodyLetters < PostText.MINIMUM_LETTERS) {
            // Hashtags alone, or a word too short to tell: no guess, and no library call.
            List<Segment> unidentified = groups.stream().map(IdentificationPipeline::unidentified).toList();
            return Identification.none(heaviest(unidentified).script(), unidentified);
        }
        List<Segment> segments = groups.stream().map(this::identify).toList();
        return dominant(segments);
    }

    private Segment identify(PostText.ScriptGroup group) {
        List<UnitLanguage> candidates = candidatesByScript.getOrDefault(group.script(), List.of());
        Optional<SegmentGuesser.Guess> guess;
        if (candidates.isEmpty() || group.letters() < PostText.MINIMUM_LETTERS) {
            guess = Optional.empty();
        } else if (candidates.size() == 1) {
            // The script decides: Georgian letters are Georgian whatever a model would add.
            guess = Optional.of(new SegmentGuesser.Guess(candidates.getFirst(), 1.0));
        } else {
            guess = guesser.guess(group.text(), candidates);
        }
        return new Segment(
                group.script().name(),
                group.text(),
                group.weight(),
                guess.map(found -> found.language().code()),
                guess.map(SegmentGuesser.Guess::confidence).orElse(0.0));
    }

    private static Identification dominant(List<Segment> segments) {
        Map<String, double[]> weightAndConfidence = new LinkedHashMap<>();
        double totalWeight = 0;
        for (Segment segment : segments) {
            totalWeight += segment.weight();
            segment.language().ifPresent(language -> {
                double[] sums = weightAndConfidence.computeIfAbsent(language, key -> new double[2]);
                sums[0] += segment.weight();
                sums[1] += segment.weight() * segment.confidence();
            });
        }
        Optional<Map.Entry<String, double[]>> best = weightAndConfidence.entrySet().stream()
                .max((left, right) -> Double.compare(left.getValue()[0], right.getValue()[0]));
        if (best.isEmpty() || totalWeight <= 0) {
            return Identification.none(heaviest(segments).script(), segments);
        }
        String language = best.get().getKey();
        double weight = best.get().getValue()[0];
        double confidence = Math.clamp(best.get().getValue()[1] / weight * (weight / totalWeight), 0.0, 1.0);
        String script = segments.stream()
                .filter(segment -> segment.language().equals(Optional.of(language)))
                .max((left, right) -> Double.compare(left.weight(), right.weight()))
                .orElseThrow()
                .script();
        return new Identification(Optional.of(language), confidence, script, segments);
    }

    private static Segment heaviest(List<Segment> segments) {
        return segments.stream().max((left, right) -> Double.compare(left.weight(), right.weight())).orElseThrow();
    }

    private static Segment unidentified(PostText.ScriptGroup group) {
        return new Segment(group.script().name(), group.text(), group.weight(), Optional.empty(), 0.0);
    }
}
