package org.cordon.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The handles a suspended user picks when coming back: the old one with its number incremented,
 * an underscore added or removed, a letter doubled, or a name spelled in another transliteration
 * (Nour/Nur, Youssef/Yusuf). Handles use ASCII letters, digits and underscores only; a variant
 * that would be too long gives up underscores first, then letters of its name part, so it stays
 * recognisably the old handle.
 */
final class HandleVariants {
  /** X's limit on screen names. */
  static final int X_MAX_LENGTH = 15;

  enum Change {
    NUMERIC_SUFFIX("numeric_suffix"),
    UNDERSCORES("underscores"),
    DOUBLED_LETTER("doubled_letter"),
    TRANSLITERATION("transliteration");

    final String label;

    Change(String label) {
      this.label = label;
    }
  }

  record Variant(String handle, Change change) {}

  /** Spellings of Arabic-derived names and sounds that users swap between accounts, both ways. */
  private static final String[][] TRANSLITERATIONS = {
      {"youssef", "yusuf"}, {"abou", "abu"}, {"oum", "umm"}, {"noor", "nur"}, {"omer", "omar"},
      {"kareem", "karim"}, {"malek", "malik"}, {"tariq", "tarek"}, {"amal", "amel"}, {"idriss", "idris"},
      {"ou", "u"}, {"ee", "i"}, {"oo", "u"}, {"dh", "z"}, {"kh", "x"}};

  private HandleVariants() {}

  /** Every variant of {@code handle} of at most {@code maxLength} characters, kind by kind, none equal to it. */
  static List<Variant> all(String handle, int maxLength) {
    String clean = clean(handle);
    Set<String> seen = new LinkedHashSet<>();
    List<Variant> out = new ArrayList<>();
    for (Change change : Change.values()) {
      for (String candidate : raw(clean, change)) {
        String fitted = fit(candidate, maxLength);
        if (!fitted.isEmpty() && !fitted.equalsIgnoreCase(handle) && seen.add(fitted.toLowerCase(Locale.ROOT))) {
          out.add(new Variant(fitted, change));
        }
      }
    }
    return out;
  }

  /**
   * One variant drawn from {@code random}: a numeric suffix most often, then underscores,
   * transliteration (where the handle has a name to respell) and doubled letters; the first
   * variant of the drawn kind that {@code taken} does not refuse, else of any kind, else the
   * handle with a growing number appended.
   */
  static Variant pick(String handle, SplittableRandom random, int maxLength, Predicate<String> taken) {
    List<Variant> all = all(handle, maxLength);
    double draw = random.nextDouble();
    Change wanted = draw < 0.45 ? Change.NUMERIC_SUFFIX : draw < 0.7 ? Change.UNDERSCORES : draw < 0.85 ? Change.TRANSLITERATION : Change.DOUBLED_LETTER;
    List<Variant> ordered = new ArrayList<>();
    all.stream().filter(v -> v.change() == wanted).forEach(ordered::add);
    all.stream().filter(v -> v.change() != wanted).forEach(ordered::add);
    for (Variant v : ordered) {
      if (!taken.test(v.handle())) {
        return v;
      }
    }
    String base = clean(handle);
    for (int n = 2; ; n++) {
      String candidate = fit(base + "_" + n, maxLength);
      if (!candidate.equalsIgnoreCase(handle) && !taken.test(candidate)) {
        return new Variant(candidate, Change.NUMERIC_SUFFIX);
      }
    }
  }

  private static String clean(String handle) {
    StringBuilder out = new StringBuilder();
    for (char c : handle.toCharArray()) {
      if (valid(c)) {
        out.append(c);
      }
    }
    return out.isEmpty() ? "user" : out.toString();
  }

  static boolean valid(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static List<String> raw(String handle, Change change) {
    return switch (change) {
      case NUMERIC_SUFFIX -> numericSuffix(handle);
      case UNDERSCORES -> underscores(handle);
      case DOUBLED_LETTER -> doubledLetters(handle);
      case TRANSLITERATION -> transliterations(handle);
    };
  }

  /** {@code abu_lantern7} → {@code abu_lantern8}, {@code x9} → {@code x10}, {@code x009} → {@code x010}; no number: append one. */
  private static List<String> numericSuffix(String handle) {
    int digitsFrom = handle.length();
    while (digitsFrom > 0 && Character.isDigit(handle.charAt(digitsFrom - 1))) {
      digitsFrom--;
    }
    if (digitsFrom == handle.length()) {
      return List.of(handle + "2", handle + "_2", handle + "1");
    }
    String digits = handle.substring(digitsFrom);
    String next = new java.math.BigInteger(digits).add(java.math.BigInteger.ONE).toString();
    StringBuilder padded = new StringBuilder();
    for (int i = next.length(); i < digits.length(); i++) {
      padded.append('0');
    }
    padded.append(next);
    String stem = handle.substring(0, digitsFrom);
    return List.of(stem + padded, stem + next);
  }

  private static List<String> underscores(String handle) {
    List<String> out = new ArrayList<>();
    int underscore = handle.indexOf('_');
    if (underscore >= 0) {
      out.add(handle.substring(0, underscore) + handle.substring(underscore + 1));
      out.add(handle.substring(0, underscore) + "__" + handle.substring(underscore + 1));
    }
    int digitsFrom = handle.length();
    while (digitsFrom > 0 && Character.isDigit(handle.charAt(digitsFrom - 1))) {
      digitsFrom--;
    }
    if (digitsFrom > 0 && digitsFrom < handle.length() && handle.charAt(digitsFrom - 1) != '_') {
      out.add(handle.substring(0, digitsFrom) + "_" + handle.substring(digitsFrom));
    }
    out.add(handle + "_");
    out.add("_" + handle);
    return out;
  }

  private static List<String> doubledLetters(String handle) {
    List<String> out = new ArrayList<>();
    // From the end of the name part backwards: doubling a late letter reads as a typo-like change.
    for (int i = handle.length() - 1; i >= 0; i--) {
      char c = handle.charAt(i);
      if (Character.isLetter(c) && (i + 1 >= handle.length() || handle.charAt(i + 1) != c)) {
        out.add(handle.substring(0, i + 1) + c + handle.substring(i + 1));
      }
    }
    return out;
  }

  private static List<String> transliterations(String handle) {
    List<String> out = new ArrayList<>();
    String lower = handle.toLowerCase(Locale.ROOT);
    for (String[] pair : TRANSLITERATIONS) {
      for (int side = 0; side < 2; side++) {
        String from = pair[side];
        String to = pair[1 - side];
        int at = lower.indexOf(from);
        if (at >= 0) {
          out.add(handle.substring(0, at) + to + handle.substring(at + from.length()));
        }
      }
    }
    return out;
  }

  /** Shortens a too-long handle: underscores go first, then letters from the end of the name part. */
  static String fit(String handle, int maxLength) {
    StringBuilder out = new StringBuilder(handle);
    for (int i = out.length() - 1; out.length() > maxLength && i >= 0; i--) {
      if (out.charAt(i) == '_') {
        out.deleteCharAt(i);
      }
    }
    while (out.length() > maxLength) {
      int digitsFrom = out.length();
      while (digitsFrom > 0 && Character.isDigit(out.charAt(digitsFrom - 1))) {
        digitsFrom--;
      }
      if (digitsFrom > 1) {
        out.deleteCharAt(digitsFrom - 1);
      } else {
        out.setLength(maxLength);
      }
    }
    return out.toString();
  }
}
