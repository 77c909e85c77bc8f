package org.cordon.range.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.cordon.detect.media.pdq.DihedralResult;
import org.cordon.detect.media.pdq.PdqHash;
import org.cordon.detect.media.pdq.PdqHasher;
import org.cordon.range.media.Jpeg;
import org.cordon.range.media.VariantPolicy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Transformed media stay within the perceptual distance the ground truth states for them. */
class MediaDistanceTest {
  private static final PdqHasher PDQ = new PdqHasher();

  @Test
  void everyVariantIsWithinItsStatedPdqDistanceOfItsCanonicalImage() throws IOException {
    Path world = TestWorlds.shared();
    Map<String, PdqHash> canonical = new HashMap<>();
    int checked = 0;
    int promised = 0;
    for (JsonNode release : TestWorlds.truth("releases.jsonl")) {
      for (JsonNode image : release.get("canonical_media")) {
        Path file = world.resolve(image.get("path").asString());
        if (Files.exists(file)) {
          canonical.put(image.get("media_id").asString(), PDQ.hash(read(file)).hash());
        }
      }
      for (JsonNode variant : release.get("variants")) {
        int stated = variant.get("stated_max_distance").asInt();
        assertThat(variant.get("expected_to_match").asBoolean()).isEqualTo(stated <= VariantPolicy.MATCH_THRESHOLD);
        assertThat(variant.get("transforms")).isNotEmpty();
        PdqHash original = canonical.get(variant.get("canonical_media_id").asString());
        assertThat(original).as("canonical image of %s", variant.get("media_id")).isNotNull();
        if (stated >= VariantPolicy.NO_PROMISE) {
          continue;
        }
        promised++;
        DihedralResult hashes = PDQ.hashDihedral(read(world.resolve(variant.get("path").asString())));
        int distance = hashes.minimumDistance(original);
        assertThat(distance).as("PDQ distance of %s (%s)", variant.get("media_id"), variant.get("transforms"))
            .isLessThanOrEqualTo(stated);
        checked++;
      }
    }
    assertThat(promised).isPositive();
    assertThat(checked).isEqualTo(promised);
  }

  private static BufferedImage read(Path file) throws IOException {
    return Jpeg.decode(Files.readAllBytes(file));
  }
}
