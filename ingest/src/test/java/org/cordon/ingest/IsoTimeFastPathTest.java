package org.cordon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimeFastPathTest {
  private static final long SEED = 20261123L;

  @Test
  void readsTheCommonUtcFormWithAndWithoutFractions() {
    assertThat(Fields.utcFastPath("2014-09-01T00:00:04.934Z")).isEqualTo(Instant.parse("2014-09-01T00:00:04.934Z"));
    assertThat(Fields.utcFastPath("2014-09-01T23:59:59Z")).isEqualTo(Instant.parse("2014-09-01T23:59:59Z"));
    assertThat(Fields.utcFastPath("2014-09-01T00:00:00.123456789Z")).isEqualTo(Instant.parse("2014-09-01T00:00:00.123456789Z"));
  }

  @Test
  void leavesOffsetsAndOddWidthsToTheGeneralParser() {
    for (String other : List.of("2014-09-01T00:00:00+01:00", "2014-09-01T00:00Z", "2014-09-01T00:00:00.Z", "2014-09-01T00:00:00.1234567890Z",
        "+12014-09-01T00:00:00Z", "2014-09-01t00:00:00Z", "2014-09-01T00:00:00z", "２014-09-01T00:00:00Z")) {
      assertThat(Fields.utcFastPath(other)).as(other).isNull();
    }
  }

  @Test
  void agreesWithTheGeneralParserOnMutatedTimes() {
    Random random = new Random(SEED);
    String alphabet = "0123456789-:.TZz+ ٣";
    for (int i = 0; i < 50_000; i++) {
      char[] chars = String.format("%04d-%02d-%02dT%02d:%02d:%02d.%09dZ", random.nextInt(10_000), random.nextInt(14), random.nextInt(33),
          random.nextInt(26), random.nextInt(61), random.nextInt(62), random.nextInt(1_000_000_000)).toCharArray();
      String text = new String(chars);
      if (random.nextBoolean()) {
        text = text.substring(0, 19 + random.nextInt(11)) + "Z";
      }
      if (random.nextInt(4) == 0) {
        char[] mutated = text.toCharArray();
        mutated[random.nextInt(mutated.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
        text = new String(mutated);
      }
      assertThat(viaFields(text)).as("seed %d, text %s", SEED, text).isEqualTo(viaGeneralParser(text));
    }
  }

  private static Optional<Instant> viaFields(String text) {
    try {
      return Optional.of(Fields.parseIso("time", text));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> viaGeneralParser(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
