package org.cordon.detect.text;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds known texts that a new text nearly repeats, without comparing it with every known text.
 * Two scores are reported: Jaccard similarity (a re-post with edits) and containment, the share of
 * the new text's shingles found in the known one (a fragment of a long statement, or one of the
 * posts a statement was split into). Containment needs a new text of at least
 * {@value #MIN_CONTAINMENT_SHINGLES} shingles, since a few words are contained in many texts.
 *
 * <p>Both scores are at least {@code threshold} only if the two texts share at least
 * {@code threshold × |query|} shingles (Jaccard's union is no smaller than the query). So counting,
 * for each known text, the query's shingles in its postings finds exactly the known texts that can
 * score, and the count is their intersection: the search is exact, with no MinHash signature and
 * no false negatives. An earlier version used MinHash bands (128 hashes per shingle) for the
 * Jaccard candidates; it missed a near-repeat now and then and was a tenth of the triage workers'
 * detector time.
 *
 * @param <T> what each known text stands for (a list entry)
 */
final class NearDuplicateIndex<T> {
  static final int MIN_CONTAINMENT_SHINGLES = 24;

  private final List<T> values = new ArrayList<>();
  /** Each known text's number of distinct shingles, by id. */
  private final IntArrayList sizes = new IntArrayList();
  /**
   * Shingle → known texts containing it (each id once, in id order). Keyed by the primitive hash:
   * every shingle of every post is looked up here, and boxing each one showed in the triage profile.
   */
  private final Long2ObjectOpenHashMap<IntArrayList> postings = new Long2ObjectOpenHashMap<>();
  /**
   * One bit per slice of the shingle space, set where a known shingle falls: most shingles of most
   * posts are in no known text, and a clear bit says so without a probe of {@link #postings}.
   */
  private final long[] knownBits = new long[1 << (KNOWN_BITS_LOG2 - 6)];

  private static final int KNOWN_BITS_LOG2 = 20;

  void add(String text, T value) {
    long[] s = Shingles.of(text);
    int id = values.size();
    values.add(value);
    sizes.add(s.length);
    for (long shingle : s) {
      postings.computeIfAbsent(shingle, (long k) -> new IntArrayList(2)).add(id);
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

  /** Known texts scoring at least {@code threshold} against {@code text}, best first (then in the order they were added). */
  List<Match<T>> search(String text, double threshold) {
    long[] query = Shingles.of(text);
    if (query.length == 0) {
      return List.of();
    }
    // Shingles shared with a known text: at least one, and at least threshold × |query| to score.
    int needed = Math.max(1, (int) Math.ceil(threshold * query.length - 1e-9));
    // The common case is a text that repeats nothing: most of its shingles are in no known text,
    // and when fewer than `needed` are in any, no known text can score and nothing is counted.
    // the postings of the query's shingles that are in some known text, each looked up once
    IntArrayList[] found = null;
    int inAnyKnownText = 0;
    for (long shingle : query) {
      int bit = knownBit(shingle);
      if ((knownBits[bit >>> 6] & 1L << bit) != 0) {
        IntArrayList ids = postings.get(shingle);
        if (ids != null) {
          if (found == null) {
            found = new IntArrayList[query.length];
          }
          found[inAnyKnownText++] = ids;
        }
      }
    }
    if (inAnyKnownText < needed) {
      return List.of();
    }
    Int2IntOpenHashMap common = new Int2IntOpenHashMap();
    for (int s = 0; s < inAnyKnownText; s++) {
      IntArrayList ids = found[s];
      for (int i = 0; i < ids.size(); i++) {
        common.addTo(ids.getInt(i), 1);
      }
    }
    int[] candidates = common.int2IntEntrySet().stream().filter(e -> e.getIntValue() >= needed).mapToInt(e -> e.getIntKey()).sorted().toArray();
    List<Match<T>> matches = new ArrayList<>();
    for (int id : candidates) {
      int shared = common.get(id);
      double jaccard = (double) shared / (query.length + sizes.getInt(id) - shared);
      double containment = query.length >= MIN_CONTAINMENT_SHINGLES ? (double) shared / query.length : 0;
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
}
