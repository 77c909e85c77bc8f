package org.cordon.detect.media.pdq;

import java.util.Objects;

/**
 * A 256-bit PDQ hash. Bit {@code k = 16·i + j} is set when DCT coefficient {@code B[i][j]} is above
 * the median; {@code w0} holds bits 0..63 (rows 0..3 of the block), {@code w3} bits 192..255.
 *
 * <p>The text form is Meta's: 64 lowercase hex digits, the 256-bit number written big-endian, so
 * the first four digits are row 15 and the last four are row 0.
 */
public record PdqHash(long w0, long w1, long w2, long w3) {
  /** Number of hex digits in the text form. */
  public static final int HEX_LENGTH = 64;

  /** Parses the 64-hex-digit form; upper-case digits are accepted, anything else is refused. */
  public static PdqHash fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != HEX_LENGTH) {
      throw new IllegalArgumentException(
          "a PDQ hash is " + HEX_LENGTH + " hex digits, got " + hex.length() + " characters: '" + abbreviate(hex) + "'");
    }
    for (int i = 0; i < HEX_LENGTH; i++) {
      if (Character.digit(hex.charAt(i), 16) < 0) {
        throw new IllegalArgumentException(
            "a PDQ hash is hex digits only; character " + i + " of '" + abbreviate(hex) + "' is not one");
      }
    }
    return new PdqHash(
        Long.parseUnsignedLong(hex.substring(48, 64), 16),
        Long.parseUnsignedLong(hex.substring(32, 48), 16),
        Long.parseUnsignedLong(hex.substring(16, 32), 16),
        Long.parseUnsignedLong(hex.substring(0, 16), 16));
  }

  /** Builds a hash from its 256 bits, bit k at {@code bits[k]}. */
  static PdqHash fromBits(boolean[] bits) {
    long[] words = new long[4];
    for (int k = 0; k < 256; k++) {
      if (bits[k]) {
        words[k >>> 6] |= 1L << (k & 63);
      }
    }
    return new PdqHash(words[0], words[1], words[2], words[3]);
  }

  /** Whether bit {@code k} (0..255) is set. */
  public boolean bit(int k) {
    Objects.checkIndex(k, 256);
    long word = switch (k >>> 6) {
      case 0 -> w0;
      case 1 -> w1;
      case 2 -> w2;
      default -> w3;
    };
    return (word >>> (k & 63) & 1L) != 0;
  }

  /** The 16-bit word of block row {@code row} (0..15): the slot a multi-index uses. */
  public int word16(int row) {
    Objects.checkIndex(row, 16);
    long word = switch (row >>> 2) {
      case 0 -> w0;
      case 1 -> w1;
      case 2 -> w2;
      default -> w3;
    };
    return (int) (word >>> ((row & 3) * 16)) & 0xffff;
  }

  public String toHex() {
    return hex16(w3) + hex16(w2) + hex16(w1) + hex16(w0);
  }

  /** Hamming distance, 0..256. */
  public int distance(PdqHash other) {
    return Long.bitCount(w0 ^ other.w0)
        + Long.bitCount(w1 ^ other.w1)
        + Long.bitCount(w2 ^ other.w2)
        + Long.bitCount(w3 ^ other.w3);
  }

  @Override
  public String toString() {
    return toHex();
  }

  private static String hex16(long word) {
    String digits = Long.toHexString(word);
    return "0".repeat(16 - digits.length()) + digits;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
