package org.cordon.desk;

/** Who must approve a referral decision before its request goes out (four-eyes). Persisted by name. */
public enum Approval {
  /** Goes out on the decision alone. */
  NONE,
  /** Another person than the proposer, analyst or supervisor. */
  SECOND_PERSON,
  /** A supervisor other than the proposer. */
  SUPERVISOR
}
