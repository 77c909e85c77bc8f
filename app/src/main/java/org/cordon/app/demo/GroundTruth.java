package org.cordon.app.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.Platform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the range knows about its world's posts: which are extremist, which are hard negatives. Only
 * the simulated analyst and the evaluations read it; the pipeline never does.
 */
public final class GroundTruth {
  private final Map<PostKey, Label> labels;

  private GroundTruth(Map<PostKey, Label> labels) {
    this.labels = labels;
  }

  public static GroundTruth load(Path world) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    Map<PostKey, Label> labels = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(world.resolve("truth/posts.jsonl"), StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        PostKey key = new PostKey(new Platform(n.get("platform").asString()), n.get("post_id").asString());
        JsonNode tier = n.get("tier");
        labels.put(key, new Label("extremist".equals(n.get("label").asString()),
            n.path("hard_negative").asBoolean(false), tier == null || tier.isNull() ? Optional.empty() : Optional.of(tier.asString())));
      }
    }
    return new GroundTruth(labels);
  }

  public Optional<Label> label(PostKey post) {
    return Optional.ofNullable(labels.get(post));
  }

  public long extremistPosts() {
    return labels.values().stream().filter(Label::extremist).count();
  }

  public int size() {
    return labels.size();
  }

  /** A post's truth: extremist or not, a hard negative (journalist, researcher, counter-speech) or not. */
  public record Label(boolean extremist, boolean hardNegative, Optional<String> tier) {}
}
