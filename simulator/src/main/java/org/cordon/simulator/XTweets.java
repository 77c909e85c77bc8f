package org.cordon.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tweets in the X API v1.1 shape the range's {@code x/v1} files use (streaming API lines), key for
 * key in the same order, so a live account's posts read exactly like the world's.
 */
final class XTweets {
  /** X's snowflake epoch (2010-11-04T01:42:54.657Z). */
  private static final long SNOWFLAKE_EPOCH_MS = 1288834974657L;
  private static final DateTimeFormatter V1_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{N}_]+)");
  private static final Pattern MENTION = Pattern.compile("@([A-Za-z0-9_]{1,15})");

  private final JsonMapper json;

  XTweets(JsonMapper json) {
    this.json = json;
  }

  static String v1Time(Instant at) {
    return V1_TIME.format(at);
  }

  /** A tweet id for {@code at}: milliseconds since X's epoch, then 22 bits that keep ids apart. */
  static long snowflake(Instant at, int lowBits) {
    long ms = Math.max(0, at.toEpochMilli() - SNOWFLAKE_EPOCH_MS);
    return (ms << 22) | (lowBits & ((1 << 22) - 1));
  }

  /** A user object as the world writes it; {@code description} and {@code avatarUrl} may be empty. */
  ObjectNode user(long id, String name, String screenName, String url, String description, long followers, long friends,
      long statuses, Instant createdAt, String language, String avatarUrl) {
    ObjectNode user = json.createObjectNode();
    user.put("id", id);
    user.put("id_str", Long.toString(id));
    user.put("name", name);
    user.put("screen_name", screenName);
    user.putNull("location");
    if (url.isEmpty()) {
      user.putNull("url");
    } else {
      user.put("url", url);
    }
    if (description.isEmpty()) {
      user.putNull("description");
    } else {
      user.put("description", description);
    }
    user.put("protected", false);
    user.put("verified", false);
    user.put("followers_count", followers);
    user.put("friends_count", friends);
    user.put("listed_count", 0);
    user.put("favourites_count", 0);
    user.put("statuses_count", statuses);
    user.put("created_at", v1Time(createdAt));
    user.put("lang", language.isEmpty() ? "en" : language);
    if (avatarUrl.isEmpty()) {
      user.putNull("profile_image_url_https");
    } else {
      user.put("profile_image_url_https", avatarUrl);
    }
    user.put("default_profile", false);
    return user;
  }

  /**
   * An original tweet by {@code user}; hashtags and mentions are found in the text, each mention
   * resolved through {@code mentioned} (screen name → its user object) when it names one.
   */
  ObjectNode tweet(long id, Instant at, String text, ObjectNode user, String language, java.util.Map<String, ObjectNode> mentioned) {
    ObjectNode tweet = json.createObjectNode();
    tweet.put("created_at", v1Time(at));
    tweet.put("id", id);
    tweet.put("id_str", Long.toString(id));
    tweet.put("text", text);
    tweet.put("source", "<a href=\"https://x.range.invalid/download\" rel=\"nofollow\">Range for Android</a>");
    tweet.put("truncated", false);
    tweet.putNull("in_reply_to_status_id");
    tweet.putNull("in_reply_to_status_id_str");
    tweet.putNull("in_reply_to_user_id");
    tweet.putNull("in_reply_to_user_id_str");
    tweet.putNull("in_reply_to_screen_name");
    tweet.set("user", user);
    tweet.putNull("geo");
    tweet.putNull("coordinates");
    tweet.putNull("place");
    tweet.put("is_quote_status", false);
    tweet.put("retweet_count", 0);
    tweet.put("favorite_count", 0);
    ObjectNode entities = tweet.putObject("entities");
    ArrayNode hashtags = entities.putArray("hashtags");
    Matcher tags = HASHTAG.matcher(text);
    while (tags.find()) {
      ObjectNode tag = hashtags.addObject();
      tag.put("text", tags.group(1));
      indices(tag, text, tags.start(), tags.end());
    }
    entities.putArray("urls");
    ArrayNode mentions = entities.putArray("user_mentions");
    Matcher names = MENTION.matcher(text);
    while (names.find()) {
      ObjectNode target = mentioned.get(names.group(1));
      if (target == null) {
        continue;
      }
      ObjectNode mention = mentions.addObject();
      mention.put("screen_name", names.group(1));
      mention.put("name", target.path("name").asString(""));
      mention.put("id", target.path("id").asLong());
      mention.put("id_str", target.path("id_str").asString(""));
      indices(mention, text, names.start(), names.end());
    }
    entities.putArray("symbols");
    tweet.put("favorited", false);
    tweet.put("retweeted", false);
    tweet.put("possibly_sensitive", false);
    tweet.put("filter_level", "low");
    tweet.put("lang", language.isEmpty() ? "en" : language);
    tweet.put("timestamp_ms", Long.toString(at.toEpochMilli()));
    return tweet;
  }

  /** v1.1 entity indices count code points, not UTF-16 units. */
  private static void indices(ObjectNode entity, String text, int start, int end) {
    ArrayNode indices = entity.putArray("indices");
    indices.add(text.codePointCount(0, start));
    indices.add(text.codePointCount(0, end));
  }
}
