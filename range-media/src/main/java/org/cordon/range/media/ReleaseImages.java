package org.cordon.range.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Synthetic "release" images of the range's fictional outlets, their logos, and plain avatars.
 *
 * <p>Every image is a pure function of its arguments: no fonts (text is drawn as blocks, see
 * {@link BlockLettering}), no clock, no shared random. A release has the structure that makes a
 * perceptual hash behave as it does on photographs: a smooth low-frequency field (which decides
 * most PDQ bits and differs from seed to seed), large shapes with edges, grain, a patch of fine
 * texture, and a banner strip that brands every release of an outlet the same way.
 */
public final class ReleaseImages {

  private static final int LOGO_SIZE = 128;
  private static final int AVATAR_SIZE = 128;

  private ReleaseImages() {}

  /** The canonical release image for {@code seed}, branded for {@code outletName}. */
  public static BufferedImage canonical(long seed, int width, int height, String outletName) {
    Objects.requireNonNull(outletName, "outletName");
    if (width < 64 || height < 64) {
      throw new IllegalArgumentException(
          "release images must be at least 64×64, was " + width + "×" + height);
    }
    SplittableRandom random = new SplittableRandom(mix(seed, 0x5EED_0001L));
    BufferedImage image = Pixels.blank(width, height);
    paintField(image, random);
    Graphics2D g = Pixels.graphics(image);
    try {
      int shapes = 4 + random.nextInt(5);
      for (int i = 0; i < shapes; i++) {
        paintShape(g, width, height, random);
      }
      paintStripes(g, width, height, random);
    } finally {
      g.dispose();
    }
    addGrain(image, random);
    paintBanner(image, outletName);
    return image;
  }

  /**
   * The outlet's logo: a round emblem with a motif and the outlet's initials, on a transparent
   * background ({@code TYPE_INT_ARGB}, 128×128). Used as watermark, avatar and banner mark.
   */
  public static BufferedImage logo(long seed, String outletName) {
    Objects.requireNonNull(outletName, "outletName");
    SplittableRandom random = new SplittableRandom(mix(seed, nameSeed(outletName)));
    BufferedImage logo = new BufferedImage(LOGO_SIZE, LOGO_SIZE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = Pixels.graphics(logo);
    try {
      Color base = vivid(random);
      Color accent = contrasting(base);
      int size = LOGO_SIZE;
      g.setColor(base);
      g.fill(new Ellipse2D.Double(2, 2, size - 4, size - 4));
      g.setColor(accent);
      g.setStroke(new BasicStroke(5f));
      g.draw(new Ellipse2D.Double(8, 8, size - 16, size - 16));
      g.fill(star(size / 2.0, size / 2.0, size * 0.40, size * 0.18, 3 + random.nextInt(6),
          random.nextDouble() * Math.PI));
      g.setColor(base);
      g.fill(new Ellipse2D.Double(size * 0.27, size * 0.27, size * 0.46, size * 0.46));
      String initials = initials(outletName);
      int cell = initials.length() > 1 ? 4 : 6;
      int textWidth = BlockLettering.width(initials, cell);
      BlockLettering.draw(g, initials, (size - textWidth) / 2,
          (size - BlockLettering.height(cell)) / 2, cell, accent);
    } finally {
      g.dispose();
    }
    return logo;
  }

  /** A plain avatar for an ordinary account (128×128): a silhouette or a symmetric pattern. */
  public static BufferedImage avatar(long seed) {
    SplittableRandom random = new SplittableRandom(mix(seed, 0xA7A7A7L));
    BufferedImage avatar = Pixels.blank(AVATAR_SIZE, AVATAR_SIZE);
    Graphics2D g = Pixels.graphics(avatar);
    try {
      Color background = Color.getHSBColor((float) random.nextDouble(), 0.25f, 0.92f);
      Color figure = Color.getHSBColor((float) random.nextDouble(), 0.55f, 0.45f);
      g.setColor(background);
      g.fillRect(0, 0, AVATAR_SIZE, AVATAR_SIZE);
      g.setColor(figure);
      if (random.nextBoolean()) {
        g.fill(new Ellipse2D.Double(40, 18, 48, 48));
        g.fill(new Ellipse2D.Double(16, 74, 96, 90));
      } else {
        int cell = AVATAR_SIZE / 8;
        for (int row = 0; row < 6; row++) {
          for (int column = 0; column < 3; column++) {
            if (random.nextBoolean()) {
              g.fillRect(cell * (1 + column), cell * (1 + row), cell, cell);
              g.fillRect(cell * (6 - column), cell * (1 + row), cell, cell);
            }
          }
        }
      }
    } finally {
      g.dispose();
    }
    return avatar;
  }

  /** Smooth value noise blended between three colours plus a linear gradient. */
  private static void paintField(BufferedImage image, SplittableRandom random) {
    int width = image.getWidth();
    int height = image.getHeight();
    int gridX = 3 + random.nextInt(5);
    int gridY = 3 + random.nextInt(4);
    double[][] lattice = new double[gridY + 1][gridX + 1];
    for (double[] row : lattice) {
      for (int i = 0; i < row.length; i++) {
        row[i] = random.nextDouble();
      }
    }
    int[] dark = hsb(random, 0.2, 0.9, 0.05, 0.35);
    int[] middle = hsb(random, 0.3, 1.0, 0.35, 0.7);
    int[] light = hsb(random, 0.1, 0.7, 0.7, 1.0);
    double angle = random.nextDouble() * 2 * Math.PI;
    double dx = Math.cos(angle);
    double dy = Math.sin(angle);
    double gradientWeight = 0.15 + 0.25 * random.nextDouble();
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      double v = (double) y / height * gridY;
      int cellY = Math.min((int) v, gridY - 1);
      double fy = smooth(v - cellY);
      for (int x = 0; x < width; x++) {
        double u = (double) x / width * gridX;
        int cellX = Math.min((int) u, gridX - 1);
        double fx = smooth(u - cellX);
        double top = lerp(lattice[cellY][cellX], lattice[cellY][cellX + 1], fx);
        double bottom = lerp(lattice[cellY + 1][cellX], lattice[cellY + 1][cellX + 1], fx);
        double noise = lerp(top, bottom, fy);
        double ramp = ((x - width / 2.0) * dx + (y - height / 2.0) * dy) / Math.max(width, height) + 0.5;
        double t = Math.clamp((1 - gradientWeight) * noise + gradientWeight * ramp, 0.0, 1.0);
        int[] from = t < 0.5 ? dark : middle;
        int[] to = t < 0.5 ? middle : light;
        double local = t < 0.5 ? t * 2 : (t - 0.5) * 2;
        row[x] = Pixels.rgb(
            (int) Math.round(lerp(from[0], to[0], local)),
            (int) Math.round(lerp(from[1], to[1], local)),
            (int) Math.round(lerp(from[2], to[2], local)));
      }
      image.setRGB(0, y, width, 1, row, 0, width);
    }
  }

