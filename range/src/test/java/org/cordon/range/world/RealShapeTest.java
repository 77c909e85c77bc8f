package org.cordon.range.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The written files have the real APIs' field names, types and nesting. */
class RealShapeTest {
  private static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
  private static final Pattern NUMERIC = Pattern.compile("\\d+");
  private static final Pattern TELEGRAM_LOCAL = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");

  @Test
  void xV2LinesAreFilteredStreamResponsesWithStringIdsAndIsoMillisTimes() {
    List<Path> files = TestWorlds.files(TestWorlds.shared(), "x-v2");
    assertThat(files).isNotEmpty();
    int retweets = 0;
    for (JsonNode line : TestWorlds.lines(files.get(0))) {
      JsonNode data = line.get("data");
      assertThat(data.get("id").isString()).isTrue();
      assertThat(data.get("id").asString()).matches(NUMERIC);
      assertThat(data.get("author_id").isString()).isTrue();
      assertThat(data.get("created_at").asString()).matches(ISO_MILLIS);
      assertThat(data.get("text").isString()).isTrue();
      assertThat(data.get("edit_history_tweet_ids").isArray()).isTrue();
      JsonNode users = line.get("includes").get("users");
      assertThat(users.isArray()).isTrue();
      assertThat(users.get(0).get("id").asString()).isEqualTo(data.get("author_id").asString());
      assertThat(users.get(0).get("username").isString()).isTrue();
      assertThat(users.get(0).get("public_metrics").get("followers_count").isIntegralNumber()).isTrue();
      assertThat(users.get(0).get("public_metrics").get("following_count").asInt()).isNotNegative();
      if (data.has("referenced_tweets")) {
        JsonNode reference = data.get("referenced_tweets").get(0);
        assertThat(reference.get("type").asString()).isIn("retweeted", "quoted", "replied_to");
        assertThat(reference.get("id").isString()).isTrue();
        retweets++;
      }
      if (data.has("entities") && data.get("entities").has("hashtags")) {
        JsonNode tag = data.get("entities").get("hashtags").get(0);
        assertThat(tag.get("start").isInt()).isTrue();
        String text = data.get("text").asString();
        int start = text.offsetByCodePoints(0, tag.get("start").asInt());
        assertThat(text.substring(start)).startsWith("#" + tag.get("tag").asString());
      }
      if (data.has("attachments")) {
        assertThat(line.get("includes").get("media").get(0).get("url").asString()).startsWith("https://media.range.invalid/media/");
      }
    }
    assertThat(retweets).isPositive();
  }

  @Test
  void xV1LinesHaveNumericAndStringIdsAndTheClassicDate() {
    List<Path> files = TestWorlds.files(TestWorlds.shared(), "x-v1");
    assertThat(files).isNotEmpty();
    for (JsonNode tweet : TestWorlds.lines(files.get(0))) {
      assertThat(tweet.get("id").isIntegralNumber()).isTrue();
      assertThat(tweet.get("id_str").asString()).isEqualTo(Long.toString(tweet.get("id").asLong()));
      ZonedDateTime.parse(tweet.get("created_at").asString(), Json.TWITTER_V1);
      assertThat(tweet.get("created_at").asString()).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d:\\d\\d \\+0000 \\d{4}");
      assertThat(tweet.get("user").get("id").isIntegralNumber()).isTrue();
      assertThat(tweet.get("user").get("id_str").isString()).isTrue();
      assertThat(tweet.get("user").get("screen_name").isString()).isTrue();
      assertThat(tweet.get("entities").get("hashtags").isArray()).isTrue();
      assertThat(tweet.get("entities").get("user_mentions").isArray()).isTrue();
      for (JsonNode mention : tweet.get("entities").get("user_mentions")) {
        assertThat(mention.get("indices").size()).isEqualTo(2);
        assertThat(mention.get("id_str").isString()).isTrue();
      }
      if (tweet.has("retweeted_status")) {
        assertThat(tweet.get("retweeted_status").get("id_str").isString()).isTrue();
      }
      assertThat(tweet.get("timestamp_ms").isString()).isTrue();
    }
  }

