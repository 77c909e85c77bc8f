package org.cordon.detect.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.cordon.core.signal.MediaFingerprint;

/** The hash types a hash list may hold; {@link #key()} is the name in files and fingerprints. */
public enum HashType {
  SHA256(MediaFingerprint.SHA256, 64),
  MD5(MediaFingerprint.MD5, 32),
  PDQ(MediaFingerprint.PDQ, 64);

  private final String key;
  private final int hexLength;

  HashType(String key, int hexLength) {
    this.key = key;
    this.hexLength = hexLength;
  }

  public String key() {
    return key;
  }

  public int hexLength() {
    return hexLength;
  }

  public static Optional<HashType> fromKey(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
  }
}
