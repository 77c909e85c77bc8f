package org.cordon.app.takedown;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One unit of a world's replay index ({@code replay/index.jsonl}): the bytes a platform published
 * at {@code at}, in {@code format}, at {@code offset..offset+length} of {@code path} (relative to
 * the world). Lines that do not parse are skipped and counted.
 */
record ReplayUnit(Instant at, String format, String path, long offset, int length) {
  ReplayUnit {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(path, "path");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length are not negative: " + offset + ", " + length);
    }
  }

  /** The index, oldest first, and how many of its lines were skipped as malformed. */
  record Index(List<ReplayUnit> units, int skipped) {
    Index {
      units = List.copyOf(units);
    }
  }

  static Index index(Path world) throws IOException {
    Path file = world.resolve("replay/index.jsonl");
    if (!Files.isRegularFile(file)) {
      throw new IOException(world + " has no replay/index.jsonl: generate the world with a current 'cordon range generate'");
    }
    JsonMapper json = JsonMapper.builder().build();
    List<ReplayUnit> units = new ArrayList<>();
    int skipped = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode n = json.readTree(line);
          units.add(new ReplayUnit(Instant.parse(n.get("at").asString()), n.get("format").asString(), n.get("path").asString(),
              n.get("offset").asLong(), n.get("length").asInt()));
        } catch (JacksonException | DateTimeParseException | NullPointerException | IllegalArgumentException e) {
          skipped++;
        }
      }
    }
    units.sort(Comparator.comparing(ReplayUnit::at));
    return new Index(units, skipped);
  }

  /** The unit's bytes; the path may not leave the world directory. */
  byte[] bytes(Path world) throws IOException {
    Path root = world.toAbsolutePath().normalize();
    Path replayRelative = root.resolve("replay").resolve(path).normalize();
    Path file = Files.isRegularFile(replayRelative) ? replayRelative : root.resolve(path).normalize();
    if (!file.startsWith(root)) {
      throw new IOException("replay unit path leaves the world: " + path);
    }
    try (var channel = java.nio.channels.FileChannel.open(file)) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
      long position = offset;
      while (buffer.hasRemaining()) {
        int read = channel.read(buffer, position);
        if (read < 0) {
          throw new IOException(path + " ends before offset " + offset + " + length " + length);
        }
        position += read;
      }
      return buffer.array();
    }
  }
}
