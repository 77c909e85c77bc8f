package org.cordon.model.data;

import java.util.Objects;

/** A row left out of the data, with the line it started on and why. */
public record SkippedRow(long line, String reason) {
  public SkippedRow {
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return "line " + line + ": " + reason;
  }
}
