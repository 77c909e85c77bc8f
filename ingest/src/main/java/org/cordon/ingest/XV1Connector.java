package org.cordon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.ingest.Connector;
import org.cordon.core.ingest.Format;
import org.cordon.core.ingest.RecordSink;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.PostReference;
import tools.jackson.databind.JsonNode;

/**
 * X API v1.1 tweets, one JSON object per line (the streaming and timeline shape). Retweeted and
 * quoted tweets nested in a tweet are read as posts of their own. The stream's notices (delete,
 * limit, ...) are rejected as UNSUPPORTED so that they are counted, not silently lost.
 */
final class XV1Connector implements Connector {
  static final Format FORMAT = new Format("x-v1");

  private static final Set<String> NOTICES = Set.of("delete", "limit", "scrub_geo", "status_withheld",
      "user_withheld", "disconnect", "warning", "friends", "event");
  /** A retweet of a quote is two levels; deeper nesting is not something the API produces. */
  private static final int MAX_NESTING = 3;

  private final int maxRecordBytes;

  XV1Connector(int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public void read(String name, InputStream in, RecordSink sink) throws IOException {
    Inputs.readLines(name, in, maxRecordBytes, sink, this::line);
  }

  private List<Observed> line(JsonNode line) {
    if (!line.isObject()) {
      throw RecordProblem.invalid("tweet", "an object");
    }
    if (!line.has("id_str") && !line.has("id") && !line.has("user")) {
      for (String notice : NOTICES) {
        if (line.has(notice)) {
          throw RecordProblem.unsupported("a stream '" + notice + "' notice, not a tweet");
        }
      }
    }
    Observations seen = new Observations();
    tweet(line, seen, 0);
    return seen.all();
  }

  /** Reads one tweet and the tweets nested in it; returns its key and author. */
  private Authored tweet(JsonNode tweet, Observations seen, int depth) {
    String id = Fields.optionalId(tweet, "id_str").orElseGet(() -> Fields.id(tweet, "id"));
    PostKey key = PostKey.of(Platform.X, id);
    Account author = user(Fields.object(tweet, "user"));
    seen.account(author);
    Instant at = Fields.twitterV1Time("created_at", Fields.string(tweet, "created_at"));

    // A truncated tweet keeps its full text and entities in extended_tweet.
    Optional<JsonNode> extended = Fields.flag(tweet, "truncated") || tweet.has("extended_tweet")
        ? Fields.optionalObject(tweet, "extended_tweet") : Optional.empty();
    JsonNode full = extended.orElse(tweet);
    String text = extended.isPresent()
        ? Fields.string(full, "full_text")
        : Fields.optionalString(tweet, "full_text").orElseGet(() -> Fields.string(tweet, "text"));
    JsonNode entities = Fields.optionalObject(full, "entities").orElse(JsonRecords.MAPPER.createObjectNode());

    List<String> hashtags = new ArrayList<>();
    for (JsonNode hashtag : Fields.objects(entities, "hashtags")) {
      hashtags.add(Fields.string(hashtag, "text"));
    }
    List<String> mentions = new ArrayList<>();
    for (JsonNode mention : Fields.objects(entities, "user_mentions")) {
      String handle = Fields.string(mention, "screen_name");
      mentions.add(handle);
      Optional<AccountKey> to = Fields.optionalId(mention, "id_str").or(() -> Fields.optionalId(mention, "id"))
          .map(user -> AccountKey.of(Platform.X, user));
      seen.interaction(new Interaction.Mention(author.key(), handle, to, key, at));
    }
    List<String> links = new ArrayList<>();
    for (JsonNode url : Fields.objects(entities, "urls")) {
      Fields.optionalNonEmpty(url, "expanded_url").or(() -> Fields.optionalNonEmpty(url, "url")).ifPresent(links::add);
    }
    List<MediaKey> media = new ArrayList<>();
    JsonNode mediaEntities = Fields.optionalObject(full, "extended_entities").orElse(entities);
    for (JsonNode item : Fields.objects(mediaEntities, "media")) {
      Media parsed = media(item);
      seen.media(parsed);
      media.add(parsed.key());
    }

    List<PostReference> references = new ArrayList<>();
    Optional<String> repliedTo = Fields.optionalId(tweet, "in_reply_to_status_id_str")
        .or(() -> Fields.optionalId(tweet, "in_reply_to_status_id"));
    if (repliedTo.isPresent()) {
      PostKey target = PostKey.of(Platform.X, repliedTo.get());
      references.add(new PostReference(PostReference.Kind.REPLY_TO, target));
      Optional<AccountKey> to = Fields.optionalId(tweet, "in_reply_to_user_id_str")
          .or(() -> Fields.optionalId(tweet, "in_reply_to_user_id"))
          .map(user -> AccountKey.of(Platform.X, user));
      seen.interaction(new Interaction.Reply(author.key(), to, key, target, at));
    }
    Optional<JsonNode> retweeted = Fields.optionalObject(tweet, "retweeted_status");
    if (retweeted.isPresent()) {
      Authored original = nested(retweeted.get(), seen, depth);
      references.add(new PostReference(PostReference.Kind.REPOST_OF, original.post()));
      seen.interaction(new Interaction.Share(author.key(), Interaction.Share.Kind.REPOST, key,
          Optional.of(original.post()), Optional.of(original.author().key()), Optional.of(original.author().handle()), at));
    }
    Optional<JsonNode> quoted = Fields.optionalObject(tweet, "quoted_status");
    Optional<String> quotedId = Fields.optionalId(tweet, "quoted_status_id_str");
    if (quoted.isPresent()) {
      Authored original = nested(quoted.get(), seen, depth);
      references.add(new PostReference(PostReference.Kind.QUOTE_OF, original.post()));
      seen.interaction(new Interaction.Share(author.key(), Interaction.Share.Kind.QUOTE, key,
          Optional.of(original.post()), Optional.of(original.author().key()), Optional.of(original.author().handle()), at));
    } else if (quotedId.isPresent()) {
      PostKey target = PostKey.of(Platform.X, quotedId.get());
      references.add(new PostReference(PostReference.Kind.QUOTE_OF, target));
      seen.interaction(new Interaction.Share(author.key(), Interaction.Share.Kind.QUOTE, key,
          Optional.of(target), Optional.empty(), Optional.empty(), at));
    }
    seen.post(new Post(key, author.key(), at, text, Fields.optionalNonEmpty(tweet, "lang").filter(l -> !l.equals("und")),
        Optional.of("https://x.com/" + author.handle() + "/status/" + id), media, hashtags, mentions, links, references));
    return new Authored(key, author);
  }

  private Authored nested(JsonNode tweet, Observations seen, int depth) {
    if (depth + 1 > MAX_NESTING) {
      throw RecordProblem.invalid("retweeted_status", "nested less than " + MAX_NESTING + " deep");
    }
    return tweet(tweet, seen, depth + 1);
  }

  private record Authored(PostKey post, Account author) {}

  private static Account user(JsonNode user) {
    String id = Fields.optionalId(user, "id_str").orElseGet(() -> Fields.id(user, "id"));
    String handle = Fields.string(user, "screen_name");
    List<String> links = new ArrayList<>();
    Fields.optionalObject(user, "entities").flatMap(e -> Fields.optionalObject(e, "url")).ifPresent(url -> {
      for (JsonNode link : Fields.objects(url, "urls")) {
        Fields.optionalNonEmpty(link, "expanded_url").or(() -> Fields.optionalNonEmpty(link, "url")).ifPresent(links::add);
      }
    });
    if (links.isEmpty()) {
      Fields.optionalNonEmpty(user, "url").ifPresent(links::add);
    }
    return new Account(AccountKey.of(Platform.X, id), handle, Fields.optionalNonEmpty(user, "name"),
        Fields.optionalNonEmpty(user, "description"),
        Fields.optionalNonEmpty(user, "created_at").map(time -> Fields.twitterV1Time("user.created_at", time)),
        Fields.optionalLong(user, "followers_count"), Fields.optionalLong(user, "friends_count"),
        Fields.optionalNonEmpty(user, "profile_image_url_https").or(() -> Fields.optionalNonEmpty(user, "profile_image_url")),
        Optional.of("https://x.com/" + handle), links);
  }

  private static Media media(JsonNode item) {
    String id = Fields.optionalId(item, "id_str").orElseGet(() -> Fields.id(item, "id"));
    Media.Kind kind = switch (Fields.string(item, "type")) {
      case "photo" -> Media.Kind.IMAGE;
      case "video" -> Media.Kind.VIDEO;
      case "animated_gif" -> Media.Kind.ANIMATED_GIF;
      default -> Media.Kind.DOCUMENT;
    };
    Optional<String> image = Fields.optionalNonEmpty(item, "media_url_https").or(() -> Fields.optionalNonEmpty(item, "media_url"));
    Optional<String> video = Fields.optionalObject(item, "video_info").flatMap(XV1Connector::bestVariant);
    Optional<String> location = kind == Media.Kind.IMAGE ? image : video.or(() -> image);
    Optional<String> preview = kind == Media.Kind.IMAGE ? Optional.empty() : image;
    Optional<JsonNode> size = Fields.optionalObject(item, "original_info")
        .or(() -> Fields.optionalObject(item, "sizes").flatMap(sizes -> Fields.optionalObject(sizes, "large")));
    return new Media(MediaKey.of(Platform.X, id), kind, location, preview,
        size.map(s -> Fields.optionalInt(s, s.has("width") ? "width" : "w")).orElse(java.util.OptionalInt.empty()),
        size.map(s -> Fields.optionalInt(s, s.has("height") ? "height" : "h")).orElse(java.util.OptionalInt.empty()));
  }

  private static Optional<String> bestVariant(JsonNode videoInfo) {
    Optional<String> best = Optional.empty();
    long bestRate = -1;
    for (JsonNode variant : Fields.objects(videoInfo, "variants")) {
      long rate = Fields.optionalLong(variant, "bitrate").orElse(0);
      boolean mp4 = Fields.optionalString(variant, "content_type").map("video/mp4"::equals).orElse(false);
      Optional<String> url = Fields.optionalNonEmpty(variant, "url");
      if (mp4 && url.isPresent() && rate > bestRate) {
        best = url;
        bestRate = rate;
      }
    }
    return best;
  }
}
