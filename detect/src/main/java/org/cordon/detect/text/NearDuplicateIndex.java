package org.cordon.detect.text;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds known texts that a new text nearly repeats, without comparing it with every known text:
 * MinHash signatures of {@value #HASHES} values cut into {@value #BANDS} bands of {@value #ROWS}
 * (locality-sensitive hashing: two texts of Jaccard similarity s share a band with probability
 * 1 − (1 − s⁴)³², 0.99 at s = 0.6, 0.87 at s = 0.5, 0.05 at s = 0.2), then every candidate checked exactly. Two
 * scores are reported: Jaccard similarity (a re-post with edits) and containment, the share of the
 * new text's shingles found in the known one (a fragment of a long statement, or one of the posts a
 * statement was split into). Containment needs a new text of at least {@value #MIN_CONTAINMENT_SHINGLES}
 * shingles, since a few words are contained in many texts.
 *
 * @param <T> what each known text stands for (a list entry)
 */
final class NearDuplicateIndex<T> {
  static final int HASHES = 128;
  static final int BANDS = 32;
  static final int ROWS = HASHES / BANDS;
  static final int MIN_CONTAINMENT_SHINGLES = 24;

  private static final long[] SEEDS = new long[HASHES];

  static {
    long s = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      s += 0x9E3779B97F4A7C15L;
      SEEDS[i] = Shingles.mix(s);
    }
  }

  private final List<T> values = new ArrayList<>();
  private final List<long[]> shingles = new ArrayList<>();
  private final List<Long2ObjectOpenHashMap<List<Integer>>> bands = new ArrayList<>();
  /**
   * Shingle → known texts containing it. A fragment (a third of a statement, one of the posts it
   * was split into) has a low Jaccard similarity, so MinHash bands rarely bring it up; counting its
   * shingles in these postings finds every known text that contains most of it. Keyed by the
   * primitive hash: every shingle of every post is looked up here, and boxing each one showed in
   * the triage profile.
   */
  private final Long2ObjectOpenHashMap<List<Integer>> postings = new Long2ObjectOpenHashMap<>();
  /**
   * One bit per slice of the shingle space, set where a known shingle falls: most shingles of most
   * posts are in no known text, and a clear bit says so without a probe of {@link #postings}.
   */
  private final long[] knownBits = new long[1 << (KNOWN_BITS_LOG2 - 6)];

  private static final int KNOWN_BITS_LOG2 = 20;

  NearDuplicateIndex() {
    for (int b = 0; b < BANDS; b++) {
      bands.add(new Long2ObjectOpenHashMap<>());
    }
  }

  void add(String text, T value) {
    long[] s = Shingles.of(text);
    int id = values.size();
    values.add(value);
    shingles.add(s);
    long[] signature = signature(s);
    for (int b = 0; b < BANDS; b++) {
      bands.get(b).computeIfAbsent(bandKey(signature, b), (long k) -> new ArrayList<>()).add(id);
    }
    for (long shingle : s) {
      postings.computeIfAbsent(shingle, (long k) -> new ArrayList<>(2)).add(id);
      int bit = knownBit(shingle);
      knownBits[bit >>> 6] |= 1L << bit;
    }
  }

  int size() {
    return values.size();
  }

  /** A known text the query nearly repeats. */
  record Match<T>(T value, double jaccard, double containment) {
    double score() {
      return Math.max(jaccard, containment);
    }
  }

  /** Known texts scoring at least {@code threshold} against {@code text}, best first. */
  List<Match<T>> search(String text, double threshold) {
    long[] query = Shingles.of(text);
    if (query.length == 0) {
      return List.of();
    }
    // Exact shortcut for the common case, a text that repeats nothing: both scores are at most the
    // share of its shingles found in any known text, so below the threshold no known text can
    // match, and the MinHash signature (128 hashes per shingle, most of the cost) is not needed.
    int inAnyKnownText = 0;
    for (long shingle : query) {
      int bit = knownBit(shingle);
      if ((knownBits[bit >>> 6] & 1L << bit) != 0 && postings.containsKey(shingle)) {
        inAnyKnownText++;
      }
    }
    if (inAnyKnownText < threshold * query.length) {
      return List.of();
    }
    long[] signature = signature(query);
    Set<Integer> candidates = new LinkedHashSet<>();
    for (int b = 0; b < BANDS; b++) {
      List<Integer> ids = bands.get(b).get(bandKey(signature, b));
      if (ids != null) {
        candidates.addAll(ids);
      }
    }
    if (query.length >= MIN_CONTAINMENT_SHINGLES) {
      Map<Integer, Integer> hits = new HashMap<>();
      for (long shingle : query) {
        List<Integer> ids = postings.get(shingle);
        if (ids != null) {
          for (int id : ids) {
            hits.merge(id, 1, Integer::sum);
          }
        }
      }
      hits.forEach((id, n) -> {
        if (n >= threshold * query.length) {
          candidates.add(id);
        }
      });
    }
    List<Match<T>> matches = new ArrayList<>();
    for (int id : candidates) {
      long[] known = shingles.get(id);
      int common = Shingles.intersection(query, known);
      double jaccard = (double) common / (query.length + known.length - common);
      double containment = query.length >= MIN_CONTAINMENT_SHINGLES ? (double) common / query.length : 0;
      Match<T> m = new Match<>(values.get(id), jaccard, containment);
      if (m.score() >= threshold) {
        matches.add(m);
      }
    }
    matches.sort((a, b) -> Double.compare(b.score(), a.score()));
    return matches;
  }

  /** Shingles are mixed hashes already, so their top bits pick the slice. */
  private static int knownBit(long shingle) {
    return (int) (shingle >>> (64 - KNOWN_BITS_LOG2));
  }

  static long[] signature(long[] shingles) {
    long[] signature = new long[HASHES];
    java.util.Arrays.fill(signature, Long.MAX_VALUE);
    for (long s : shingles) {
      for (int i = 0; i < HASHES; i++) {
        long h = Shingles.mix(s ^ SEEDS[i]);
        if (h < signature[i]) {
          signature[i] = h;
        }
      }
    }
    return signature;
  }

  private static long bandKey(long[] signature, int band) {
    long h = band;
    for (int r = 0; r < ROWS; r++) {
      h = Shingles.mix(h * 31 + signature[band * ROWS + r]);
    }
    return h;
  }
}
