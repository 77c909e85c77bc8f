package org.cordon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * An ActivityStreams 2.0 outbox: an {@code OrderedCollection} or {@code OrderedCollectionPage}
 * whose {@code orderedItems} (or {@code items}) are activities, pages embedded under
 * {@code first}/{@code next} included. Each activity is one record. Keys are the ActivityPub ids
 * (URIs), which are global. The fediverse has many services (Mastodon, PeerTube, …) speaking this
 * format, so the platform is the caller's to name; {@code mastodon} by default. Video, Image and
 * Audio objects (PeerTube uploads) are posts too; their {@code icon} thumbnails are their media.
 */
final class ActivityStreamsConnector implements Connector {
  static final Format FORMAT = new Format("activitystreams");

  private static final Set<String> POST_TYPES = Set.of("Note", "Article", "Page", "Question", "Video", "Image", "Audio");
  private static final Set<String> UPLOAD_TYPES = Set.of("Video", "Image", "Audio");

  private final int maxRecordBytes;
  private final Platform platform;

  ActivityStreamsConnector(int maxRecordBytes, Platform platform) {
    this.maxRecordBytes = maxRecordBytes;
    this.platform = platform;
  }

  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public void read(String name, InputStream in, RecordSink sink) throws IOException {
    new JsonDocumentSplitter(name, in, maxRecordBytes, ActivityStreamsConnector::isActivity)
        .run((record, context) -> JsonRecords.deliver(record, sink, this::activity), sink);
  }

  /** An element of any (ordered) items array, or of a top-level array of activities. */
  private static boolean isActivity(List<Object> path, int firstByte) {
    int size = path.size();
    if (size == 0 || !(path.getLast() instanceof Integer)) {
      return false;
    }
    return size == 1 || "orderedItems".equals(path.get(size - 2)) || "items".equals(path.get(size - 2));
  }

  private List<Observed> activity(JsonNode activity) {
    if (!activity.isObject()) {
      throw RecordProblem.invalid("activity", "an object (an embedded activity, not a link to one)");
    }
    String type = type(activity);
    Observations seen = new Observations();
    switch (type) {
      case "Create" -> {
        JsonNode object = Fields.optional(activity, "object").orElseThrow(() -> RecordProblem.missing("object"));
        if (!object.isObject()) {
          throw RecordProblem.unsupported("a Create whose object is only a link; the outbox must embed the object");
        }
        note(object, activity, seen);
      }
      case "Announce" -> announce(activity, seen);
      case "Follow" -> {
        AccountKey from = actor(activity, "actor", seen).orElseThrow(() -> RecordProblem.missing("actor"));
        String to = reference(activity, "object").orElseThrow(() -> RecordProblem.missing("object"));
        seen.interaction(new Interaction.Follow(from, AccountKey.of(platform, to), Fields.optionalIsoTime(activity, "published")));
      }
      default -> throw RecordProblem.unsupported("an activity of type '" + Fields.clip(type) + "'");
    }
    return seen.all();
  }

