package org.cordon.core.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** A SHA-256 digest in lowercase hex: the address of a piece of evidence. */
public record Sha256(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public Sha256 {
    Objects.requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("a SHA-256 digest is 64 lowercase hex digits: '" + abbreviate(hex) + "'");
    }
  }

  public static Sha256 parse(String text) {
    return new Sha256(text.trim().toLowerCase(java.util.Locale.ROOT));
  }

  public static Sha256 of(byte[] bytes) {
    return new Sha256(HexFormat.of().formatHex(newDigest().digest(bytes)));
  }

  public static Sha256 of(InputStream in) throws IOException {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return new Sha256(HexFormat.of().formatHex(digest.digest()));
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }

  @Override
  public String toString() {
    return hex;
  }
}
