package org.cordon.text.lexicon;

import java.util.Locale;

/** What a lexicon entry's text is. Stored by {@link #key()}; never rename a constant. */
public enum EntryKind {
  /** One word, matched as a whole word after normalisation. */
  TERM,
  /** Several words, matched as a whole after normalisation; white space between them is one space. */
  PHRASE,
  /** An RE2 regular expression (linear time, so safe from users), matched case-insensitively on the normalised text. */
  PATTERN;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException naming the kinds there are */
  public static EntryKind parse(String text) {
    for (EntryKind kind : values()) {
      if (kind.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown kind '" + text + "'; known: term, phrase, pattern");
  }

  /** The kind of a term read from a file without a kind column: a phrase when it has several words. */
  static EntryKind ofLiteral(String term) {
    return term.strip().chars().anyMatch(Character::isWhitespace) ? PHRASE : TERM;
  }
}
