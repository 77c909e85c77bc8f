package org.cordon.range.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** DIR/manifest.json: what the world is and which file holds which format. */
final class Manifest {
  static final String MEDIA_URL_PREFIX = "https://media.range.invalid/";

  record Entry(String path, String format, String platform) {}

  private Manifest() {}

  static void write(Path dir, long seed, int accounts, int days, long startMs, List<Entry> files) {
    byte[] json = Json.bytes(g -> {
      g.writeStartObject();
      g.writeNumberProperty("seed", seed);
      g.writeNumberProperty("accounts", accounts);
      g.writeNumberProperty("days", days);
      g.writeStringProperty("start", java.time.Instant.ofEpochMilli(startMs).toString());
      g.writeName("files");
      g.writeStartArray();
      for (Entry entry : files) {
        g.writeStartObject();
        g.writeStringProperty("path", entry.path());
        g.writeStringProperty("format", entry.format());
        g.writeStringProperty("platform", entry.platform());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringProperty("media_url_prefix", MEDIA_URL_PREFIX);
      g.writeEndObject();
    });
    try {
      Files.write(dir.resolve("manifest.json"), json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write manifest.json", e);
    }
  }
}
