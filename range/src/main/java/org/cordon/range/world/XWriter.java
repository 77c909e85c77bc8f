package org.cordon.range.world;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Writes microblog posts as the X API does: a quarter (by id) as v1.1 streaming JSON lines (tweet
 * objects with the user embedded), the rest as v2 filtered-stream lines ({@code data} plus
 * {@code includes}). One file per format and day.
 */
final class XWriter implements AutoCloseable {
  static final long TWITTER_EPOCH_MS = 1_288_834_974_657L;

  private final Path dir;
  private final Population people;
  private final ReplayIndex replay;
  private final List<Manifest.Entry> files;
  private LineFile v1;
  private LineFile v2;

  XWriter(Path dir, Population people, ReplayIndex replay, List<Manifest.Entry> files) {
    this.dir = dir;
    this.people = people;
    this.replay = replay;
    this.files = files;
  }

  void startDay(long dayStartMs) {
    close();
    String day = Json.day(dayStartMs);
    v1 = new LineFile(dir, "x/v1/" + day + ".jsonl");
    v2 = new LineFile(dir, "x/v2/" + day + ".jsonl");
    files.add(new Manifest.Entry(v1.relativePath, "x-v1", "x"));
    files.add(new Manifest.Entry(v2.relativePath, "x-v2", "x"));
  }

  static boolean writtenAsV1(long tweetId) {
    return (Seeds.mix(tweetId, 17) & 3) == 0;
  }

  void write(Post post) {
    if (writtenAsV1(post.number())) {
      byte[] line = Json.bytes(g -> v1Tweet(g, post, true));
      long offset = v1.append(line);
      replay.add(post.atMs(), "x-v1", v1.relativePath, offset, line.length);
    } else {
      byte[] line = Json.bytes(g -> v2Response(g, post));
      long offset = v2.append(line);
      replay.add(post.atMs(), "x-v2", v2.relativePath, offset, line.length);
    }
  }

  // ---- v2

