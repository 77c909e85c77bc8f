package org.cordon.text;

/**
 * Steps 4 to 8 of {@link Normaliser}: works on the white-space separated tokens of a text already
 * through Unicode, Arabic and digit folding, and writes the result with one space between tokens.
 * One instance per call; not thread-safe.
 */
final class WordSteps {
  /** Characters people put between single letters ("l.a.n.t.e.r.n"). "|" is not one: it is leet for l. */
  private static final String SEPARATORS = ".-_*·•~+/\\'`^:=,";
  private static final int SPACED_LETTERS_AT_LEAST = 4;
  private static final int SEPARATED_LETTERS_AT_LEAST = 3;

  private enum Mode { PLAIN, HASHTAG, CLOSED_UP }

  private final Trace in;
  private final Normaliser normaliser;
  private final Trace out;
  private final Trace word = new Trace(32);
  private final Trace closedUp = new Trace(32);
  /**
   * Whether a word was split with the normaliser's segmentation words. Until one is, the output is
   * the same as the standard normaliser's, which has none: the only step where normalisers differ.
   */
  private boolean usedSegmentationWords;
  /** Whether the whole text is mostly Latin; worked out only when a word of look-alikes needs it. */
  private Boolean mostlyLatin;

  WordSteps(Trace in, Normaliser normaliser) {
    this.in = in;
    this.normaliser = normaliser;
    this.out = new Trace(in.size + 8);
  }

  Trace run() {
    int i = 0;
    int n = in.size;
    int gapStart = -1;
    while (i < n) {
      if (isGap(in.codePoints[i])) {
        if (gapStart < 0) {
          gapStart = i;
        }
        i++;
        continue;
      }
      int spacedRun = spacedLettersFrom(i);
      int end;
      if (out.size > 0 && gapStart >= 0) {
        out.addFrom(in, gapStart, ' ');
      }
      gapStart = -1;
      if (spacedRun > 0) {
        closedUp.clear();
        for (int k = i; k < spacedRun; k++) {
          if (!isGap(in.codePoints[k])) {
            closedUp.addFrom(in, k, in.codePoints[k]);
          }
        }
        word(closedUp, 0, closedUp.size, Mode.CLOSED_UP);
        end = spacedRun;
      } else {
        end = i;
        while (end < n && !isGap(in.codePoints[end])) {
          end++;
        }
        token(i, end);
      }
      i = end;
    }
    return out;
  }

  /** Whether {@link #run} split a word with segmentation words (so a standard normaliser's result would differ). */
  boolean usedSegmentationWords() {
    return usedSegmentationWords;
  }

  private static boolean isGap(int c) {
    return c == ' ' || c == '\n';
  }

  /**
   * When single letters separated by single spaces start at {@code from} ("l a n t e r n"), the
   * index after the last of them; otherwise 0.
   */
  private int spacedLettersFrom(int from) {
    int n = in.size;
    int count = 0;
    int letters = 0;
    int i = from;
    int endOfRun = 0;
    while (i < n && isLetterOrDigit(in.codePoints[i]) && (i + 1 == n || isGap(in.codePoints[i + 1]))) {
      count++;
      if (Character.isLetter(in.codePoints[i])) {
        letters++;
      }
      endOfRun = i + 1;
      // the next single letter must follow exactly one plain space
      if (i + 2 < n && in.codePoints[i + 1] == ' ' && !isGap(in.codePoints[i + 2])) {
        i += 2;
      } else {
        break;
      }
    }
    return count >= SPACED_LETTERS_AT_LEAST && letters >= 2 ? endOfRun : 0;
  }

