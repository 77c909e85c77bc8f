package org.cordon.detect.media.pdq;

import java.util.Objects;

/**
 * A PDQ hash and its quality (0..100). Hashes of quality {@value #MIN_USEFUL_QUALITY} or less carry
 * too little detail to match or store.
 */
public record PdqResult(PdqHash hash, int quality) {
  /** Quality at or below this is "do not match, do not store" (Meta's guidance). */
  public static final int MIN_USEFUL_QUALITY = 49;

  public PdqResult {
    Objects.requireNonNull(hash, "hash");
    if (quality < 0 || quality > 100) {
      throw new IllegalArgumentException("PDQ quality is in [0, 100]: " + quality);
    }
  }

  /** Whether the hash carries enough detail to be matched or stored. */
  public boolean isUseful() {
    return quality > MIN_USEFUL_QUALITY;
  }
}
