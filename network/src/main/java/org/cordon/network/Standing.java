package org.cordon.network;

/** How the unit regards an account in the graph. Marked accounts anchor the bounded neighbourhood. */
public enum Standing {
  /** Seen only as a neighbour of a marked account. */
  UNMARKED,
  /** A detector or an analyst raised it; not yet decided. */
  FLAGGED,
  /** An analyst confirmed it belongs to the network (a referral was decided on it). */
  CONFIRMED
}
