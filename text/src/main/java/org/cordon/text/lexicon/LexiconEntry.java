package org.cordon.text.lexicon;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.signal.Tier;

/**
 * One entry of a lexicon.
 *
 * @param kind term, phrase or pattern
 * @param term the term or phrase as written, or the RE2 pattern (matched on normalised text)
 * @param language a BCP 47 tag such as "en" or "ar"; "*" (or "und") for every language
 * @param weight in [0, 1]: how strongly one occurrence points to the tier
 * @param tier the tier the entry points to, when it points to one
 * @param note free text for analysts
 */
public record LexiconEntry(EntryKind kind, String term, String language, double weight, Optional<Tier> tier,
    EntryProvenance provenance, Optional<String> note) {
  static final int LONGEST_TERM = 1_000;
  static final int LONGEST_NOTE = 10_000;
  private static final java.util.regex.Pattern LANGUAGE =
      java.util.regex.Pattern.compile("\\*|[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

  /** @throws IllegalArgumentException saying what is wrong and how to fix it */
  public LexiconEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(note, "note");
    if (term.isBlank()) {
      throw new IllegalArgumentException("the term is empty");
    }
    if (term.length() > LONGEST_TERM) {
      throw new IllegalArgumentException("the term is " + term.length() + " characters long; at most " + LONGEST_TERM
          + " are allowed");
    }
    if (term.chars().anyMatch(c -> c == '\n' || c == '\r')) {
      throw new IllegalArgumentException("the term contains a line break; write it on one line");
    }
    if (!LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException("'" + language + "' is not a language tag such as en or ar, or * for any");
    }
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("the weight " + weight + " is outside [0, 1]");
    }
    note = note.map(String::strip).filter(s -> !s.isEmpty());
    if (note.isPresent() && note.get().length() > LONGEST_NOTE) {
      throw new IllegalArgumentException("the note is longer than " + LONGEST_NOTE + " characters");
    }
    if (kind == EntryKind.PATTERN) {
      compile(term);
    } else {
      term = term.strip();
      if (EntryKey.of(kind, term, language).text().isBlank()) {
        throw new IllegalArgumentException("the term '" + term + "' is empty once normalised");
      }
    }
  }

  /** A term or phrase (kind from its word count) for every language, without tier, provenance or note. */
  public static LexiconEntry literal(String term, String language, double weight) {
    return new LexiconEntry(EntryKind.ofLiteral(term), term, language, weight, Optional.empty(),
        EntryProvenance.UNKNOWN, Optional.empty());
  }

  public static LexiconEntry pattern(String pattern, String language, double weight) {
    return new LexiconEntry(EntryKind.PATTERN, pattern, language, weight, Optional.empty(), EntryProvenance.UNKNOWN,
        Optional.empty());
  }

  public LexiconEntry withTier(Tier newTier) {
    return new LexiconEntry(kind, term, language, weight, Optional.of(newTier), provenance, note);
  }

  public LexiconEntry withProvenance(EntryProvenance newProvenance) {
    return new LexiconEntry(kind, term, language, weight, tier, newProvenance, note);
  }

  public LexiconEntry withNote(String newNote) {
    return new LexiconEntry(kind, term, language, weight, tier, provenance, Optional.of(newNote));
  }

  public EntryKey key() {
    return EntryKey.of(kind, term, language);
  }

  /** True when the entry applies to text of every language. */
  public boolean anyLanguage() {
    return language.equals("*") || language.equalsIgnoreCase("und");
  }

  static Pattern compile(String pattern) {
    Pattern compiled;
    try {
      compiled = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("the pattern '" + pattern + "' is not a valid RE2 expression: "
          + e.getDescription());
    }
    if (compiled.matches("")) {
      throw new IllegalArgumentException("the pattern '" + pattern + "' matches empty text; it would fire everywhere");
    }
    return compiled;
  }
}
