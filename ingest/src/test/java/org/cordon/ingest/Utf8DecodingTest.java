package org.cordon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8DecodingTest {
  /** The strict decoder alone, as records were decoded before the fast path: the reference. */
  private static Optional<String> strict(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> decoded(byte[] bytes) {
    try {
      return Optional.of(JsonRecords.decodeUtf8(bytes));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  @Test
  void acceptsAndRejectsExactlyWhatTheStrictDecoderDoesOnHostileBytes() {
    // bytes drawn from the troublesome ranges: ASCII, continuation bytes, lead bytes of every
    // length, overlong and surrogate encodings, bytes UTF-8 never uses, and a genuine U+FFFD
    byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "\u00e9".getBytes(StandardCharsets.UTF_8),
        "\u0646\u0648\u0631".getBytes(StandardCharsets.UTF_8), "\ud83d\ude00".getBytes(StandardCharsets.UTF_8),
        "\ufffd".getBytes(StandardCharsets.UTF_8), "\u200b\u202e".getBytes(StandardCharsets.UTF_8),
        {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC3}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF5}, {(byte) 0xFE}, {(byte) 0xFF}, {0}};
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int rejected = 0;
    for (int round = 0; round < 20_000; round++) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      for (int p = random.nextInt(6); p >= 0; p--) {
        out.writeBytes(pieces[random.nextInt(pieces.length)]);
      }
      byte[] bytes = out.toByteArray();
      Optional<String> expected = strict(bytes);
      rejected += expected.isEmpty() ? 1 : 0;
      assertThat(decoded(bytes)).as("seed %d, bytes %s", seed, java.util.HexFormat.of().formatHex(bytes)).isEqualTo(expected);
      if (expected.isEmpty()) {
        assertThat(Utf8.check(bytes)).as("seed %d, bytes %s", seed, java.util.HexFormat.of().formatHex(bytes)).isEqualTo(Utf8.INVALID);
      }
    }
    assertThat(rejected).isBetween(1, 19_999);
  }

  @Test
  void theFastCheckPassesOnlyPlainValidBytesAndNotesEscapedSurrogates() {
    assertThat(Utf8.check("{\"a\":\"lorem \u0646\u0648\u0631 \ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Utf8.VALID_WITHOUT_SURROGATE_ESCAPES);
    assertThat(Utf8.check("{\"a\":\"\\uD83D\\uDE00\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Utf8.VALID);
    assertThat(Utf8.check("{\"a\":\"\\udc00\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Utf8.VALID);
    assertThat(Utf8.check("{\"a\":\"\\u00e9\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Utf8.VALID_WITHOUT_SURROGATE_ESCAPES);
    // a byte order mark or a control character sends the record the String way
    assertThat(Utf8.check("\ufeff{}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Utf8.INVALID);
    assertThat(Utf8.check("{\"a\":\"\u0001\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Utf8.INVALID);
    assertThat(Utf8.check("{\"a\":1}\t\r\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(Utf8.VALID_WITHOUT_SURROGATE_ESCAPES);
    // a cut sequence at the very end
    assertThat(Utf8.check(new byte[] {'a', (byte) 0xE2, (byte) 0x82})).isEqualTo(Utf8.INVALID);
  }

  @Test
  void keepsAGenuineReplacementCharacter() throws CharacterCodingException {
    assertThat(JsonRecords.decodeUtf8("a\ufffdb".getBytes(StandardCharsets.UTF_8))).isEqualTo("a\ufffdb");
  }
}
