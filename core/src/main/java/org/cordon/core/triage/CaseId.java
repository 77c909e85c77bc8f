package org.cordon.core.triage;

/** A case's number, given by the store. */
public record CaseId(long value) {
  public CaseId {
    if (value < 1) {
      throw new IllegalArgumentException("case ids are positive: " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
