package org.cordon.language;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a raw post into the words worth identifying, grouped by script.
 *
 * <p>URLs, @mentions and e-mail addresses are dropped because they are not language; hashtags keep
 * their words (camel case split) but weigh half, because they are often English or a name whatever
 * the language of the post. Format characters (zero-width, bidi controls) are removed so that a
 * word broken by them is whole again; control characters and lone surrogates become spaces.
 */
final class PostText {

    /** Fewer letters than this are too few to tell languages apart: "ok", "lol", "👍 2". */
    static final int MINIMUM_LETTERS = 5;

    private static final double HASHTAG_WEIGHT = 0.5;

    private PostText() {}

    /** The letters of one script, gathered from every word of the post written in it. */
    record ScriptGroup(UnicodeScript script, String text, int bodyLetters, int hashtagLetters) {
        int letters() {
            return bodyLetters + hashtagLetters;
        }

        double weight() {
            return bodyLetters + HASHTAG_WEIGHT * hashtagLetters;
        }
    }

    static List<ScriptGroup> groupsOf(String raw) {
        String text = scrub(truncate(raw));
        if (mayChangeUnderNfkc(text)) {
            text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        }
        Map<UnicodeScript, GroupBuilder> groups = new LinkedHashMap<>();
        int length = text.length();
        int start = 0;
        while (start < length) {
            while (start < length && isSpace(text.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < length && !isSpace(text.charAt(end))) {
                end++;
            }
            if (end > start) {
                addToken(text.substring(start, end), groups);
            }
            start = end;
        }
        List<ScriptGroup> result = new ArrayList<>(groups.size());
        groups.forEach((script, builder) -> result.add(builder.build(script)));
        return List.copyOf(result);
    }

    private static void addToken(String token, Map<UnicodeScript, GroupBuilder> groups) {
        if (isLink(token) || token.indexOf('@') >= 0) {
            return;
        }
        boolean hashtag = token.charAt(0) == '#';
        if (hashtag) {
            int letters = 0;
            while (letters < token.length() && token.charAt(letters) == '#') {
                letters++;
            }
            token = splitCamelCase(token.substring(letters));
        }
        addRuns(restorePalochka(token), hashtag, groups);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * Normalisation costs more than all the rest of the preparation, and only compatibility forms
     * change under it: full-width and mathematical letters, Arabic presentation forms, ligatures,
     * enclosed and letter-like symbols. Text without any of them is left alone.
     */
    private static boolean mayChangeUnderNfkc(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFB00' || Character.isSurrogate(c) || (c >= '\u2100' && c <= '\u24FF') || (c >= '\u00A0' && c <= '\u00BE')) {
                return true;
            }
        }
        return false;
    }

