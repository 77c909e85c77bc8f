package org.cordon.risk;

/**
 * What analysts (or a trusted watch list) have said about an account. Confirmed accounts seed the
 * neighbourhood propagation at full strength; cleared ones never pass risk on, whatever they post.
 * Stored by ordinal in two bits: append only.
 */
public enum AccountStatus {
  UNKNOWN,
  CONFIRMED,
  CLEARED
}
