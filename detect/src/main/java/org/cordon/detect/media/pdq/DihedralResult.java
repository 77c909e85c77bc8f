package org.cordon.detect.media.pdq;

import java.util.List;
import java.util.Objects;

/**
 * The eight dihedral PDQ hashes of one image, in {@link Dihedral} order (index = ordinal:
 * original, rotate 90 ccw, rotate 180, rotate 90 cw, flip x, flip y, flip +1, flip −1), and the
 * quality they share. Match a query against all eight and keep the smallest distance; do not
 * pick a "canonical" one, as the variants are only approximately the hashes of transformed images.
 */
public record DihedralResult(List<PdqHash> hashes, int quality) {
  public DihedralResult {
    hashes = List.copyOf(hashes);
    if (hashes.size() != Dihedral.values().length) {
      throw new IllegalArgumentException("a dihedral result has 8 hashes, got " + hashes.size());
    }
    if (quality < 0 || quality > 100) {
      throw new IllegalArgumentException("PDQ quality is in [0, 100]: " + quality);
    }
  }

  public PdqHash hash(Dihedral variant) {
    return hashes.get(Objects.requireNonNull(variant, "variant").ordinal());
  }

  public PdqResult original() {
    return new PdqResult(hash(Dihedral.ORIGINAL), quality);
  }

  /** The smallest distance from {@code other} to any of the eight variants. */
  public int minimumDistance(PdqHash other) {
    return hashes.stream().mapToInt(h -> h.distance(other)).min().orElseThrow();
  }
}
