package org.cordon.range.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReleaseImagesTest {

  @Test
  void sameSeedGivesPixelIdenticalCanonicalImages() {
    for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
      BufferedImage first = ReleaseImages.canonical(seed, 320, 240, "Amber Lantern Media");
      BufferedImage second = ReleaseImages.canonical(seed, 320, 240, "Amber Lantern Media");
      assertThat(pixels(first)).as("seed %d", seed).isEqualTo(pixels(second));
    }
  }

  @Test
  void differentSeedsGiveDifferentImages() {
    BufferedImage first = ReleaseImages.canonical(1, 320, 240, "Kestrel Wire");
    BufferedImage second = ReleaseImages.canonical(2, 320, 240, "Kestrel Wire");
    assertThat(pixels(first)).isNotEqualTo(pixels(second));
  }

  @Test
  void canonicalImageHasTheRequestedSize() {
    BufferedImage image = ReleaseImages.canonical(3, 640, 480, "Kestrel Wire");
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(480);
    assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
  }

  @Test
  void theOutletNameChangesOnlyTheBranding() {
    BufferedImage first = ReleaseImages.canonical(5, 320, 240, "Amber Lantern Media");
    BufferedImage second = ReleaseImages.canonical(5, 320, 240, "Kestrel Wire");
    int[] a = pixels(first);
    int[] b = pixels(second);
    long differing = java.util.stream.IntStream.range(0, a.length).filter(i -> a[i] != b[i]).count();
    assertThat(differing).isPositive().isLessThan(a.length / 4); // the banner is a ninth of the height
  }

  @Test
  void hostileOutletNamesStillGiveImages() {
    String[] names = {"", "   ", "\u200B\u200F\u202E", "مؤسسة النور الوهمية", "Северный Свет", "Ünïcødé", "x".repeat(10_000),
        "\uD83D\uDE00 emoji", "\uFFFD\u0000"};
    for (String name : names) {
      assertThat(ReleaseImages.canonical(9, 200, 150, name).getWidth()).isEqualTo(200);
      assertThat(ReleaseImages.logo(9, name).getWidth()).isEqualTo(128);
    }
  }

  @Test
  void tooSmallCanvasIsRejectedWithTheSizeInTheMessage() {
    assertThatThrownBy(() -> ReleaseImages.canonical(1, 10, 480, "Kestrel Wire"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10×480");
  }

  @Test
  void logoIsDeterministicAndHasTransparentCorners() {
    BufferedImage logo = ReleaseImages.logo(4, "Kestrel Wire");
    assertThat(pixels(logo)).isEqualTo(pixels(ReleaseImages.logo(4, "Kestrel Wire")));
    assertThat(pixels(logo)).isNotEqualTo(pixels(ReleaseImages.logo(4, "Amber Lantern Media")));
    assertThat(logo.getRGB(0, 0) >>> 24).isZero();
    assertThat(logo.getRGB(64, 64) >>> 24).isEqualTo(255);
  }

  @Test
  void avatarsAreDeterministicAndVaryWithTheSeed() {
    assertThat(pixels(ReleaseImages.avatar(11))).isEqualTo(pixels(ReleaseImages.avatar(11)));
    long distinct = java.util.stream.LongStream.range(0, 20)
        .mapToObj(seed -> Arrays.hashCode(pixels(ReleaseImages.avatar(seed))))
        .distinct()
        .count();
    assertThat(distinct).isEqualTo(20);
  }

  static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
