package org.cordon.range.world;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** One shared world for the property tests (generated once per test JVM), and JSON helpers. */
final class TestWorlds {
  static final long SEED = 20_140_901L;
  static final WorldSpec SPEC = new WorldSpec(SEED, 3_000, 4, WorldSpec.DEFAULT_START, MediaMode.THUMBS, 3);
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private static Path shared;
  private static WorldSummary summary;

  private TestWorlds() {}

  static synchronized Path shared() {
    if (shared == null) {
      shared = temporaryDirectory("cordon-range-world");
      System.out.println("shared test world: seed " + SEED + " in " + shared);
      summary = WorldGenerator.generate(SPEC, shared);
    }
    return shared;
  }

  static synchronized WorldSummary summary() {
    shared();
    return summary;
  }

  static Path temporaryDirectory(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }

  static List<JsonNode> lines(Path file) {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        out.add(JSON.readTree(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static JsonNode document(Path file) {
    try {
      return JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> truth(String name) {
    return lines(shared().resolve("truth").resolve(name));
  }

  /** The follow graph of the shared world (both platforms). */
  static List<JsonNode> follows() {
    List<JsonNode> out = new ArrayList<>();
    for (Site site : FollowGraph.FOLLOW_SITES) {
      out.addAll(lines(shared().resolve(FollowGraph.path(site))));
    }
    return out;
  }

  /** The manifest's files of one format, as paths. */
  static List<Path> files(Path world, String format) {
    List<Path> out = new ArrayList<>();
    for (JsonNode file : document(world.resolve("manifest.json")).get("files")) {
      if (file.get("format").asString().equals(format)) {
        out.add(world.resolve(file.get("path").asString()));
      }
    }
    return out;
  }
}
