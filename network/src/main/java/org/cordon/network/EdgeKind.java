package org.cordon.network;

/**
 * What links two accounts. The name is persisted in exports, so it never changes. Identity links two
 * accounts of the same persona on different platforms (or a returning account and its predecessor)
 * and carries a confidence instead of a count.
 */
public enum EdgeKind {
  FOLLOW,
  MENTION,
  REPLY,
  SHARE,
  IDENTITY,
  /** A message in a private conversation (a personal chat), inferred by the caller from where posts appear. */
  MESSAGE
}
