package org.cordon.range.media;

import java.util.List;

/**
 * The perceptual distance the range promises between a canonical release and a repost variant,
 * per transformation type and parameter range, so that an evaluation can report recall against
 * a stated promise instead of against "everything".
 *
 * <p>Distances are PDQ Hamming distances (0..256) between the hash of the canonical image and the
 * nearest of the variant's eight dihedral hashes. For a chain without {@link Transform.Mirror}
 * the plain hash of the variant meets the same bound; with a mirror only a dihedral-aware matcher
 * does ({@link #needsDihedralMatch}). Numbers come from measuring the range's own releases
 * ({@link ReleaseImages#canonical} at 640×480) with {@code VariantDistanceSurvey},
 * {@code ParameterSweepSurvey} and {@code ChainCombinationSurvey} in the tests; much smaller or
 * low-quality images (PDQ quality below 80) spread more and are not covered.
 */
public final class VariantPolicy {

  /** The usual PDQ match threshold (ThreatExchange's default): distance ≤ 31 is a match. */
  public static final int MATCH_THRESHOLD = 31;

  /** Stated for transforms after which the range promises nothing (heavy crops, say). */
  public static final int NO_PROMISE = 256;

  /** Bits added to a chain's bound per step beyond the first (see {@link #statedMaxDistance(List)}). */
  static final int EXTRA_STEP_ALLOWANCE = 3;

  private VariantPolicy() {}

  /**
   * The stated maximum distance for one step, or {@link #NO_PROMISE}.
   *
   * <p>Each bound is the largest distance measured over 200 releases (640×480, 5 outlets, the
   * step's parameters drawn over the whole band) plus a margin of about four bits; the measured
   * maximum is in the comment. PDQ is known to be fragile to anything that moves content in the
   * frame (crops, borders, padding, rotation): there even a 1 % change costs 30-60 bits, on these
   * images as on the photographs in {@code shared/pdq/images}, so the range promises nothing
   * there, and an evaluation should show those misses rather than hide them.
   */
  public static int statedMaxDistance(Transform step) {
    return switch (step) {
      case Transform.JpegReencode jpeg -> jpeg.quality() >= 0.5f ? 12 // measured max 6
          : jpeg.quality() >= 0.2f ? 16 // measured max 12
          : NO_PROMISE;
      case Transform.Rescale rescale -> rescale.factor() >= 0.5 && rescale.factor() <= 2.0 ? 28 // measured max 24
          : NO_PROMISE;
      case Transform.Crop crop -> crop.fraction() >= 0.98 ? 68 // trims: measured max 64, no match promised
          : NO_PROMISE; // light crops (0.85-0.98) measured 36-126, heavy ones ~116
      case Transform.Border border -> NO_PROMISE; // 1-8 % frames measured 28-126; 0.5 % still costs up to 26
      case Transform.Watermark watermark -> watermark.scale() <= 0.05 ? 31 // measured max 22 (26 at exactly 0.05)
          : watermark.scale() <= 0.15 ? 60 // measured max 56, no match promised
          : NO_PROMISE;
      case Transform.Mirror mirror -> 22; // dihedral match: measured max 18 (the plain hash is ~128 away)
      case Transform.ColourShift shift -> isMild(shift) ? 26 // measured max 22
          : NO_PROMISE; // hue shifts up to 0.15 turn measured up to 92
      case Transform.TextOverlay overlay -> NO_PROMISE; // a caption label measured 40-92
      case Transform.RotateSmall rotate -> Math.abs(rotate.degrees()) <= 0.25 ? 24 // measured max 20
          : Math.abs(rotate.degrees()) <= 0.5 ? 36 // measured max 32, no match promised
          : NO_PROMISE; // up to 3 degrees measured up to 98
      case Transform.Pad pad -> NO_PROMISE; // letterboxing to another aspect measured 88-128
    };
  }

  private static boolean isMild(Transform.ColourShift shift) {
    return Math.abs(shift.hue()) <= 0.02f
        && shift.saturation() >= 0.85f && shift.saturation() <= 1.15f
        && shift.brightness() >= 0.85f && shift.brightness() <= 1.15f;
  }

  /**
   * The stated maximum distance for a chain: {@link #NO_PROMISE} if any step promises nothing;
   * otherwise the largest step bound plus {@value #EXTRA_STEP_ALLOWANCE} bits per further step,
   * never more than the sum of the step bounds (the triangle inequality's guarantee).
   *
   * <p>Why not just the sum: small perturbations flip mostly the same fragile bits (coefficients
   * near the median), so they do not add up. Over 200 chains of promised steps
   * ({@code ChainCombinationSurvey}), two-step chains stayed at least 6 bits <em>below</em> their
   * largest step bound and three-step chains at most 4 bits above it (two rescales and a mirror).
   */
  public static int statedMaxDistance(List<Transform> chain) {
    int largest = 0;
    int sum = 0;
    for (Transform step : chain) {
      int bound = statedMaxDistance(step);
      if (bound >= NO_PROMISE) {
        return NO_PROMISE;
      }
      largest = Math.max(largest, bound);
      sum += bound;
    }
    int combined = largest + EXTRA_STEP_ALLOWANCE * Math.max(0, chain.size() - 1);
    return Math.min(NO_PROMISE, Math.min(sum, combined));
  }

  /** True when the range promises a PDQ match (stated distance within {@link #MATCH_THRESHOLD}). */
  public static boolean expectedToMatch(List<Transform> chain) {
    return statedMaxDistance(chain) <= MATCH_THRESHOLD;
  }

  /** True when only a matcher that also compares the dihedral (flipped) hashes can keep the promise. */
  public static boolean needsDihedralMatch(List<Transform> chain) {
    return chain.stream().anyMatch(step -> step instanceof Transform.Mirror);
  }

  /**
   * A reporting label for one step: its {@link Transform#name()} refined by the parameter range
   * the promise depends on, e.g. "jpeg q≥50", "crop heavy". Stable, for recall tables.
   */
  public static String category(Transform step) {
    return switch (step) {
      case Transform.JpegReencode jpeg -> jpeg.quality() >= 0.5f ? "jpeg q>=50" : "jpeg q<50";
      case Transform.Rescale rescale -> rescale.factor() < 1 ? "rescale down" : "rescale up";
      case Transform.Crop crop -> crop.fraction() >= 0.98 ? "crop trim" : crop.fraction() >= 0.85 ? "crop light" : "crop heavy";
      case Transform.Border border -> "border";
      case Transform.Watermark watermark -> watermark.scale() <= 0.05 ? "watermark small" : "watermark";
      case Transform.Mirror mirror -> "mirror";
      case Transform.ColourShift shift -> isMild(shift) ? "colour-shift mild" : "colour-shift strong";
      case Transform.TextOverlay overlay -> "text-overlay";
      case Transform.RotateSmall rotate -> "rotate-small";
      case Transform.Pad pad -> "pad";
    };
  }
}
