package org.cordon.range.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One thing a repost does to an image. Each implementation is a record of its parameters; {@link
 * #name()} is a persisted label (never rename one). {@link #apply} never mutates its input and
 * always returns a new {@code TYPE_INT_RGB} image.
 */
public sealed interface Transform {

  /** Persisted label of the transformation type, e.g. "crop" or "jpeg". */
  String name();

  BufferedImage apply(BufferedImage in);

  /** Where a watermark sits. */
  enum Corner { TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT }

  /**
   * Keeps a {@code fraction} (0 &lt; fraction ≤ 1) of the width and of the height; the anchors (0..1)
   * say where the kept window sits (0 = left/top edge, 0.5 = centre, 1 = right/bottom edge).
   */
  record Crop(double fraction, double anchorX, double anchorY) implements Transform {
    public Crop {
      requireIn("fraction", fraction, 0.01, 1.0);
      requireIn("anchorX", anchorX, 0.0, 1.0);
      requireIn("anchorY", anchorY, 0.0, 1.0);
    }

    @Override public String name() {
      return "crop";
    }

    @Override public BufferedImage apply(BufferedImage in) {
      int width = Math.max(1, (int) Math.round(in.getWidth() * fraction));
      int height = Math.max(1, (int) Math.round(in.getHeight() * fraction));
      int left = (int) Math.round((in.getWidth() - width) * anchorX);
      int top = (int) Math.round((in.getHeight() - height) * anchorY);
      return Pixels.toRgb(in.getSubimage(left, top, width, height));
    }
  }

  /** Scales both sides by {@code factor} (0.05..8). */
  record Rescale(double factor) implements Transform {
    public Rescale {
      requireIn("factor", factor, 0.05, 8.0);
    }

    @Override public String name() {
      return "rescale";
    }

    @Override public BufferedImage apply(BufferedImage in) {
      return Pixels.resize(in, Math.max(1, (int) Math.round(in.getWidth() * factor)),
          Math.max(1, (int) Math.round(in.getHeight() * factor)));
    }
  }

  /** Encodes as JPEG at {@code quality} (0..1) and decodes again, as every upload pipeline does. */
  record JpegReencode(float quality) implements Transform {
    public JpegReencode {
      requireIn("quality", quality, 0.0, 1.0);
    }

    @Override public String name() {
      return "jpeg";
    }

    @Override public BufferedImage apply(BufferedImage in) {
      return Jpeg.decode(Jpeg.encode(in, quality));
    }
  }

  /**
   * Adds a frame of colour {@code rgb} on all four sides, each {@code fraction} (0..0.5) of the
   * shorter side thick. Relative rather than in pixels so that its effect does not depend on the
   * size of the image it lands on.
   */
  record Border(double fraction, int rgb) implements Transform {
    public Border {
      requireIn("fraction", fraction, 0.0, 0.5);
    }

    @Override public String name() {
      return "border";
    }

    @Override public BufferedImage apply(BufferedImage in) {
      int pixels = (int) Math.round(Math.min(in.getWidth(), in.getHeight()) * fraction);
      BufferedImage out = Pixels.blank(in.getWidth() + 2 * pixels, in.getHeight() + 2 * pixels);
      Graphics2D g = out.createGraphics();
      try {
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(in, pixels, pixels, null);
      } finally {
        g.dispose();
      }
      return out;
    }
  }

  /**
   * Stamps {@code logo} in a corner, its width {@code scale} (0..1) of the image width, at 85 %
   * opacity, as aggregator channels brand what they repost. The logo is held, not copied: do not
   * draw on it afterwards (equality is the logo's identity, as for any BufferedImage).
   */
  record Watermark(BufferedImage logo, double scale, Corner corner) implements Transform {
    public Watermark {
      Objects.requireNonNull(logo, "logo");
      Objects.requireNonNull(corner, "corner");
      requireIn("scale", scale, 0.01, 1.0);
    }

    @Override public String name() {
      return "watermark";
    }

    /** Describes the logo by its size: the default would dump the whole BufferedImage. */
    @Override public String toString() {
      return "Watermark[logo=" + logo.getWidth() + "×" + logo.getHeight() + ", scale=" + scale + ", corner=" + corner + "]";
    }

    @Override public BufferedImage apply(BufferedImage in) {
      BufferedImage out = Pixels.toRgb(in);
      int width = Math.max(1, (int) Math.round(in.getWidth() * scale));
      int height = Math.max(1, (int) Math.round((double) width * logo.getHeight() / logo.getWidth()));
      int margin = Math.max(1, in.getWidth() / 50);
      int left = switch (corner) {
        case TOP_LEFT, BOTTOM_LEFT -> margin;
        case TOP_RIGHT, BOTTOM_RIGHT -> in.getWidth() - width - margin;
      };
      int top = switch (corner) {
        case TOP_LEFT, TOP_RIGHT -> margin;
        case BOTTOM_LEFT, BOTTOM_RIGHT -> in.getHeight() - height - margin;
      };
      Graphics2D g = Pixels.graphics(out);
      try {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.85f));
        g.drawImage(logo, left, top, width, height, null);
      } finally {
        g.dispose();
      }
      return out;
    }
  }

  /** Flips left to right. */
  record Mirror() implements Transform {
    @Override public String name() {
      return "mirror";
    }

    @Override public BufferedImage apply(BufferedImage in) {
      int width = in.getWidth();
      BufferedImage out = Pixels.blank(width, in.getHeight());
      int[] row = new int[width];
      int[] flipped = new int[width];
      for (int y = 0; y < in.getHeight(); y++) {
        in.getRGB(0, y, width, 1, row, 0, width);
        for (int x = 0; x < width; x++) {
          flipped[x] = row[width - 1 - x];
        }
        out.setRGB(0, y, width, 1, flipped, 0, width);
      }
      return out;
    }
  }

  /**
   * Shifts hue by {@code hue} turns (-0.5..0.5) and multiplies saturation and brightness by the
   * given factors (0..2), as "filters" do.
   */
  record ColourShift(float hue, float saturation, float brightness) implements Transform {
    public ColourShift {
      requireIn("hue", hue, -0.5, 0.5);
      requireIn("saturation", saturation, 0.0, 2.0);
      requireIn("brightness", brightness, 0.0, 2.0);
    }

    @Override public String name() {
      return "colour-shift";
    }

    @Override public BufferedImage apply(BufferedImage in) {
      int width = in.getWidth();
      BufferedImage out = Pixels.blank(width, in.getHeight());
      int[] row = new int[width];
      float[] hsb = new float[3];
      for (int y = 0; y < in.getHeight(); y++) {
        in.getRGB(0, y, width, 1, row, 0, width);
        for (int x = 0; x < width; x++) {
          int p = row[x];
          Color.RGBtoHSB((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF, hsb);
          float h = hsb[0] + hue;
          h -= (float) Math.floor(h);
          row[x] = Color.HSBtoRGB(h, Math.min(1f, hsb[1] * saturation), Math.min(1f, hsb[2] * brightness));
        }
        out.setRGB(0, y, width, 1, row, 0, width);
      }
      return out;
    }
  }

  /**
   * Writes {@code text} on a dark translucent label centred horizontally, its centre at {@code
   * relativeY} (0 = top, 1 = bottom) of the height, as meme captions and "repost if you agree"
   * stamps do. Lettering is drawn as blocks, independent of installed fonts.
   */
  record TextOverlay(String text, double relativeY, int rgb) implements Transform {
    public TextOverlay {
      Objects.requireNonNull(text, "text");
      requireIn("relativeY", relativeY, 0.0, 1.0);
    }

    @Override public String name() {
      return "text-overlay";
    }

    @Override public BufferedImage apply(BufferedImage in) {
      BufferedImage out = Pixels.toRgb(in);
      int width = in.getWidth();
      int cell = Math.max(1, Math.min(in.getHeight() / 80,
          (width * 8 / 10) / Math.max(1, BlockLettering.width(text, 1))));
      int textWidth = BlockLettering.width(text, cell);
      int bandHeight = BlockLettering.height(cell) + 4 * cell;
      int bandWidth = textWidth + 4 * cell;
      int top = Math.clamp(Math.round(in.getHeight() * relativeY - bandHeight / 2.0), 0,
          Math.max(0, in.getHeight() - bandHeight));
      int left = (width - bandWidth) / 2;
      Graphics2D g = Pixels.graphics(out);
      try {
        g.setColor(new Color(0, 0, 0, 150));
        g.fillRect(left, top, bandWidth, bandHeight);
        BlockLettering.draw(g, text, left + 2 * cell, top + 2 * cell, cell, new Color(rgb));
      } finally {
        g.dispose();
      }
      return out;
    }
  }

  /**
   * Rotates by {@code degrees} (-15..15) about the centre, keeping the size; the uncovered corners
   * are filled with {@code rgb}, as a slightly skewed photo of a screen or a careless edit shows.
   */
  record RotateSmall(double degrees, int rgb) implements Transform {
    public RotateSmall {
      requireIn("degrees", degrees, -15.0, 15.0);
    }

    @Override public String name() {
      return "rotate-small";
    }

    @Override public BufferedImage apply(BufferedImage in) {
      BufferedImage out = Pixels.blank(in.getWidth(), in.getHeight());
      Graphics2D g = Pixels.graphics(out);
      try {
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(degrees),
            in.getWidth() / 2.0, in.getHeight() / 2.0));
        g.drawImage(in, 0, 0, null);
      } finally {
        g.dispose();
      }
      return out;
    }
  }

  /**
   * Letterboxes to width/height ratio {@code aspect} (0.2..5) with bars of colour {@code rgb},
   * centred, as posting a landscape image to a square or portrait feed does. No-op when the image
   * already has that ratio.
   */
  record Pad(double aspect, int rgb) implements Transform {
    public Pad {
      requireIn("aspect", aspect, 0.2, 5.0);
    }

    @Override public String name() {
      return "pad";
    }

    @Override public BufferedImage apply(BufferedImage in) {
      int width = in.getWidth();
      int height = in.getHeight();
      int targetWidth = Math.max(width, (int) Math.round(height * aspect));
      int targetHeight = Math.max(height, (int) Math.round(width / aspect));
      BufferedImage out = Pixels.blank(targetWidth, targetHeight);
      Graphics2D g = out.createGraphics();
      try {
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, targetWidth, targetHeight);
        g.drawImage(in, (targetWidth - width) / 2, (targetHeight - height) / 2, null);
      } finally {
        g.dispose();
      }
      return out;
    }
  }

  private static void requireIn(String parameter, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          parameter + " must be in [" + min + ", " + max + "], was " + value);
    }
  }
}