  private static void paintShape(Graphics2D g, int width, int height, SplittableRandom random) {
    double size = Math.min(width, height) * (0.15 + 0.45 * random.nextDouble());
    double cx = random.nextDouble() * width;
    double cy = random.nextDouble() * height;
    Shape shape = switch (random.nextInt(4)) {
      case 0 -> new Ellipse2D.Double(cx - size / 2, cy - size * 0.35, size, size * 0.7);
      case 1 -> AffineTransform.getRotateInstance(random.nextDouble() * Math.PI, cx, cy)
          .createTransformedShape(new Rectangle2D.Double(cx - size / 2, cy - size / 4, size, size / 2));
      case 2 -> star(cx, cy, size / 2, size / 4, 4 + random.nextInt(5), random.nextDouble() * Math.PI);
      default -> irregularPolygon(cx, cy, size / 2, random);
    };
    Color first = translucent(vivid(random), random);
    if (random.nextInt(3) == 0) {
      Color second = translucent(vivid(random), random);
      g.setPaint(new GradientPaint((float) (cx - size / 2), (float) cy, first,
          (float) (cx + size / 2), (float) (cy + size / 3), second));
    } else {
      g.setPaint(first);
    }
    g.fill(shape);
    if (random.nextBoolean()) {
      g.setPaint(translucent(contrasting(first), random));
      g.setStroke(new BasicStroke((float) (2 + random.nextInt(6))));
      g.draw(shape);
    }
  }

  /** A patch of fine parallel stripes: high-frequency texture that JPEG and rescaling must cope with. */
  private static void paintStripes(Graphics2D g, int width, int height, SplittableRandom random) {
    int patchWidth = (int) (width * (0.2 + 0.2 * random.nextDouble()));
    int patchHeight = (int) (height * (0.15 + 0.2 * random.nextDouble()));
    int left = random.nextInt(Math.max(1, width - patchWidth));
    int top = random.nextInt(Math.max(1, height - patchHeight));
    int period = 3 + random.nextInt(6);
    Shape clip = g.getClip();
    g.clipRect(left, top, patchWidth, patchHeight);
    g.setColor(new Color(255, 255, 255, 40 + random.nextInt(60)));
    g.setStroke(new BasicStroke(Math.max(1f, period / 2.5f)));
    g.rotate(random.nextDouble() * Math.PI, left + patchWidth / 2.0, top + patchHeight / 2.0);
    int reach = patchWidth + patchHeight;
    for (int offset = -reach; offset < reach; offset += period) {
      g.drawLine(left + offset, top - reach, left + offset, top + patchHeight + reach);
    }
    g.setTransform(new AffineTransform());
    g.setClip(clip);
  }

