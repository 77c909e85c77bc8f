package org.cordon.detect.media.decode;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Builds well-formed and hostile image files in memory, so no image file lives in the repository. */
final class HostileImages {
  private HostileImages() {}

  /** A picture with some structure: a gradient and a few shapes. */
  static BufferedImage picture(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setPaint(new java.awt.GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
      graphics.fillRect(0, 0, width, height);
      graphics.setColor(Color.WHITE);
      graphics.fillOval(width / 5, height / 4, width / 3, height / 2);
      graphics.setColor(Color.BLACK);
      graphics.fillRect(width / 2, height / 6, width / 4, height / 3);
    } finally {
      graphics.dispose();
    }
    return image;
  }

  static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A greyscale PNG of the given size, every pixel 0: the file is about a thousandth of the raster
   * it declares. The zlib stream is one deflated block of zeros repeated: each copy starts with a
   * literal and then refers only to itself, so copies can be chained without deflating the whole
   * raster (which takes seconds).
   */
  static byte[] pngBomb(int width, int height) {
    try {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      DataOutputStream headerData = new DataOutputStream(header);
      headerData.writeInt(width);
      headerData.writeInt(height);
      headerData.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit greyscale, deflate, adaptive, no interlace
      chunk(png, "IHDR", header.toByteArray());
      // Each row is a filter byte 0 and then its pixels, all 0.
      chunk(png, "IDAT", zlibOfZeros((long) height * (width + 1)));
      chunk(png, "IEND", new byte[0]);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] zlibOfZeros(long count) {
    int chunkSize = 1 << 20;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x78);
    out.write(0xDA);
    byte[] fullChunk = deflateWithoutFinalBlock(chunkSize);
    for (long i = 0; i < count / chunkSize; i++) {
      out.writeBytes(fullChunk);
    }
    if (count % chunkSize != 0) {
      out.writeBytes(deflateWithoutFinalBlock((int) (count % chunkSize)));
    }
    out.write(0x03); // an empty final block (fixed Huffman, just the end-of-block code)
    out.write(0x00);
    long adler = (count % 65521) << 16 | 1; // Adler-32 of zeros: a stays 1, b grows by 1 a byte
    out.write((int) (adler >>> 24));
    out.write((int) (adler >>> 16));
    out.write((int) (adler >>> 8));
    out.write((int) adler);
    return out.toByteArray();
  }

  private static byte[] deflateWithoutFinalBlock(int zeros) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(new byte[zeros]);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      int n;
      do {
        n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        out.write(buffer, 0, n);
      } while (n == buffer.length);
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
    DataOutputStream out = new DataOutputStream(png);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(typeBytes);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }

  /**
   * A lossless WebP (VP8L) of one colour. With no transform, no colour cache and five one-symbol
   * prefix codes, every pixel costs zero bits, so any size fits in a few bytes.
   */
  static byte[] solidWebp(int width, int height, int red, int green, int blue) {
    LsbBitWriter bits = new LsbBitWriter();
    bits.write(0x2F, 8); // VP8L signature
    bits.write(width - 1, 14);
    bits.write(height - 1, 14);
    bits.write(0, 1); // alpha not used
    bits.write(0, 3); // version
    bits.write(0, 1); // no transform
    bits.write(0, 1); // no colour cache
    bits.write(0, 1); // no meta prefix codes
    for (int symbol : new int[] {green, red, blue, 255, 0}) {
      bits.write(1, 1); // simple code
      bits.write(0, 1); // one symbol
      bits.write(1, 1); // written in 8 bits
      bits.write(symbol, 8);
    }
    byte[] payload = bits.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int padded = payload.length + (payload.length & 1);
    out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    writeLittleEndian(out, 4 + 8 + padded);
    out.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
    writeLittleEndian(out, payload.length);
    out.writeBytes(payload);
    if ((payload.length & 1) == 1) {
      out.write(0);
    }
    return out.toByteArray();
  }

  /** A four-channel (CMYK) JPEG, which the JDK's own reader refuses. */
  static byte[] cmykJpeg(int width, int height) {
    WritableRaster raster = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, width, height, 4, null);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setPixel(x, y, new int[] {x * 255 / width, y * 255 / height, 40, 10});
      }
    }
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = writers.next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(raster, null, null), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static void writeLittleEndian(ByteArrayOutputStream out, int value) {
    out.write(value);
    out.write(value >>> 8);
    out.write(value >>> 16);
    out.write(value >>> 24);
  }

  /** Packs bit fields least significant bit first, as VP8L reads them. */
  private static final class LsbBitWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long buffer;
    private int count;

    void write(int value, int width) {
      buffer |= ((long) value & ((1L << width) - 1)) << count;
      count += width;
      while (count >= 8) {
        bytes.write((int) (buffer & 0xFF));
        buffer >>>= 8;
        count -= 8;
      }
    }

    byte[] toByteArray() {
      if (count > 0) {
        bytes.write((int) (buffer & 0xFF));
        buffer = 0;
        count = 0;
      }
      return bytes.toByteArray();
    }
  }
}
