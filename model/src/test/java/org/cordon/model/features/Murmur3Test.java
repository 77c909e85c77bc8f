package org.cordon.model.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Murmur3Test {
  @Test
  void finishingTheStateAfterTheWholePairsGivesTheHashOfTheRange() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int round = 0; round < 5000; round++) {
      char[] chars = new char[1 + random.nextInt(12)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) (random.nextBoolean() ? 'a' + random.nextInt(26) : random.nextInt(0x10000));
      }
      int start = random.nextInt(chars.length);
      int end = start + random.nextInt(chars.length - start + 1);
      int hashSeed = random.nextInt();
      int h = hashSeed;
      for (int i = start; i + 1 < end; i += 2) {
        h = Murmur3.step(h, chars[i], chars[i + 1]);
      }
      assertThat(Murmur3.finish(h, chars, end, end - start)).as("seed %d", seed).isEqualTo(Murmur3.hash(chars, start, end, hashSeed));
    }
  }
}
