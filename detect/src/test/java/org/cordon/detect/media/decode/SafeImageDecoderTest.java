package org.cordon.detect.media.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.cordon.detect.media.decode.DecodeResult.Decoded;
import org.cordon.detect.media.decode.DecodeResult.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeImageDecoderTest {
  private final SafeImageDecoder decoder = new SafeImageDecoder();

  @ParameterizedTest(name = "decodes a {0} written by ImageIO")
  @ValueSource(strings = {"jpeg", "png", "gif", "bmp"})
  void decodesEachWritableFormatAndReportsIt(String format) {
    byte[] bytes = HostileImages.encode(HostileImages.picture(120, 80), format);

    DecodeResult result = decoder.decode(bytes, Optional.of(format));

    assertThat(result).isInstanceOfSatisfying(Decoded.class, decoded -> {
      assertThat(decoded.format()).isEqualTo(format);
      assertThat(decoded.image().getWidth()).isEqualTo(120);
      assertThat(decoded.image().getHeight()).isEqualTo(80);
    });
  }

  @Test
  void decodesLosslessWebpWithItsColour() {
    byte[] bytes = HostileImages.solidWebp(7, 5, 200, 100, 50);

    DecodeResult result = decoder.decode(bytes, Optional.of("image/webp"));

    assertThat(result).isInstanceOfSatisfying(Decoded.class, decoded -> {
      assertThat(decoded.format()).isEqualTo("webp");
      assertThat(decoded.image().getWidth()).isEqualTo(7);
      assertThat(decoded.image().getHeight()).isEqualTo(5);
      assertThat(decoded.image().getRGB(3, 2) & 0xFFFFFF).isEqualTo(0xC86432);
    });
  }

  @Test
  void decodesCmykJpegThatTheJdkReaderRefuses() {
    byte[] bytes = HostileImages.cmykJpeg(64, 48);

    DecodeResult result = decoder.decode(bytes);

    assertThat(result).isInstanceOfSatisfying(Decoded.class, decoded -> {
      assertThat(decoded.format()).isEqualTo("jpeg");
      assertThat(decoded.image().getWidth()).isEqualTo(64);
    });
  }

  @Test
  void rejectsPngDecompressionBombFromItsHeaderWithoutDecoding() {
    byte[] bomb = HostileImages.pngBomb(30_000, 30_000);
    assertThat(bomb.length).as("a bomb is a small file").isLessThan(2_000_000);

    DecodeResult result = decoder.decode(bomb, Optional.of("png"));

    assertThat(result).isInstanceOfSatisfying(Rejected.class,
        rejected -> assertThat(rejected.reason()).contains("30000×30000").contains("over the limit"));
  }

  @Test
  void bombWriterMakesAValidPngWhenSmall() {
    DecodeResult result = decoder.decode(HostileImages.pngBomb(1500, 800));

    assertThat(result).isInstanceOfSatisfying(Decoded.class, decoded -> {
      assertThat(decoded.image().getWidth()).isEqualTo(1500);
      assertThat(decoded.image().getRaster().getSample(1499, 799, 0)).isZero();
    });
  }

  @Test
  void rejectsWebpDeclaringMorePixelsThanTheLimit() {
    byte[] bomb = HostileImages.solidWebp(16_384, 16_384, 1, 2, 3);

    DecodeResult result = decoder.decode(bomb);

    assertThat(result).isInstanceOfSatisfying(Rejected.class,
        rejected -> assertThat(rejected.reason()).contains("pixels is over the limit"));
  }

  @Test
  void honoursAConfiguredPixelLimit() {
    byte[] bytes = HostileImages.encode(HostileImages.picture(120, 80), "png");
    SafeImageDecoder strict = new SafeImageDecoder(new DecodeLimits(1_000_000, 120 * 80 - 1));

    assertThat(strict.decode(bytes)).isInstanceOf(Rejected.class);
    assertThat(new SafeImageDecoder(new DecodeLimits(1_000_000, 120 * 80)).decode(bytes)).isInstanceOf(Decoded.class);
  }

  @Test
  void rejectsFileOverTheByteLimitBeforeLookingAtIt() {
    byte[] bytes = HostileImages.encode(HostileImages.picture(120, 80), "png");
    SafeImageDecoder strict = new SafeImageDecoder(new DecodeLimits(bytes.length - 1, 50_000_000));

    assertThat(strict.decode(bytes)).isInstanceOfSatisfying(Rejected.class,
        rejected -> assertThat(rejected.reason()).contains("over the limit of " + (bytes.length - 1)));
  }

  @Test
  void rejectsTruncatedJpeg() {
    byte[] whole = HostileImages.encode(HostileImages.picture(200, 150), "jpeg");
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

    assertThat(decoder.decode(truncated)).isInstanceOfSatisfying(Rejected.class,
        rejected -> assertThat(rejected.reason()).contains("truncated JPEG"));
  }

  @Test
  void rejectsTruncatedJpegEvenWhenAnEndMarkerSurvivesInTheKeptPart() {
    byte[] whole = HostileImages.encode(HostileImages.picture(200, 150), "jpeg");
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2 + 2);
    truncated[truncated.length - 2] = (byte) 0xFF;
    truncated[truncated.length - 1] = (byte) 0xD9;

    assertThat(decoder.decode(truncated)).isInstanceOf(Rejected.class);
  }

  @ParameterizedTest(name = "rejects a truncated {0}")
  @ValueSource(strings = {"png", "gif", "bmp"})
  void rejectsTruncatedFilesOfEveryFormat(String format) {
    byte[] whole = HostileImages.encode(HostileImages.picture(200, 150), format);

    assertThat(decoder.decode(Arrays.copyOf(whole, whole.length * 2 / 3))).isInstanceOf(Rejected.class);
  }

  @Test
  void rejectsTruncatedWebp() {
    byte[] whole = HostileImages.solidWebp(10, 10, 1, 2, 3);

    assertThat(decoder.decode(Arrays.copyOf(whole, whole.length - 3))).isInstanceOfSatisfying(Rejected.class,
        rejected -> assertThat(rejected.reason()).contains("truncated WebP"));
  }

  @Test
  void rejectsPngThatClaimsToBeJpeg(@TempDir Path directory) throws Exception {
    byte[] png = HostileImages.encode(HostileImages.picture(40, 40), "png");
    Path file = directory.resolve("holiday.jpg");
    Files.write(file, png);

    assertThat(decoder.decode(file)).isInstanceOfSatisfying(Rejected.class,
        rejected -> assertThat(rejected.reason()).contains("declared as jpeg").contains("bytes are png"));
    assertThat(decoder.decode(png, Optional.of("image/jpeg"))).isInstanceOf(Rejected.class);
  }

  @Test
  void ignoresADeclaredTypeThatNamesNoImageFormat() {
    byte[] png = HostileImages.encode(HostileImages.picture(40, 40), "png");

    assertThat(decoder.decode(png, Optional.of("application/octet-stream"))).isInstanceOf(Decoded.class);
    assertThat(decoder.decode(png, Optional.of("image/png; charset=binary"))).isInstanceOf(Decoded.class);
  }

  @Test
  void rejectsEmptyFile(@TempDir Path directory) throws Exception {
    Path file = Files.write(directory.resolve("empty.png"), new byte[0]);

    assertThat(decoder.decode(file)).isEqualTo(new Rejected("empty file"));
    assertThat(decoder.decode(new byte[0])).isEqualTo(new Rejected("empty file"));
  }

  @Test
  void rejectsRandomBytesAndRandomBytesBehindAValidMagicNumber() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    byte[][] magics = {
      {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
      {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
      {'G', 'I', 'F', '8', '9', 'a'},
      {'R', 'I', 'F', 'F', 0, 1, 0, 0, 'W', 'E', 'B', 'P'},
      {'B', 'M'},
      {}
    };
    for (int round = 0; round < 60; round++) {
      byte[] bytes = new byte[1 + random.nextInt(4096)];
      random.nextBytes(bytes);
      byte[] magic = magics[round % magics.length];
      System.arraycopy(magic, 0, bytes, 0, Math.min(magic.length, bytes.length));

      DecodeResult result = decoder.decode(bytes);

      assertThat(result).as("seed %d round %d", seed, round).isInstanceOf(Rejected.class);
    }
  }

  @Test
  void rejectsBitFlippedImagesOrDecodesThemWholeButNeverThrows() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (String format : new String[] {"jpeg", "png", "gif", "bmp"}) {
      byte[] whole = HostileImages.encode(HostileImages.picture(64, 48), format);
      for (int round = 0; round < 25; round++) {
        byte[] damaged = whole.clone();
        for (int flips = 0; flips < 1 + random.nextInt(8); flips++) {
          damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
        }
        DecodeResult result = decoder.decode(damaged);
        assertThat(result).as("seed %d %s round %d", seed, format, round).isNotNull();
        if (result instanceof Decoded decoded) {
          BufferedImage image = decoded.image();
          assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(DecodeLimits.DEFAULT.maxPixels());
        }
      }
    }
  }
}
