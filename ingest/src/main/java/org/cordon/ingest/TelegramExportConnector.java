package org.cordon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
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
 * Telegram Desktop's JSON export ({@code result.json}): one chat {@code {name, type, id,
 * messages}} or the whole account {@code {chats: {list: [chat, ...]}}}. Each message is one
 * record, cut out of the document without building it. A chat's {@code id}, {@code name} and
 * {@code type} must come before its {@code messages}, as Telegram Desktop writes them.
 */
final class TelegramExportConnector implements Connector {
  static final Format FORMAT = new Format("telegram-export");

  private static final String NOT_INCLUDED = "(File not included";

  private final int maxRecordBytes;

  TelegramExportConnector(int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public void read(String name, InputStream in, RecordSink sink) throws IOException {
    Set<String> chatsSeen = new HashSet<>();
    new JsonDocumentSplitter(name, in, maxRecordBytes, TelegramExportConnector::isMessage)
        .run((record, context) -> JsonRecords.deliver(record, sink,
            message -> message(message, Chat.of(context), chatsSeen)), sink);
  }

  /** {@code messages[i]} of a single-chat export, or {@code chats.list[c].messages[i]} of a full one. */
  private static boolean isMessage(List<Object> path, int firstByte) {
    int size = path.size();
    if (size == 2) {
      return "messages".equals(path.get(0)) && path.get(1) instanceof Integer;
    }
    return size == 5 && ("chats".equals(path.get(0)) || "left_chats".equals(path.get(0)))
        && "list".equals(path.get(1)) && path.get(2) instanceof Integer
        && "messages".equals(path.get(3)) && path.get(4) instanceof Integer;
  }

  /** The chat a message belongs to, from the scalars written before its messages. */
  private record Chat(Optional<String> id, Optional<String> name, Optional<String> type, Optional<String> username) {
    static Chat of(JsonDocumentSplitter.Context context) {
      // Only the object holding "messages": an id further out belongs to something else.
      List<Map<String, String>> scopes = context.scopes();
      JsonDocumentSplitter.Context chat = new JsonDocumentSplitter.Context(
          scopes.isEmpty() ? List.of() : List.of(scopes.getLast()));
      return new Chat(chat.scalar("id"), chat.scalar("name"), chat.scalar("type"), chat.scalar("username"));
    }

    String requireId() {
      return id.orElseThrow(() -> RecordProblem.missing("chat id (it must come before the chat's messages)"));
    }

    /** Telegram's peer kinds: users, basic groups ("chat") and channels, which supergroups are. */
    AccountKey account() {
      String prefix = switch (type.orElse("")) {
        case "personal_chat", "bot_chat", "saved_messages" -> "user";
        case "public_channel", "private_channel", "public_supergroup", "private_supergroup" -> "channel";
        default -> "chat";
      };
      return AccountKey.of(Platform.TELEGRAM, prefix + requireId());
    }

    boolean isChannel() {
      return account().id().startsWith("channel");
    }

    Account asAccount() {
      AccountKey key = account();
      return new Account(key, username.orElse(key.id()), name.filter(n -> !n.isEmpty()), Optional.empty(),
          Optional.empty(), java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), Optional.empty(),
          username.map(u -> "https://t.me/" + u), List.of());
    }
  }

  private List<Observed> message(JsonNode message, Chat chat, Set<String> chatsSeen) {
    if (!message.isObject()) {
      throw RecordProblem.invalid("message", "an object");
    }
    String type = Fields.optionalString(message, "type").orElse("message");
    if (type.equals("service")) {
      throw RecordProblem.unsupported("a service message ('" + Fields.optionalString(message, "action").orElse("?")
          + "'): chat events are not posts");
    }
    if (!type.equals("message")) {
      throw RecordProblem.unsupported("a message of type '" + Fields.clip(type) + "'");
    }
    String chatId = chat.requireId();
    String messageId = Fields.id(message, "id");
    PostKey key = PostKey.of(Platform.TELEGRAM, chatId + "/" + messageId);
    Instant at = time(message);

    Observations seen = new Observations();
    boolean firstOfChat = !chatsSeen.contains(chatId);
    if (firstOfChat) {
      seen.account(chat.asAccount());
    }
    AccountKey author;
    Optional<String> fromId = Fields.optionalId(message, "from_id");
    if (fromId.isPresent()) {
      author = AccountKey.of(Platform.TELEGRAM, fromId.get());
      seen.account(new Account(author, author.id(), Fields.optionalNonEmpty(message, "from"), Optional.empty(),
          Optional.empty(), java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), Optional.empty(),
          Optional.empty(), List.of()));
    } else {
      // Channel posts may carry no sender: the channel itself speaks.
      author = chat.account();
    }

    Text text = text(message);
    for (Entity mention : text.mentions()) {
      seen.interaction(new Interaction.Mention(author, mention.handle(),
          mention.userId().map(user -> AccountKey.of(Platform.TELEGRAM, "user" + user)), key, at));
    }

    List<MediaKey> media = new ArrayList<>();
    Optional<JsonNode> photo = Fields.optional(message, "photo");
    if (photo.isPresent()) {
      Media item = new Media(MediaKey.of(Platform.TELEGRAM, key.id() + "/photo"), Media.Kind.IMAGE,
          location(message, "photo"), Optional.empty(), Fields.optionalInt(message, "width"), Fields.optionalInt(message, "height"));
      seen.media(item);
      media.add(item.key());
    }
    if (Fields.optional(message, "file").isPresent()) {
      Media item = new Media(MediaKey.of(Platform.TELEGRAM, key.id() + "/file"), fileKind(message),
          location(message, "file"), location(message, "thumbnail"),
          Fields.optionalInt(message, "width"), Fields.optionalInt(message, "height"));
      seen.media(item);
      media.add(item.key());
    }