  @Test
  void telegramExportsHaveLocalDatesUnixtimeStringsAndTypedTextParts() {
    List<Path> files = TestWorlds.files(TestWorlds.shared(), "telegram-export");
    assertThat(files).isNotEmpty();
    boolean sawEntities = false;
    boolean sawPhoto = false;
    for (Path file : files.subList(0, Math.min(files.size(), 40))) {
      JsonNode chat = TestWorlds.document(file);
      assertThat(chat.get("name").isString()).isTrue();
      assertThat(chat.get("type").asString()).isIn("public_channel", "public_supergroup", "private_group", "personal_chat");
      assertThat(chat.get("id").isIntegralNumber()).isTrue();
      for (JsonNode message : chat.get("messages")) {
        assertThat(message.get("id").isInt()).isTrue();
        assertThat(message.get("type").asString()).isEqualTo("message");
        assertThat(message.get("date").asString()).matches(TELEGRAM_LOCAL);
        assertThat(message.get("date_unixtime").isString()).isTrue();
        assertThat(message.get("from_id").asString()).matches("(user|channel)\\d+");
        assertThat(message.get("text_entities").isArray()).isTrue();
        if (message.get("text").isArray()) {
          sawEntities = true;
        }
        if (message.has("photo")) {
          sawPhoto = true;
          assertThat(file.getParent().resolve(message.get("photo").asString()).normalize()).exists();
        }
      }
    }
    assertThat(sawEntities).isTrue();
    assertThat(files.stream().anyMatch(f -> TestWorlds.document(f).get("messages").toString().contains("\"photo\""))
        || sawPhoto).isTrue();
  }

  @Test
  void mastodonStatusesHaveNumericStringIdsAndHtmlContent() {
    List<Path> files = TestWorlds.files(TestWorlds.shared(), "mastodon");
    assertThat(files).isNotEmpty();
    for (Path file : files.subList(0, Math.min(files.size(), 10))) {
      JsonNode statuses = TestWorlds.document(file);
      assertThat(statuses.isArray()).isTrue();
      for (JsonNode status : statuses) {
        assertThat(status.get("id").asString()).matches(NUMERIC);
        assertThat(status.get("created_at").asString()).matches(ISO_MILLIS);
        assertThat(status.get("account").get("id").asString()).matches(NUMERIC);
        assertThat(status.get("uri").asString()).startsWith("https://social.range.invalid/users/");
        assertThat(status.get("media_attachments").isArray()).isTrue();
        if (status.get("reblog").isNull()) {
          assertThat(status.get("content").asString()).startsWith("<p>").endsWith("</p>");
        } else {
          assertThat(status.get("reblog").get("id").asString()).matches(NUMERIC);
        }
      }
    }
  }

  @Test
  void videoSiteOutboxesAreActivityStreamsPages() {
    List<Path> files = TestWorlds.files(TestWorlds.shared(), "activitystreams");
    assertThat(files).isNotEmpty();
    for (Path file : files.subList(0, Math.min(files.size(), 10))) {
      JsonNode page = TestWorlds.document(file);
      assertThat(page.get("@context").asString()).isEqualTo("https://www.w3.org/ns/activitystreams");
      assertThat(page.get("type").asString()).isEqualTo("OrderedCollectionPage");
      for (JsonNode activity : page.get("orderedItems")) {
        assertThat(activity.get("type").asString()).isEqualTo("Create");
        assertThat(activity.get("object").get("type").asString()).isIn("Video", "Note");
        assertThat(activity.get("object").get("id").asString()).startsWith("https://video.range.invalid/watch/");
        assertThat(activity.get("object").get("published").asString()).matches(ISO_MILLIS);
      }
    }
  }
}
