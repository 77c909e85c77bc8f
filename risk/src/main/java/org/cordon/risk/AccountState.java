package org.cordon.risk;

import java.util.Arrays;

/**
 * Everything the tracker keeps per account, one slot per account id in primitive arrays (about
 * 150 bytes an account with the default six signal-kind slots). No object per account: a million
 * accounts cost what their arrays cost.
 */
final class AccountState {
  static final int TIERS = 4;
  static final int NEIGHBOUR_SLOTS = 3;
  static final byte AVATAR_MATCH = 1;
  static final int STATUS_SHIFT = 1;
  static final byte STATUS_MASK = 0b110;

  final int kindSlots;
  int capacity;

  // posts
  int[] posts;
  int[] flagged;
  int[] knownContent;
  float[] flaggedStrengthSum;
  float[] maxStrength;
  /** Per account and kind slot: the sum over posts of that kind's strongest signal in the post. */
  float[] kindStrength;
  /** Per account and tier ordinal: flagged posts of that tier. */
  int[] tierCounts;

  // profile and status
  float[] profileScore;
  byte[] flags;

  // behaviour
  int[] burstHour;
  int[] burstCurrent;
  int[] burstPrevious;
  float[] maxBurst;
  int[] maxBurstHour;
  int[] soonAfterRelease;
  int[] soonAfterReleaseFlagged;
  int[] flaggedHashtagPosts;

  // neighbourhood: exact counts, incremental
  int[] follows;
  int[] reposts;
  // neighbourhood: against risky accounts; incremental for new edges, recomputed by propagate()
  int[] followsRisky;
  int[] repostsRisky;
  int[] engagesRisky;
  int[] followersRisky;
  /** Up to three risky accounts this one follows or shares, confirmed ones first; -1 when empty. */
  int[] riskyNeighbours;
  // neighbourhood: periodic
  float[] propagationOut;
  float[] propagationIn;

  AccountState(int kindSlots, int capacity) {
    this.kindSlots = kindSlots;
    this.capacity = 0;
    posts = new int[0];
    flagged = new int[0];
    knownContent = new int[0];
    flaggedStrengthSum = new float[0];
    maxStrength = new float[0];
    kindStrength = new float[0];
    tierCounts = new int[0];
    profileScore = new float[0];
    flags = new byte[0];
    burstHour = new int[0];
    burstCurrent = new int[0];
    burstPrevious = new int[0];
    maxBurst = new float[0];
    maxBurstHour = new int[0];
    soonAfterRelease = new int[0];
    soonAfterReleaseFlagged = new int[0];
    flaggedHashtagPosts = new int[0];
    follows = new int[0];
    reposts = new int[0];
    followsRisky = new int[0];
    repostsRisky = new int[0];
    engagesRisky = new int[0];
    followersRisky = new int[0];
    riskyNeighbours = new int[0];
    propagationOut = new float[0];
    propagationIn = new float[0];
    grow(capacity);
  }

  void ensure(int id) {
    if (id >= capacity) {
      grow(Math.max(id + 1, capacity + (capacity >> 1)));
    }
  }

  private void grow(int to) {
    int from = capacity;
    posts = Arrays.copyOf(posts, to);
    flagged = Arrays.copyOf(flagged, to);
    knownContent = Arrays.copyOf(knownContent, to);
    flaggedStrengthSum = Arrays.copyOf(flaggedStrengthSum, to);
    maxStrength = Arrays.copyOf(maxStrength, to);
    kindStrength = Arrays.copyOf(kindStrength, to * kindSlots);
    tierCounts = Arrays.copyOf(tierCounts, to * TIERS);
    profileScore = Arrays.copyOf(profileScore, to);
    flags = Arrays.copyOf(flags, to);
    burstHour = Arrays.copyOf(burstHour, to);
    burstCurrent = Arrays.copyOf(burstCurrent, to);
    burstPrevious = Arrays.copyOf(burstPrevious, to);
    maxBurst = Arrays.copyOf(maxBurst, to);
    maxBurstHour = Arrays.copyOf(maxBurstHour, to);
    soonAfterRelease = Arrays.copyOf(soonAfterRelease, to);
    soonAfterReleaseFlagged = Arrays.copyOf(soonAfterReleaseFlagged, to);
    flaggedHashtagPosts = Arrays.copyOf(flaggedHashtagPosts, to);
    follows = Arrays.copyOf(follows, to);
    reposts = Arrays.copyOf(reposts, to);
    followsRisky = Arrays.copyOf(followsRisky, to);
    repostsRisky = Arrays.copyOf(repostsRisky, to);
    engagesRisky = Arrays.copyOf(engagesRisky, to);
    followersRisky = Arrays.copyOf(followersRisky, to);
    riskyNeighbours = Arrays.copyOf(riskyNeighbours, to * NEIGHBOUR_SLOTS);
    Arrays.fill(riskyNeighbours, from * NEIGHBOUR_SLOTS, to * NEIGHBOUR_SLOTS, -1);
    propagationOut = Arrays.copyOf(propagationOut, to);
    propagationIn = Arrays.copyOf(propagationIn, to);
    capacity = to;
  }

  AccountStatus status(int id) {
    return AccountStatus.values()[(flags[id] & STATUS_MASK) >> STATUS_SHIFT];
  }

  void status(int id, AccountStatus status) {
    flags[id] = (byte) ((flags[id] & ~STATUS_MASK) | (status.ordinal() << STATUS_SHIFT));
  }

  boolean avatarMatch(int id) {
    return (flags[id] & AVATAR_MATCH) != 0;
  }

  void avatarMatch(int id, boolean match) {
    flags[id] = (byte) (match ? flags[id] | AVATAR_MATCH : flags[id] & ~AVATAR_MATCH);
  }
}
