package org.cordon.range.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Small helpers shared by the image makers and the transforms of this package. */
final class Pixels {

  private Pixels() {}

  static BufferedImage blank(int width, int height) {
    return new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
  }

  /** An independent TYPE_INT_RGB copy (alpha composited over black), so no transform mutates its input. */
  static BufferedImage toRgb(BufferedImage in) {
    BufferedImage out = blank(in.getWidth(), in.getHeight());
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(in, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Graphics with quality hints fixed explicitly, so output does not depend on platform defaults. */
  static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE);
    return g;
  }

  static int clamp(int value) {
    return value < 0 ? 0 : Math.min(255, value);
  }

  static int rgb(int red, int green, int blue) {
    return (clamp(red) << 16) | (clamp(green) << 8) | clamp(blue);
  }

  /**
   * Resizes in halving steps then one bilinear step: a single bilinear step below one half skips
   * pixels and aliases, which is not what the photo apps reposts go through do. Keeps alpha when
   * the input has it (logos), otherwise returns TYPE_INT_RGB.
   */
  static BufferedImage resize(BufferedImage in, int width, int height) {
    BufferedImage current = in;
    while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    return draw(current, width, height);
  }

  private static BufferedImage draw(BufferedImage in, int width, int height) {
    BufferedImage out = in.getColorModel().hasAlpha()
        ? new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_ARGB)
        : blank(width, height);
    Graphics2D g = graphics(out);
    try {
      g.drawImage(in, 0, 0, out.getWidth(), out.getHeight(), null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
