package org.cordon.text.lexicon;

import java.util.Locale;
import java.util.Objects;
import org.cordon.text.Normaliser;

/**
 * What makes two lexicon entries the same entry: terms and phrases are the same when they
 * normalise to the same text for the same language; patterns when they are written the same.
 * Built by {@link #of}, which normalises, so "Pale Lantern Order" and "p4le lantern 0rder" give
 * one key.
 *
 * @param kind {@link EntryKind#TERM} for terms and phrases alike, {@link EntryKind#PATTERN} for patterns
 * @param text the normalised term, or the pattern as written
 * @param language lowercase
 */
public record EntryKey(EntryKind kind, String text, String language) {
  public EntryKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
  }

  public static EntryKey of(EntryKind kind, String term, String language) {
    return switch (kind) {
      case TERM, PHRASE -> new EntryKey(EntryKind.TERM, Normaliser.standard().fold(term),
          language.strip().toLowerCase(Locale.ROOT));
      case PATTERN -> new EntryKey(EntryKind.PATTERN, term, language.strip().toLowerCase(Locale.ROOT));
    };
  }

  @Override
  public String toString() {
    return kind.key() + " '" + text + "' (" + language + ")";
  }
}