  private void token(int from, int to) {
    int coreStart = from;
    while (coreStart < to && !isLetterOrDigit(in.codePoints[coreStart])) {
      coreStart++;
    }
    int coreEnd = to;
    while (coreEnd > coreStart && !isLetterOrDigit(in.codePoints[coreEnd - 1])) {
      coreEnd--;
    }
    if (separatedLetters(coreStart, coreEnd)) {
      for (int k = from; k < coreStart; k++) {
        if (in.codePoints[k] != '#') {
          out.addFrom(in, k, in.codePoints[k]);
        }
      }
      closedUp.clear();
      for (int k = coreStart; k < coreEnd; k += 2) {
        closedUp.addFrom(in, k, in.codePoints[k]);
      }
      word(closedUp, 0, closedUp.size, Mode.CLOSED_UP);
      for (int k = coreEnd; k < to; k++) {
        out.addFrom(in, k, in.codePoints[k]);
      }
      return;
    }
    int i = from;
    while (i < to) {
      int end = wordEnd(in, i, from, to);
      if (end > i) {
        boolean hashtag = i > from && isHashSign(i - 1, from, to);
        word(in, i, end, hashtag ? Mode.HASHTAG : Mode.PLAIN);
        i = end;
        continue;
      }
      int c = in.codePoints[i];
      if (!isHashSign(i, from, to)) {
        out.addFrom(in, i, c);
      }
      i++;
    }
  }

  /** A "#" that starts a hashtag: followed by a word, and not glued to a word before it ("a#b" is no hashtag). */
  private boolean isHashSign(int at, int from, int to) {
    return in.codePoints[at] == '#'
        && (at == from || !isLetterOrDigit(in.codePoints[at - 1]))
        && at + 1 < to && wordEnd(in, at + 1, at + 1, to) > at + 1;
  }

  /** "l.a.n.t.e.r.n": single letters or digits joined by one repeated separator. */
  private boolean separatedLetters(int from, int to) {
    if (to - from < 2 * SEPARATED_LETTERS_AT_LEAST - 1 || (to - from) % 2 == 0) {
      return false;
    }
    int separator = in.codePoints[from + 1];
    if (SEPARATORS.indexOf(separator) < 0) {
      return false;
    }
    int letters = 0;
    for (int k = from; k < to; k++) {
      int c = in.codePoints[k];
      boolean letterPlace = (k - from) % 2 == 0;
      if (letterPlace) {
        if (!isLetterOrDigit(c)) {
          return false;
        }
        if (Character.isLetter(c)) {
          letters++;
        }
      } else if (c != separator) {
        return false;
      }
    }
    int count = (to - from + 1) / 2;
    return count >= SEPARATED_LETTERS_AT_LEAST && letters >= 2;
  }

  /**
   * The end of the word starting at {@code i}, or {@code i} when no word starts there. Words are
   * letters, marks and digits, plus the leet symbols: "@" after a word character and before a letter
   * or digit, "$" and "|" after a word character or before a letter.
   */
  private static int wordEnd(Trace t, int i, int from, int to) {
    int k = i;
    boolean inWord = false;
    while (k < to) {
      int c = t.codePoints[k];
      boolean wordChar;
      if (isLetterOrDigit(c) || isMark(c)) {
        wordChar = true;
      } else if (c == '@') {
        wordChar = inWord && startsLeetWord(t, k + 1, to);
      } else if (c == '$' || c == '|') {
        wordChar = inWord || startsLeetWord(t, k + 1, to);
      } else {
        wordChar = false;
      }
      if (!wordChar) {
        break;
      }
      inWord = true;
      k++;
    }
    return k;
  }

  /** Whether, past any more leet symbols, a letter or digit follows: "$tate", "||4ntern", but not "$ 5". */
  private static boolean startsLeetWord(Trace t, int from, int to) {
    int k = from;
    while (k < to && (t.codePoints[k] == '$' || t.codePoints[k] == '|' || t.codePoints[k] == '@')) {
      k++;
    }
    return k < to && isLetterOrDigit(t.codePoints[k]);
  }

  private static boolean isLetterOrDigit(int c) {
    return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
        : Character.isLetterOrDigit(c);
  }

