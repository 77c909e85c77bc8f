package org.cordon.desk;

import java.time.Instant;
import java.util.Objects;

/**
 * A watch-list selector of a national unit.
 *
 * @param value as the unit gave it
 * @param normalized the form it is matched in
 * @param underInvestigation the unit investigates it: referrals touching it are held (deconfliction)
 */
public record Selector(long id, String unit, SelectorKind kind, String value, String normalized, boolean underInvestigation, String note,
    String addedBy, Instant addedAt) {
  public Selector {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(normalized, "normalized");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(addedBy, "addedBy");
    Objects.requireNonNull(addedAt, "addedAt");
  }
}
