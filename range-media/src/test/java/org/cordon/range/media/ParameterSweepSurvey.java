package org.cordon.range.media;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cordon.detect.media.pdq.PdqHash;
import org.cordon.detect.media.pdq.PdqHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Distance against one parameter at a time, to place the edges of the promises in {@link
 * VariantPolicy}. Disabled unless run with {@code -Dsweep.seeds=60}.
 */
@EnabledIfSystemProperty(named = "sweep.seeds", matches = "\\d+")
class ParameterSweepSurvey {

  @Test
  void printsDistanceAgainstEachParameter() {
    int seeds = Integer.parseInt(System.getProperty("sweep.seeds"));
    PdqHasher hasher = new PdqHasher();
    Map<String, Function<BufferedImage, Transform>> cases = new LinkedHashMap<>();
    for (double f : new double[] {0.005, 0.01, 0.015, 0.02, 0.03, 0.05, 0.08}) {
      cases.put("border " + f, logo -> new Transform.Border(f, 0));
    }
    for (double f : new double[] {0.995, 0.99, 0.98, 0.97, 0.95, 0.9, 0.85}) {
      cases.put("crop centre " + f, logo -> new Transform.Crop(f, 0.5, 0.5));
      cases.put("crop corner " + f, logo -> new Transform.Crop(f, 0, 1));
    }
    for (double d : new double[] {0.25, 0.5, 1, 2, 3}) {
      cases.put("rotate " + d, logo -> new Transform.RotateSmall(d, 0));
    }
    for (float h : new float[] {0.02f, 0.05f, 0.1f, 0.15f}) {
      cases.put("hue " + h, logo -> new Transform.ColourShift(h, 1f, 1f));
    }
    for (float s : new float[] {0.7f, 1.3f}) {
      cases.put("saturation " + s, logo -> new Transform.ColourShift(0f, s, 1f));
    }
    for (float b : new float[] {0.85f, 1.15f}) {
      cases.put("brightness " + b, logo -> new Transform.ColourShift(0f, 1f, b));
    }
    for (double s : new double[] {0.05, 0.08, 0.12, 0.16, 0.2}) {
      cases.put("watermark " + s, logo -> new Transform.Watermark(logo, s, Transform.Corner.BOTTOM_RIGHT));
    }
    cases.put("text top", logo -> new Transform.TextOverlay("SHARE NOW", 0.1, 0xFFFFFF));
    cases.put("text long", logo -> new Transform.TextOverlay("LOREM IPSUM DOLOR SIT AMET", 0.9, 0xFFFFFF));
    for (double q : new double[] {0.1, 0.2, 0.3, 0.5}) {
      cases.put("jpeg " + q, logo -> new Transform.JpegReencode((float) q));
    }
    for (double f : new double[] {0.25, 0.35, 0.5, 2.0, 3.0}) {
      cases.put("rescale " + f, logo -> new Transform.Rescale(f));
    }
    cases.put("pad aspect 4/3.05", logo -> new Transform.Pad(640 / 488.0, 0));
    cases.put("pad aspect 1.0", logo -> new Transform.Pad(1.0, 0));
    Map<String, List<Integer>> distances = new LinkedHashMap<>();
    List<BufferedImage> images = new ArrayList<>();
    String real = System.getProperty("sweep.real", "");
    for (String path : real.isEmpty() ? new String[0] : real.split(",")) {
      try {
        images.add(Pixels.toRgb(javax.imageio.ImageIO.read(new java.io.File(path))));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    for (int seed = 0; seed < (images.isEmpty() ? seeds : images.size()); seed++) {
      String outlet = TransformSamples.OUTLETS[seed % TransformSamples.OUTLETS.length];
      BufferedImage canonical = images.isEmpty() ? ReleaseImages.canonical(seed, 640, 480, outlet) : images.get(seed);
      BufferedImage logo = ReleaseImages.logo(seed % 7, outlet);
      PdqHash hash = hasher.hash(canonical).hash();
      cases.forEach((label, make) -> distances.computeIfAbsent(label, l -> new ArrayList<>())
          .add(hasher.hashDihedral(make.apply(logo).apply(canonical)).minimumDistance(hash)));
    }
    distances.forEach((label, values) -> {
      int[] d = values.stream().mapToInt(Integer::intValue).sorted().toArray();
      System.out.printf("%-24s p50=%3d p90=%3d max=%3d share<=31=%.2f%n", label, d[d.length / 2],
          d[(int) (d.length * 0.9)], d[d.length - 1], Arrays.stream(d).filter(x -> x <= 31).count() / (double) d.length);
    });
  }
}
