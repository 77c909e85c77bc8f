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
  private static String message(int id, String at, String from, String fromId, String text, String hashtag) {
    long unix = java.time.Instant.parse(at).getEpochSecond();
    return "{\"id\":" + id + ",\"type\":\"message\",\"date\":\"" + at.substring(0, 19) + "\",\"date_unixtime\":\"" + unix
        + "\",\"from\":\"" + from + "\",\"from_id\":\"" + fromId + "\",\"text\":[\"" + text + " \",{\"type\":\"hashtag\",\"text\":\"#"
        + hashtag + "\"}],\"text_entities\":[{\"type\":\"plain\",\"text\":\"" + text + " \"},{\"type\":\"hashtag\",\"text\":\"#" + hashtag + "\"}]}";
  }

  private static String chat(long id, String name, String type, String... messages) {
    return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"id\":" + id + ",\"messages\":[" + String.join(",", messages) + "]}";
  }

  private static String telegramTruth(String id, String suspendedAt) {
    return "{\"platform\":\"telegram\",\"account_id\":\"" + id + "\",\"suspended_at\":"
        + (suspendedAt == null ? "null" : "\"" + suspendedAt + "\"") + "}";
  }

  @Test
  void findsMessengerReturnsByTheirGroupNameAndSlogansAtTheirFirstPost() throws IOException {
    Files.createDirectories(world.resolve("truth"));
    Files.writeString(world.resolve("manifest.json"), "{\"files\":["
        + "{\"path\":\"circle.json\",\"format\":\"telegram-export\",\"platform\":\"telegram\"},"
        + "{\"path\":\"neighbours.json\",\"format\":\"telegram-export\",\"platform\":\"telegram\"},"
        + "{\"path\":\"old-channel.json\",\"format\":\"telegram-export\",\"platform\":\"telegram\"},"
        + "{\"path\":\"new-channel.json\",\"format\":\"telegram-export\",\"platform\":\"telegram\"}],"
        + "\"media_url_prefix\":null}");
    // A supporter writes in the community's group, is suspended, and comes back to the same group
    // under the same name; a namesake who writes in a neighbourhood chat is no return.
    Files.writeString(world.resolve("circle.json"), chat(1400000000L, "Lantern circle en 1", "public_supergroup",
        message(1, "2014-09-01T01:00:00Z", "Ines coffee", "user500000772", "The lantern stays lit.", "EmberWire"),
        message(2, "2014-09-01T06:00:00Z", "Ines coffee", "user500000773", "Back again.", "EmberWire")));
    Files.writeString(world.resolve("neighbours.json"), chat(1400000004L, "Neighbourhood chat en 1", "public_supergroup",
        message(1, "2014-09-01T07:00:00Z", "Ines coffee", "user500003137", "Rain again, staying in.", "books")));
    // A channel is suspended and returns under the same title with the same slogans.
    Files.writeString(world.resolve("old-channel.json"), chat(1000001467L, "Umm sky", "public_channel",
        message(1, "2014-09-01T01:30:00Z", "Umm sky", "channel1000001467", "Carry the light forward.", "PaleLantern")));
    Files.writeString(world.resolve("new-channel.json"), chat(1000001468L, "Umm sky", "public_channel",
        message(1, "2014-09-01T05:00:00Z", "Umm sky", "channel1000001468", "Ours is the long night watch.", "PaleLantern")));
    Files.write(world.resolve("truth/accounts.jsonl"), List.of(
        telegramTruth("user500000772", "2014-09-01T02:00:00.000Z"), telegramTruth("user500000773", null),
        telegramTruth("user500003137", null), telegramTruth("channel1000001467", "2014-09-01T02:00:00.000Z"),
        telegramTruth("channel1000001468", null)));
    Files.write(world.resolve("truth/lineage.jsonl"), List.of(
        "{\"platform\":\"telegram\",\"account_id\":\"user500000773\",\"predecessor_account_id\":\"user500000772\"}",
        "{\"platform\":\"telegram\",\"account_id\":\"channel1000001468\",\"predecessor_account_id\":\"channel1000001467\"}"));

    Figures figures = ReturningAccountEvaluation.run(world);

    Figures.PlatformFigures telegram = figures.platforms().getFirst();
    assertThat(telegram.platform()).isEqualTo("telegram");
    assertThat(telegram.returns()).isEqualTo(2);
    assertThat(telegram.correct()).isEqualTo(2);
    assertThat(telegram.notReturning()).isZero();
    assertThat(telegram.wrongPredecessor()).isZero();
    assertThat(telegram.delayP90Minutes()).isEqualTo(0.0);
  }
}
