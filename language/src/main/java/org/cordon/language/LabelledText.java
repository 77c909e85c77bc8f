package org.cordon.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A post whose language is known, for evaluation.
 *
 * @param language the expected ISO 639-1 code; empty when no language should be reported
 *     (links, emoji, digits only, a single short word)
 * @param kind {@code plain}, {@code mixed-script} or {@code non-linguistic}
 */
public record LabelledText(Optional<String> language, String text, String kind) {

    /** The label a corpus file uses for "no language should be reported". */
    public static final String NO_LANGUAGE = "none";

    private static final String BUNDLED = "/org/cordon/language/eval/short-texts.tsv";

    public LabelledText {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }

    public String label() {
        return language.orElse(NO_LANGUAGE);
    }

    /** The evaluation corpus written for Cordon: everyday short posts in the unit's languages. */
    public static List<LabelledText> bundledCorpus() {
        try (InputStream in = LabelledText.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    /**
     * Reads {@code language<TAB>text[<TAB>kind]} lines; blank lines and lines starting with
     * {@code #} are comments. A line without a tab is rejected with its number.
     */
    public static List<LabelledText> parse(Reader reader) throws IOException {
        List<LabelledText> texts = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length < 2 || columns.length > 3 || columns[0].isBlank()) {
                throw new IllegalArgumentException("line " + number + ": expected language<TAB>text[<TAB>kind], got "
                        + columns.length + " column(s); fix the line or prefix it with # to comment it out");
            }
            String label = columns[0].strip();
            Optional<String> language = label.equals(NO_LANGUAGE) ? Optional.empty() : Optional.of(label);
            String kind = columns.length == 3 ? columns[2].strip() : "plain";
            texts.add(new LabelledText(language, columns[1], kind));
        }
        return List.copyOf(texts);
    }
}
