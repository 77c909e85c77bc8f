package org.cordon.network.range;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cordon.core.ingest.Connector;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.RecordSink;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.ingest.Connectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A range world's files, as an ingest would see them: every file the manifest lists, read by its
 * connector under the manifest's platform. Ground truth lives apart, in {@code truth/}, and is
 * read only to score.
 */
final class World {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private World() {}

  /** Everything observed in the world's files, in manifest order; returns the number of rejected records. */
  static int read(Path world, Consumer<Observed> observed) {
    JsonNode manifest = readJson(world.resolve("manifest.json"));
    int[] rejected = {0};
    for (JsonNode file : manifest.get("files")) {
      String path = file.get("path").asString();
      Connector connector = Connectors.forFormat(file.get("format").asString(), new Platform(file.get("platform").asString()));
      try (InputStream in = Files.newInputStream(world.resolve(path))) {
        connector.read(path, in, new RecordSink() {
          @Override
          public void accept(ParsedRecord record) {
            record.items().forEach(observed);
          }

          @Override
          public void reject(Rejection rejection) {
            rejected[0]++;
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + world.resolve(path), e);
      }
    }
    return rejected[0];
  }

  static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalArgumentException("not a readable JSON file: " + file + ": " + e.getOriginalMessage(), e);
    }
  }

  static List<JsonNode> readLines(Path file) {
    try {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          lines.add(JSON.readTree(line));
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  /**
   * The unit's known-content list, modelled by the releases' canonical images: path relative to the
   * world → release id. A real unit holds the hashes of the releases it has archived; this holds
   * only what was published, never who posted it.
   */
  static Map<String, String> knownContent(Path world) {
    Map<String, String> known = new HashMap<>();
    for (JsonNode release : readLines(world.resolve("truth/releases.jsonl"))) {
      for (JsonNode media : release.get("canonical_media")) {
        known.put(media.get("path").asString(), release.get("release_id").asString());
      }
    }
    return known;
  }
}
