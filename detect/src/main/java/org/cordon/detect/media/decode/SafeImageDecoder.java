package org.cordon.detect.media.decode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.cordon.detect.media.decode.DecodeResult.Decoded;
import org.cordon.detect.media.decode.DecodeResult.Rejected;

/**
 * Decodes untrusted image bytes (JPEG including CMYK, PNG, GIF's first frame, WebP, BMP) without
 * letting them take the process down. In order, it refuses: files over the byte limit; bytes whose
 * magic number is no supported format; bytes whose declared type (MIME type or file extension)
 * names another image format than they are; files cut short; images whose header declares more
 * pixels than the pixel limit (read before any raster is allocated, which is what stops
 * decompression bombs); and anything the decoder throws or warns about. It never throws for bad
 * input and never returns a partly decoded image.
 *
 * <p>Thread-safe: each call uses its own reader.
 */
public final class SafeImageDecoder {
  private final DecodeLimits limits;

  public SafeImageDecoder() {
    this(DecodeLimits.DEFAULT);
  }

  public SafeImageDecoder(DecodeLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public DecodeLimits limits() {
    return limits;
  }

  /** Decodes bytes of unknown declared type: only the magic number decides. */
  public DecodeResult decode(byte[] bytes) {
    return decode(bytes, Optional.empty());
  }

  /**
   * @param declaredType what the source claims the bytes are: a MIME type or a file extension. A
   *     claim naming another image format than the bytes is a rejection; a claim naming no image
   *     format we know is ignored.
   */
  public DecodeResult decode(byte[] bytes, Optional<String> declaredType) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(declaredType, "declaredType");
    if (bytes.length == 0) {
      return new Rejected("empty file");
    }
    if (bytes.length > limits.maxBytes()) {
      return new Rejected("file of " + bytes.length + " bytes is over the limit of " + limits.maxBytes());
    }
    Optional<ImageFormat> sniffed = ImageFormat.sniff(bytes);
    if (sniffed.isEmpty()) {
      return new Rejected("not a supported image (JPEG, PNG, GIF, WebP, BMP); it starts with " + leadingBytes(bytes));
    }
    ImageFormat format = sniffed.get();
    Optional<ImageFormat> claimed = declaredType.flatMap(ImageFormat::claimedBy);
    if (claimed.isPresent() && claimed.get() != format) {
      return new Rejected(
          "declared as " + claimed.get().formatName() + " ('" + declaredType.get() + "') but the bytes are " + format.formatName());
    }
    Optional<String> truncation = Completeness.truncation(format, bytes);
    if (truncation.isPresent()) {
      return new Rejected(truncation.get());
    }
    return decodeChecked(bytes, format);
  }

  /** Decodes a file, its extension being the declared type; the size is checked before reading. */
  public DecodeResult decode(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      if (!Files.isRegularFile(file)) {
        return new Rejected("not a regular file: " + file);
      }
      long size = Files.size(file);
      if (size > limits.maxBytes()) {
        return new Rejected("file of " + size + " bytes is over the limit of " + limits.maxBytes());
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        // Read at most one byte past the limit, in case the file grew since it was measured.
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
      }
      return decode(bytes, extension(file));
    } catch (IOException e) {
      return new Rejected("cannot read " + file + ": " + e.getMessage());
    }
  }

  private DecodeResult decodeChecked(byte[] bytes, ImageFormat format) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.formatName());
    if (!readers.hasNext()) {
      return new Rejected("no decoder installed for " + format.formatName());
    }
    ImageReader reader = readers.next();
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(input, true, true);
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      long width = reader.getWidth(0);
      long height = reader.getHeight(0);
      if (width <= 0 || height <= 0) {
        return new Rejected("image declares no pixels: " + width + "×" + height);
      }
      if (width * height > limits.maxPixels()) {
        return new Rejected(
            "image of " + width + "×" + height + " = " + width * height + " pixels is over the limit of " + limits.maxPixels());
      }
      BufferedImage image = reader.read(0);
      if (!warnings.isEmpty()) {
        return new Rejected("decoder warned, the image may be damaged: " + String.join("; ", warnings));
      }
      if (image == null) {
        return new Rejected("the " + format.formatName() + " decoder returned no image");
      }
      return new Decoded(image, format.formatName());
    } catch (Exception | LinkageError | OutOfMemoryError | StackOverflowError e) {
      // Decoders of hostile input throw anything, including errors; none may escape.
      return new Rejected("cannot decode " + format.formatName() + ": " + describe(e));
    } finally {
      reader.dispose();
    }
  }

  private static Optional<String> extension(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    String text = name.toString();
    int dot = text.lastIndexOf('.');
    return dot < 0 || dot == text.length() - 1 ? Optional.empty() : Optional.of(text.substring(dot + 1));
  }

  private static String leadingBytes(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(8, bytes.length));
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
