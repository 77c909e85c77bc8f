package org.cordon.language;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The language of a post.
 *
 * @param language ISO 639-1 code where one exists, else ISO 639-3; empty when the text is too
 *     short, not linguistic, or in no language of the identifier's set
 * @param confidence in [0, 1]: how far the chosen language is ahead of the runner-up, scaled by
 *     the share of the post's letters it covers; 0 when the language is empty
 * @param script the Unicode script of the dominant segment ({@link Character.UnicodeScript} name),
 *     {@code "COMMON"} when the text has no letters
 * @param segments one per script present, in order of first appearance
 */
public record Identification(Optional<String> language, double confidence, String script, List<Segment> segments) {

    public Identification {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(script, "script");
        segments = List.copyOf(segments);
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must lie in [0, 1], was " + confidence);
        }
        if (language.isEmpty() && confidence != 0.0) {
            throw new IllegalArgumentException("an unidentified text has confidence 0, was " + confidence);
        }
    }

    static Identification none(String script, List<Segment> segments) {
        return new Identification(Optional.empty(), 0.0, script, segments);
    }

    public boolean isIdentified() {
        return language.isPresent();
    }
}