    List<PostReference> references = new ArrayList<>();
    Optional<String> replyTo = Fields.optionalId(message, "reply_to_message_id");
    if (replyTo.isPresent()) {
      PostKey target = PostKey.of(Platform.TELEGRAM, chatId + "/" + replyTo.get());
      references.add(new PostReference(PostReference.Kind.REPLY_TO, target));
      seen.interaction(new Interaction.Reply(author, Optional.empty(), key, target, at));
    }
    if (message.has("forwarded_from")) {
      // The export names the origin only (and null when it hides itself): no post to point at.
      seen.interaction(new Interaction.Share(author, Interaction.Share.Kind.FORWARD, key, Optional.empty(),
          Optional.empty(), Fields.optionalNonEmpty(message, "forwarded_from"), at));
    }

    Optional<String> url = chat.username().map(u -> "https://t.me/" + u + "/" + messageId)
        .or(() -> chat.isChannel() ? Optional.of("https://t.me/c/" + chatId + "/" + messageId) : Optional.empty());
    seen.post(new Post(key, author, at, text.plain(), Optional.empty(), url, media, text.hashtags(),
        text.mentions().stream().map(Entity::handle).toList(), text.links(), references));
    List<Observed> all = seen.all();
    chatsSeen.add(chatId);
    return all;
  }

  /** {@code date_unixtime} is exact; {@code date} is the exporting machine's local time, read as UTC. */
  private static Instant time(JsonNode message) {
    Optional<String> unix = Fields.optionalId(message, "date_unixtime");
    if (unix.isPresent()) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(unix.get()));
      } catch (NumberFormatException | DateTimeException e) {
        throw RecordProblem.invalid("date_unixtime", "seconds since 1970");
      }
    }
    String date = Fields.string(message, "date");
    try {
      return LocalDateTime.parse(date).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw RecordProblem.invalid("date", "a local date-time (2024-03-01T10:00:00)");
    }
  }

  private static Optional<String> location(JsonNode message, String field) {
    return Fields.optionalNonEmpty(message, field).filter(path -> !path.startsWith(NOT_INCLUDED));
  }

  private static Media.Kind fileKind(JsonNode message) {
    String mediaType = Fields.optionalString(message, "media_type").orElse("");
    switch (mediaType) {
      case "video_file", "video_message" -> {
        return Media.Kind.VIDEO;
      }
      case "animation" -> {
        return Media.Kind.ANIMATED_GIF;
      }
      case "voice_message", "audio_file" -> {
        return Media.Kind.AUDIO;
      }
      case "sticker" -> {
        return Media.Kind.IMAGE;
      }
      default -> { }
    }
    String mime = Fields.optionalString(message, "mime_type").orElse("");
    if (mime.startsWith("image/")) {
      return Media.Kind.IMAGE;
    }
    if (mime.startsWith("video/")) {
      return Media.Kind.VIDEO;
    }
    if (mime.startsWith("audio/")) {
      return Media.Kind.AUDIO;
    }
    return Media.Kind.DOCUMENT;
  }

  private record Entity(String handle, Optional<String> userId) {}

  private record Text(String plain, List<String> hashtags, List<Entity> mentions, List<String> links) {}

  /**
   * The message text: a string, or an array of strings and entity objects whose texts, joined,
   * are the message. Entities come from {@code text_entities} when present (newer exports), else
   * from the array.
   */
  private static Text text(JsonNode message) {
    Optional<JsonNode> raw = Fields.optional(message, "text");
    StringBuilder plain = new StringBuilder();
    List<JsonNode> entities = new ArrayList<>();
    if (raw.isPresent()) {
      JsonNode text = raw.get();
      if (text.isString()) {
        plain.append(Fields.checkUnicode("text", text.stringValue()));
      } else if (text.isArray()) {
        for (JsonNode part : text.values()) {
          if (part.isString()) {
            plain.append(Fields.checkUnicode("text", part.stringValue()));
          } else if (part.isObject()) {
            plain.append(Fields.string(part, "text"));
            entities.add(part);
          } else {
            throw RecordProblem.invalid("text", "a string or an array of strings and entities");
          }
        }
      } else {
        throw RecordProblem.invalid("text", "a string or an array of strings and entities");
      }
    }
    if (message.has("text_entities")) {
      entities = Fields.objects(message, "text_entities");
    }
    List<String> hashtags = new ArrayList<>();
    List<Entity> mentions = new ArrayList<>();
    List<String> links = new ArrayList<>();
    for (JsonNode entity : entities) {
      String entityText = Fields.optionalString(entity, "text").orElse("");
      switch (Fields.optionalString(entity, "type").orElse("plain")) {
        case "hashtag" -> hashtags.add(strip(entityText, '#'));
        case "mention" -> mentions.add(new Entity(strip(entityText, '@'), Optional.empty()));
        case "mention_name" -> mentions.add(new Entity(entityText, Fields.optionalId(entity, "user_id")));
        case "link" -> links.add(entityText);
        case "text_link" -> Fields.optionalNonEmpty(entity, "href").ifPresent(links::add);
        default -> { } // bold, italic, code, plain... carry no link to anything
      }
    }
    return new Text(plain.toString(), hashtags, mentions, links);
  }

  private static String strip(String text, char prefix) {
    return !text.isEmpty() && text.charAt(0) == prefix ? text.substring(1) : text;
  }
}
