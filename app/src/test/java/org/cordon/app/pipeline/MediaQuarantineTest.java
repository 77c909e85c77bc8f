package org.cordon.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.Settings;
import org.cordon.core.model.Platform;
import org.cordon.core.signal.PostContext;
import org.cordon.ingest.Connectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image that lies about its type is kept as evidence and in quarantine; its post goes on. */
class MediaQuarantineTest {
  @TempDir Path dir;

  @Test
  void anUndecodableImageIsQuarantinedWithItsReasonWhileItsPostIsStoredAndItsExactHashKept() throws Exception {
    Path export = dir.resolve("export");
    Files.createDirectories(export.resolve("photos"));
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    Files.write(export.resolve("photos/p.jpg"), garbage);
    Files.writeString(export.resolve("result.json"), """
        {"name":"c","type":"public_channel","id":123,"messages":[
          {"id":1,"type":"message","date":"2024-01-01T00:00:00","date_unixtime":"1704067200","from":"c","from_id":"channel123",
           "text":"placeholder","photo":"photos/p.jpg","width":10,"height":10}]}
        """);

    try (CordonRuntime runtime = CordonRuntime.open(Settings.embedded(dir.resolve("data")))) {
      IngestSummary summary = runtime.ingestRunner(MediaResolver.none())
          .ingest(Connectors.forFormat("telegram-export", Platform.TELEGRAM), export.resolve("result.json"), bytes -> {});

      assertThat(summary.written().newPosts()).isEqualTo(1);
      assertThat(summary.mediaArchived()).isEqualTo(1);
      assertThat(runtime.stores().quarantine().count()).as("the image, with its reason").isEqualTo(1);
      List<PostContext> posts = runtime.stores().inbox().unassessed(10);
      assertThat(posts).singleElement().satisfies(p -> assertThat(p.media()).singleElement().satisfies(m -> {
        assertThat(m.hash("sha256")).isPresent();
        assertThat(m.hash("pdq")).isEmpty();
      }));
    }
  }
}
