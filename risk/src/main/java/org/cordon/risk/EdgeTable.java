package org.cordon.risk;

import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Directed edges between tracked accounts, one map entry per ordered pair (about 16 bytes), the
 * kinds of contact packed into the value: a follow bit and saturating counts of mentions, replies,
 * quotes and reposts (forwards count as reposts: both pass the material on unchanged).
 */
final class EdgeTable {
  enum Kind {
    FOLLOW(0, 1),
    MENTION(1, 7),
    REPLY(8, 7),
    QUOTE(15, 7),
    REPOST(22, 9);

    final int shift;
    final int mask;

    Kind(int shift, int bits) {
      this.shift = shift;
      this.mask = (1 << bits) - 1;
    }

    int count(int packed) {
      return (packed >>> shift) & mask;
    }
  }

  /** Why each kind weighs what it does: passing material on says most, a reply least. */
  static final double FOLLOW_WEIGHT = 1.0;
  static final double REPOST_WEIGHT = 2.0;
  static final double QUOTE_WEIGHT = 0.5;
  static final double MENTION_WEIGHT = 0.5;
  static final double REPLY_WEIGHT = 0.25;

  interface EdgeVisitor {
    void visit(int from, int to, int packed);
  }

  private final Long2IntOpenHashMap edges;

  EdgeTable(int expected) {
    edges = new Long2IntOpenHashMap(expected);
  }

  /** Records one contact; returns the count of that kind before it (0: a new edge of this kind). */
  int add(int from, int to, Kind kind) {
    long key = ((long) from << 32) | (to & 0xffffffffL);
    int packed = edges.get(key);
    int before = kind.count(packed);
    if (before < kind.mask) {
      edges.put(key, packed + (1 << kind.shift));
    }
    return before;
  }

  int size() {
    return edges.size();
  }

  void forEach(EdgeVisitor visitor) {
    var iterator = edges.long2IntEntrySet().fastIterator();
    while (iterator.hasNext()) {
      Long2IntMap.Entry e = iterator.next();
      long key = e.getLongKey();
      visitor.visit((int) (key >>> 32), (int) key, e.getIntValue());
    }
  }

  /** Repeated contact counts with diminishing returns (log1p); counts are small, so a table serves. */
  private static final double[] LOG1P = new double[Kind.REPOST.mask + 1];

  static {
    for (int i = 0; i < LOG1P.length; i++) {
      LOG1P[i] = Math.log1p(i);
    }
  }

  static double weight(int packed) {
    return FOLLOW_WEIGHT * Kind.FOLLOW.count(packed)
        + REPOST_WEIGHT * LOG1P[Kind.REPOST.count(packed)]
        + QUOTE_WEIGHT * LOG1P[Kind.QUOTE.count(packed)]
        + MENTION_WEIGHT * LOG1P[Kind.MENTION.count(packed)]
        + REPLY_WEIGHT * LOG1P[Kind.REPLY.count(packed)];
  }
}
