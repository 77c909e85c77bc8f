package org.cordon.language;

import java.lang.Character.UnicodeScript;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The languages a European referral unit meets most often, with the script each is written in on
 * social media. Identifiers are restricted to these: an answer outside the set is worse than none,
 * because it sends a post to nobody who can read it.
 *
 * <p>Bosnian stands for the whole Bosnian/Croatian/Serbian (Latin) continuum: with Croatian and
 * Serbian outside the set, text in any of the three is reported as {@code bs}. Serbian or Bosnian in
 * Cyrillic is reported as Russian, the only Cyrillic language of the set a model confuses it with.
 */
public enum UnitLanguage {
    ARABIC("ar", UnicodeScript.ARABIC, "ara"),
    ENGLISH("en", UnicodeScript.LATIN, "eng"),
    FRENCH("fr", UnicodeScript.LATIN, "fra"),
    GERMAN("de", UnicodeScript.LATIN, "deu"),
    DUTCH("nl", UnicodeScript.LATIN, "nld"),
    SPANISH("es", UnicodeScript.LATIN, "spa"),
    ITALIAN("it", UnicodeScript.LATIN, "ita"),
    TURKISH("tr", UnicodeScript.LATIN, "tur"),
    RUSSIAN("ru", UnicodeScript.CYRILLIC, "rus"),
    URDU("ur", UnicodeScript.ARABIC, "urd"),
    /** OpenNLP knows both the macrolanguage {@code fas} and Iranian Persian {@code pes}. */
    PERSIAN("fa", UnicodeScript.ARABIC, "fas", "pes"),
    PASHTO("ps", UnicodeScript.ARABIC, "pus"),
    SOMALI("so", UnicodeScript.LATIN, "som"),
    BOSNIAN("bs", UnicodeScript.LATIN, "bos"),
    ALBANIAN("sq", UnicodeScript.LATIN, "sqi"),
    INDONESIAN("id", UnicodeScript.LATIN, "ind"),
    MALAY("ms", UnicodeScript.LATIN, "msa"),
    SWEDISH("sv", UnicodeScript.LATIN, "swe"),
    DANISH("da", UnicodeScript.LATIN, "dan"),
    CHECHEN("ce", UnicodeScript.CYRILLIC, "che"),
    /** The Caucasian language both libraries have; Chechen is only in OpenNLP's model. */
    GEORGIAN("ka", UnicodeScript.GEORGIAN, "kat");

    private final String code;
    private final UnicodeScript script;
    private final List<String> iso639_3;

    UnitLanguage(String code, UnicodeScript script, String... iso639_3) {
        this.code = code;
        this.script = script;
        this.iso639_3 = List.of(iso639_3);
    }

    /** ISO 639-1, the code identifiers report. */
    public String code() {
        return code;
    }

    public UnicodeScript script() {
        return script;
    }

    /** ISO 639-3 codes a model may use for this language, the preferred one first. */
    public List<String> iso639_3() {
        return iso639_3;
    }

    public static Set<UnitLanguage> all() {
        return Set.of(values());
    }

    public static Optional<UnitLanguage> byCode(String code) {
        return Optional.ofNullable(Lookup.BY_CODE.get(code));
    }

    /** Called for each of a model's 103 answers per segment, hence the map. */
    public static Optional<UnitLanguage> byIso639_3(String code) {
        return Optional.ofNullable(Lookup.BY_ISO639_3.get(code));
    }

    private static final class Lookup {
        static final Map<String, UnitLanguage> BY_CODE = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(UnitLanguage::code, language -> language));
        static final Map<String, UnitLanguage> BY_ISO639_3 = Arrays.stream(values())
                .flatMap(language -> language.iso639_3.stream().map(code -> Map.entry(code, language)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
