package org.cordon.text.lexicon;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a lexicon entry came from, for the analyst who has to defend it.
 *
 * @param source the list, report or investigation it was taken from
 * @param addedBy who added it
 * @param addedAt when
 */
public record EntryProvenance(Optional<String> source, Optional<String> addedBy, Optional<Instant> addedAt) {
  public static final EntryProvenance UNKNOWN = new EntryProvenance(Optional.empty(), Optional.empty(), Optional.empty());

  public EntryProvenance {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(addedBy, "addedBy");
    Objects.requireNonNull(addedAt, "addedAt");
    source = source.map(String::strip).filter(s -> !s.isEmpty());
    addedBy = addedBy.map(String::strip).filter(s -> !s.isEmpty());
  }

  public static EntryProvenance of(String source, String addedBy, Instant addedAt) {
    return new EntryProvenance(Optional.of(source), Optional.of(addedBy), Optional.of(addedAt));
  }
}
