package org.cordon.core.request;

/** Where a request to a platform stands. */
public enum RequestStatus {
  /** Recorded, not yet sent. */
  PENDING,
  /** Handed to the platform's gateway; no answer yet. */
  SENT,
  /** The platform confirmed receipt. */
  ACKNOWLEDGED,
  /** The platform reports the content removed (or checked gone). */
  REMOVED,
  /** The platform declined, with a reason. */
  REJECTED,
  /** Could not be delivered after every retry. */
  FAILED;

  public boolean isFinal() {
    return this == REMOVED || this == REJECTED || this == FAILED;
  }
}
