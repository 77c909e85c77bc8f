package org.cordon.detect.media.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The PDQ test material shared beside the project ({@code shared/pdq}): found by walking up from
 * the working directory, never copied into the repository.
 */
public final class SharedPdqFiles {
  private SharedPdqFiles() {}

  public static Path directory() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("pdq");
      if (Files.isRegularFile(candidate.resolve("expected.csv"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no shared/pdq directory with expected.csv above " + start
            + "; the PDQ tests need the shared test images beside the project root");
  }

  public static Path image(String relativePath) {
    Path path = directory().resolve("images").resolve(relativePath);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("missing shared PDQ test image " + path);
    }
    return path;
  }

  /** Data rows of a shared CSV (header dropped); these files hold no quoted commas. */
  static List<String[]> rows(String fileName) {
    try {
      return Files.readAllLines(directory().resolve(fileName), StandardCharsets.UTF_8).stream()
          .skip(1)
          .filter(line -> !line.isBlank())
          .map(line -> line.split(",", -1))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes as Meta's Java reference does: with the JDK's own ImageIO reader for the format, not a
   * plug-in that may have registered itself first (TwelveMonkeys handles colour differently).
   */
  static BufferedImage decodeWithJdkReader(Path path) {
    try (ImageInputStream input = ImageIO.createImageInputStream(path.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      ImageReader chosen = null;
      while (readers.hasNext()) {
        ImageReader reader = readers.next();
        if (reader.getClass().getName().startsWith("com.sun.imageio.")) {
          chosen = reader;
          break;
        }
      }
      if (chosen == null) {
        throw new IllegalStateException("no JDK ImageIO reader for " + path);
      }
      try {
        chosen.setInput(input, true, true);
        return chosen.read(0);
      } finally {
        chosen.dispose();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode " + path, e);
    }
  }
}
