package org.cordon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
 * X API v2 responses: {@code {data: tweet | [tweets], includes: {users, media, tweets}}}, one per
 * line, or one pretty-printed response (or an array of them) per file. A response is one record:
 * its tweets are resolved against its own includes.
 */
final class XV2Connector implements Connector {
  static final Format FORMAT = new Format("x-v2");

  private final int maxRecordBytes;

  XV2Connector(int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public void read(String name, InputStream in, RecordSink sink) throws IOException {
    Inputs.readDocumentOrLines(name, in, maxRecordBytes, sink, this::response);
  }

  /**
   * A v2 media key is the media's id behind a numeric type prefix ({@code 3_1234} for the photo
   * whose id is {@code 1234}; X documents the form as "the ID plus a numeric prefix and an
   * underscore"). v1 names media by the bare id, so the key is reduced to it: the same photo
   * delivered in both formats is then one media item, stored, hashed and matched once. A key of
   * another form is kept as it is.
   */
  static MediaKey mediaKey(String key) {
    int underscore = key.indexOf('_');
    if (underscore > 0 && underscore < key.length() - 1 && isDigits(key, 0, underscore) && isDigits(key, underscore + 1, key.length())) {
      return MediaKey.of(Platform.X, key.substring(underscore + 1));
    }
    return MediaKey.of(Platform.X, key);
  }

  private static boolean isDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private List<Observed> response(JsonNode response) {
    if (!response.isObject()) {
      throw RecordProblem.invalid("response", "an object");
    }
    Optional<JsonNode> data = Fields.optional(response, "data");
    if (data.isEmpty()) {
      if (!Fields.array(response, "errors").isEmpty()) {
        throw RecordProblem.unsupported("a response with errors and no data: " + Fields.clip(response.get("errors").toString()));
      }
      throw RecordProblem.missing("data");
    }
    List<JsonNode> tweets = new ArrayList<>();
    if (data.get().isArray()) {
      tweets.addAll(Fields.objects(response, "data"));
    } else if (data.get().isObject()) {
      tweets.add(data.get());
    } else {
      throw RecordProblem.invalid("data", "a tweet or an array of tweets");
    }
    JsonNode includes = Fields.optionalObject(response, "includes").orElse(JsonRecords.MAPPER.createObjectNode());
    Includes known = new Includes(includes);

    Observations seen = new Observations();
    known.users.values().forEach(seen::account);
    known.media.values().forEach(seen::media);
    for (JsonNode tweet : tweets) {
      tweet(tweet, known, seen);
    }
    for (JsonNode included : known.tweets.values()) {
      // Referenced tweets are posts too when the response carries enough of them.
      if (included.has("author_id") && included.has("created_at") && included.has("text")) {
        tweet(included, known, seen);
      }
    }
    return seen.all();
  }

  private void tweet(JsonNode tweet, Includes known, Observations seen) {
    String id = Fields.id(tweet, "id");
    PostKey key = PostKey.of(Platform.X, id);
    AccountKey author = AccountKey.of(Platform.X, Fields.id(tweet, "author_id"));
    Instant at = Fields.isoTime(tweet, "created_at");
    Optional<JsonNode> note = Fields.optionalObject(tweet, "note_tweet");
    // A long post ("note tweet") carries its full text and entities apart; they win over the cut ones.
    String text = note.flatMap(n -> Fields.optionalString(n, "text")).orElseGet(() -> Fields.string(tweet, "text"));
    JsonNode entities = note.flatMap(n -> Fields.optionalObject(n, "entities"))
        .or(() -> Fields.optionalObject(tweet, "entities"))
        .orElse(JsonRecords.MAPPER.createObjectNode());

    List<String> hashtags = new ArrayList<>();
    for (JsonNode hashtag : Fields.objects(entities, "hashtags")) {
      hashtags.add(Fields.string(hashtag, "tag"));
    }
    List<String> mentions = new ArrayList<>();
    for (JsonNode mention : Fields.objects(entities, "mentions")) {
      String handle = Fields.string(mention, "username");
      mentions.add(handle);
      seen.interaction(new Interaction.Mention(author, handle,
          Fields.optionalId(mention, "id").map(mentioned -> AccountKey.of(Platform.X, mentioned)), key, at));
    }
    List<String> links = new ArrayList<>();
    for (JsonNode url : Fields.objects(entities, "urls")) {
      Fields.optionalNonEmpty(url, "unwound_url")
          .or(() -> Fields.optionalNonEmpty(url, "expanded_url"))
          .or(() -> Fields.optionalNonEmpty(url, "url"))
          .ifPresent(links::add);
    }
    List<MediaKey> media = new ArrayList<>();
    Fields.optionalObject(tweet, "attachments").ifPresent(attachments -> {
      for (JsonNode mediaKey : Fields.array(attachments, "media_keys")) {
        if (!mediaKey.isString()) {
          throw RecordProblem.invalid("attachments.media_keys", "an array of strings");
        }
        media.add(mediaKey(Fields.checkUnicode("media_keys", mediaKey.stringValue())));
      }
    });

    List<PostReference> references = new ArrayList<>();
    Optional<AccountKey> repliedToUser = Fields.optionalId(tweet, "in_reply_to_user_id").map(user -> AccountKey.of(Platform.X, user));
    for (JsonNode referenced : Fields.objects(tweet, "referenced_tweets")) {
      String type = Fields.string(referenced, "type");
      PostKey target = PostKey.of(Platform.X, Fields.id(referenced, "id"));
      Optional<AccountKey> targetAuthor = known.authorOf(target.id());
      Optional<String> targetHandle = targetAuthor.flatMap(known::handleOf);
      switch (type) {
        case "replied_to" -> {
          references.add(new PostReference(PostReference.Kind.REPLY_TO, target));
          seen.interaction(new Interaction.Reply(author, repliedToUser.or(() -> targetAuthor), key, target, at));
        }
        case "quoted" -> {
          references.add(new PostReference(PostReference.Kind.QUOTE_OF, target));
          seen.interaction(new Interaction.Share(author, Interaction.Share.Kind.QUOTE, key, Optional.of(target),
              targetAuthor, targetHandle, at));
        }
        case "retweeted" -> {
          references.add(new PostReference(PostReference.Kind.REPOST_OF, target));
          seen.interaction(new Interaction.Share(author, Interaction.Share.Kind.REPOST, key, Optional.of(target),
              targetAuthor, targetHandle, at));
        }
        default -> { } // a reference kind added after this connector was written: ignore, like an unknown field
      }
    }
    Optional<String> url = Optional.of(known.handleOf(author)
        .map(handle -> "https://x.com/" + handle + "/status/" + id)
        .orElse("https://x.com/i/web/status/" + id));
    seen.post(new Post(key, author, at, text, Fields.optionalNonEmpty(tweet, "lang"), url, media, hashtags,
        mentions, links, references));
  }

  /** A response's includes, looked up by id. */
  private static final class Includes {
    final Map<String, Account> users = new java.util.LinkedHashMap<>();
    final Map<String, Media> media = new java.util.LinkedHashMap<>();
    final Map<String, JsonNode> tweets = new java.util.LinkedHashMap<>();

    Includes(JsonNode includes) {
      for (JsonNode user : Fields.objects(includes, "users")) {
        Account account = user(user);
        users.put(account.key().id(), account);
      }
      for (JsonNode item : Fields.objects(includes, "media")) {
        Media parsed = media(item);
        media.put(parsed.key().id(), parsed);
      }
      for (JsonNode tweet : Fields.objects(includes, "tweets")) {
        tweets.put(Fields.id(tweet, "id"), tweet);
      }
    }

    Optional<AccountKey> authorOf(String tweetId) {
      return Optional.ofNullable(tweets.get(tweetId))
          .flatMap(tweet -> Fields.optionalId(tweet, "author_id"))
          .map(author -> AccountKey.of(Platform.X, author));
    }

    Optional<String> handleOf(AccountKey account) {
      return Optional.ofNullable(users.get(account.id())).map(Account::handle);
    }

    private static Account user(JsonNode user) {
      String handle = Fields.string(user, "username");
      JsonNode metrics = Fields.optionalObject(user, "public_metrics").orElse(JsonRecords.MAPPER.createObjectNode());
      List<String> links = new ArrayList<>();
      Fields.optionalObject(user, "entities").flatMap(e -> Fields.optionalObject(e, "url")).ifPresent(url -> {
        for (JsonNode link : Fields.objects(url, "urls")) {
          Fields.optionalNonEmpty(link, "expanded_url").or(() -> Fields.optionalNonEmpty(link, "url")).ifPresent(links::add);
        }
      });
      if (links.isEmpty()) {
        Fields.optionalNonEmpty(user, "url").ifPresent(links::add);
      }
      OptionalLong followers = Fields.optionalLong(metrics, "followers_count");
      OptionalLong following = Fields.optionalLong(metrics, "following_count");
      return new Account(AccountKey.of(Platform.X, Fields.id(user, "id")), handle,
          Fields.optionalNonEmpty(user, "name"), Fields.optionalNonEmpty(user, "description"),
          Fields.optionalIsoTime(user, "created_at"), followers, following,
          Fields.optionalNonEmpty(user, "profile_image_url"), Optional.of("https://x.com/" + handle), links);
    }

    private static Media media(JsonNode item) {
      String type = Fields.string(item, "type");
      Media.Kind kind = switch (type) {
        case "photo" -> Media.Kind.IMAGE;
        case "video" -> Media.Kind.VIDEO;
        case "animated_gif" -> Media.Kind.ANIMATED_GIF;
        default -> Media.Kind.DOCUMENT;
      };
      Optional<String> location = Fields.optionalNonEmpty(item, "url").or(() -> bestVariant(item));
      return new Media(mediaKey(Fields.string(item, "media_key")), kind, location,
          Fields.optionalNonEmpty(item, "preview_image_url"), Fields.optionalInt(item, "width"),
          Fields.optionalInt(item, "height"));
    }

    /** Videos have no url, only variants: take the MP4 with the highest bit rate. */
    private static Optional<String> bestVariant(JsonNode item) {
      Optional<String> best = Optional.empty();
      long bestRate = -1;
      for (JsonNode variant : Fields.objects(item, "variants")) {
        long rate = Fields.optionalLong(variant, "bit_rate").orElse(0);
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
}