  private void announce(JsonNode activity, Observations seen) {
    PostKey key = PostKey.of(platform, Fields.string(activity, "id"));
    AccountKey from = actor(activity, "actor", seen).orElseThrow(() -> RecordProblem.missing("actor"));
    Instant at = Fields.isoTime(activity, "published");
    JsonNode object = Fields.optional(activity, "object").orElseThrow(() -> RecordProblem.missing("object"));
    PostKey original;
    Optional<AccountKey> originalAuthor = Optional.empty();
    if (object.isObject()) {
      Post boosted = note(object, activity, seen);
      original = boosted.key();
      originalAuthor = Optional.of(boosted.author());
    } else {
      original = PostKey.of(platform, reference(activity, "object").orElseThrow(() -> RecordProblem.invalid("object", "a URI or an object")));
    }
    seen.post(new Post(key, from, at, "", Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), List.of(),
        List.of(new PostReference(PostReference.Kind.REPOST_OF, original))));
    seen.interaction(new Interaction.Share(from, Interaction.Share.Kind.REPOST, key, Optional.of(original), originalAuthor,
        Optional.empty(), at));
  }

  /** A Note (or Article, Page, Question) as a post; author and time fall back to the activity's. */
  private Post note(JsonNode note, JsonNode activity, Observations seen) {
    String type = type(note);
    if (!POST_TYPES.contains(type)) {
      throw RecordProblem.unsupported("an object of type '" + Fields.clip(type) + "'");
    }
    PostKey key = PostKey.of(platform, Fields.string(note, "id"));
    AccountKey author = actor(note, "attributedTo", seen).or(() -> actor(activity, "actor", seen))
        .orElseThrow(() -> RecordProblem.missing("attributedTo"));
    Instant at = Fields.optionalIsoTime(note, "published").or(() -> Fields.optionalIsoTime(activity, "published"))
        .orElseThrow(() -> RecordProblem.missing("published"));

    Optional<String> language = Optional.empty();
    Optional<String> content = Fields.optionalString(note, "content");
    Optional<JsonNode> contentMap = Fields.optionalObject(note, "contentMap");
    if (contentMap.isPresent() && contentMap.get().size() > 0) {
      Map.Entry<String, JsonNode> first = contentMap.get().properties().iterator().next();
      language = Optional.of(first.getKey());
      if (content.isEmpty()) {
        content = Fields.optionalString(contentMap.get(), first.getKey());
      }
    }
    String html = content.orElse("");
    String text = Html.text(html);
    Optional<String> title = Fields.optionalNonEmpty(note, "name");
    if (title.isPresent() && text.isBlank()) {
      text = title.get();
    }
    Optional<String> summary = Fields.optionalNonEmpty(note, "summary");
    if (summary.isPresent()) {
      text = Html.text(summary.get()) + "\n\n" + text;
    }

    List<String> hashtags = new ArrayList<>();
    List<String> mentions = new ArrayList<>();
    for (JsonNode tag : oneOrMany(note, "tag")) {
      if (!tag.isObject()) {
        continue;
      }
      String tagName = Fields.optionalString(tag, "name").orElse("");
      switch (Fields.optionalString(tag, "type").orElse("")) {
        case "Hashtag" -> hashtags.add(tagName.startsWith("#") ? tagName.substring(1) : tagName);
        case "Mention" -> {
          String handle = tagName.startsWith("@") ? tagName.substring(1) : tagName;
          mentions.add(handle);
          seen.interaction(new Interaction.Mention(author, handle,
              Fields.optionalNonEmpty(tag, "href").map(href -> AccountKey.of(platform, href)), key, at));
        }
        default -> { } // Emoji and other tags link to nothing we keep
      }
    }
    List<MediaKey> media = new ArrayList<>();
    List<JsonNode> attachments = new ArrayList<>(oneOrMany(note, "attachment"));
    if (UPLOAD_TYPES.contains(type)) {
      attachments.addAll(oneOrMany(note, "icon"));
    }
    for (JsonNode attachment : attachments) {
      if (!attachment.isObject()) {
        continue;
      }
      Media item = attachment(attachment);
      seen.media(item);
      media.add(item.key());
    }
    List<PostReference> references = new ArrayList<>();
    Optional<String> inReplyTo = reference(note, "inReplyTo");
    if (inReplyTo.isPresent()) {
      PostKey target = PostKey.of(platform, inReplyTo.get());
      references.add(new PostReference(PostReference.Kind.REPLY_TO, target));
      seen.interaction(new Interaction.Reply(author, Optional.empty(), key, target, at));
    }
    Optional<String> url = link(note, "url").or(() -> Optional.of(key.id()));
    Post post = new Post(key, author, at, text, language, url, media, hashtags, mentions, Html.links(html), references);
    seen.post(post);
    return post;
  }

  private Media attachment(JsonNode attachment) {
    String location = link(attachment, "url").orElseThrow(() -> RecordProblem.missing("attachment.url"));
    String mediaType = Fields.optionalString(attachment, "mediaType").orElse("");
    Media.Kind kind;
    if (mediaType.equals("image/gif")) {
      kind = Media.Kind.ANIMATED_GIF;
    } else if (mediaType.startsWith("image/")) {
      kind = Media.Kind.IMAGE;
    } else if (mediaType.startsWith("video/")) {
      kind = Media.Kind.VIDEO;
    } else if (mediaType.startsWith("audio/")) {
      kind = Media.Kind.AUDIO;
    } else {
      kind = switch (Fields.optionalString(attachment, "type").orElse("")) {
        case "Image" -> Media.Kind.IMAGE;
        case "Video" -> Media.Kind.VIDEO;
        case "Audio" -> Media.Kind.AUDIO;
        default -> Media.Kind.DOCUMENT;
      };
    }
    return new Media(MediaKey.of(platform, location), kind, Optional.of(location), Optional.empty(),
        Fields.optionalInt(attachment, "width"), Fields.optionalInt(attachment, "height"));
  }

  /** The actor named by a field: a URI, or an embedded actor (then also observed as an account). */
  private Optional<AccountKey> actor(JsonNode object, String field, Observations seen) {
    Optional<JsonNode> value = Fields.optional(object, field);
    if (value.isPresent() && value.get().isArray()) {
      value = value.get().values().stream().findFirst();
    }
    if (value.isEmpty()) {
      return Optional.empty();
    }
    JsonNode actor = value.get();
    if (actor.isString()) {
      return Optional.of(AccountKey.of(platform, Fields.checkUnicode(field, actor.stringValue())));
    }
    if (!actor.isObject()) {
      throw RecordProblem.invalid(field, "an actor URI or object");
    }
    AccountKey key = AccountKey.of(platform, Fields.string(actor, "id"));
    Optional<String> handle = Fields.optionalNonEmpty(actor, "preferredUsername");
    if (handle.isPresent()) {
      seen.account(new Account(key, handle.get(), Fields.optionalNonEmpty(actor, "name"),
          Fields.optionalNonEmpty(actor, "summary").map(Html::text), Fields.optionalIsoTime(actor, "published"),
          java.util.OptionalLong.empty(), java.util.OptionalLong.empty(),
          Fields.optionalObject(actor, "icon").flatMap(icon -> link(icon, "url")), link(actor, "url"), List.of()));
    }
    return Optional.of(key);
  }

  /** The id a field refers to: a URI string, an object's id, or the first of an array of those. */
  private static Optional<String> reference(JsonNode object, String field) {
    Optional<JsonNode> value = Fields.optional(object, field);
    if (value.isPresent() && value.get().isArray()) {
      value = value.get().values().stream().findFirst();
    }
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().isString()) {
      return Optional.of(Fields.checkUnicode(field, value.get().stringValue())).filter(s -> !s.isEmpty());
    }
    if (value.get().isObject()) {
      return Optional.of(Fields.string(value.get(), "id"));
    }
    throw RecordProblem.invalid(field, "a URI or an object with an id");
  }

  /** A link field: a URI string, a Link object's href, or the first of an array of those. */
  private static Optional<String> link(JsonNode object, String field) {
    Optional<JsonNode> value = Fields.optional(object, field);
    if (value.isPresent() && value.get().isArray()) {
      value = value.get().values().stream().findFirst();
    }
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().isString()) {
      return Optional.of(Fields.checkUnicode(field, value.get().stringValue())).filter(s -> !s.isEmpty());
    }
    if (value.get().isObject()) {
      return Fields.optionalNonEmpty(value.get(), "href");
    }
    throw RecordProblem.invalid(field, "a URI or a Link");
  }

  /** AS2 allows one value or an array for most properties. */
  private static List<JsonNode> oneOrMany(JsonNode object, String field) {
    Optional<JsonNode> value = Fields.optional(object, field);
    if (value.isEmpty()) {
      return List.of();
    }
    return value.get().isArray() ? List.copyOf(value.get().values()) : List.of(value.get());
  }

  private static String type(JsonNode object) {
    JsonNode type = Fields.optional(object, "type").orElseThrow(() -> RecordProblem.missing("type"));
    if (type.isArray() && type.size() > 0) {
      type = type.get(0);
    }
    if (!type.isString()) {
      throw RecordProblem.invalid("type", "a type name");
    }
    return type.stringValue();
  }
}
