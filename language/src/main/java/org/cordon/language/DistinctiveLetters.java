package org.cordon.language;

/**
 * Cheap necessary conditions for the two languages only OpenNLP knows, so that the combined
 * identifier asks OpenNLP about an Arabic-script or Cyrillic segment only when it could be one of
 * them. A gate, not a classifier: passing it decides nothing.
 */
final class DistinctiveLetters {

    /** Letters of the Pashto alphabet that Arabic, Persian and Urdu do not use: ټ ځ څ ډ ړ ږ ښ ګ ڼ ۍ ې. */
    private static final String PASHTO = "\u067C\u0681\u0685\u0689\u0693\u0696\u069A\u06AB\u06BC\u06CD\u06D0";

    private static final String CYRILLIC_VOWELS = "аоуэеияюёыАОУЭЕИЯЮЁЫ";

    private DistinctiveLetters() {}

    /** Whether the segment could be in the language as far as its letters tell. */
    static boolean mayBe(UnitLanguage language, String text) {
        return switch (language) {
            case PASHTO -> containsAnyOf(text, PASHTO);
            case CHECHEN -> mayBeChechen(text);
            default -> true;
        };
    }

    private static boolean containsAnyOf(String text, String letters) {
        for (int i = 0; i < text.length(); i++) {
            if (letters.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Chechen writes the palochka (Ӏ), a soft sign after a vowel (аь, оь, уь, юь, яь) or after х
     * (хь), and the digraphs кх and къ; Russian writes none of them.
     */
    private static boolean mayBeChechen(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u04C0' || c == '\u04CF') {
                return true;
            }
            if (i == 0) {
                continue;
            }
            char before = Character.toLowerCase(text.charAt(i - 1));
            char lower = Character.toLowerCase(c);
            if (lower == 'ь' && (CYRILLIC_VOWELS.indexOf(before) >= 0 || before == 'х')) {
                return true;
            }
            if (before == 'к' && (lower == 'х' || lower == 'ъ')) {
                return true;
            }
        }
        return false;
    }
}
