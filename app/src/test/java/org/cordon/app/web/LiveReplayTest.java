package org.cordon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cordon.app.demo.AnalystKit;
import org.cordon.app.pipeline.MediaResolver;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.LivePipeline;
import org.cordon.app.runtime.Settings;
import org.cordon.range.RangeCommand;
import org.cordon.simulator.WorldReplayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Live mode: the platform simulator replays a world into {@code serve}'s ingest endpoint, signed in
 * as an INGEST user; every post of the world arrives once and is assessed as it comes.
 */
class LiveReplayTest {
  @TempDir Path dir;

  @Test
  void aReplayedWorldArrivesWholeAndIsAssessedAsItComes() throws Exception {
    Path world = dir.resolve("world");
    assertThat(new CommandLine(new RangeCommand()).execute("generate", "--seed", "5", "--accounts", "150", "--days", "1",
        "--media", "none", "--out", world.toString())).isZero();
    long worldPosts;
    try (var lines = Files.lines(world.resolve("truth/posts.jsonl"))) {
      worldPosts = lines.filter(l -> !l.isBlank()).count();
    }
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    Files.writeString(data.resolve("users.properties"), "feed=INGEST:{noop}feed-pw\n");
    AnalystKit.write(world, data);

    try (CordonRuntime runtime = CordonRuntime.open(Settings.embedded(data));
        LivePipeline pipeline = new LivePipeline(runtime, MediaResolver.none())) {
      ConfigurableApplicationContext web = WebApplication.start(runtime, pipeline, "127.0.0.1", 0);
      try {
        URI base = URI.create("http://127.0.0.1:" + web.getEnvironment().getProperty("local.server.port") + "/");
        WorldReplayer.Report unauthorised = new WorldReplayer(world, base, 1e9).replay();
        assertThat(unauthorised.failedPosts()).as("without signing in, nothing is taken").isEqualTo(unauthorised.posts());
        assertThat(runtime.stores().observations().postCount()).isZero();

        WorldReplayer.Report report = new WorldReplayer(world, base, 1e9).mergingContiguous().withBasicAuth("feed", "feed-pw").replay();
        assertThat(report.failedPosts()).as(report.problems().toString()).isZero();
        assertThat(runtime.stores().observations().postCount()).as("every post of the world, once").isEqualTo(worldPosts);
        assertThat(runtime.stores().inbox().unassessed(10)).as("assessed as they arrived").isEmpty();
        assertThat(runtime.stores().cases().queue(10)).as("the world's propaganda fills the queue").isNotEmpty();
      } finally {
        web.close();
      }
    }
  }
}
