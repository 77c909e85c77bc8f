package org.cordon.range.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How re-posters change a statement: small edits (words substituted, deleted or inserted,
 * punctuation and case, emoji, zero-width characters), script variants (Arabic marks and letter
 * forms, names in Latin letters; homoglyphs or leetspeak in Latin-script languages), excerpts and
 * splits into the parts of a thread.
 */
final class Rewrites {
  private static final String[] EMOJI = {"\uD83D\uDD6F\uFE0F", "\uD83C\uDFEE", "\u2728", "\uD83C\uDF19", "\uD83D\uDD25", "\u2B50"};
  private static final char[] ZERO_WIDTH = {'\u200B', '\u200C', '\u200D', '\u2060'};
  private static final Map<Character, Character> HOMOGLYPHS = Map.ofEntries(
      Map.entry('a', '\u0430'), Map.entry('e', '\u0435'), Map.entry('o', '\u043E'), Map.entry('p', '\u0440'),
      Map.entry('c', '\u0441'), Map.entry('x', '\u0445'), Map.entry('i', '\u0456'), Map.entry('A', '\u0410'),
      Map.entry('E', '\u0415'), Map.entry('O', '\u041E'), Map.entry('T', '\u0422'), Map.entry('H', '\u041D'),
      Map.entry('K', '\u041A'), Map.entry('M', '\u041C'), Map.entry('B', '\u0412'), Map.entry('C', '\u0421'));
  private static final Map<Character, Character> LEET = Map.of('a', '4', 'e', '3', 'i', '1', 'o', '0', 's', '5', 't', '7');
  private static final char[] DIACRITICS = {'\u064E', '\u064F', '\u0650', '\u0652', '\u0651', '\u064B'};

  private Rewrites() {}

  static String smallEdits(String text, Lang lang, SplittableRandom random) {
    List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
    int edits = 2 + random.nextInt(3);
    for (int e = 0; e < edits && words.size() > 4; e++) {
      int i = 1 + random.nextInt(words.size() - 1);
      switch (random.nextInt(3)) {
        case 0 -> words.set(i, keepPunctuation(words.get(i), StatementProse.filler(lang, random)));
        case 1 -> words.remove(i);
        default -> words.add(i, StatementProse.filler(lang, random));
      }
    }
    // Surface edits: at least one of case, punctuation, emoji, zero-width characters.
    int surface = 1 + random.nextInt(15);
    if ((surface & 1) != 0) {
      int i = random.nextInt(words.size());
      words.set(i, random.nextBoolean() ? words.get(i).toUpperCase(java.util.Locale.ROOT) : words.get(i).toLowerCase(java.util.Locale.ROOT));
    }
    if ((surface & 2) != 0) {
      for (int i = 0; i < words.size(); i++) {
        String w = words.get(i);
        if (w.endsWith(".") && random.nextInt(3) == 0) {
          words.set(i, w.substring(0, w.length() - 1) + (random.nextBoolean() ? "!" : "..."));
        } else if ((w.endsWith(",") || w.endsWith("،")) && random.nextBoolean()) {
          words.set(i, w.substring(0, w.length() - 1));
        }
      }
    }
    if ((surface & 4) != 0) {
      int i = random.nextInt(words.size() + 1);
      words.add(i, EMOJI[random.nextInt(EMOJI.length)]);
    }
    if ((surface & 8) != 0) {
      int n = 1 + random.nextInt(3);
      for (int k = 0; k < n; k++) {
        int i = random.nextInt(words.size());
        String w = words.get(i);
        if (w.length() >= 3 && !Character.isSurrogate(w.charAt(1))) {
          int at = 1 + random.nextInt(w.length() - 2);
          if (!Character.isSurrogate(w.charAt(at))) {
            words.set(i, w.substring(0, at) + ZERO_WIDTH[random.nextInt(ZERO_WIDTH.length)] + w.substring(at));
          }
        }
      }
    }
    return String.join(" ", words);
  }

  private static String keepPunctuation(String original, String replacement) {
    char last = original.charAt(original.length() - 1);
    return Character.isLetterOrDigit(last) ? replacement : replacement + last;
  }

  static String scriptVariant(String text, Lang lang, SplittableRandom random) {
    return lang == Lang.AR ? arabicVariant(text, random) : latinVariant(text, random);
  }

