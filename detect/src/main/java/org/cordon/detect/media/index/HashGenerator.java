package org.cordon.detect.media.index;

import java.util.SplittableRandom;
import org.cordon.detect.media.pdq.PdqHash;

/**
 * Synthetic PDQ hashes for tests and the benchmark, since real image sets are not available here.
 *
 * <p>{@link #uniform} draws every bit independently. {@link #realistic} imitates what hashes of
 * real images look like to an index: bits near balanced but correlated, because images share
 * structure (a hash is a per-bit blend of two of a few thousand "prototype" hashes, then a quarter
 * of its bits are re-drawn), so chunk values repeat far more often than under uniform bits and
 * buckets are uneven.
 */
final class HashGenerator {
  private static final int PROTOTYPES = 4096;

  private final SplittableRandom random;
  private final PdqHash[] prototypes = new PdqHash[PROTOTYPES];

  HashGenerator(long seed) {
    random = new SplittableRandom(seed);
    for (int i = 0; i < PROTOTYPES; i++) {
      prototypes[i] = uniform();
    }
  }

  PdqHash uniform() {
    return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
  }

  PdqHash realistic() {
    PdqHash a = prototypes[random.nextInt(PROTOTYPES)];
    PdqHash b = prototypes[random.nextInt(PROTOTYPES)];
    long[] blended = new long[4];
    long[] wa = {a.w0(), a.w1(), a.w2(), a.w3()};
    long[] wb = {b.w0(), b.w1(), b.w2(), b.w3()};
    for (int i = 0; i < 4; i++) {
      long pick = random.nextLong();
      long redraw = random.nextLong() & random.nextLong();
      blended[i] = ((wa[i] & pick) | (wb[i] & ~pick)) & ~redraw | (random.nextLong() & redraw);
    }
    return new PdqHash(blended[0], blended[1], blended[2], blended[3]);
  }

  /** {@code base} with exactly {@code flips} distinct bits inverted. */
  PdqHash flip(PdqHash base, int flips) {
    long[] w = {base.w0(), base.w1(), base.w2(), base.w3()};
    long[] mask = new long[4];
    int done = 0;
    while (done < flips) {
      int bit = random.nextInt(256);
      long m = 1L << (bit & 63);
      if ((mask[bit >>> 6] & m) == 0) {
        mask[bit >>> 6] |= m;
        done++;
      }
    }
    return new PdqHash(w[0] ^ mask[0], w[1] ^ mask[1], w[2] ^ mask[2], w[3] ^ mask[3]);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  int nextInt(int origin, int bound) {
    return random.nextInt(origin, bound);
  }
}
