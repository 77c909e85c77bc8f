package org.cordon.language;

import java.util.Objects;
import java.util.Optional;

/**
 * The letters of one script in a post, gathered into one text and identified on their own.
 *
 * @param script {@link Character.UnicodeScript} name, e.g. {@code "ARABIC"}
 * @param text the segment's words joined by spaces, after URLs, mentions and hashtag markers were removed
 * @param weight letters in the segment, hashtag letters counting half
 * @param language as in {@link Identification#language()}; empty when the segment is too short or
 *     its script belongs to no language of the set
 * @param confidence in [0, 1], 0 when the language is empty
 */
public record Segment(String script, String text, double weight, Optional<String> language, double confidence) {

    public Segment {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative, was " + weight);
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must lie in [0, 1], was " + confidence);
        }
    }
}
