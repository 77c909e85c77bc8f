package org.cordon.detect.media.index;

import java.util.Arrays;

/**
 * The bulk-built, immutable part of the index: entries sorted by id, their hashes as four longs
 * each, and one compressed-sparse-row bucket table per chunk ({@code offsets[v]..offsets[v+1]} in
 * {@code postings} are the positions whose chunk value is {@code v}). Only the deleted bitset
 * changes after construction, and only under the index's write lock.
 */
final class Segment {
  final ChunkLayout layout;
  final int size;
  /** Entry ids, strictly ascending, so {@link #positionOf} is a binary search. */
  final long[] ids;
  /** Hash of position p at words[4p..4p+3] (w0..w3). */
  final long[] words;
  final int[][] offsets;
  final int[][] postings;
  /**
   * occupied[c]: one bit per bucket of chunk c, set when the bucket is non-empty. Most probed
   * buckets are empty; this bitmap is 32 times smaller than the offsets and mostly stays in cache,
   * so an empty probe usually costs no trip to memory. Derived from the offsets, never stored.
   */
  final long[][] occupied;
  /**
   * heads[c][v]: for a bucket holding exactly one entry, that entry's position; otherwise −1 (read
   * the offsets). At a million entries and more nearly every non-empty probed bucket is a
   * singleton, so the search reads one int here instead of two offsets and a posting: two cache
   * misses fewer per candidate, the dominant cost. Derived from the offsets, never stored; costs as
   * much memory as the offsets.
   */
  final int[][] heads;

  /**
   * Heads pay while most non-empty buckets hold one entry, that is while entries are few next to
   * buckets (a quarter of the smallest chunk's buckets or fewer: 2 M entries with 23-bit chunks).
   * At 10 M entries the average bucket holds more than one, a head read is then mostly a miss that
   * saves nothing, and the heads' 450 MiB cost more than they give (measured: 3,844 instead of
   * 7,152 queries/s on 2 threads), so the index goes without them.
   */
  static boolean headsPay(int[][] offsets, int entries) {
    int smallest = Integer.MAX_VALUE;
    for (int[] off : offsets) {
      smallest = Math.min(smallest, off.length - 1);
    }
    return entries > 0 && entries <= smallest / 4;
  }
  final long[] deleted;
  int deletedCount;

  Segment(ChunkLayout layout, long[] ids, long[] words, int[][] offsets, int[][] postings) {
    this.layout = layout;
    this.size = ids.length;
    this.ids = ids;
    this.words = words;
    this.offsets = offsets;
    this.postings = postings;
    this.deleted = new long[(size + 63) >>> 6];
    this.occupied = new long[offsets.length][];
    boolean withHeads = headsPay(offsets, size);
    this.heads = withHeads ? new int[offsets.length][] : null;
    for (int c = 0; c < offsets.length; c++) {
      int[] off = offsets[c];
      int[] post = postings[c];
      long[] bits = new long[Math.max(1, (off.length - 1) >>> 6)];
      int[] head = withHeads ? new int[off.length - 1] : null;
      for (int v = 0; v < off.length - 1; v++) {
        int bucketSize = off[v + 1] - off[v];
        if (bucketSize != 0) {
          bits[v >>> 6] |= 1L << v;
        }
        if (withHeads) {
          head[v] = bucketSize == 1 ? post[off[v]] : -1;
        }
      }
      occupied[c] = bits;
      if (withHeads) {
        heads[c] = head;
      }
    }
  }

  /**
   * Builds the bucket tables by counting sort. {@code ids} must be strictly ascending and
   * {@code words.length == 4 * ids.length}; both arrays are taken over, not copied.
   */
  static Segment build(ChunkLayout layout, long[] ids, long[] words) {
    int n = ids.length;
    int m = layout.chunks();
    int[][] offsets = new int[m][];
    int[][] postings = new int[m][];
    for (int c = 0; c < m; c++) {
      int[] off = new int[(1 << layout.width(c)) + 1];
      for (int p = 0; p < n; p++) {
        off[layout.chunkOf(words, 4 * p, c) + 1]++;
      }
      for (int v = 1; v < off.length; v++) {
        off[v] += off[v - 1];
      }
      int[] cursor = Arrays.copyOf(off, off.length - 1);
      int[] post = new int[n];
      for (int p = 0; p < n; p++) {
        post[cursor[layout.chunkOf(words, 4 * p, c)]++] = p;
      }
      offsets[c] = off;
      postings[c] = post;
    }
    return new Segment(layout, ids, words, offsets, postings);
  }

  static Segment empty(ChunkLayout layout) {
    return build(layout, new long[0], new long[0]);
  }

  int liveCount() {
    return size - deletedCount;
  }

  /** Position of {@code id}, or −1 when absent or deleted. */
  int positionOf(long id) {
    int p = Arrays.binarySearch(ids, id);
    return p >= 0 && !isDeleted(p) ? p : -1;
  }

  boolean isDeleted(int p) {
    return (deleted[p >>> 6] & 1L << p) != 0;
  }

  void markDeleted(int p) {
    deleted[p >>> 6] |= 1L << p;
    deletedCount++;
  }

  long estimatedBytes() {
    long bytes = 8L * ids.length + 8L * words.length + 8L * deleted.length;
    for (int c = 0; c < offsets.length; c++) {
      bytes += 4L * offsets[c].length + 4L * postings[c].length + 8L * occupied[c].length + (heads == null ? 0 : 4L * heads[c].length);
    }
    return bytes;
  }
}
