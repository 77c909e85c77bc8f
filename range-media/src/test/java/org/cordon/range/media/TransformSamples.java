package org.cordon.range.media;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * One sampler per reporting category, drawing parameters over the whole range the category
 * covers (not just the common ones), so measured bounds hold at the edges too.
 */
final class TransformSamples {

  static final String[] OUTLETS = {"Amber Lantern Media", "Dar al-Misbah", "Северный Свет", "مؤسسة النور الوهمية",
      "Kestrel Wire"};

  private TransformSamples() {}

  static Map<String, BiFunction<SplittableRandom, BufferedImage, Transform>> byCategory() {
    Map<String, BiFunction<SplittableRandom, BufferedImage, Transform>> samplers = new LinkedHashMap<>();
    samplers.put("jpeg q>=50", (r, logo) -> new Transform.JpegReencode((float) uniform(r, 0.5, 0.95)));
    samplers.put("jpeg q20-50", (r, logo) -> new Transform.JpegReencode((float) uniform(r, 0.2, 0.5)));
    samplers.put("rescale 0.5-1", (r, logo) -> new Transform.Rescale(uniform(r, 0.5, 1.0)));
    samplers.put("rescale 1-2", (r, logo) -> new Transform.Rescale(uniform(r, 1.0, 2.0)));
    samplers.put("crop trim", (r, logo) -> new Transform.Crop(uniform(r, 0.98, 0.995), r.nextDouble(), r.nextDouble()));
    samplers.put("crop light", (r, logo) -> new Transform.Crop(uniform(r, 0.85, 0.98), r.nextDouble(), r.nextDouble()));
    samplers.put("crop heavy", (r, logo) -> new Transform.Crop(uniform(r, 0.4, 0.7), r.nextDouble(), r.nextDouble()));
    samplers.put("border", (r, logo) -> new Transform.Border(uniform(r, 0.01, 0.08), r.nextBoolean() ? 0 : 0xFFFFFF));
    samplers.put("watermark small", (r, logo) -> new Transform.Watermark(logo, uniform(r, 0.03, 0.05),
        Transform.Corner.values()[r.nextInt(4)]));
    samplers.put("watermark", (r, logo) -> new Transform.Watermark(logo, uniform(r, 0.05, 0.15),
        Transform.Corner.values()[r.nextInt(4)]));
    samplers.put("mirror", (r, logo) -> new Transform.Mirror());
    samplers.put("colour-shift mild", (r, logo) -> new Transform.ColourShift((float) uniform(r, -0.02, 0.02),
        (float) uniform(r, 0.85, 1.15), (float) uniform(r, 0.85, 1.15)));
    samplers.put("colour-shift strong", (r, logo) -> new Transform.ColourShift((float) uniform(r, -0.15, 0.15),
        (float) uniform(r, 0.7, 1.3), (float) uniform(r, 0.85, 1.15)));
    samplers.put("text-overlay", (r, logo) -> new Transform.TextOverlay("SHARE NOW",
        r.nextBoolean() ? uniform(r, 0.05, 0.2) : uniform(r, 0.8, 0.95), 0xFFFFFF));
    samplers.put("rotate-small <=0.25", (r, logo) -> new Transform.RotateSmall(uniform(r, -0.25, 0.25), r.nextBoolean() ? 0 : 0xFFFFFF));
    samplers.put("rotate-small <=0.5", (r, logo) -> new Transform.RotateSmall(uniform(r, -0.5, 0.5), r.nextBoolean() ? 0 : 0xFFFFFF));
    samplers.put("rotate-small", (r, logo) -> new Transform.RotateSmall(uniform(r, -3, 3), r.nextBoolean() ? 0 : 0xFFFFFF));
    samplers.put("pad", (r, logo) -> new Transform.Pad(r.nextBoolean() ? 1.0 : uniform(r, 0.5, 0.8), r.nextBoolean() ? 0 : 0xFFFFFF));
    return samplers;
  }

  static double uniform(SplittableRandom random, double min, double max) {
    return min + (max - min) * random.nextDouble();
  }
}
