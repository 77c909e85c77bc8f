package org.cordon.detect.media.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.cordon.detect.media.pdq.PdqHash;

/**
 * Exact range search over 256-bit PDQ hashes: {@link #search} returns every live entry within
 * the given Hamming distance, never an approximation.
 *
 * <h2>Design: multi-index hashing, 11 chunks for large indexes</h2>
 * The 256 bits are cut into {@code m} contiguous chunks. A hash within distance {@code r} of the
 * query agrees with it, in at least one chunk, to within a small per-chunk threshold (see
 * {@link ChunkLayout}; for r = 31 and m = 11 that is ≤ 2 bits in the first ten chunks or ≤ 1 bit
 * in the last). Each chunk has a dense bucket table (compressed sparse rows: {@code offsets} +
 * {@code postings}, plain int arrays) and a one-bit-per-bucket occupancy bitmap. A query enumerates
 * the neighbouring chunk values, keeps those whose bucket is occupied, gathers the postings and
 * checks each candidate's full distance. A candidate found in several chunks is reported only from
 * the first chunk whose threshold it meets, so no visited-set is needed.
 *
 * <p>Why 11 (measured with {@code PdqIndexBenchmarkCommand --size 1000000 --distribution uniform
 * --chunks m}, radius 31, one thread, on the shared 2-core machine): 16 chunks of 16 bits probe 272
 * buckets but meet ~4 150 candidates (~5 000 queries/s); 14 chunks, 954 probes and ~2 190
 * candidates (~6 800 q/s); 12 chunks of 21–22 bits, 2 030 probes and ~730 candidates
 * (~15 400 q/s); 11 chunks of 23–24 bits, 2 870 probes of which ~280 hit an occupied bucket and
 * ~290 candidates (~23 000 q/s). The search is bound by memory latency: a candidate costs a cache
 * miss, while most probes only read occupancy bits that sit close together, so fewer candidates
 * win even at the cost of more probes. For the same reason the search runs in passes over scratch
 * arrays (see {@link #probeSegment}), which made it about twice as fast as one nested loop. Fewer
 * than 11 chunks would need 2^26-entry tables per chunk. At a million entries nearly every
 * non-empty probed bucket holds one entry, so each chunk also keeps a head table that gives that
 * entry directly (see {@link Segment#heads}): one read instead of two offsets and a posting, which
 * measured 18 % more queries/s (19 100 → 22 500 q/s, mean of four alternating runs each, same
 * machine under the same load). The price is ~450 MiB of bucket offsets (and as much again for the heads)
 * whatever the size, so indexes under {@value #LARGE_INDEX} entries use 16 chunks (4 MiB of
 * offsets) instead; {@link Builder#chunks} fixes the count for measurements.
 *
 * <h2>Updates</h2>
 * {@link #add} puts entries in a small overlay that searches scan linearly; {@link #remove} sets
 * a bit in a deleted-bitset (or drops the entry from the overlay). {@link #compact} rebuilds the
 * bucket tables from the live entries; it runs by itself once the overlay exceeds
 * {@code max(65 536, size/8)} entries, under the write lock (seconds at 10 M entries).
 *
 * <h2>Radius</h2>
 * Up to {@link #MAX_INDEXED_RADIUS} the buckets are used; a larger radius falls back to a linear
 * scan, which is still exact but as slow as brute force.
 *
 * <h2>Threads</h2>
 * Any number of threads may search concurrently (they share a read lock). {@code add},
 * {@code remove}, {@code compact} and {@code writeTo} take the write lock and wait for running
 * searches; searches wait for them in turn.
 *
 * <h2>Persistence</h2>
 * {@link #writeTo} compacts, then writes ids, hashes and bucket tables in one little-endian file
 * with a magic/version header and a CRC32C trailer; {@link #readFrom} reads it back with large
 * buffers and rejects a truncated or corrupted file with {@link CorruptIndexException}.
 */
public final class PdqIndex {
  /** Largest radius answered through the buckets; above it, searches scan. */
  public static final int MAX_INDEXED_RADIUS = 31;
  /** Entry count from which the index uses 11 wide chunks instead of 16 narrow ones. */
  static final int LARGE_INDEX = 200_000;

  private static final int MIN_OVERLAY_BEFORE_COMPACT = 1 << 16;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  /** Chunk count fixed by the builder, or 0 to choose by size at every (re)build. */
  private final int fixedChunks;
  private Segment segment;
  private final Overlay overlay = new Overlay();

