package org.cordon.detect.media.pdq;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Computes Meta's PDQ perceptual hash, bit for bit as the Java reference does for the same
 * pixels (see {@code shared/pdq/SPEC.md}). Pixels are read with {@link BufferedImage#getRGB}, so
 * Java's colour-model conversions apply and alpha is ignored; callers decode the image.
 *
 * <p>Every image value is an f32 and every sum runs in the reference's order: the arithmetic
 * order is part of the definition, since the median threshold turns the smallest rounding change
 * into a flipped bit.
 *
 * <p>Images narrower or shorter than {@value #MIN_HASHABLE_DIMENSION} pixels get the all-zero hash
 * and quality 0 (the C++ reference's rule): their bits would be rounding noise.
 *
 * <p>Memory: two f32 planes of the image's full size (8 bytes per pixel) besides the image.
 * Thread-safe; instances hold only the constant DCT matrix.
 */
public final class PdqHasher {
  static final int MIN_HASHABLE_DIMENSION = 5;
  private static final int GRID = 64;
  private static final int BLOCK = 16;
  private static final float LUMA_RED = 0.299f;
  private static final float LUMA_GREEN = 0.587f;
  private static final float LUMA_BLUE = 0.114f;
  private static final float[][] DCT = dctMatrix();

  public PdqResult hash(BufferedImage image) {
    return analyse(image).result(Dihedral.ORIGINAL);
  }

  /** All eight dihedral variants from one pass over the pixels. */
  public DihedralResult hashDihedral(BufferedImage image) {
    Block block = analyse(image);
    List<PdqHash> hashes = new ArrayList<>(8);
    for (Dihedral variant : Dihedral.values()) {
      hashes.add(block.result(variant).hash());
    }
    return new DihedralResult(hashes, block.quality());
  }

  private static Block analyse(BufferedImage image) {
    Objects.requireNonNull(image, "image");
    int height = image.getHeight();
    int width = image.getWidth();
    if (height < MIN_HASHABLE_DIMENSION || width < MIN_HASHABLE_DIMENSION) {
      return Block.UNHASHABLE;
    }
    float[] plane = luma(image);
    float[] scratch = new float[plane.length];
    int windowAlongRows = (width + 127) / 128;
    int windowAlongColumns = (height + 127) / 128;
    for (int round = 0; round < 2; round++) {
      boxAlongRows(plane, scratch, height, width, windowAlongRows);
      boxAlongColumns(scratch, plane, height, width, windowAlongColumns);
    }
    float[][] grid = decimate(plane, height, width);
    int quality = quality(grid);
    return new Block(dct(grid), quality);
  }

  private static float[] luma(BufferedImage image) {
    int height = image.getHeight();
    int width = image.getWidth();
    float[] plane = new float[Math.multiplyExact(height, width)];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      int offset = y * width;
      for (int x = 0; x < width; x++) {
        int rgb = row[x];
        float red = (rgb >>> 16) & 0xff;
        float green = (rgb >>> 8) & 0xff;
        float blue = rgb & 0xff;
        plane[offset + x] = LUMA_RED * red + LUMA_GREEN * green + LUMA_BLUE * blue;
      }
    }
    return plane;
  }

  /**
   * Box filter along each row: a running f32 sum, the entering sample added before the leaving
   * one is subtracted, divided by the number of samples inside the (edge-truncated) window.
   */
  static void boxAlongRows(float[] in, float[] out, int height, int width, int window) {
    int ahead = window / 2;
    int behind = window - 1 - ahead;
    for (int y = 0; y < height; y++) {
      int base = y * width;
      float sum = 0f;
      int count = 0;
      for (int k = 0; k < ahead; k++) {
        sum += in[base + k];
        count++;
      }
      for (int i = 0; i < width; i++) {
        if (i + ahead <= width - 1) {
          sum += in[base + i + ahead];
          count++;
        }
        if (i - behind - 1 >= 0) {
          sum -= in[base + i - behind - 1];
          count--;
        }
        out[base + i] = sum / (float) count;
      }
    }
  }

  /**
   * The same filter along each column. The columns' running sums advance together, one row at a
   * time, so memory is read in order; each column's arithmetic is exactly the 1-D filter's.
   */
  static void boxAlongColumns(float[] in, float[] out, int height, int width, int window) {
    int ahead = window / 2;
    int behind = window - 1 - ahead;
    float[] sums = new float[width];
    int count = 0;
    for (int k = 0; k < ahead; k++) {
      addRow(sums, in, k * width, width);
      count++;
    }
    for (int i = 0; i < height; i++) {
      if (i + ahead <= height - 1) {
        addRow(sums, in, (i + ahead) * width, width);
        count++;
      }
      if (i - behind - 1 >= 0) {
        int leaving = (i - behind - 1) * width;
        for (int x = 0; x < width; x++) {
          sums[x] -= in[leaving + x];
        }
        count--;
      }
      float divisor = count;
      int base = i * width;
      for (int x = 0; x < width; x++) {
        out[base + x] = sums[x] / divisor;
      }
    }
  }

  private static void addRow(float[] sums, float[] in, int offset, int width) {
    for (int x = 0; x < width; x++) {
      sums[x] += in[offset + x];
    }
  }

  /** Point-samples the cell centres (rounded down); small images repeat pixels. */
  private static float[][] decimate(float[] plane, int height, int width) {
    float[][] grid = new float[GRID][GRID];
    for (int i = 0; i < GRID; i++) {
      int row = (int) ((2L * i + 1) * height / 128);
      for (int j = 0; j < GRID; j++) {
        int column = (int) ((2L * j + 1) * width / 128);
        grid[i][j] = plane[row * width + column];
      }
    }
    return grid;
  }

  /** Sum of each neighbour gradient truncated separately, as the reference does. */
  static int quality(float[][] grid) {
    int gradients = 0;
    for (int i = 0; i < GRID - 1; i++) {
      for (int j = 0; j < GRID; j++) {
        gradients += Math.abs((int) ((grid[i][j] - grid[i + 1][j]) * 100f / 255f));
      }
    }
    for (int i = 0; i < GRID; i++) {
      for (int j = 0; j < GRID - 1; j++) {
        gradients += Math.abs((int) ((grid[i][j] - grid[i][j + 1]) * 100f / 255f));
      }
    }
    return Math.min(100, gradients / 90);
  }

  /** B = C · D · Cᵀ in two f32 stages, sums from k = 0 upwards. */
  private static float[][] dct(float[][] grid) {
    float[][] half = new float[BLOCK][GRID];
    for (int i = 0; i < BLOCK; i++) {
      for (int j = 0; j < GRID; j++) {
        float sum = 0f;
        for (int k = 0; k < GRID; k++) {
          sum += DCT[i][k] * grid[k][j];
        }
        half[i][j] = sum;
      }
    }
    float[][] block = new float[BLOCK][BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      for (int j = 0; j < BLOCK; j++) {
        float sum = 0f;
        for (int k = 0; k < GRID; k++) {
          sum += half[i][k] * DCT[j][k];
        }
        block[i][j] = sum;
      }
    }
    return block;
  }

  /** Rows are frequencies 1..16 (DC left out), scale √(2/64) rounded to f32 first. */
  private static float[][] dctMatrix() {
    double scale = (float) Math.sqrt(2.0 / GRID);
    float[][] matrix = new float[BLOCK][GRID];
    for (int i = 0; i < BLOCK; i++) {
      for (int j = 0; j < GRID; j++) {
        matrix[i][j] = (float) (scale * Math.cos(Math.PI / 2.0 / GRID * (i + 1) * (2 * j + 1)));
      }
    }
    return matrix;
  }

  /** The 16×16 DCT block of one image and its quality. */
  private record Block(float[][] coefficients, int quality) {
    static final Block UNHASHABLE = new Block(new float[BLOCK][BLOCK], 0);

    PdqResult result(Dihedral variant) {
      if (this == UNHASHABLE) {
        return new PdqResult(new PdqHash(0, 0, 0, 0), 0);
      }
      return new PdqResult(threshold(transformed(variant)), quality);
    }

    /**
     * A mirror along an axis negates the coefficients of even index (odd frequency) on it; a
     * rotation or diagonal flip also swaps the axes.
     */
    private float[][] transformed(Dihedral variant) {
      float[][] b = coefficients;
      float[][] out = new float[BLOCK][BLOCK];
      for (int p = 0; p < BLOCK; p++) {
        for (int q = 0; q < BLOCK; q++) {
          out[p][q] = switch (variant) {
            case ORIGINAL -> b[p][q];
            case ROTATE_90 -> evenNegated(p) * b[q][p];
            case ROTATE_180 -> parity(p + q) * b[p][q];
            case ROTATE_270 -> evenNegated(q) * b[q][p];
            case FLIP_X -> evenNegated(p) * b[p][q];
            case FLIP_Y -> evenNegated(q) * b[p][q];
            case FLIP_PLUS_1 -> b[q][p];
            case FLIP_MINUS_1 -> parity(p + q) * b[q][p];
          };
        }
      }
      return out;
    }

    private static float evenNegated(int index) {
      return index % 2 == 0 ? -1f : 1f;
    }

    private static float parity(int sum) {
      return sum % 2 == 0 ? 1f : -1f;
    }

    /** Bit k = 16·i + j is set when B[i][j] is strictly above the lower median. */
    private static PdqHash threshold(float[][] block) {
      float[] values = new float[BLOCK * BLOCK];
      for (int i = 0; i < BLOCK; i++) {
        System.arraycopy(block[i], 0, values, i * BLOCK, BLOCK);
      }
      float[] sorted = values.clone();
      Arrays.sort(sorted);
      float median = sorted[BLOCK * BLOCK / 2 - 1];
      boolean[] bits = new boolean[BLOCK * BLOCK];
      for (int k = 0; k < values.length; k++) {
        bits[k] = values[k] > median;
      }
      return PdqHash.fromBits(bits);
    }
  }
}
