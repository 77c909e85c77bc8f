package org.cordon.text.lexicon;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cordon.text.NormalisedText;
import org.cordon.text.Normaliser;
import org.cordon.text.TextSpan;

/**
 * Finds a lexicon's entries in posts. Terms and phrases are normalised with {@link Normaliser}
 * and compiled into one Aho–Corasick automaton, so the cost per post hardly grows with the number
 * of terms; patterns run one by one (RE2, linear time) on the normalised text. Posts are
 * normalised by a normaliser that knows the lexicon's words, so one-case hashtags and spaced-out
 * letters split into them.
 *
 * <p>Terms match whole words: no letter, digit or mark may touch either end. Two exceptions: a
 * term in Arabic script may follow the proclitics Arabic writes onto a word (و ف, ب ك ل, ال and
 * their combinations, such as "وال" or "بال"), and a term edge in a script written without spaces
 * (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) needs no boundary.
 *
 * <p>Language filter: when the caller says which language a post is in, an entry fires only if
 * its language has the same primary subtag ("en" fires on "en-GB") or is "*" or "und". When the
 * language is not known, every entry fires.
 *
 * <p>Immutable and thread-safe.
 */
public final class LexiconMatcher {
  private static final Set<String> ARABIC_PROCLITICS = arabicProclitics();
  private static final Comparator<LexiconMatch> IN_TEXT_ORDER = Comparator
      .comparingInt((LexiconMatch m) -> m.normalisedSpan().start())
      .thenComparing(m -> -m.normalisedSpan().end())
      .thenComparing(LexiconMatch::entry, Lexicon.CANONICAL_ORDER);

  private final Lexicon lexicon;
  private final Normaliser normaliser;
  private final Optional<KeywordAutomaton> automaton;
  /** The automaton's keywords, by their index in it. */
  private final Keyword[] keywords;
  private final List<CompiledPattern> patterns;

  private record Keyword(List<LexiconEntry> entries, boolean boundaryBefore, boolean boundaryAfter,
      boolean arabicStart) {}

  private record CompiledPattern(LexiconEntry entry, Pattern pattern) {}

  private LexiconMatcher(Lexicon lexicon) {
    this.lexicon = lexicon;
    Map<String, List<LexiconEntry>> byText = new LinkedHashMap<>();
    List<CompiledPattern> compiled = new ArrayList<>();
    Set<String> words = new HashSet<>();
    for (LexiconEntry entry : lexicon.entries()) {
      switch (entry.kind()) {
        case TERM, PHRASE -> {
          String text = entry.key().text();
          byText.computeIfAbsent(text, t -> new ArrayList<>()).add(entry);
          words.addAll(List.of(text.split(" ")));
        }
        case PATTERN -> compiled.add(new CompiledPattern(entry, LexiconEntry.compile(entry.term())));
      }
    }
    this.normaliser = Normaliser.standard().withSegmentationWords(words);
    addHashtagSpellings(byText, normaliser);
    List<Keyword> built = new ArrayList<>();
    byText.forEach((text, entries) -> {
      int first = text.codePointAt(0);
      int last = text.codePointBefore(text.length());
      built.add(new Keyword(List.copyOf(entries), needsBoundary(first), needsBoundary(last),
          UnicodeScript.of(first) == UnicodeScript.ARABIC));
    });
    this.keywords = built.toArray(new Keyword[0]);
    this.patterns = List.copyOf(compiled);
    this.automaton = byText.isEmpty() ? Optional.empty() : Optional.of(new KeywordAutomaton(List.copyOf(byText.keySet())));
  }

  /**
   * A phrase written as a one-case hashtag is split into the fewest lexicon words, which need not
   * be the phrase's own words: with both "lanternlight" and "lantern light media" in a lexicon,
   * "#lanternlightmedia" becomes "lanternlight media". So each phrase is also looked for in the
   * form its own hashtag takes, which the normaliser produces the same way every time.
   */
  private static void addHashtagSpellings(Map<String, List<LexiconEntry>> byText, Normaliser normaliser) {
    Map<String, List<LexiconEntry>> spellings = new LinkedHashMap<>();
    byText.forEach((text, entries) -> {
      if (text.indexOf(' ') < 0) {
        return;
      }
      String hashtag = normaliser.fold("#" + text.replace(" ", ""));
      if (!hashtag.equals(text) && !hashtag.isBlank()) {
        spellings.computeIfAbsent(hashtag, h -> new ArrayList<>()).addAll(entries);
      }
    });
    spellings.forEach((hashtag, entries) -> {
      List<LexiconEntry> all = byText.computeIfAbsent(hashtag, h -> new ArrayList<>());
      entries.stream().filter(e -> !all.contains(e)).forEach(all::add);
    });
  }

