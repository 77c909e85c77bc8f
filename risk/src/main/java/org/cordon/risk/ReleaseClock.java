package org.cordon.risk;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** When each release first appeared, to tell a post made right after one. */
final class ReleaseClock {
  private final Object2LongOpenHashMap<String> firstSeen = new Object2LongOpenHashMap<>();
  private final long windowMillis;
  private long[] sorted = new long[0];
  private boolean dirty;

  ReleaseClock(Duration window) {
    this.windowMillis = window.toMillis();
  }

  /** Keeps the earliest time a release was reported at: later sightings are re-posts, not the release. */
  void seen(String releaseId, Instant at) {
    long t = at.toEpochMilli();
    if (!firstSeen.containsKey(releaseId) || t < firstSeen.getLong(releaseId)) {
      firstSeen.put(releaseId, t);
      dirty = true;
    }
  }

  boolean soonAfterARelease(Instant postedAt) {
    if (dirty) {
      sorted = firstSeen.values().toLongArray();
      Arrays.sort(sorted);
      dirty = false;
    }
    long t = postedAt.toEpochMilli();
    int i = Arrays.binarySearch(sorted, t);
    int latestAtOrBefore = i >= 0 ? i : -i - 2;
    return latestAtOrBefore >= 0 && t - sorted[latestAtOrBefore] <= windowMillis;
  }

  int size() {
    return firstSeen.size();
  }
}
