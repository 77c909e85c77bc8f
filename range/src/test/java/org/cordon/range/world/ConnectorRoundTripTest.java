package org.cordon.range.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cordon.core.ingest.Connector;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.RecordSink;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.ingest.Connectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every file of a generated world parses with Cordon's own connectors, and the posts match the truth. */
class ConnectorRoundTripTest {

  private static final class Collecting implements RecordSink {
    final Set<String> posts = new HashSet<>();
    final Set<String> accounts = new HashSet<>();
    long follows;
    final List<Rejection> rejections = new ArrayList<>();

    @Override
    public void accept(ParsedRecord record) {
      for (Observed item : record.items()) {
        if (item instanceof Post post) {
          posts.add(post.key().platform() + " " + post.key().id());
          accounts.add(post.author().platform() + " " + post.author().id());
        }
        if (item instanceof org.cordon.core.model.Interaction.Follow) {
          follows++;
        }
      }
    }

    @Override
    public void reject(Rejection rejection) {
      rejections.add(rejection);
    }
  }

  @Test
  void everyFileParsesAndThePostsAreExactlyThoseOfTheGroundTruth() throws IOException {
    Path world = TestWorlds.shared();
    Collecting sink = new Collecting();
    JsonNode manifest = TestWorlds.document(world.resolve("manifest.json"));
    for (JsonNode file : manifest.get("files")) {
      // The manifest names each file's platform; the video site's ActivityStreams is keyed "video".
      Connector connector = Connectors.forFormat(file.get("format").asString(),
          new Platform(file.get("platform").asString()));
      try (InputStream in = Files.newInputStream(world.resolve(file.get("path").asString()))) {
        connector.read(file.get("path").asString(), in, sink);
      }
    }
    Set<String> expected = new HashSet<>();
    Set<String> authors = new HashSet<>();
    for (JsonNode post : TestWorlds.truth("posts.jsonl")) {
      expected.add(post.get("platform").asString() + " " + post.get("post_id").asString());
      authors.add(post.get("platform").asString() + " " + post.get("account_id").asString());
    }
    assertThat(sink.rejections).as("rejections").isEmpty();
    assertThat(sink.posts).isEqualTo(expected);
    // The connectors name every author with the account id the ground truth gives.
    assertThat(sink.accounts).isEqualTo(authors);
    assertThat(sink.follows).isEqualTo(TestWorlds.follows().size()).isEqualTo(TestWorlds.summary().follows());
  }
}