    static String truncate(String text) {
        if (text.length() <= LanguageIdentifier.MAXIMUM_INPUT_LENGTH) {
            return text;
        }
        int end = LanguageIdentifier.MAXIMUM_INPUT_LENGTH;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String scrub(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || Character.getType(c) == Character.CONTROL) {
                clean.append(' ');
            } else if (Character.getType(c) != Character.FORMAT) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    /** "https://...", "www.example.org", and scheme-less links with a path such as "t.me/channel". */
    private static boolean isLink(String token) {
        if (token.contains("://") || token.regionMatches(true, 0, "www.", 0, 4)) {
            return true;
        }
        int slash = token.indexOf('/');
        int dot = token.indexOf('.');
        return slash > 0 && dot > 0 && dot < slash - 1 && Character.isLetterOrDigit(token.charAt(dot + 1));
    }

    private static String splitCamelCase(String word) {
        StringBuilder split = new StringBuilder(word.length() + 4);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(word.charAt(i - 1))) {
                split.append(' ');
            }
            split.append(c);
        }
        return split.toString();
    }

    /**
     * Chechen and other Caucasian languages write the palochka (Ӏ) with whatever looks like it on a
     * keyboard: Latin I or l, the digit 1. Next to Cyrillic letters those are the palochka, and
     * leaving them Latin would cut every such word in two scripts.
     */
    static String restorePalochka(String token) {
        StringBuilder restored = null;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if ((c == 'I' || c == 'l' || c == '1' || c == '\u04CF')
                    && (isCyrillicLetter(token, i - 1) || isCyrillicLetter(token, i + 1))) {
                if (restored == null) {
                    restored = new StringBuilder(token);
                }
                restored.setCharAt(i, '\u04C0');
            }
        }
        return restored == null ? token : restored.toString();
    }

    private static boolean isCyrillicLetter(String token, int index) {
        if (index < 0 || index >= token.length()) {
            return false;
        }
        char c = token.charAt(index);
        return Character.isLetter(c) && UnicodeScript.of(c) == UnicodeScript.CYRILLIC;
    }

    /** Cuts a token into runs of letters of one script; marks stay with their letter, the rest separates. */
    private static void addRuns(String token, boolean hashtag, Map<UnicodeScript, GroupBuilder> groups) {
        StringBuilder run = new StringBuilder();
        UnicodeScript runScript = null;
        int runLetters = 0;
        for (int i = 0; i < token.length(); ) {
            int codePoint = token.codePointAt(i);
            i += Character.charCount(codePoint);
            boolean letter = Character.isLetter(codePoint);
            UnicodeScript script = letter ? scriptOf(codePoint) : UnicodeScript.COMMON;
            letter = letter && script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED;
            boolean joiner = runScript != null && (isMark(codePoint) || isWordInnerPunctuation(codePoint));
            if (letter && script == runScript) {
                run.appendCodePoint(codePoint);
                runLetters++;
            } else if (joiner) {
                run.appendCodePoint(codePoint);
            } else {
                if (runScript != null) {
                    groups.computeIfAbsent(runScript, s -> new GroupBuilder()).add(run, runLetters, hashtag);
                }
                run.setLength(0);
                runLetters = 0;
                runScript = letter ? script : null;
                if (letter) {
                    run.appendCodePoint(codePoint);
                    runLetters = 1;
                }
            }
        }
        if (runScript != null) {
            groups.computeIfAbsent(runScript, s -> new GroupBuilder()).add(run, runLetters, hashtag);
        }
    }

    /** UnicodeScript.of searches two thousand ranges; the scripts of the unit's languages need none. */
    private static UnicodeScript scriptOf(int letter) {
        if (letter < 0x250) {
            return letter == 0xB5 ? UnicodeScript.COMMON : UnicodeScript.LATIN; // every other letter here is Latin

        }
        if (letter >= 0x600 && letter <= 0x6FF) {
            return UnicodeScript.ARABIC; // including the tatweel (Common in Unicode), which stretches Arabic words
        }
        if (letter >= 0x400 && letter <= 0x4FF) {
            return UnicodeScript.CYRILLIC;
        }
        if (letter >= 0x10D0 && letter <= 0x10FF) {
            return UnicodeScript.GEORGIAN;
        }
        return UnicodeScript.of(letter);
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** Apostrophes and hyphens inside words ("aujourd'hui", "İstanbul'a", "e-posta") belong to the word. */
    private static boolean isWordInnerPunctuation(int codePoint) {
        return codePoint == '\'' || codePoint == '\u2019' || codePoint == '\u02BC' || codePoint == '-';
    }

    private static final class GroupBuilder {
        private final StringBuilder text = new StringBuilder();
        private int bodyLetters;
        private int hashtagLetters;

        void add(CharSequence run, int letters, boolean hashtag) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(run);
            if (hashtag) {
                hashtagLetters += letters;
            } else {
                bodyLetters += letters;
            }
        }

        ScriptGroup build(UnicodeScript script) {
            return new ScriptGroup(script, text.toString(), bodyLetters, hashtagLetters);
        }
    }
}
