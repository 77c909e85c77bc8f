package org.cordon.risk;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * 64-bit fingerprints of what the tracker has counted recently, so a replayed post or interaction
 * is counted once. Two generations bound the memory: when the current one is full it becomes the
 * previous one and the oldest is forgotten, so at least the last {@code generation} items (and at
 * most twice that) are remembered: replays after a crash are recent. Among ten million items a
 * collision (a new item taken for a seen one) has odds of about one in 300,000.
 */
final class Fingerprints {
  private final int generation;
  private LongOpenHashSet current;
  private LongOpenHashSet previous = new LongOpenHashSet();

  Fingerprints(int generation) {
    this.generation = generation;
    this.current = new LongOpenHashSet(generation);
  }

  /** True the first time these parts are offered (within the remembered window). */
  boolean firstSight(String... parts) {
    long fingerprint = of(parts);
    if (previous.contains(fingerprint) || !current.add(fingerprint)) {
      return false;
    }
    if (current.size() >= generation) {
      previous = current;
      current = new LongOpenHashSet(generation);
    }
    return true;
  }

  int size() {
    return current.size() + previous.size();
  }

  static long of(String... parts) {
    long h = 0xcbf29ce484222325L;
    for (String part : parts) {
      for (int i = 0; i < part.length(); i++) {
        h ^= part.charAt(i);
        h *= 0x100000001b3L;
      }
      // a separator no part can contain keeps ("ab","c") apart from ("a","bc")
      h ^= 0x1f;
      h *= 0x100000001b3L;
    }
    // finalise (the MurmurHash3 64-bit mixer) so nearby ids spread over the table
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