  private static void addGrain(BufferedImage image, SplittableRandom random) {
    int width = image.getWidth();
    int amplitude = 4 + random.nextInt(8);
    int[] row = new int[width];
    for (int y = 0; y < image.getHeight(); y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      for (int x = 0; x < width; x++) {
        int delta = random.nextInt(2 * amplitude + 1) - amplitude;
        int p = row[x];
        row[x] = Pixels.rgb(((p >> 16) & 0xFF) + delta, ((p >> 8) & 0xFF) + delta, (p & 0xFF) + delta);
      }
      image.setRGB(0, y, width, 1, row, 0, width);
    }
  }

  /** The outlet's branding: same place, colours, logo and name on every release of the outlet. */
  private static void paintBanner(BufferedImage image, String outletName) {
    long outlet = nameSeed(outletName);
    SplittableRandom random = new SplittableRandom(outlet);
    int width = image.getWidth();
    int height = image.getHeight();
    int bannerHeight = Math.max(16, height / 9);
    int top = random.nextBoolean() ? 0 : height - bannerHeight;
    Color background = Color.getHSBColor((float) random.nextDouble(), 0.6f, 0.18f);
    Color text = Color.getHSBColor((float) random.nextDouble(), 0.2f, 0.95f);
    Graphics2D g = Pixels.graphics(image);
    try {
      g.setColor(background);
      g.fillRect(0, top, width, bannerHeight);
      int padding = Math.max(2, bannerHeight / 8);
      int logoSize = bannerHeight - 2 * padding;
      g.drawImage(Pixels.resize(logo(outlet, outletName), logoSize, logoSize), padding, top + padding, null);
      String name = outletName.strip().isEmpty() ? "?" : outletName.strip();
      int available = width - logoSize - 4 * padding;
      int cell = Math.max(1, Math.min((bannerHeight - 2 * padding) / 7,
          available / Math.max(1, BlockLettering.width(name, 1))));
      BlockLettering.draw(g, name, logoSize + 3 * padding,
          top + (bannerHeight - BlockLettering.height(cell)) / 2, cell, text);
    } finally {
      g.dispose();
    }
  }

  private static Shape star(double cx, double cy, double outer, double inner, int points, double phase) {
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i < points * 2; i++) {
      double radius = i % 2 == 0 ? outer : inner;
      double angle = phase + Math.PI * i / points;
      double x = cx + radius * Math.cos(angle);
      double y = cy + radius * Math.sin(angle);
      if (i == 0) {
        path.moveTo(x, y);
      } else {
        path.lineTo(x, y);
      }
    }
    path.closePath();
    return path;
  }

  private static Shape irregularPolygon(double cx, double cy, double radius, SplittableRandom random) {
    int corners = 3 + random.nextInt(5);
    Polygon polygon = new Polygon();
    for (int i = 0; i < corners; i++) {
      double angle = 2 * Math.PI * (i + 0.6 * random.nextDouble()) / corners;
      double r = radius * (0.5 + 0.5 * random.nextDouble());
      polygon.addPoint((int) Math.round(cx + r * Math.cos(angle)), (int) Math.round(cy + r * Math.sin(angle)));
    }
    return polygon;
  }

  private static int[] hsb(SplittableRandom random, double minSaturation, double maxSaturation,
      double minBrightness, double maxBrightness) {
    int rgb = Color.HSBtoRGB((float) random.nextDouble(),
        (float) (minSaturation + (maxSaturation - minSaturation) * random.nextDouble()),
        (float) (minBrightness + (maxBrightness - minBrightness) * random.nextDouble()));
    return new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
  }

  private static Color vivid(SplittableRandom random) {
    return Color.getHSBColor((float) random.nextDouble(), (float) (0.5 + 0.5 * random.nextDouble()),
        (float) (0.3 + 0.7 * random.nextDouble()));
  }

  private static Color translucent(Color colour, SplittableRandom random) {
    return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 140 + random.nextInt(116));
  }

  private static Color contrasting(Color colour) {
    float[] hsb = Color.RGBtoHSB(colour.getRed(), colour.getGreen(), colour.getBlue(), null);
    return Color.getHSBColor((hsb[0] + 0.5f) % 1f, Math.min(1f, hsb[1] * 0.5f), hsb[2] > 0.55f ? 0.1f : 0.97f);
  }

  private static String initials(String outletName) {
    StringBuilder initials = new StringBuilder();
    for (String word : outletName.strip().split("\\s+")) {
      if (!word.isEmpty() && initials.length() < 4) {
        initials.appendCodePoint(word.codePointAt(0));
      }
      if (initials.codePointCount(0, initials.length()) == 2) {
        break;
      }
    }
    return initials.isEmpty() ? "?" : initials.toString();
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }

  private static double lerp(double from, double to, double t) {
    return from + (to - from) * t;
  }

  /** A stable 64-bit seed from a name (FNV-1a over UTF-8), unlike String.hashCode's 32 bits. */
  static long nameSeed(String name) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  static long mix(long seed, long salt) {
    return new SplittableRandom(seed ^ Long.rotateLeft(salt, 17)).nextLong();
  }
}
