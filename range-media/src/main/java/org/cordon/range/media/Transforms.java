package org.cordon.range.media;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/** Random repost chains, drawn with the frequencies the range assumes for reposts in the wild. */
public final class Transforms {

  /** Captions reposters add: placeholder text only, never real slogans. */
  private static final List<String> CAPTIONS = List.of(
      "REPOST", "SHARE NOW", "NEW", "LOREM IPSUM", "PLACEHOLDER", "DOLOR SIT", "MIRROR 2", "ВАЖНО",
      "عاجل");

  private static final int[] FRAME_COLOURS = {0x000000, 0xFFFFFF, 0x202020, 0xF0F0F0, 0x1E3A5F};

  private Transforms() {}

  /**
   * One to three transforms, as a repost applies them (the first is applied first). Most reposts
   * re-encode, rescale, crop lightly, frame or watermark; some mirror, recolour or caption; a few
   * crop heavily. The same random state gives the same chain.
   */
  public static List<Transform> randomChain(SplittableRandom random, BufferedImage logo) {
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(logo, "logo");
    int roll = random.nextInt(100);
    int length = roll < 50 ? 1 : roll < 85 ? 2 : 3;
    List<Transform> chain = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      chain.add(randomStep(random, logo));
    }
    return List.copyOf(chain);
  }

  /** Applies {@code chain} in order; the empty chain returns an RGB copy of the input. */
  public static BufferedImage applyAll(List<Transform> chain, BufferedImage in) {
    BufferedImage current = Pixels.toRgb(in);
    for (Transform transform : chain) {
      current = transform.apply(current);
    }
    return current;
  }

  /**
   * One step, drawn from a weighted table (weights sum to 100). Re-encodes and rescales dominate,
   * as they happen on every upload; the parameter ranges match the bands of {@link VariantPolicy}.
   */
  static Transform randomStep(SplittableRandom random, BufferedImage logo) {
    int roll = random.nextInt(100);
    if (roll < 30) {
      return new Transform.JpegReencode((float) uniform(random, 0.5, 0.95));
    }
    if (roll < 34) {
      return new Transform.JpegReencode((float) uniform(random, 0.2, 0.5)); // a badly recompressed copy
    }
    if (roll < 51) {
      return new Transform.Rescale(random.nextBoolean() ? uniform(random, 0.5, 1.0) : uniform(random, 1.0, 2.0));
    }
    if (roll < 55) {
      return new Transform.Crop(uniform(random, 0.98, 0.995), random.nextDouble(), random.nextDouble()); // a trim
    }
    if (roll < 63) {
      return new Transform.Crop(uniform(random, 0.85, 0.98), random.nextDouble(), random.nextDouble());
    }
    if (roll < 71) {
      return new Transform.Border(uniform(random, 0.01, 0.08), randomFrameColour(random));
    }
    if (roll < 80) {
      Transform.Corner[] corners = Transform.Corner.values();
      return new Transform.Watermark(logo, uniform(random, 0.03, 0.15), corners[random.nextInt(corners.length)]);
    }
    if (roll < 85) {
      return new Transform.Mirror();
    }
    if (roll < 89) { // a "filter": brightness and saturation, hue barely touched
      return new Transform.ColourShift((float) uniform(random, -0.02, 0.02), (float) uniform(random, 0.85, 1.15),
          (float) uniform(random, 0.85, 1.15));
    }
    if (roll < 90) { // a strong tint
      return new Transform.ColourShift((float) uniform(random, -0.15, 0.15), (float) uniform(random, 0.7, 1.3),
          (float) uniform(random, 0.85, 1.15));
    }
    if (roll < 93) {
      return new Transform.TextOverlay(CAPTIONS.get(random.nextInt(CAPTIONS.size())),
          random.nextBoolean() ? uniform(random, 0.05, 0.2) : uniform(random, 0.8, 0.95), 0xFFFFFF);
    }
    if (roll < 95) {
      double degrees = uniform(random, 0.25, 3.0);
      return new Transform.RotateSmall(random.nextBoolean() ? degrees : -degrees, randomFrameColour(random));
    }
    if (roll < 98) {
      return new Transform.Pad(random.nextBoolean() ? 1.0 : uniform(random, 0.5, 0.8), randomFrameColour(random));
    }
    return new Transform.Crop(uniform(random, 0.4, 0.7), random.nextDouble(), random.nextDouble());
  }

  private static int randomFrameColour(SplittableRandom random) {
    return FRAME_COLOURS[random.nextInt(FRAME_COLOURS.length)];
  }

  private static double uniform(SplittableRandom random, double min, double max) {
    return min + (max - min) * random.nextDouble();
  }
}
