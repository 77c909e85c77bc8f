package org.cordon.detect.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PdqHasherTest {
  private final PdqHasher hasher = new PdqHasher();

  static Stream<Arguments> expectedRows() {
    return SharedPdqFiles.rows("expected.csv").stream()
        .map(r -> Arguments.of(r[0], r[1], r[2], r[3], Integer.parseInt(r[4])));
  }

  @ParameterizedTest(name = "{0} is within {4} bits of the {3} hash")
  @MethodSource("expectedRows")
  void hashesEachSharedImageWithinItsSourcesTolerance(
      String path, String expectedHex, String expectedQuality, String source, int toleranceBits) {
    PdqResult result = hasher.hash(SharedPdqFiles.decodeWithJdkReader(SharedPdqFiles.image(path)));

    assertThat(result.hash().distance(PdqHash.fromHex(expectedHex)))
        .as("distance of %s from %s (%s)", result.hash(), expectedHex, source)
        .isLessThanOrEqualTo(toleranceBits);
    if (!expectedQuality.isEmpty()) {
      assertThat(result.quality()).isEqualTo(Integer.parseInt(expectedQuality));
    }
  }

  static Stream<Arguments> pairRows() {
    return SharedPdqFiles.rows("pairs.csv").stream()
        .map(r -> Arguments.of(r[0], r[1], Integer.parseInt(r[2])));
  }

  @ParameterizedTest(name = "{0} and {1} are {2} bits apart")
  @MethodSource("pairRows")
  void reproducesTheReferencePairDistances(String first, String second, int expectedDistance) {
    PdqHash a = hasher.hash(load(first)).hash();
    PdqHash b = hasher.hash(load(second)).hash();

    assertThat(a.distance(b)).isEqualTo(expectedDistance);
  }

  /** A path, optionally with a {@code #gray(...)} or {@code #half(...)} derivation as pairs.csv writes it. */
  private static BufferedImage load(String reference) {
    int hash = reference.indexOf('#');
    String path = hash < 0 ? reference : reference.substring(0, hash);
    BufferedImage image = SharedPdqFiles.decodeWithJdkReader(SharedPdqFiles.image(path));
    if (hash < 0) {
      return image;
    }
    String derivation = reference.substring(hash + 1);
    if (derivation.startsWith("gray")) {
      return new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_GRAY), null).filter(image, null);
    }
    if (derivation.startsWith("half")) {
      BufferedImage half = new BufferedImage(image.getWidth() / 2, image.getHeight() / 2, image.getType());
      Graphics2D graphics = half.createGraphics();
      try {
        graphics.drawImage(image, 0, 0, half.getWidth(), half.getHeight(), null);
      } finally {
        graphics.dispose();
      }
      return half;
    }
    throw new IllegalArgumentException("unknown derivation '" + derivation + "' in pairs.csv");
  }

  @Test
  void dihedralVariantsOfTheOriginalLieNearTheHashesOfTheTransformedFiles() {
    DihedralResult variants = hasher.hashDihedral(load("dih/bridge-1-original.jpg"));
    String[] files = {
      "dih/bridge-1-original.jpg", "dih/bridge-2-rotate-90.jpg", "dih/bridge-3-rotate-180.jpg",
      "dih/bridge-4-rotate-270.jpg", "dih/bridge-5-flipx.jpg", "dih/bridge-6-flipy.jpg",
      "dih/bridge-7-flip-plus-1.jpg", "dih/bridge-8-flip-minus-1.jpg"
    };

    for (Dihedral variant : Dihedral.values()) {
      PdqHash ofFile = hasher.hash(load(files[variant.ordinal()])).hash();
      assertThat(variants.hash(variant).distance(ofFile)).as(variant.name()).isLessThanOrEqualTo(10);
    }
    assertThat(variants.quality()).isEqualTo(100);
    assertThat(variants.hash(Dihedral.ORIGINAL)).isEqualTo(hasher.hash(load(files[0])).hash());
  }

  @Test
  void rotatedFileIsFoundByDihedralMatchingButNotByThePlainHash() {
    PdqHash rotated = hasher.hash(load("dih/bridge-2-rotate-90.jpg")).hash();
    DihedralResult original = hasher.hashDihedral(load("dih/bridge-1-original.jpg"));

    assertThat(original.hash(Dihedral.ORIGINAL).distance(rotated)).isGreaterThan(31);
    assertThat(original.minimumDistance(rotated)).isLessThanOrEqualTo(31);
  }

  @Test
  void imageSmallerThanFivePixelsGetsTheZeroHashAndQualityZero() {
    BufferedImage tiny = new BufferedImage(4, 100, BufferedImage.TYPE_INT_RGB);

    PdqResult result = hasher.hash(tiny);

    assertThat(result.hash().toHex()).isEqualTo("0".repeat(64));
    assertThat(result.quality()).isZero();
    assertThat(result.isUseful()).isFalse();
  }

  @Test
  void featurelessImageHasLowQuality() {
    BufferedImage flat = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = flat.createGraphics();
    graphics.setColor(new java.awt.Color(90, 120, 200));
    graphics.fillRect(0, 0, 300, 200);
    graphics.dispose();

    assertThat(hasher.hash(flat).quality()).isLessThanOrEqualTo(PdqResult.MIN_USEFUL_QUALITY);
  }
}
