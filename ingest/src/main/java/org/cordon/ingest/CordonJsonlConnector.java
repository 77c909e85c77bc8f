package org.cordon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Cordon's own JSON lines, for every source without a connector of its own: one object per line
 * whose {@code kind} says which core record it mirrors (docs/ingest.md has every field).
 */
final class CordonJsonlConnector implements Connector {
  static final Format FORMAT = new Format("cordon-jsonl");

  private final int maxRecordBytes;

  CordonJsonlConnector(int maxRecordBytes) {
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
      throw RecordProblem.invalid("line", "an object");
    }
    String kind = Fields.string(line, "kind");
    Platform platform = new Platform(Fields.string(line, "platform"));
    Observed observed = switch (kind) {
      case "account" -> account(line, platform);
      case "post" -> post(line, platform);
      case "media" -> media(line, platform);
      case "follow" -> new Interaction.Follow(account(platform, line, "from_id"), account(platform, line, "to_id"),
          Fields.optionalIsoTime(line, "at"));
      case "mention" -> new Interaction.Mention(account(platform, line, "from_id"), Fields.string(line, "to_handle"),
          optionalAccount(platform, line, "to_id"), post(platform, line, "post_id"), Fields.isoTime(line, "at"));
      case "reply" -> new Interaction.Reply(account(platform, line, "from_id"), optionalAccount(platform, line, "to_id"),
          post(platform, line, "post_id"), post(platform, line, "in_reply_to_post_id"), Fields.isoTime(line, "at"));
      case "share" -> new Interaction.Share(account(platform, line, "from_id"), shareKind(line),
          post(platform, line, "post_id"), Fields.optionalId(line, "original_post_id").map(id -> PostKey.of(platform, id)),
          optionalAccount(platform, line, "original_author_id"), Fields.optionalNonEmpty(line, "origin_name"),
          Fields.isoTime(line, "at"));
      default -> throw RecordProblem.unsupported("kind '" + Fields.clip(kind)
          + "' is not one of account, post, media, follow, mention, reply, share");
    };
    return List.of(observed);
  }

  private static Account account(JsonNode line, Platform platform) {
    return new Account(account(platform, line, "id"), Fields.string(line, "handle"),
        Fields.optionalString(line, "display_name"), Fields.optionalString(line, "bio"),
        Fields.optionalIsoTime(line, "created_at"), Fields.optionalLong(line, "followers"),
        Fields.optionalLong(line, "following"), Fields.optionalString(line, "avatar_url"),
        Fields.optionalString(line, "profile_url"), strings(line, "links"));
  }

  private static Post post(JsonNode line, Platform platform) {
    List<MediaKey> media = strings(line, "media_ids").stream().map(id -> MediaKey.of(platform, id)).toList();
    List<PostReference> references = new ArrayList<>();
    for (JsonNode reference : Fields.objects(line, "references")) {
      PostReference.Kind kind = switch (Fields.string(reference, "kind")) {
        case "reply_to" -> PostReference.Kind.REPLY_TO;
        case "repost_of" -> PostReference.Kind.REPOST_OF;
        case "quote_of" -> PostReference.Kind.QUOTE_OF;
        case "forward_of" -> PostReference.Kind.FORWARD_OF;
        default -> throw RecordProblem.invalid("references.kind", "one of reply_to, repost_of, quote_of, forward_of");
      };
      references.add(new PostReference(kind, post(platform, reference, "post_id")));
    }
    return new Post(post(platform, line, "id"), account(platform, line, "author_id"), Fields.isoTime(line, "posted_at"),
        Fields.string(line, "text"), Fields.optionalNonEmpty(line, "language"), Fields.optionalNonEmpty(line, "url"),
        media, strings(line, "hashtags"), strings(line, "mentions"), strings(line, "links"), references);
  }

  private static Media media(JsonNode line, Platform platform) {
    Media.Kind kind = switch (Fields.string(line, "media_type")) {
      case "image" -> Media.Kind.IMAGE;
      case "video" -> Media.Kind.VIDEO;
      case "animated_gif" -> Media.Kind.ANIMATED_GIF;
      case "audio" -> Media.Kind.AUDIO;
      case "document" -> Media.Kind.DOCUMENT;
      default -> throw RecordProblem.invalid("media_type", "one of image, video, animated_gif, audio, document");
    };
    return new Media(MediaKey.of(platform, Fields.id(line, "id")), kind, Fields.optionalNonEmpty(line, "location"),
        Fields.optionalNonEmpty(line, "preview_location"), Fields.optionalInt(line, "width"), Fields.optionalInt(line, "height"));
  }

  private static Interaction.Share.Kind shareKind(JsonNode line) {
    return switch (Fields.string(line, "share_kind")) {
      case "repost" -> Interaction.Share.Kind.REPOST;
      case "quote" -> Interaction.Share.Kind.QUOTE;
      case "forward" -> Interaction.Share.Kind.FORWARD;
      default -> throw RecordProblem.invalid("share_kind", "one of repost, quote, forward");
    };
  }

  private static AccountKey account(Platform platform, JsonNode line, String field) {
    return AccountKey.of(platform, Fields.id(line, field));
  }

  private static Optional<AccountKey> optionalAccount(Platform platform, JsonNode line, String field) {
    return Fields.optionalId(line, field).map(id -> AccountKey.of(platform, id));
  }

  private static PostKey post(Platform platform, JsonNode line, String field) {
    return PostKey.of(platform, Fields.id(line, field));
  }

  private static List<String> strings(JsonNode line, String field) {
    List<String> strings = new ArrayList<>();
    for (JsonNode element : Fields.array(line, field)) {
      if (!element.isString()) {
        throw RecordProblem.invalid(field, "an array of strings");
      }
      strings.add(Fields.checkUnicode(field, element.stringValue()));
    }
    return strings;
  }
}
