package org.cordon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.cordon.core.ingest.Connector;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.Rejection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random damage to every sample (flipped, inserted and dropped bytes, cut files): a
 * connector may reject anything, but it never throws, and it reports records in input order with
 * bounded excerpts. The seed is in the test name and in every failure message.
 */
class MutatedSamplesTest {
  private static final int ROUNDS = Integer.getInteger("cordon.rounds", 150);
  private static final byte[] STRUCTURE = "{}[]\",:\\\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  static Stream<Arguments> samples() {
    long base = Long.getLong("cordon.seed", 20_261_123L);
    return Stream.of(
            Arguments.of("x-v2", "x-v2/response-pretty.json"),
            Arguments.of("x-v2", "x-v2/responses.jsonl"),
            Arguments.of("x-v1", "x-v1/stream.jsonl"),
            Arguments.of("telegram-export", "telegram-export/channel.json"),
            Arguments.of("telegram-export", "telegram-export/full-export.json"),
            Arguments.of("mastodon", "mastodon/statuses.json"),
            Arguments.of("activitystreams", "activitystreams/outbox.json"),
            Arguments.of("cordon-jsonl", "cordon-jsonl/all-kinds.jsonl"))
        .map(a -> Arguments.of(a.get()[0], a.get()[1], base + a.get()[1].hashCode()));
  }

  @ParameterizedTest(name = "{1} seed {2}")
  @MethodSource("samples")
  void damagedSamplesAreRejectedRecordByRecordNeverThrown(String format, String sample, long seed) throws IOException {
    byte[] original;
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/samples/" + sample))) {
      original = in.readAllBytes();
    }
    Connector connector = Connectors.forFormat(format, 64 * 1024);
    Random random = new Random(seed);
    for (int round = 0; round < ROUNDS; round++) {
      byte[] damaged = damage(original, random);
      String context = sample + " seed " + seed + " round " + round;
      RecordingSink sink = new RecordingSink();
      assertThatCode(() -> connector.read(sample, new java.io.ByteArrayInputStream(damaged), sink)).as(context)
          .doesNotThrowAnyException();
      long previous = 0;
      for (Object event : sink.events) {
        long index = event instanceof ParsedRecord r ? r.position().record() : ((Rejection) event).position().record();
        assertThat(index).as(context + ": records in input order").isGreaterThanOrEqualTo(previous);
        previous = index;
        if (event instanceof Rejection rejection) {
          assertThat(rejection.excerpt().length).as(context).isLessThanOrEqualTo(Rejection.MAX_EXCERPT);
          assertThat(rejection.detail()).as(context + ": a foreseen rejection, not a connector fault")
              .doesNotContain("the connector could not read");
        }
      }
    }
  }

  private static byte[] damage(byte[] original, Random random) {
    byte[] bytes = original.clone();
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      switch (random.nextInt(4)) {
        case 0 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        case 1 -> {
          int at = random.nextInt(bytes.length);
          byte[] longer = new byte[bytes.length + 1];
          System.arraycopy(bytes, 0, longer, 0, at);
          longer[at] = STRUCTURE[random.nextInt(STRUCTURE.length)];
          System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
          bytes = longer;
        }
        case 2 -> {
          int at = random.nextInt(bytes.length);
          byte[] shorter = new byte[bytes.length - 1];
          System.arraycopy(bytes, 0, shorter, 0, at);
          System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
          bytes = shorter;
        }
        default -> bytes = Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length));
      }
    }
    return bytes;
  }
}
