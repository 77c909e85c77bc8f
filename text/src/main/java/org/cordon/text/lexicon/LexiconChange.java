package org.cordon.text.lexicon;

import java.util.Objects;

/** One edit of a lexicon; {@link Lexicon#apply} turns a list of them into the next version. */
public sealed interface LexiconChange {
  record Add(LexiconEntry entry) implements LexiconChange {
    public Add {
      Objects.requireNonNull(entry, "entry");
    }
  }

  record Remove(EntryKey key) implements LexiconChange {
    public Remove {
      Objects.requireNonNull(key, "key");
    }
  }

  /** Replaces the entry with {@code key} by {@code entry}, which may have another key (a corrected spelling). */
  record Replace(EntryKey key, LexiconEntry entry) implements LexiconChange {
    public Replace {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(entry, "entry");
    }
  }

  static LexiconChange add(LexiconEntry entry) {
    return new Add(entry);
  }

  static LexiconChange remove(EntryKey key) {
    return new Remove(key);
  }

  static LexiconChange replace(EntryKey key, LexiconEntry entry) {
    return new Replace(key, entry);
  }
}