  private void v2Response(JsonGenerator g, Post post) {
    g.writeStartObject();
    g.writeName("data");
    v2Tweet(g, post);
    g.writeName("includes");
    g.writeStartObject();
    List<Integer> users = new ArrayList<>();
    users.add(post.account());
    post.referenced().ifPresent(ref -> {
      if (ref.account() != post.account()) {
        users.add(ref.account());
      }
    });
    g.writeName("users");
    g.writeStartArray();
    for (int account : users) {
      v2User(g, account);
    }
    g.writeEndArray();
    List<MediaRef> media = new ArrayList<>(post.media());
    post.referenced().ifPresent(ref -> media.addAll(ref.media()));
    if (!media.isEmpty()) {
      g.writeName("media");
      g.writeStartArray();
      for (MediaRef m : media) {
        g.writeStartObject();
        g.writeStringProperty("media_key", "3_" + m.numericId());
        g.writeStringProperty("type", "photo");
        g.writeStringProperty("url", Manifest.MEDIA_URL_PREFIX + m.path());
        g.writeNumberProperty("width", m.width());
        g.writeNumberProperty("height", m.height());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (post.referenced().isPresent()) {
      g.writeName("tweets");
      g.writeStartArray();
      v2Tweet(g, post.referenced().get());
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private void v2Tweet(JsonGenerator g, Post post) {
    g.writeStartObject();
    g.writeStringProperty("id", Long.toString(post.number()));
    g.writeStringProperty("text", post.text().body());
    g.writeStringProperty("author_id", people.accountId(post.account()));
    g.writeStringProperty("created_at", Json.iso(post.atMs()));
    String conversation = post.kind() == Post.Kind.REPLY && post.referenced().isPresent()
        ? Long.toString(post.referenced().get().number()) : Long.toString(post.number());
    g.writeStringProperty("conversation_id", conversation);
    g.writeStringProperty("lang", post.lang().code);
    g.writeBooleanProperty("possibly_sensitive", post.truth().tier().isPresent());
    g.writeName("edit_history_tweet_ids");
    g.writeStartArray();
    g.writeString(Long.toString(post.number()));
    g.writeEndArray();
    v2Entities(g, post.text());
    if (post.referenced().isPresent()) {
      Post ref = post.referenced().get();
      g.writeName("referenced_tweets");
      g.writeStartArray();
      g.writeStartObject();
      g.writeStringProperty("type", switch (post.kind()) {
        case REPLY -> "replied_to";
        case QUOTE -> "quoted";
        default -> "retweeted";
      });
      g.writeStringProperty("id", Long.toString(ref.number()));
      g.writeEndObject();
      g.writeEndArray();
      if (post.kind() == Post.Kind.REPLY) {
        g.writeStringProperty("in_reply_to_user_id", people.accountId(ref.account()));
      }
    }
    if (!post.media().isEmpty()) {
      g.writeName("attachments");
      g.writeStartObject();
      g.writeName("media_keys");
      g.writeStartArray();
      for (MediaRef m : post.media()) {
        g.writeString("3_" + m.numericId());
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeName("public_metrics");
    g.writeStartObject();
    g.writeNumberProperty("retweet_count", 0);
    g.writeNumberProperty("reply_count", 0);
    g.writeNumberProperty("like_count", 0);
    g.writeNumberProperty("quote_count", 0);
    g.writeEndObject();
    g.writeEndObject();
  }

  private void v2Entities(JsonGenerator g, Text text) {
    if (text.entities().isEmpty()) {
      return;
    }
    g.writeName("entities");
    g.writeStartObject();
    writeV2Group(g, text, Text.Hashtag.class, "hashtags");
    writeV2Group(g, text, Text.Mention.class, "mentions");
    writeV2Group(g, text, Text.Link.class, "urls");
    g.writeEndObject();
  }

  private void writeV2Group(JsonGenerator g, Text text, Class<? extends Text.Entity> type, String name) {
    List<Text.Entity> group = text.entities().stream().filter(type::isInstance).toList();
    if (group.isEmpty()) {
      return;
    }
    g.writeName(name);
    g.writeStartArray();
    for (Text.Entity entity : group) {
      g.writeStartObject();
      g.writeNumberProperty("start", entity.start());
      g.writeNumberProperty("end", entity.end());
      switch (entity) {
        case Text.Hashtag h -> g.writeStringProperty("tag", h.tag());
        case Text.Mention m -> {
          g.writeStringProperty("username", m.handle());
          g.writeStringProperty("id", people.accountId(m.account()));
        }
        case Text.Link l -> {
          g.writeStringProperty("url", l.url());
          g.writeStringProperty("expanded_url", l.url());
          g.writeStringProperty("display_url", l.url().replaceFirst("^https?://", ""));
        }
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void v2User(JsonGenerator g, int account) {
    g.writeStartObject();
    g.writeStringProperty("id", people.accountId(account));
    g.writeStringProperty("name", people.displayName(account));
    g.writeStringProperty("username", people.handle(account));
    g.writeStringProperty("created_at", Json.iso(people.createdMs[account]));
    g.writeStringProperty("description", people.bio(account));
    g.writeBooleanProperty("protected", false);
    g.writeBooleanProperty("verified", false);
    g.writeStringProperty("profile_image_url", Manifest.MEDIA_URL_PREFIX + people.avatarPath(account));
    List<String> links = people.personaLinks(account);
    if (!links.isEmpty()) {
      g.writeStringProperty("url", links.get(0));
    }
    g.writeName("public_metrics");
    g.writeStartObject();
    g.writeNumberProperty("followers_count", people.followersCount[account]);
    g.writeNumberProperty("following_count", people.followingCount(account));
    g.writeNumberProperty("tweet_count", 10 + people.followersCount[account] % 5000);
    g.writeNumberProperty("listed_count", 0);
    g.writeEndObject();
    g.writeEndObject();
  }

  // ---- v1.1

  private void v1Tweet(JsonGenerator g, Post post, boolean top) {
    g.writeStartObject();
    g.writeStringProperty("created_at", Json.TWITTER_V1.format(Instant.ofEpochMilli(post.atMs())));
    g.writeNumberProperty("id", post.number());
    g.writeStringProperty("id_str", Long.toString(post.number()));
    g.writeStringProperty("text", post.text().body());
    g.writeStringProperty("source", "<a href=\"https://x.range.invalid/download\" rel=\"nofollow\">Range for Android</a>");
    g.writeBooleanProperty("truncated", false);
    boolean reply = post.kind() == Post.Kind.REPLY && post.referenced().isPresent();
    if (reply) {
      Post ref = post.referenced().get();
      g.writeNumberProperty("in_reply_to_status_id", ref.number());
      g.writeStringProperty("in_reply_to_status_id_str", Long.toString(ref.number()));
      g.writeNumberProperty("in_reply_to_user_id", Long.parseLong(people.accountId(ref.account())));
      g.writeStringProperty("in_reply_to_user_id_str", people.accountId(ref.account()));
      g.writeStringProperty("in_reply_to_screen_name", people.handle(ref.account()));
    } else {
      g.writeNullProperty("in_reply_to_status_id");
      g.writeNullProperty("in_reply_to_status_id_str");
      g.writeNullProperty("in_reply_to_user_id");
      g.writeNullProperty("in_reply_to_user_id_str");
      g.writeNullProperty("in_reply_to_screen_name");
    }
    g.writeName("user");
    v1User(g, post.account());
    g.writeNullProperty("geo");
    g.writeNullProperty("coordinates");
    g.writeNullProperty("place");
    boolean quote = post.kind() == Post.Kind.QUOTE && post.referenced().isPresent();
    g.writeBooleanProperty("is_quote_status", quote);
    if (quote && top) {
      Post ref = post.referenced().get();
      g.writeNumberProperty("quoted_status_id", ref.number());
      g.writeStringProperty("quoted_status_id_str", Long.toString(ref.number()));
      g.writeName("quoted_status");
      v1Tweet(g, ref, false);
    }
    if (post.kind() == Post.Kind.REPOST && post.referenced().isPresent() && top) {
      g.writeName("retweeted_status");
      v1Tweet(g, post.referenced().get(), false);
    }
    g.writeNumberProperty("retweet_count", 0);
    g.writeNumberProperty("favorite_count", 0);
    g.writeName("entities");
    g.writeStartObject();
    v1Group(g, post, Text.Hashtag.class, "hashtags");
    v1Group(g, post, Text.Link.class, "urls");
    v1Group(g, post, Text.Mention.class, "user_mentions");
    g.writeName("symbols");
    g.writeStartArray();
    g.writeEndArray();
    if (!post.media().isEmpty()) {
      g.writeName("media");
      v1Media(g, post);
    }
    g.writeEndObject();
    if (!post.media().isEmpty()) {
      g.writeName("extended_entities");
      g.writeStartObject();
      g.writeName("media");
      v1Media(g, post);
      g.writeEndObject();
    }
    g.writeBooleanProperty("favorited", false);
    g.writeBooleanProperty("retweeted", false);
    g.writeBooleanProperty("possibly_sensitive", post.truth().tier().isPresent());
    g.writeStringProperty("filter_level", "low");
    g.writeStringProperty("lang", post.lang().code);
    if (top) {
      g.writeStringProperty("timestamp_ms", Long.toString(post.atMs()));
    }
    g.writeEndObject();
  }

  private void v1Group(JsonGenerator g, Post post, Class<? extends Text.Entity> type, String name) {
    g.writeName(name);
    g.writeStartArray();
    for (Text.Entity entity : post.text().entities()) {
      if (!type.isInstance(entity)) {
        continue;
      }
      g.writeStartObject();
      switch (entity) {
        case Text.Hashtag h -> g.writeStringProperty("text", h.tag());
        case Text.Mention m -> {
          g.writeStringProperty("screen_name", m.handle());
          g.writeStringProperty("name", people.displayName(m.account()));
          g.writeNumberProperty("id", Long.parseLong(people.accountId(m.account())));
          g.writeStringProperty("id_str", people.accountId(m.account()));
        }
        case Text.Link l -> {
          g.writeStringProperty("url", l.url());
          g.writeStringProperty("expanded_url", l.url());
          g.writeStringProperty("display_url", l.url().replaceFirst("^https?://", ""));
        }
      }
      g.writeName("indices");
      g.writeStartArray();
      g.writeNumber(entity.start());
      g.writeNumber(entity.end());
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void v1Media(JsonGenerator g, Post post) {
    int length = post.text().body().codePointCount(0, post.text().body().length());
    g.writeStartArray();
    int n = 1;
    for (MediaRef m : post.media()) {
      String page = Site.X.base + "/" + people.handle(post.account()) + "/status/" + post.number() + "/photo/" + n++;
      g.writeStartObject();
      g.writeNumberProperty("id", m.numericId());
      g.writeStringProperty("id_str", Long.toString(m.numericId()));
      g.writeName("indices");
      g.writeStartArray();
      g.writeNumber(length);
      g.writeNumber(length);
      g.writeEndArray();
      g.writeStringProperty("media_url", Manifest.MEDIA_URL_PREFIX.replace("https://", "http://") + m.path());
      g.writeStringProperty("media_url_https", Manifest.MEDIA_URL_PREFIX + m.path());
      g.writeStringProperty("url", page);
      g.writeStringProperty("display_url", page.replaceFirst("^https://", ""));
      g.writeStringProperty("expanded_url", page);
      g.writeStringProperty("type", "photo");
      g.writeName("sizes");
      g.writeStartObject();
      g.writeName("large");
      g.writeStartObject();
      g.writeNumberProperty("w", m.width());
      g.writeNumberProperty("h", m.height());
      g.writeStringProperty("resize", "fit");
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void v1User(JsonGenerator g, int account) {
    g.writeStartObject();
    g.writeNumberProperty("id", Long.parseLong(people.accountId(account)));
    g.writeStringProperty("id_str", people.accountId(account));
    g.writeStringProperty("name", people.displayName(account));
    g.writeStringProperty("screen_name", people.handle(account));
    g.writeNullProperty("location");
    List<String> links = people.personaLinks(account);
    if (links.isEmpty()) {
      g.writeNullProperty("url");
    } else {
      g.writeStringProperty("url", links.get(0));
    }
    g.writeStringProperty("description", people.bio(account));
    g.writeBooleanProperty("protected", false);
    g.writeBooleanProperty("verified", false);
    g.writeNumberProperty("followers_count", people.followersCount[account]);
    g.writeNumberProperty("friends_count", people.followingCount(account));
    g.writeNumberProperty("listed_count", 0);
    g.writeNumberProperty("favourites_count", 0);
    g.writeNumberProperty("statuses_count", 10 + people.followersCount[account] % 5000);
    g.writeStringProperty("created_at", Json.TWITTER_V1.format(Instant.ofEpochMilli(people.createdMs[account])));
    g.writeStringProperty("lang", people.lang(account).code);
    g.writeStringProperty("profile_image_url_https", Manifest.MEDIA_URL_PREFIX + people.avatarPath(account));
    g.writeBooleanProperty("default_profile", false);
    g.writeEndObject();
  }

  @Override
  public void close() {
    if (v1 != null) {
      v1.close();
      v2.close();
      v1 = null;
      v2 = null;
    }
  }
}
