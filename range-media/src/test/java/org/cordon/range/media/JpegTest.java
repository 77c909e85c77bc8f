package org.cordon.range.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class JpegTest {

  private final BufferedImage release = ReleaseImages.canonical(21, 320, 240, "Kestrel Wire");

  @Test
  void sameImageAndQualityGiveByteIdenticalFiles() {
    assertThat(Jpeg.encode(release, 0.8f)).isEqualTo(Jpeg.encode(release, 0.8f));
    assertThat(Jpeg.encode(ReleaseImages.canonical(21, 320, 240, "Kestrel Wire"), 0.8f))
        .isEqualTo(Jpeg.encode(release, 0.8f));
  }

  @Test
  void lowerQualityGivesSmallerFiles() {
    assertThat(Jpeg.encode(release, 0.3f).length).isLessThan(Jpeg.encode(release, 0.95f).length);
  }

  @Test
  void decodingGivesBackAnRgbImageOfTheSameSizeAndCloseColours() {
    byte[] bytes = Jpeg.encode(release, 0.95f);
    assertThat(bytes[0] & 0xFF).isEqualTo(0xFF);
    assertThat(bytes[1] & 0xFF).isEqualTo(0xD8);
    BufferedImage decoded = Jpeg.decode(bytes);
    assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(decoded.getWidth()).isEqualTo(320);
    assertThat(decoded.getHeight()).isEqualTo(240);
    long totalError = 0;
    for (int y = 0; y < 240; y += 7) {
      for (int x = 0; x < 320; x += 7) {
        totalError += Math.abs(((decoded.getRGB(x, y) >> 8) & 0xFF) - ((release.getRGB(x, y) >> 8) & 0xFF));
      }
    }
    assertThat(totalError / (46.0 * 35)).isLessThan(12);
  }

  @Test
  void imagesWithAlphaAreEncodedWithoutIt() {
    BufferedImage logo = ReleaseImages.logo(1, "Kestrel Wire");
    assertThat(Jpeg.decode(Jpeg.encode(logo, 0.9f)).getWidth()).isEqualTo(128);
  }

  @Test
  void garbageBytesAreRejectedWithAReason() {
    assertThatThrownBy(() -> Jpeg.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a readable image");
    byte[] truncated = java.util.Arrays.copyOf(Jpeg.encode(release, 0.9f), 200);
    assertThatThrownBy(() -> Jpeg.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void qualityOutsideZeroToOneIsRejected() {
    assertThatThrownBy(() -> Jpeg.encode(release, 1.5f)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Jpeg.encode(release, Float.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
