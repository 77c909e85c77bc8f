package org.cordon.app.world;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A range world's manifest: which file is in which format and on which platform, and where its media live. */
public record WorldManifest(List<Entry> files, String mediaUrlPrefix) {
  public WorldManifest {
    files = List.copyOf(files);
    Objects.requireNonNull(mediaUrlPrefix, "mediaUrlPrefix");
  }

  public record Entry(String path, String format, String platform) {}

  /** Reads {@code world/manifest.json}; a directory without one is not a world. */
  public static WorldManifest read(Path world) throws IOException {
    Path file = world.resolve("manifest.json");
    if (!Files.isRegularFile(file)) {
      throw new IOException(world + " is not a range world (no manifest.json); make one with `cordon range generate --out DIR`");
    }
    JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
    List<Entry> files = new ArrayList<>();
    for (JsonNode f : root.get("files")) {
      files.add(new Entry(f.get("path").asString(), f.get("format").asString(), f.get("platform").asString()));
    }
    return new WorldManifest(files, root.path("media_url_prefix").asString("https://media.range.invalid/"));
  }

  public Set<String> formats() {
    Set<String> s = new LinkedHashSet<>();
    files.forEach(f -> s.add(f.format()));
    return s;
  }

  public Set<String> platforms() {
    Set<String> s = new TreeSet<>();
    files.forEach(f -> s.add(f.platform()));
    return s;
  }
}
