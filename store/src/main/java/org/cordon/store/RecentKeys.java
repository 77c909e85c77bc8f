package org.cordon.store;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys seen lately, bounded: two generations, the older dropped whole when the newer is full. A
 * key is remembered for at least {@code generation} later additions, so the memory a long-running
 * store keeps is at most two generations, and forgetting never empties the set at once (as a
 * single set cleared when full would, just when a burst of writes meets the keys again).
 *
 * <p>Only a hint: a store uses it to leave out what it knows stored, never to decide what is.
 * Reads take no lock; additions are serialised.
 */
final class RecentKeys<K> {
  private final int generation;
  private volatile Set<K> newer = ConcurrentHashMap.newKeySet();
  private volatile Set<K> older = Set.of();

  RecentKeys(int generation) {
    if (generation < 1) {
      throw new IllegalArgumentException("a generation holds at least one key: " + generation);
    }
    this.generation = generation;
  }

  boolean contains(K key) {
    return newer.contains(key) || older.contains(key);
  }

  synchronized void addAll(Collection<? extends K> keys) {
    for (K key : keys) {
      if (newer.size() >= generation) {
        older = newer;
        newer = ConcurrentHashMap.newKeySet();
      }
      newer.add(key);
    }
  }

  /** Keys held now, both generations (a key in both counts twice); for tests and figures. */
  int size() {
    return newer.size() + older.size();
  }
}
