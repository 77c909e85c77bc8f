package org.cordon.range.world;

import java.util.SplittableRandom;

/** Derives an independent random stream per component and key, so order of use never matters. */
final class Seeds {
  private Seeds() {}

  static long mix(long seed, long salt) {
    long z = seed + 0x9E3779B97F4A7C15L * (salt + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static SplittableRandom random(long seed, long component, long key) {
    return new SplittableRandom(mix(mix(seed, component), key));
  }

  static SplittableRandom random(long seed, long component, long key, long subKey) {
    return new SplittableRandom(mix(mix(mix(seed, component), key), subKey));
  }

  static double exponential(SplittableRandom random, double mean) {
    return -Math.log(1 - random.nextDouble()) * mean;
  }

  static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  static int poisson(SplittableRandom random, double mean) {
    if (mean > 30) {
      return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gaussian(random)));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