  private static boolean isMark(int c) {
    if (c < 0x300) {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  // ---- one word: homoglyphs, leet, repeated letters, segmentation ----

  private void word(Trace source, int from, int to, Mode mode) {
    if (allDigits(source, from, to)) {
      for (int k = from; k < to; k++) {
        out.addFrom(source, k, source.codePoints[k]);
      }
      return;
    }
    word.clear();
    boolean hasLetter = false;
    for (int k = from; k < to; k++) {
      int c = source.codePoints[k];
      hasLetter |= Character.isLetter(c);
      word.addFrom(source, k, c);
    }
    if (hasLetter) {
      // before homoglyphs, so that "а@" (Cyrillic а) counts as mixing scripts once "@" is "a"
      leet(word);
    }
    boolean fold = shouldFoldHomoglyphs(word, 0, word.size);
    for (int k = 0; k < word.size; k++) {
      int c = word.codePoints[k];
      if (c >= 0x80) {
        char twin = Homoglyphs.latinTwin(c);
        if (twin != 0 && (fold || Homoglyphs.script(c) == Homoglyphs.Script.LATIN)) {
          word.codePoints[k] = twin;
        }
      }
    }
    squeezeRepeats(word);
    switch (mode) {
      case PLAIN -> copyWhole(word);
      case HASHTAG -> {
        if (!splitAtCapitals(word) && !segment(word)) {
          copyWhole(word);
        }
      }
      case CLOSED_UP -> {
        if (!segment(word)) {
          copyWhole(word);
        }
      }
    }
  }

  private static boolean allDigits(Trace t, int from, int to) {
    for (int k = from; k < to; k++) {
      int c = t.codePoints[k];
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private boolean shouldFoldHomoglyphs(Trace t, int from, int to) {
    boolean latin = false;
    boolean lookAlikeScript = false;
    boolean cyrillic = false;
    boolean greek = false;
    boolean armenian = false;
    boolean allLookAlikes = true;
    for (int k = from; k < to; k++) {
      int c = t.codePoints[k];
      if (!Character.isLetter(c)) {
        continue;
      }
      switch (Homoglyphs.script(c)) {
        case LATIN -> latin = true;
        case CYRILLIC -> cyrillic = true;
        case GREEK -> greek = true;
        case ARMENIAN -> armenian = true;
        case OTHER -> allLookAlikes = false;
      }
      if (c >= 0x80 && Homoglyphs.latinTwin(c) == 0) {
        allLookAlikes = false;
      }
    }
    lookAlikeScript = cyrillic || greek || armenian;
    int scripts = (latin ? 1 : 0) + (cyrillic ? 1 : 0) + (greek ? 1 : 0) + (armenian ? 1 : 0);
    if (scripts >= 2) {
      return true;
    }
    if (!(lookAlikeScript && !latin && allLookAlikes)) {
      return false;
    }
    if (mostlyLatin == null) {
      mostlyLatin = mostlyLatin(in);
    }
    return mostlyLatin;
  }

  private static boolean mostlyLatin(Trace t) {
    int latin = 0;
    int lookAlikeScripts = 0;
    for (int k = 0; k < t.size; k++) {
      int c = t.codePoints[k];
      if (c < 0x80) {
        if (c >= 'a' && c <= 'z') {
          latin++;
        }
      } else if (Character.isLetter(c)) {
        switch (Homoglyphs.script(c)) {
          case LATIN -> latin++;
          case CYRILLIC, GREEK, ARMENIAN -> lookAlikeScripts++;
          case OTHER -> { }
        }
      }
    }
    return latin > lookAlikeScripts;
  }

  /** Leet digits become letters only where a whole digit run is leet ("p4l3", not "covid19"). */
  private static void leet(Trace w) {
    int k = 0;
    while (k < w.size) {
      int c = w.codePoints[k];
      if (c >= '0' && c <= '9') {
        int end = k;
        boolean allLeet = true;
        while (end < w.size && w.codePoints[end] >= '0' && w.codePoints[end] <= '9') {
          allLeet &= leetLetter(w.codePoints[end]) != 0;
          end++;
        }
        if (allLeet) {
          for (int d = k; d < end; d++) {
            w.codePoints[d] = leetLetter(w.codePoints[d]);
          }
        }
        k = end;
        continue;
      }
      if (c == '@' || c == '$' || c == '|') {
        w.codePoints[k] = leetLetter(c);
      }
      k++;
    }
  }

  private static int leetLetter(int c) {
    return switch (c) {
      case '4', '@' -> 'a';
      case '3' -> 'e';
      case '1' -> 'i';
      case '0' -> 'o';
      case '5', '$' -> 's';
      case '7' -> 't';
      case '|' -> 'l';
      default -> 0;
    };
  }

  /** Three or more of the same letter become one, whose span covers the whole run. */
  private static void squeezeRepeats(Trace w) {
    int write = 0;
    int k = 0;
    while (k < w.size) {
      int c = w.codePoints[k];
      int end = k + 1;
      while (end < w.size && w.codePoints[end] == c) {
        end++;
      }
      int keep = end - k >= 3 && Character.isLetter(c) ? 1 : end - k;
      for (int r = 0; r < keep; r++) {
        w.codePoints[write] = c;
        w.starts[write] = w.starts[k + r];
        w.ends[write] = keep == 1 ? w.ends[end - 1] : w.ends[k + r];
        w.cases[write] = w.cases[k + r];
        write++;
      }
      k = end;
    }
    w.size = write;
  }

  private void copyWhole(Trace w) {
    for (int k = 0; k < w.size; k++) {
      out.addFrom(w, k, w.codePoints[k]);
    }
  }

  /** "PaleLanternOrder" → "pale lantern order", "HTMLParser" → "html parser"; false when no capital splits it. */
  private boolean splitAtCapitals(Trace w) {
    boolean[] splitBefore = new boolean[w.size];
    boolean any = false;
    int previousCased = -1;
    for (int k = 0; k < w.size; k++) {
      byte letterCase = w.cases[k];
      if (letterCase == Trace.CASELESS) {
        continue;
      }
      if (letterCase == Trace.UPPER && previousCased >= 0) {
        boolean afterLower = w.cases[previousCased] == Trace.LOWER;
        boolean endsAcronym = w.cases[previousCased] == Trace.UPPER && k + 1 < w.size && w.cases[k + 1] == Trace.LOWER;
        if (afterLower || endsAcronym) {
          splitBefore[k] = true;
          any = true;
        }
      }
      previousCased = k;
    }
    if (!any) {
      return false;
    }
    for (int k = 0; k < w.size; k++) {
      if (splitBefore[k]) {
        out.add(' ', w.starts[k], w.starts[k], Trace.CASELESS);
      }
      out.addFrom(w, k, w.codePoints[k]);
    }
    return true;
  }

  /** Splits {@code w} into the fewest segmentation words (digit runs count as words); false if none covers it. */
  private boolean segment(Trace w) {
    int n = w.size;
    if (!normaliser.canSegment() || n < 2 || n > Normaliser.longestSegmentable()) {
      return false;
    }
    char[] chars = new char[n];
    for (int k = 0; k < n; k++) {
      int c = w.codePoints[k];
      if (c > 0xFFFF) {
        return false;
      }
      chars[k] = (char) c;
    }
    String text = new String(chars);
    int[] pieces = new int[n + 1];
    int[] lastPieceStart = new int[n + 1];
    java.util.Arrays.fill(pieces, Integer.MAX_VALUE);
    pieces[0] = 0;
    for (int end = 1; end <= n; end++) {
      int longest = Math.min(end, normaliser.longestWord());
      for (int length = longest; length >= 1; length--) {
        int start = end - length;
        if (pieces[start] == Integer.MAX_VALUE || pieces[start] + 1 >= pieces[end]) {
          continue;
        }
        if (normaliser.isWord(text.substring(start, end))) {
          pieces[end] = pieces[start] + 1;
          lastPieceStart[end] = start;
        }
      }
      int digitsFrom = end;
      while (digitsFrom > 0 && chars[digitsFrom - 1] >= '0' && chars[digitsFrom - 1] <= '9') {
        digitsFrom--;
      }
      if (digitsFrom < end && pieces[digitsFrom] != Integer.MAX_VALUE && pieces[digitsFrom] + 1 < pieces[end]) {
        pieces[end] = pieces[digitsFrom] + 1;
        lastPieceStart[end] = digitsFrom;
      }
    }
    if (pieces[n] == Integer.MAX_VALUE || pieces[n] == 1) {
      return false;
    }
    usedSegmentationWords = true;
    boolean[] splitBefore = new boolean[n];
    for (int end = n; end > 0; end = lastPieceStart[end]) {
      if (lastPieceStart[end] > 0) {
        splitBefore[lastPieceStart[end]] = true;
      }
    }
    for (int k = 0; k < n; k++) {
      if (splitBefore[k]) {
        out.add(' ', w.starts[k], w.starts[k], Trace.CASELESS);
      }
      out.addFrom(w, k, w.codePoints[k]);
    }
    return true;
  }
}
