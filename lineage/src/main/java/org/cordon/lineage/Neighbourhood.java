package org.cordon.lineage;

import java.util.Collection;
import org.cordon.core.model.AccountKey;

/**
 * The accounts a suspended account followed or mentioned, as a Bloom filter (about ten bits per
 * account, under 1 % false positives): a check only asks "was this one in it?", and a million
 * suspended accounts with hundreds of follows each must not cost gigabytes.
 */
final class Neighbourhood {
  /** Beyond this many accounts a neighbourhood is cut: the first follows say the most. */
  static final int MAX_MEMBERS = 2_048;
  private static final int HASHES = 6;
  static final long[] EMPTY = new long[0];

  private Neighbourhood() {}

  static long fingerprint(AccountKey key) {
    return Names.hash(21, key.platform().name() + '\u0000' + key.id());
  }

  static long[] filter(Collection<AccountKey> members) {
    int n = Math.min(members.size(), MAX_MEMBERS);
    if (n == 0) {
      return EMPTY;
    }
    int words = Math.max(1, (n * 10 + 63) / 64);
    long[] bits = new long[words];
    int added = 0;
    for (AccountKey member : members) {
      if (added++ == n) {
        break;
      }
      long h = fingerprint(member);
      int h1 = (int) h;
      int h2 = (int) (h >>> 32) | 1;
      int size = words * 64;
      for (int k = 0; k < HASHES; k++) {
        int bit = Math.floorMod(h1 + k * h2, size);
        bits[bit >>> 6] |= 1L << bit;
      }
    }
    return bits;
  }

  static boolean mayContain(long[] bits, long fingerprint) {
    if (bits.length == 0) {
      return false;
    }
    int h1 = (int) fingerprint;
    int h2 = (int) (fingerprint >>> 32) | 1;
    int size = bits.length * 64;
    for (int k = 0; k < HASHES; k++) {
      int bit = Math.floorMod(h1 + k * h2, size);
      if ((bits[bit >>> 6] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }
}
