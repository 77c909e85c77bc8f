package org.cordon.range.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageReaderWriterSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Baseline JPEG encoding and decoding with the JDK's ImageIO codec.
 *
 * <p>The JDK writer puts no timestamp or random identifier in the file, so the same pixels at the
 * same quality give the same bytes: the range can record SHA-256 digests of what it publishes.
 */
public final class Jpeg {

  private Jpeg() {}

  /** Encodes {@code image} (alpha, if any, is composited over black) at {@code quality} in [0, 1]. */
  public static byte[] encode(BufferedImage image, float quality) {
    Objects.requireNonNull(image, "image");
    if (!(quality >= 0f && quality <= 1f)) {
      throw new IllegalArgumentException("JPEG quality must be in [0, 1], was " + quality);
    }
    BufferedImage rgb = image.getType() == BufferedImage.TYPE_INT_RGB ? image : Pixels.toRgb(image);
    ImageWriter writer = preferJdk(ImageIO.getImageWritersByFormatName("jpeg"),
        ImageWriter::getOriginatingProvider, "a JPEG ImageWriter");
    try (var bytes = new ByteArrayOutputStream();
        var output = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam parameters = writer.getDefaultWriteParam();
      parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      parameters.setCompressionQuality(quality);
      writer.setOutput(output);
      writer.write(null, new IIOImage(rgb, null, null), parameters);
      output.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding failed in memory", e);
    } finally {
      writer.dispose();
    }
  }

  /** Decodes JPEG (or any format ImageIO reads) bytes into a {@code TYPE_INT_RGB} image. */
  public static BufferedImage decode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = preferJdk(ImageIO.getImageReaders(input),
          ImageReader::getOriginatingProvider, "an image reader for these bytes");
      try {
        reader.setInput(input, true, true);
        return Pixels.toRgb(reader.read(0));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("bytes are not a readable image: " + e.getMessage(), e);
    }
  }

  /**
   * The JDK's own codec when present. Plug-ins on the classpath (TwelveMonkeys, which cordon-detect
   * brings) register JPEG codecs too, and ImageIO does not specify their order: choosing
   * explicitly keeps bytes and pixels the same whatever the classpath.
   */
  private static <C> C preferJdk(Iterator<C> codecs, Function<C, ImageReaderWriterSpi> provider, String what) {
    List<C> found = new ArrayList<>();
    codecs.forEachRemaining(found::add);
    if (found.isEmpty()) {
      throw new IllegalStateException("no " + what + " is registered with ImageIO");
    }
    return found.stream()
        .filter(codec -> provider.apply(codec) != null
            && provider.apply(codec).getClass().getName().startsWith("com.sun.imageio."))
        .findFirst()
        .orElse(found.getFirst());
  }
}
