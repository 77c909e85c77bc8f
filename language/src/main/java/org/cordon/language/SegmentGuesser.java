package org.cordon.language;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One library's answer for the text of one script segment, restricted to the candidates given. */
interface SegmentGuesser {

    /** The languages of the unit's set this library can recognise at all. */
    Set<UnitLanguage> supported();

    /**
     * @param candidates at least two languages, all supported and written in the segment's script
     * @return the most likely candidate, or empty when the library has no opinion
     */
    Optional<Guess> guess(String text, List<UnitLanguage> candidates);

    /**
     * @param confidence how far the language is ahead of the runner-up: 1 - p(second) / p(first)
     */
    record Guess(UnitLanguage language, double confidence) {}

    /** Confidence from the two best scores of the candidates, whatever their scale. */
    static double margin(double best, double second) {
        if (!(best > 0)) {
            return 0.0;
        }
        return Math.clamp(1.0 - second / best, 0.0, 1.0);
    }
}
