package org.cordon.detect.media.decode;

import java.util.Optional;

/**
 * Cheap structural checks that a file was not cut short. Some decoders fill the missing part of a
 * truncated file with grey and only warn, and a half-grey image would hash as a different image.
 */
final class Completeness {
  private Completeness() {}

  /** Why the bytes look truncated, or empty when they look whole. */
  static Optional<String> truncation(ImageFormat format, byte[] bytes) {
    return switch (format) {
      case JPEG -> lastIndexOf(bytes, 0xFF, 0xD9) < 2
          ? Optional.of("truncated JPEG: no end-of-image marker (FF D9)")
          : Optional.empty();
      case PNG -> lastIndexOf(bytes, 'I', 'E', 'N', 'D') < 0
          ? Optional.of("truncated PNG: no IEND chunk")
          : Optional.empty();
      case GIF -> lastNonZeroByte(bytes) != 0x3B
          ? Optional.of("truncated GIF: it does not end with the trailer byte 0x3B")
          : Optional.empty();
      case WEBP -> webp(bytes);
      case BMP -> bmp(bytes);
    };
  }

  /** The RIFF header states the file's length. */
  private static Optional<String> webp(byte[] bytes) {
    if (bytes.length < 12) {
      return Optional.of("truncated WebP: shorter than its RIFF header");
    }
    long declared = littleEndianInt(bytes, 4) + 8L;
    return declared > bytes.length
        ? Optional.of("truncated WebP: RIFF header declares " + declared + " bytes, file has " + bytes.length)
        : Optional.empty();
  }

  /** The header states where the pixels start; writers may leave the file-size field 0. */
  private static Optional<String> bmp(byte[] bytes) {
    long declaredSize = littleEndianInt(bytes, 2);
    long pixelOffset = littleEndianInt(bytes, 10);
    if (pixelOffset >= bytes.length) {
      return Optional.of("truncated BMP: pixel data would start at " + pixelOffset + ", file has " + bytes.length + " bytes");
    }
    if (declaredSize > bytes.length) {
      return Optional.of("truncated BMP: header declares " + declaredSize + " bytes, file has " + bytes.length);
    }
    return Optional.empty();
  }

  private static long littleEndianInt(byte[] bytes, int offset) {
    return (bytes[offset] & 0xFFL)
        | (bytes[offset + 1] & 0xFFL) << 8
        | (bytes[offset + 2] & 0xFFL) << 16
        | (bytes[offset + 3] & 0xFFL) << 24;
  }

  private static int lastNonZeroByte(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] != 0) {
        return bytes[i] & 0xFF;
      }
    }
    return -1;
  }

  private static int lastIndexOf(byte[] bytes, int... pattern) {
    outer:
    for (int i = bytes.length - pattern.length; i >= 0; i--) {
      for (int k = 0; k < pattern.length; k++) {
        if ((bytes[i + k] & 0xFF) != pattern[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
