package org.cordon.lineage.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays a hand-made world in the range's layout, small enough to know every right answer. */
class ReturningAccountEvaluationTest {
  @TempDir Path world;

  private static String account(String id, String handle, String name, String bio, String created) {
    return "{\"kind\":\"account\",\"platform\":\"x\",\"id\":\"" + id + "\",\"handle\":\"" + handle + "\",\"display_name\":\""
        + name + "\"" + (bio == null ? "" : ",\"bio\":\"" + bio + "\"") + ",\"created_at\":\"" + created + "\"}";
  }

  private static String post(String id, String author, String at, String text, String... mentions) {
    StringBuilder m = new StringBuilder();
    for (String mention : mentions) {
      m.append(m.isEmpty() ? "" : ",").append('"').append(mention).append('"');
    }
    return "{\"kind\":\"post\",\"platform\":\"x\",\"id\":\"" + id + "\",\"author_id\":\"" + author + "\",\"posted_at\":\"" + at
        + "\",\"text\":\"" + text + "\",\"mentions\":[" + m + "],\"hashtags\":[],\"links\":[],\"media_ids\":[]}";
  }

  private static String follow(String from, String to, String at) {
    return "{\"kind\":\"follow\",\"platform\":\"x\",\"from_id\":\"" + from + "\",\"to_id\":\"" + to + "\",\"at\":\"" + at + "\"}";
  }

  private static String truthAccount(String id, String suspendedAt) {
    return "{\"platform\":\"x\",\"account_id\":\"" + id + "\",\"suspended_at\":" + (suspendedAt == null ? "null" : "\"" + suspendedAt + "\"") + "}";
  }

  @Test
  void measuresPrecisionRecallAndTheDelayFromFirstPostToMatch() throws IOException {
    Files.createDirectories(world.resolve("graph"));
    Files.createDirectories(world.resolve("truth"));
    Files.writeString(world.resolve("manifest.json"), "{\"files\":[{\"path\":\"posts.jsonl\",\"format\":\"cordon-jsonl\","
        + "\"platform\":\"x\"},{\"path\":\"graph/follows-x.jsonl\",\"format\":\"cordon-jsonl\",\"platform\":\"x\"}],"
        + "\"media_url_prefix\":null}");
    String slogan = "placeholder slogan of the fictional outlet";
    Files.write(world.resolve("posts.jsonl"), List.of(
        account("1", "ember_wire_media", "Ember Wire", slogan, "2014-08-01T00:00:00.000Z"),
        account("4", "river_watch_desk", "River Watch", slogan, "2014-08-01T00:00:00.000Z"),
        // Returns at once recognisable: numeric suffix, same name and bio.
        account("2", "ember_wire_media_1", "Ember Wire", slogan + " (acc 2)", "2014-09-01T03:00:00.000Z"),
        // Recognisable only once its follows arrive: an edited handle, no bio.
        account("5", "river_wotch_dest", "River Watch", null, "2014-09-01T03:00:00.000Z"),
        // New, unrelated.
        account("3", "coffee_daily", "Coffee Daily", "beans and mornings", "2014-09-01T04:00:00.000Z"),
        post("p1", "1", "2014-09-01T01:00:00.000Z", "placeholder release"),
        post("p4", "4", "2014-09-01T01:05:00.000Z", "placeholder slogan"),
        post("p2", "2", "2014-09-01T03:10:00.000Z", "back again"),
        post("p5", "5", "2014-09-01T03:10:00.000Z", "hello"),
        post("p3", "3", "2014-09-01T04:05:00.000Z", "good morning @ember_wire_media_1", "ember_wire_media_1")));
    Files.write(world.resolve("graph/follows-x.jsonl"), List.of(
        follow("4", "f1", "2014-09-01T00:00:00.000Z"), follow("4", "f2", "2014-09-01T00:00:00.000Z"),
        follow("4", "f3", "2014-09-01T00:00:00.000Z"), follow("4", "f4", "2014-09-01T00:00:00.000Z"),
        follow("4", "f5", "2014-09-01T00:00:00.000Z"),
        follow("5", "f1", "2014-09-01T03:30:00.000Z"), follow("5", "f2", "2014-09-01T03:30:00.000Z"),
        follow("5", "f3", "2014-09-01T03:30:00.000Z"), follow("5", "f4", "2014-09-01T03:30:00.000Z"),
        follow("5", "f5", "2014-09-01T03:30:00.000Z")));
    Files.write(world.resolve("truth/accounts.jsonl"), List.of(
        truthAccount("1", "2014-09-01T02:00:00.000Z"), truthAccount("4", "2014-09-01T02:00:00.000Z"),
        truthAccount("2", null), truthAccount("5", null), truthAccount("3", null)));
    Files.write(world.resolve("truth/lineage.jsonl"), List.of(
        "{\"platform\":\"x\",\"account_id\":\"2\",\"predecessor_account_id\":\"1\"}",
        "{\"platform\":\"x\",\"account_id\":\"5\",\"predecessor_account_id\":\"4\"}"));

    Figures figures = ReturningAccountEvaluation.run(world);

    Figures.PlatformFigures x = figures.platforms().getFirst();
    assertThat(x.platform()).isEqualTo("x");
    assertThat(x.returns()).isEqualTo(2);
    assertThat(x.correct()).isEqualTo(2);
    assertThat(x.notReturning()).isZero();
    assertThat(x.precision()).isEqualTo(1.0);
    assertThat(x.recall()).isEqualTo(1.0);
    // One match at its first post, one twenty minutes later when its follows arrived.
    assertThat(x.delayP90Minutes()).isEqualTo(20.0);
    assertThat(x.delayMedianMinutes()).isEqualTo(0.0);
    assertThat(figures.suspensionsObserved()).isEqualTo(2);
    assertThat(figures.describe()).contains("precision");
  }
}