  /** Names in Latin letters, and marks, tatweel and letter forms added or removed. */
  private static String arabicVariant(String text, SplittableRandom random) {
    String out = text;
    for (Map.Entry<String, List<String>> name : StatementProse.ARABIC_NAMES.entrySet()) {
      if (out.contains(name.getKey()) && random.nextInt(10) < 6) {
        out = out.replace(name.getKey(), Organisation.pick(name.getValue(), random));
      }
    }
    boolean addMarks = random.nextBoolean();
    boolean tatweel = random.nextBoolean();
    boolean letters = random.nextInt(10) < 6 || !(addMarks || tatweel);
    StringBuilder b = new StringBuilder(out.length() + 64);
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      boolean wordEnd = i + 1 == out.length() || !Spelling.isArabicLetter(out.charAt(i + 1));
      if (c >= '\u064B' && c <= '\u0652' && !addMarks) {
        continue;
      }
      if (letters) {
        c = switch (c) {
          case 'أ', 'إ', 'آ' -> 'ا';
          case 'ة' -> wordEnd ? 'ه' : c;
          case 'ي' -> wordEnd ? 'ى' : c;
          default -> c;
        };
      }
      b.append(c);
      if (addMarks && Spelling.isArabicLetter(c) && random.nextInt(4) == 0) {
        b.append(DIACRITICS[random.nextInt(DIACRITICS.length)]);
      }
      if (tatweel && Spelling.isArabicLetter(c) && !wordEnd && "اأإآدذرزوؤةى".indexOf(c) < 0 && random.nextInt(5) == 0) {
        b.append('\u0640');
      }
    }
    return b.toString();
  }

  /** Homoglyphs from another script, or leetspeak, in two to four words. */
  private static String latinVariant(String text, SplittableRandom random) {
    String[] words = text.split(" ");
    boolean homoglyphs = random.nextBoolean();
    int targets = 2 + random.nextInt(3);
    for (int t = 0, tries = 0; t < targets && tries < 50; tries++) {
      int i = random.nextInt(words.length);
      String w = words[i];
      Map<Character, Character> table = homoglyphs ? HOMOGLYPHS : LEET;
      if (w.length() < 4 || w.chars().noneMatch(c -> table.containsKey((char) c))) {
        continue;
      }
      StringBuilder b = new StringBuilder(w);
      int changed = 0;
      for (int k = 0; k < b.length(); k++) {
        Character to = table.get(b.charAt(k));
        if (to != null && (changed == 0 || random.nextBoolean())) {
          b.setCharAt(k, to);
          changed++;
        }
      }
      words[i] = b.toString();
      t++;
    }
    return String.join(" ", words);
  }

  /**
   * A contiguous part of the text, cut at word boundaries, of at least 40 % of its code points and
   * at most {@code maxChars} (ellipses included); empty when 40 % does not fit.
   */
  static Optional<String> excerpt(String text, int maxChars, SplittableRandom random) {
    int length = codePoints(text);
    int min = (int) Math.ceil(0.4 * length);
    int max = Math.min(maxChars - 2, (int) (0.85 * length));
    if (min > max) {
      return Optional.empty();
    }
    int target = min + random.nextInt(max - min + 1);
    String[] words = text.split(" ");
    int[] startChar = new int[words.length + 1];
    for (int i = 0; i < words.length; i++) {
      startChar[i + 1] = startChar[i] + codePoints(words[i]) + 1;
    }
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (length - startChar[i] >= target) {
        starts.add(i);
      }
    }
    if (starts.isEmpty()) {
      return Optional.empty();
    }
    int from = starts.get(random.nextInt(starts.size()));
    int to = from;
    while (to < words.length && startChar[to] - startChar[from] - 1 < target) {
      to++;
    }
    // Drop words from the end while over the limit, never below the 40 % floor.
    while (to > from + 1 && startChar[to] - startChar[from] - 1 > max) {
      to--;
    }
    int chars = startChar[to] - startChar[from] - 1;
    if (chars < min || chars > max) {
      return Optional.empty();
    }
    String body = String.join(" ", Arrays.asList(words).subList(from, to));
    return Optional.of((from > 0 ? "…" : "") + body + (to < words.length ? "…" : ""));
  }

  /** The text cut at word boundaries into {@code parts} pieces of about equal length. */
  static List<String> split(String text, int parts) {
    String[] words = text.split(" ");
    int length = codePoints(text);
    List<String> out = new ArrayList<>();
    int from = 0;
    int chars = 0;
    for (int p = 1; p <= parts; p++) {
      int goal = (int) ((long) length * p / parts);
      int to = from;
      int c = chars;
      if (p == parts) {
        to = words.length;
      } else {
        while (to < words.length - (parts - p) && (c + codePoints(words[to]) / 2 < goal || to == from)) {
          c += codePoints(words[to]) + 1;
          to++;
        }
      }
      out.add(String.join(" ", Arrays.asList(words).subList(from, to)));
      chars = c;
      from = to;
    }
    return out;
  }

  static int codePoints(String s) {
    return s.codePointCount(0, s.length());
  }
}
