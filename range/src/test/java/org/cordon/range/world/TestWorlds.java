package org.cordon.range.world;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cordon.core.ingest.Connector;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.RecordSink;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.ingest.Connectors;
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
  private static Map<String, org.cordon.core.model.Post> connectorPosts;

  private TestWorlds() {}

  static synchronized Path shared() {
    if (shared == null) {
      shared = temporaryDirectory("cordon-range-world");
      System.out.println("shared test world: seed " + SEED + " in " + shared);
      summary = WorldGenerator.generate(SPEC, shared);
    }
    return shared;
  }

  /** Every post of the shared world as Cordon's connectors read it, keyed "platform post_id". */
  static synchronized Map<String, org.cordon.core.model.Post> connectorPosts() {
    if (connectorPosts == null) {
      connectorPosts = connectorPosts(shared());
    }
    return connectorPosts;
  }

  /** Every post of a world as Cordon's connectors read it, keyed "platform post_id". */
  static Map<String, org.cordon.core.model.Post> connectorPosts(Path world) {
      Map<String, org.cordon.core.model.Post> posts = new HashMap<>();
      RecordSink sink = new RecordSink() {
        @Override
        public void accept(ParsedRecord record) {
          for (Observed item : record.items()) {
            if (item instanceof org.cordon.core.model.Post post) {
              posts.put(post.key().platform() + " " + post.key().id(), post);
            }
          }
        }

        @Override
        public void reject(Rejection rejection) {
          throw new IllegalStateException("a range file was rejected: " + rejection);
        }
      };
      for (JsonNode file : document(world.resolve("manifest.json")).get("files")) {
        Connector connector = Connectors.forFormat(file.get("format").asString(), new Platform(file.get("platform").asString()));
        try (InputStream in = Files.newInputStream(world.resolve(file.get("path").asString()))) {
          connector.read(file.get("path").asString(), in, sink);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return Map.copyOf(posts);
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
