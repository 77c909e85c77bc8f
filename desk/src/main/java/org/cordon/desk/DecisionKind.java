package org.cordon.desk;

/** What a desk decision does to a case. Persisted by name. */
public enum DecisionKind {
  /** Ask the platform to remove: a referral or a removal order. */
  REFER,
  /** Not actionable. */
  DISMISS,
  /** Pass to a supervisor; the case stays open. */
  ESCALATE,
  /** Keep the case open and unsent (e.g. waiting for a unit); it stays in the queue. */
  HOLD
}
