package org.cordon.core.triage;

/** Where a case is in its life. */
public enum CaseState {
  /** In the queue, waiting for an analyst. */
  OPEN,
  /** Decided: refer; a request is on its way or out. */
  REFERRED,
  /** Decided: not actionable. */
  DISMISSED
}