  public static LexiconMatcher of(Lexicon lexicon) {
    return new LexiconMatcher(Objects.requireNonNull(lexicon, "lexicon"));
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  /** The normaliser posts go through; use it when you normalise a post once for several matchers' worth of work. */
  public Normaliser normaliser() {
    return normaliser;
  }

  /** Every match in a post of unknown language. */
  public List<LexiconMatch> match(String text) {
    return match(text, Optional.empty());
  }

  /** Every match, in the order they occur in the text (longer first where two start together). */
  public List<LexiconMatch> match(String text, Optional<String> language) {
    return match(normaliser.normalise(Objects.requireNonNull(text, "text")), language);
  }

  /** Every match in a text already normalised by {@link #normaliser()}. */
  public List<LexiconMatch> match(NormalisedText text, Optional<String> language) {
    Objects.requireNonNull(text, "text");
    Optional<String> primary = Objects.requireNonNull(language, "language")
        .map(LexiconMatcher::primarySubtag)
        .filter(l -> !l.isEmpty() && !l.equals("und") && !l.equals("*"));
    String normalised = text.normalised();
    List<LexiconMatch> matches = new ArrayList<>();
    automaton.ifPresent(keywordAutomaton -> keywordAutomaton.search(normalised, (index, start, end) -> {
      Keyword keyword = keywords[index];
      if (isWholeWord(normalised, start, end, keyword)) {
        for (LexiconEntry entry : keyword.entries()) {
          if (applies(entry, primary)) {
            matches.add(match(text, entry, start, end));
          }
        }
      }
    }));
    for (CompiledPattern pattern : patterns) {
      if (!applies(pattern.entry(), primary)) {
        continue;
      }
      Matcher matcher = pattern.pattern().matcher(normalised);
      while (matcher.find()) {
        if (matcher.end() > matcher.start()) {
          matches.add(match(text, pattern.entry(), matcher.start(), matcher.end()));
        }
      }
    }
    matches.sort(IN_TEXT_ORDER);
    return List.copyOf(matches);
  }

  private static LexiconMatch match(NormalisedText text, LexiconEntry entry, int start, int end) {
    TextSpan original = text.toOriginal(start, end);
    return new LexiconMatch(entry, text.normalised().substring(start, end), new TextSpan(start, end), original,
        original.of(text.original()));
  }

  private static boolean applies(LexiconEntry entry, Optional<String> textLanguage) {
    return textLanguage.isEmpty() || entry.anyLanguage() || primarySubtag(entry.language()).equals(textLanguage.get());
  }

  private static String primarySubtag(String language) {
    String tag = language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = tag.indexOf('-');
    return dash < 0 ? tag : tag.substring(0, dash);
  }

  private static boolean isWholeWord(String text, int start, int end, Keyword keyword) {
    if (keyword.boundaryAfter() && end < text.length() && isWordCharacter(text.codePointAt(end))) {
      return false;
    }
    if (!keyword.boundaryBefore() || start == 0 || !isWordCharacter(text.codePointBefore(start))) {
      return true;
    }
    if (!keyword.arabicStart()) {
      return false;
    }
    int wordStart = start;
    while (wordStart > 0 && start - wordStart <= 4 && isWordCharacter(text.codePointBefore(wordStart))) {
      wordStart -= Character.charCount(text.codePointBefore(wordStart));
    }
    boolean prefixStartsAWord = wordStart == 0 || !isWordCharacter(text.codePointBefore(wordStart));
    return prefixStartsAWord && ARABIC_PROCLITICS.contains(text.substring(wordStart, start));
  }

  private static boolean needsBoundary(int c) {
    if (!isWordCharacter(c)) {
      return false;
    }
    return switch (UnicodeScript.of(c)) {
      case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> false;
      default -> true;
    };
  }

  private static boolean isWordCharacter(int c) {
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** و/ف (and), then ب/ك/ل (with, like, for), then ال (the), in every non-empty combination; and لل (for the). */
  private static Set<String> arabicProclitics() {
    Set<String> prefixes = new HashSet<>();
    for (String conjunction : List.of("", "و", "ف")) {
      for (String preposition : List.of("", "ب", "ك", "ل")) {
        for (String article : List.of("", "ال")) {
          prefixes.add(conjunction + preposition + article);
        }
      }
      prefixes.add(conjunction + "لل");
    }
    prefixes.remove("");
    return Set.copyOf(prefixes);
  }

  @Override
  public String toString() {
    return "LexiconMatcher[" + lexicon + "]";
  }
}
