package org.cordon.detect.media.pdq;

/**
 * The eight symmetries of a square, in the order {@link DihedralResult#hashes()} lists them. Each
 * variant approximates the plain hash of the image transformed as named.
 */
public enum Dihedral {
  ORIGINAL,
  /** Rotated 90° counter-clockwise. */
  ROTATE_90,
  ROTATE_180,
  /** Rotated 90° clockwise. */
  ROTATE_270,
  /** Mirrored top to bottom (rows reversed). */
  FLIP_X,
  /** Mirrored left to right (columns reversed). */
  FLIP_Y,
  /** Transposed about the main diagonal. */
  FLIP_PLUS_1,
  /** Transposed about the anti-diagonal. */
  FLIP_MINUS_1
}
