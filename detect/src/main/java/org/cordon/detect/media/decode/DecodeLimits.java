package org.cordon.detect.media.decode;

/**
 * How much {@link SafeImageDecoder} agrees to take on. The pixel limit is what keeps a
 * decompression bomb (a small file declaring a huge raster) from exhausting the heap: a decoded
 * image costs about 4 bytes per pixel, and hashing it 8 more.
 */
public record DecodeLimits(long maxBytes, long maxPixels) {
  public static final DecodeLimits DEFAULT = new DecodeLimits(50L * 1024 * 1024, 50_000_000L);

  public DecodeLimits {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }
  }
}
