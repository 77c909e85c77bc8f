package org.cordon.detect.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PdqHashTest {
  private static final String BRIDGE = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

  @Test
  void hexRoundTripsInLowercase() {
    assertThat(PdqHash.fromHex(BRIDGE).toHex()).isEqualTo(BRIDGE);
    assertThat(PdqHash.fromHex(BRIDGE.toUpperCase(java.util.Locale.ROOT)).toHex()).isEqualTo(BRIDGE);
  }

  @Test
  void lastHexDigitHoldsTheFirstCoefficientsOfRowZero() {
    PdqHash hash = PdqHash.fromHex("0".repeat(63) + "1");

    assertThat(hash.bit(0)).isTrue();
    assertThat(hash.word16(0)).isEqualTo(1);
    assertThat(PdqHash.fromHex("8" + "0".repeat(63)).bit(255)).isTrue();
    assertThat(PdqHash.fromHex("abcd" + "0".repeat(60)).word16(15)).isEqualTo(0xabcd);
  }

  @Test
  void rejectsWrongLengthWithTheLengthInTheMessage() {
    assertThatThrownBy(() -> PdqHash.fromHex(BRIDGE.substring(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 hex digits")
        .hasMessageContaining("got 63");
  }

  @Test
  void rejectsNonHexCharacterNamingItsPosition() {
    assertThatThrownBy(() -> PdqHash.fromHex("g" + BRIDGE.substring(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("character 0");
    assertThatThrownBy(() -> PdqHash.fromHex("+" + BRIDGE.substring(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void distanceCountsDifferingBitsAndIsSymmetric() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      PdqHash a = new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
      PdqHash b = new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
      int expected = 0;
      for (int k = 0; k < 256; k++) {
        expected += a.bit(k) != b.bit(k) ? 1 : 0;
      }
      assertThat(a.distance(b)).as("seed %d", seed).isEqualTo(expected).isEqualTo(b.distance(a));
      assertThat(PdqHash.fromHex(a.toHex())).as("seed %d", seed).isEqualTo(a);
    }
  }
}
