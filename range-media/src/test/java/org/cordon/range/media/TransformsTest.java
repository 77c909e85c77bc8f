package org.cordon.range.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TransformsTest {

  private static final BufferedImage RELEASE = ReleaseImages.canonical(31, 320, 240, "Kestrel Wire");
  private static final BufferedImage LOGO = ReleaseImages.logo(31, "Kestrel Wire");

  @Test
  void theSameRandomStateGivesTheSameChainAndTheSamePixels() {
    for (long seed = 0; seed < 50; seed++) {
      List<Transform> first = Transforms.randomChain(new SplittableRandom(seed), LOGO);
      List<Transform> second = Transforms.randomChain(new SplittableRandom(seed), LOGO);
      assertThat(first).as("seed %d", seed).isEqualTo(second);
      if (seed < 10) {
        assertThat(ReleaseImagesTest.pixels(Transforms.applyAll(first, RELEASE)))
            .as("seed %d", seed)
            .isEqualTo(ReleaseImagesTest.pixels(Transforms.applyAll(second, RELEASE)));
      }
    }
  }

  @Test
  void chainsHaveOneToThreeStepsAndMostlyReencodesAndRescales() {
    SplittableRandom random = new SplittableRandom(7);
    Map<String, Integer> counts = new HashMap<>();
    Set<Integer> lengths = new TreeSet<>();
    int steps = 0;
    for (int i = 0; i < 5_000; i++) {
      List<Transform> chain = Transforms.randomChain(random, LOGO);
      lengths.add(chain.size());
      for (Transform step : chain) {
        counts.merge(step.name(), 1, Integer::sum);
        steps++;
      }
    }
    assertThat(lengths).containsExactly(1, 2, 3);
    assertThat(counts.keySet()).containsExactlyInAnyOrder("crop", "rescale", "jpeg", "border", "watermark", "mirror",
        "colour-shift", "text-overlay", "rotate-small", "pad");
    assertThat(counts.get("jpeg") + counts.get("rescale")).isGreaterThan(steps / 2);
    assertThat(counts.get("mirror")).isLessThan(counts.get("jpeg") / 3);
  }

  @Test
  void everyTransformLeavesItsInputUntouchedAndReturnsRgb() {
    int[] before = ReleaseImagesTest.pixels(RELEASE);
    for (Transform transform : oneOfEach()) {
      BufferedImage out = transform.apply(RELEASE);
      assertThat(out).as(transform.name()).isNotSameAs(RELEASE);
      assertThat(out.getType()).as(transform.name()).isEqualTo(BufferedImage.TYPE_INT_RGB);
      assertThat(ReleaseImagesTest.pixels(RELEASE)).as(transform.name()).isEqualTo(before);
    }
  }

  @Test
  void geometricTransformsGiveTheExpectedSizes() {
    assertThat(size(new Transform.Crop(0.5, 0, 0).apply(RELEASE))).isEqualTo("160x120");
    assertThat(size(new Transform.Rescale(0.5).apply(RELEASE))).isEqualTo("160x120");
    assertThat(size(new Transform.Rescale(1.5).apply(RELEASE))).isEqualTo("480x360");
    assertThat(size(new Transform.Border(0.05, 0).apply(RELEASE))).isEqualTo("344x264");
    assertThat(size(new Transform.Pad(1.0, 0).apply(RELEASE))).isEqualTo("320x320");
    assertThat(size(new Transform.Mirror().apply(RELEASE))).isEqualTo("320x240");
    assertThat(size(new Transform.RotateSmall(2, 0).apply(RELEASE))).isEqualTo("320x240");
  }

  @Test
  void mirrorTwiceGivesBackTheSamePixels() {
    Transform mirror = new Transform.Mirror();
    assertThat(ReleaseImagesTest.pixels(mirror.apply(mirror.apply(RELEASE)))).isEqualTo(ReleaseImagesTest.pixels(RELEASE));
    assertThat(mirror.apply(RELEASE).getRGB(0, 100)).isEqualTo(RELEASE.getRGB(319, 100));
  }

  @Test
  void cropKeepsTheAnchoredWindow() {
    BufferedImage cropped = new Transform.Crop(0.5, 1, 1).apply(RELEASE);
    assertThat(cropped.getRGB(0, 0)).isEqualTo(RELEASE.getRGB(160, 120));
  }

  @Test
  void borderFramesWithItsColour() {
    BufferedImage framed = new Transform.Border(0.05, 0xFF0000).apply(RELEASE);
    assertThat(framed.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
    assertThat(framed.getRGB(12, 12)).isEqualTo(RELEASE.getRGB(0, 0));
  }

  @Test
  void theEmptyChainGivesAnEqualCopy() {
    BufferedImage copy = Transforms.applyAll(List.of(), RELEASE);
    assertThat(copy).isNotSameAs(RELEASE);
    assertThat(ReleaseImagesTest.pixels(copy)).isEqualTo(ReleaseImagesTest.pixels(RELEASE));
  }

  @Test
  void parametersOutOfRangeAreRejectedNamingTheParameter() {
    assertThatThrownBy(() -> new Transform.Crop(0, 0.5, 0.5)).hasMessageContaining("fraction");
    assertThatThrownBy(() -> new Transform.Crop(0.5, 1.5, 0.5)).hasMessageContaining("anchorX");
    assertThatThrownBy(() -> new Transform.Rescale(Double.NaN)).hasMessageContaining("factor");
    assertThatThrownBy(() -> new Transform.JpegReencode(-1f)).hasMessageContaining("quality");
    assertThatThrownBy(() -> new Transform.Border(0.9, 0)).hasMessageContaining("fraction");
    assertThatThrownBy(() -> new Transform.Watermark(LOGO, 0, Transform.Corner.TOP_LEFT)).hasMessageContaining("scale");
    assertThatThrownBy(() -> new Transform.ColourShift(0.7f, 1f, 1f)).hasMessageContaining("hue");
    assertThatThrownBy(() -> new Transform.RotateSmall(45, 0)).hasMessageContaining("degrees");
    assertThatThrownBy(() -> new Transform.Pad(0, 0)).hasMessageContaining("aspect");
  }

  @Test
  void captionsInAnyScriptAreDrawnWithoutFonts() {
    for (String text : List.of("SHARE NOW", "عاجل", "ВАЖНО", "\u202Eevil", "", "x".repeat(500))) {
      BufferedImage out = new Transform.TextOverlay(text, 0.5, 0xFFFFFF).apply(RELEASE);
      assertThat(size(out)).as(text).isEqualTo("320x240");
    }
    assertThat(ReleaseImagesTest.pixels(new Transform.TextOverlay("SHARE NOW", 0.5, 0xFFFFFF).apply(RELEASE)))
        .isNotEqualTo(ReleaseImagesTest.pixels(RELEASE));
  }

  static List<Transform> oneOfEach() {
    return List.of(
        new Transform.Crop(0.9, 0.3, 0.7),
        new Transform.Rescale(0.75),
        new Transform.JpegReencode(0.7f),
        new Transform.Border(0.03, 0xFFFFFF),
        new Transform.Watermark(LOGO, 0.1, Transform.Corner.BOTTOM_LEFT),
        new Transform.Mirror(),
        new Transform.ColourShift(0.05f, 1.1f, 0.9f),
        new Transform.TextOverlay("REPOST", 0.9, 0xFFFFFF),
        new Transform.RotateSmall(-1.5, 0),
        new Transform.Pad(1.0, 0));
  }

  private static String size(BufferedImage image) {
    return image.getWidth() + "x" + image.getHeight();
  }
}