  private PdqIndex(Segment segment, int fixedChunks) {
    this.segment = segment;
    this.fixedChunks = fixedChunks;
  }

  /**
   * The measured choice (see the class comment): 11 chunks from {@value #LARGE_INDEX} entries,
   * below that 16 chunks, whose bucket tables take 4 MiB instead of 450 MiB.
   */
  static int chunksFor(int entries) {
    return entries >= LARGE_INDEX ? 11 : 16;
  }

  private static ChunkLayout layoutFor(int fixedChunks, int entries) {
    return new ChunkLayout(fixedChunks > 0 ? fixedChunks : chunksFor(entries), MAX_INDEXED_RADIUS);
  }

  /** One search hit. */
  public record Match(long id, PdqHash hash, int distance) {
    public Match {
      Objects.requireNonNull(hash, "hash");
    }
  }

  /** Thrown by {@link #readFrom} when the file is not a valid index. */
  public static final class CorruptIndexException extends IOException {
    CorruptIndexException(String message) {
      super(message);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects entries for one bulk build, the fast way to load many hashes. */
  public static final class Builder {
    private int chunks;
    private long[] ids = new long[1024];
    private long[] words = new long[4 * 1024];
    private int count;

    private Builder() {}

    /** Fixes the number of chunks, 11..32, instead of choosing by size (for measurements). */
    public Builder chunks(int chunks) {
      new ChunkLayout(chunks, MAX_INDEXED_RADIUS); // validates
      this.chunks = chunks;
      return this;
    }

    /** Reserves room for {@code expected} entries, avoiding regrowth when loading millions. */
    public Builder expectedSize(int expected) {
      ensureCapacity(expected);
      return this;
    }

    /** Adds an entry; ids must be unique ({@link #build} rejects duplicates). */
    public Builder add(long id, PdqHash hash) {
      Objects.requireNonNull(hash, "hash");
      ensureCapacity(count + 1);
      ids[count] = id;
      int b = 4 * count;
      words[b] = hash.w0();
      words[b + 1] = hash.w1();
      words[b + 2] = hash.w2();
      words[b + 3] = hash.w3();
      count++;
      return this;
    }

    public PdqIndex build() {
      ChunkLayout layout = layoutFor(chunks, count);
      return new PdqIndex(sortedSegment(layout, Arrays.copyOf(ids, count), Arrays.copyOf(words, 4 * count)), chunks);
    }

    private void ensureCapacity(int needed) {
      if (needed > ids.length) {
        int capacity = (int) Math.min(Integer.MAX_VALUE / 4 - 8, Math.max(needed, ids.length * 3L / 2));
        if (capacity < needed) {
          throw new IllegalStateException("an index holds at most " + capacity + " entries");
        }
        ids = Arrays.copyOf(ids, capacity);
        words = Arrays.copyOf(words, 4 * capacity);
      }
    }
  }

  /** Sorts entries by id (rejecting duplicates) and builds the bucket tables. */
  private static Segment sortedSegment(ChunkLayout layout, long[] ids, long[] words) {
    int n = ids.length;
    boolean ascending = true;
    for (int i = 1; i < n && ascending; i++) {
      ascending = ids[i - 1] < ids[i];
    }
    if (ascending) {
      return Segment.build(layout, ids, words);
    }
    long[] sortedIds = ids.clone();
    Arrays.sort(sortedIds);
    for (int i = 1; i < n; i++) {
      if (sortedIds[i - 1] == sortedIds[i]) {
        throw new IllegalArgumentException("duplicate entry id " + sortedIds[i]);
      }
    }
    long[] sortedWords = new long[words.length];
    for (int i = 0; i < n; i++) {
      int p = Arrays.binarySearch(sortedIds, ids[i]);
      System.arraycopy(words, 4 * i, sortedWords, 4 * p, 4);
    }
    return Segment.build(layout, sortedIds, sortedWords);
  }

  /** Number of live entries. */
  public int size() {
    lock.readLock().lock();
    try {
      return segment.liveCount() + overlay.size;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Whether an entry with this id is live. */
  public boolean contains(long id) {
    lock.readLock().lock();
    try {
      return segment.positionOf(id) >= 0 || overlay.positionOf(id) >= 0;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Adds an entry, replacing the hash of an existing entry with the same id. */
  public void add(long id, PdqHash hash) {
    Objects.requireNonNull(hash, "hash");
    lock.writeLock().lock();
    try {
      int p = segment.positionOf(id);
      if (p >= 0) {
        segment.markDeleted(p);
      }
      overlay.put(id, hash);
      if (overlay.size > Math.max(MIN_OVERLAY_BEFORE_COMPACT, segment.liveCount() / 8)) {
        compactLocked();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes the entry with this id; returns false (and changes nothing) when there is none. */
  public boolean remove(long id) {
    lock.writeLock().lock();
    try {
      int p = segment.positionOf(id);
      if (p >= 0) {
        segment.markDeleted(p);
        return true;
      }
      return overlay.remove(id);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Rebuilds the bucket tables from the live entries, emptying the overlay and deleted-set. */
  public void compact() {
    lock.writeLock().lock();
    try {
      compactLocked();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void compactLocked() {
    if (overlay.size == 0 && segment.deletedCount == 0) {
      return;
    }
    int n = segment.liveCount() + overlay.size;
    long[] ids = new long[n];
    long[] words = new long[4 * n];
    int k = 0;
    for (int p = 0; p < segment.size; p++) {
      if (!segment.isDeleted(p)) {
        ids[k] = segment.ids[p];
        System.arraycopy(segment.words, 4 * p, words, 4 * k, 4);
        k++;
      }
    }
    System.arraycopy(overlay.ids, 0, ids, k, overlay.size);
    System.arraycopy(overlay.words, 0, words, 4 * k, 4 * overlay.size);
    segment = sortedSegment(layoutFor(fixedChunks, n), ids, words);
    overlay.clear();
  }

  /**
   * Every live entry within {@code radius} (0..256) of {@code query}, nearest first, ties by id.
   * Radii above {@link #MAX_INDEXED_RADIUS} are answered by a linear scan.
   */
  public List<Match> search(PdqHash query, int radius) {
    Objects.requireNonNull(query, "query");
    if (radius < 0) {
      throw new IllegalArgumentException("radius must be ≥ 0, got " + radius);
    }
    lock.readLock().lock();
    try {
      List<Match> hits = new ArrayList<>();
      if (radius > MAX_INDEXED_RADIUS) {
        scanSegment(query, radius, hits);
      } else {
        probeSegment(query, radius, hits);
      }
      overlay.scan(query, radius, hits);
      hits.sort(Comparator.comparingInt(Match::distance).thenComparingLong(Match::id));
      return hits;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The bucket search, in four passes over small scratch arrays rather than one nested loop: find
   * the non-empty probed buckets, read their bounds, gather their postings, then check distances.
   * Each pass issues independent loads, so the processor overlaps the cache misses that dominate
   * this search instead of waiting for them one after another.
   */
  private void probeSegment(PdqHash query, int radius, List<Match> hits) {
    Segment s = segment;
    ChunkLayout layout = s.layout;
    long[] queryWords = {query.w0(), query.w1(), query.w2(), query.w3()};
    int m = layout.chunks();
    int[] thresholds = layout.thresholds(radius);
    int[] queryChunks = new int[m];
    for (int c = 0; c < m; c++) {
      queryChunks[c] = layout.chunkOf(queryWords, 0, c);
    }
    Scratch scratch = SCRATCH.get();

    // 1. Probed bucket values whose occupancy bit is set (branch-free append); chunk c's buckets
    // end at chunkEnd[c].
    int buckets = 0;
    int[] chunkEnd = new int[m];
    for (int c = 0; c < m; c++) {
      int probes = layout.probeCount(c, thresholds[c]);
      scratch.ensureBuckets(buckets + probes);
      int[] masks = layout.flipMasks(c);
      long[] occupied = s.occupied[c];
      int[] values = scratch.bucketValue;
      int qc = queryChunks[c];
      for (int i = 0; i < probes; i++) {
        int v = qc ^ masks[i];
        values[buckets] = v;
        buckets += (int) (occupied[v >>> 6] >>> v) & 1;
      }
      chunkEnd[c] = buckets;
    }

    // 2. Singleton buckets give their entry at once (one read); the others their bounds.
    int candidates = 0;
    int[] values = scratch.bucketValue;
    int[] starts = scratch.bucketStart;
    int[] ends = scratch.bucketEnd;
    for (int c = 0, k = 0; c < m; c++) {
      int[] head = s.heads == null ? null : s.heads[c];
      for (; k < chunkEnd[c]; k++) {
        int single = head == null ? -1 : head[values[k]];
        starts[k] = single;
        ends[k] = -1;
        candidates++;
      }
    }
    for (int c = 0, k = 0; c < m; c++) {
      int[] off = s.offsets[c];
      for (; k < chunkEnd[c]; k++) {
        if (starts[k] < 0) {
          int v = values[k];
          starts[k] = off[v];
          ends[k] = off[v + 1];
          candidates += ends[k] - starts[k] - 1;
        }
      }
    }

    // 3. Candidate positions, gathered in batches so that a crowd of identical hashes (one huge
    // bucket) cannot make the scratch arrays as large as the index.
    scratch.ensureCandidates(Math.min(candidates, MAX_CANDIDATE_BATCH));
    int[] positions = scratch.candidate;
    int[] foundIn = scratch.candidateChunk;
    int n = 0;
    for (int c = 0, k = 0; c < m; c++) {
      int[] post = s.postings[c];
      for (; k < chunkEnd[c]; k++) {
        if (ends[k] < 0) {
          if (n == positions.length) {
            verify(s, query, radius, queryChunks, thresholds, positions, foundIn, n, hits);
            n = 0;
          }
          positions[n] = starts[k];
          foundIn[n++] = c;
          continue;
        }
        for (int j = starts[k], end = ends[k]; j < end; j++) {
          if (n == positions.length) {
            verify(s, query, radius, queryChunks, thresholds, positions, foundIn, n, hits);
            n = 0;
          }
          positions[n] = post[j];
          foundIn[n++] = c;
        }
      }
    }
    verify(s, query, radius, queryChunks, thresholds, positions, foundIn, n, hits);
  }

  /** 4. Full distances; each hit is reported only from the first chunk that meets its threshold. */
  private static void verify(Segment s, PdqHash query, int radius, int[] queryChunks, int[] thresholds,
      int[] positions, int[] foundIn, int n, List<Match> hits) {
    long[] words = s.words;
    long q0 = query.w0(), q1 = query.w1(), q2 = query.w2(), q3 = query.w3();
    for (int k = 0; k < n; k++) {
      int p = positions[k];
      int b = 4 * p;
      int d = Long.bitCount(words[b] ^ q0) + Long.bitCount(words[b + 1] ^ q1)
          + Long.bitCount(words[b + 2] ^ q2) + Long.bitCount(words[b + 3] ^ q3);
      if (d <= radius && !foundInEarlierChunk(s.layout, words, b, foundIn[k], queryChunks, thresholds) && !s.isDeleted(p)) {
        hits.add(new Match(s.ids[p], new PdqHash(words[b], words[b + 1], words[b + 2], words[b + 3]), d));
      }
    }
  }

  private static final int MAX_CANDIDATE_BATCH = 1 << 16;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** Per-thread work arrays of {@link #probeSegment}, grown as needed and reused. */
  private static final class Scratch {
    int[] bucketValue = new int[4096];
    int[] bucketStart = new int[4096];
    int[] bucketEnd = new int[4096];
    int[] candidate = new int[4096];
    int[] candidateChunk = new int[4096];

    void ensureBuckets(int needed) {
      if (needed > bucketValue.length) {
        int capacity = Math.max(needed, bucketValue.length * 2);
        bucketValue = Arrays.copyOf(bucketValue, capacity);
        bucketStart = Arrays.copyOf(bucketStart, capacity);
        bucketEnd = Arrays.copyOf(bucketEnd, capacity);
      }
    }

    void ensureCandidates(int needed) {
      if (needed > candidate.length) {
        int capacity = Math.max(needed, Math.min(candidate.length * 2, MAX_CANDIDATE_BATCH));
        candidate = new int[capacity];
        candidateChunk = new int[capacity];
      }
    }
  }

  /** Whether an earlier chunk already reported this candidate (its chunk there met the threshold). */
  private static boolean foundInEarlierChunk(ChunkLayout layout, long[] words, int base, int chunk, int[] queryChunks, int[] thresholds) {
    for (int c = 0; c < chunk; c++) {
      if (Integer.bitCount(layout.chunkOf(words, base, c) ^ queryChunks[c]) <= thresholds[c]) {
        return true;
      }
    }
    return false;
  }

  private void scanSegment(PdqHash query, int radius, List<Match> hits) {
    Segment s = segment;
    long[] words = s.words;
    for (int p = 0; p < s.size; p++) {
      int b = 4 * p;
      int d = Long.bitCount(words[b] ^ query.w0()) + Long.bitCount(words[b + 1] ^ query.w1())
          + Long.bitCount(words[b + 2] ^ query.w2()) + Long.bitCount(words[b + 3] ^ query.w3());
      if (d <= radius && !s.isDeleted(p)) {
        hits.add(new Match(s.ids[p], new PdqHash(words[b], words[b + 1], words[b + 2], words[b + 3]), d));
      }
    }
  }

  /** Average probes, non-empty probes and candidates per query, for tuning. */
  String stats(PdqHash[] queries, int radius) {
    long probes = 0, nonEmpty = 0, candidates = 0;
    Segment s = segment;
    ChunkLayout layout = s.layout;
    int m = layout.chunks();
    int[] thresholds = layout.thresholds(radius);
    for (PdqHash query : queries) {
      long[] qw = {query.w0(), query.w1(), query.w2(), query.w3()};
      for (int c = 0; c < m; c++) {
        int qc = layout.chunkOf(qw, 0, c);
        int count = layout.probeCount(c, thresholds[c]);
        probes += count;
        for (int i = 0; i < count; i++) {
          int v = qc ^ layout.flipMasks(c)[i];
          int size = s.offsets[c][v + 1] - s.offsets[c][v];
          nonEmpty += size > 0 ? 1 : 0;
          candidates += size;
        }
      }
    }
    int q = queries.length;
    return "probes " + probes / q + ", non-empty " + nonEmpty / q + ", candidates " + candidates / q;
  }

  /** Chunk layout, for reports. */
  String describeLayout() {
    return segment.layout.toString();
  }

  /** Approximate heap taken by the index's arrays. */
  long estimatedBytes() {
    lock.readLock().lock();
    try {
      return segment.estimatedBytes() + 40L * overlay.ids.length;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Compacts, then writes the index to {@code path} (through a temporary file in the same
   * directory, moved into place, so a crash never leaves a half-written index under that name).
   */
  public void writeTo(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    lock.writeLock().lock();
    try {
      compactLocked();
      IndexFile.write(segment, path);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Reads an index written by {@link #writeTo}. */
  public static PdqIndex readFrom(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    return new PdqIndex(IndexFile.read(path), 0);
  }

  /** Entries added since the last compaction: plain arrays scanned linearly, plus an id map. */
  private static final class Overlay {
    long[] ids = new long[0];
    long[] words = new long[0];
    int size;
    final Map<Long, Integer> positions = new HashMap<>();

    int positionOf(long id) {
      return positions.getOrDefault(id, -1);
    }

    void put(long id, PdqHash hash) {
      int p = positionOf(id);
      if (p < 0) {
        if (size == ids.length) {
          int capacity = Math.max(16, size * 2);
          ids = Arrays.copyOf(ids, capacity);
          words = Arrays.copyOf(words, 4 * capacity);
        }
        p = size++;
        positions.put(id, p);
      }
      ids[p] = id;
      words[4 * p] = hash.w0();
      words[4 * p + 1] = hash.w1();
      words[4 * p + 2] = hash.w2();
      words[4 * p + 3] = hash.w3();
    }

    boolean remove(long id) {
      Integer p = positions.remove(id);
      if (p == null) {
        return false;
      }
      int last = --size;
      if (p != last) {
        ids[p] = ids[last];
        System.arraycopy(words, 4 * last, words, 4 * p, 4);
        positions.put(ids[p], p);
      }
      return true;
    }

    void clear() {
      ids = new long[0];
      words = new long[0];
      size = 0;
      positions.clear();
    }

    void scan(PdqHash query, int radius, List<Match> hits) {
      for (int p = 0; p < size; p++) {
        int b = 4 * p;
        int d = Long.bitCount(words[b] ^ query.w0()) + Long.bitCount(words[b + 1] ^ query.w1())
            + Long.bitCount(words[b + 2] ^ query.w2()) + Long.bitCount(words[b + 3] ^ query.w3());
        if (d <= radius) {
          hits.add(new Match(ids[p], new PdqHash(words[b], words[b + 1], words[b + 2], words[b + 3]), d));
        }
      }
    }
  }
}
