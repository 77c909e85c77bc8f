package org.cordon.detect.media.decode;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The image formats the decoder accepts, recognised by their leading bytes. */
enum ImageFormat {
  JPEG("jpeg", Set.of("jpg", "jpeg", "jpe", "jfif", "image/jpeg", "image/jpg", "image/pjpeg")),
  PNG("png", Set.of("png", "image/png", "image/x-png")),
  GIF("gif", Set.of("gif", "image/gif")),
  WEBP("webp", Set.of("webp", "image/webp")),
  BMP("bmp", Set.of("bmp", "dib", "image/bmp", "image/x-ms-bmp", "image/x-bmp"));

  private final String formatName;
  private final Set<String> claims;

  ImageFormat(String formatName, Set<String> claims) {
    this.formatName = formatName;
    this.claims = claims;
  }

  /** The ImageIO format name, also what {@link DecodeResult.Decoded#format()} reports. */
  String formatName() {
    return formatName;
  }

  /** The format the bytes really are, from their magic number. */
  static Optional<ImageFormat> sniff(byte[] bytes) {
    if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return Optional.of(GIF);
    }
    if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of(WEBP);
    }
    if (startsWith(bytes, 0, 'B', 'M') && bytes.length >= 26) {
      return Optional.of(BMP);
    }
    return Optional.empty();
  }

  /**
   * The image format a declared type names: a MIME type ("image/png") or a file extension
   * ("png", ".PNG"). Empty when the claim names no image format we know (for example
   * "application/octet-stream"), which is no claim at all rather than a lie.
   */
  static Optional<ImageFormat> claimedBy(String declaredType) {
    String claim = declaredType.trim().toLowerCase(Locale.ROOT);
    int parameters = claim.indexOf(';');
    if (parameters >= 0) {
      claim = claim.substring(0, parameters).trim();
    }
    if (claim.startsWith(".")) {
      claim = claim.substring(1);
    }
    String normalised = claim;
    return Arrays.stream(values()).filter(f -> f.claims.contains(normalised)).findFirst();
  }

  private static boolean startsWith(byte[] bytes, int offset, int... expected) {
    if (bytes.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
