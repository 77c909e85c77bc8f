package org.cordon.desk;

import java.util.Objects;

/** A selector as a unit submits it; the value is normalised (and refused with a reason) when it is added. */
public record SelectorDraft(SelectorKind kind, String value, boolean underInvestigation, String note) {
  public SelectorDraft {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(note, "note");
  }
}
