package org.cordon.range.world;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;

/**
 * Writes messenger chats as Telegram Desktop exports: one {@code result.json} per chat and day
 * under telegram/CHAT/DAY/, each a replay unit stamped with its last message's time. Dates are
 * written in UTC as the exporting machine's local time.
 */
final class TelegramWriter {
  record Chat(long id, String name, String type) {}

  private static final class DayBuffer {
    final ByteArrayOutputStream messages = new ByteArrayOutputStream();
    long lastMs;
    int count;
  }

  private final Path dir;
  private final Population people;
  private final ReplayIndex replay;
  private final List<Manifest.Entry> files;
  private final Map<Long, Chat> chats = new TreeMap<>();
  private final TreeMap<Long, DayBuffer> day = new TreeMap<>();
  private long dayStartMs;

  TelegramWriter(Path dir, Population people, ReplayIndex replay, List<Manifest.Entry> files) {
    this.dir = dir;
    this.people = people;
    this.replay = replay;
    this.files = files;
  }

  void register(Chat chat) {
    chats.putIfAbsent(chat.id(), chat);
  }

  void startDay(long dayStartMs) {
    this.dayStartMs = dayStartMs;
  }

  void write(Post post) {
    DayBuffer buffer = day.computeIfAbsent(post.chatId(), id -> new DayBuffer());
    if (buffer.count > 0) {
      buffer.messages.write(',');
    }
    buffer.messages.writeBytes(Json.bytes(g -> message(g, post)));
    buffer.count++;
    buffer.lastMs = post.atMs();
  }

  private void message(JsonGenerator g, Post post) {
    g.writeStartObject();
    g.writeNumberProperty("id", post.messageId());
    g.writeStringProperty("type", "message");
    g.writeStringProperty("date", Json.TELEGRAM_LOCAL.format(Instant.ofEpochMilli(post.atMs())));
    g.writeStringProperty("date_unixtime", Long.toString(post.atMs() / 1000));
    g.writeStringProperty("from", people.displayName(post.account()));
    g.writeStringProperty("from_id", people.accountId(post.account()));
    if (post.kind() == Post.Kind.FORWARD && post.referenced().isPresent()) {
      g.writeStringProperty("forwarded_from", people.displayName(post.referenced().get().account()));
    }
    if (post.kind() == Post.Kind.REPLY && post.referenced().isPresent()
        && post.referenced().get().chatId() == post.chatId()) {
      g.writeNumberProperty("reply_to_message_id", post.referenced().get().messageId());
    }
    if (!post.media().isEmpty()) {
      MediaRef photo = post.media().get(0);
      // The export keeps photos next to result.json; ours are three directories up, under media/.
      g.writeStringProperty("photo", "../../../" + photo.path());
      g.writeNumberProperty("width", photo.width());
      g.writeNumberProperty("height", photo.height());
    }
    Text text = post.text();
    g.writeName("text");
    if (text.entities().isEmpty()) {
      g.writeString(text.body());
    } else {
      g.writeStartArray();
      forEachPart(text, (type, part) -> {
        if (type.equals("plain")) {
          g.writeString(part);
        } else {
          g.writeStartObject();
          g.writeStringProperty("type", type);
          g.writeStringProperty("text", part);
          g.writeEndObject();
        }
      });
      g.writeEndArray();
    }
    g.writeName("text_entities");
    g.writeStartArray();
    forEachPart(text, (type, part) -> {
      g.writeStartObject();
      g.writeStringProperty("type", type);
      g.writeStringProperty("text", part);
      g.writeEndObject();
    });
    g.writeEndArray();
    g.writeEndObject();
  }

  private interface PartSink {
    void accept(String type, String text);
  }

  /** Splits the text at its entities (code-point offsets) into Telegram's typed parts. */
  private static void forEachPart(Text text, PartSink sink) {
    String body = text.body();
    int cursor = 0;
    for (Text.Entity entity : text.entities()) {
      int start = body.offsetByCodePoints(0, entity.start());
      int end = body.offsetByCodePoints(0, entity.end());
      if (start > cursor) {
        sink.accept("plain", body.substring(cursor, start));
      }
      String type = switch (entity) {
        case Text.Hashtag h -> "hashtag";
        case Text.Mention m -> "mention";
        case Text.Link l -> "link";
      };
      sink.accept(type, body.substring(start, end));
      cursor = end;
    }
    if (cursor < body.length() || body.isEmpty()) {
      sink.accept("plain", body.substring(cursor));
    }
  }

  void endDay() {
    String date = Json.day(dayStartMs);
    for (Map.Entry<Long, DayBuffer> entry : day.entrySet()) {
      Chat chat = chats.get(entry.getKey());
      String relative = "telegram/" + chat.id() + "/" + date + "/result.json";
      byte[] head = Json.bytes(g -> {
        g.writeStartObject();
        g.writeStringProperty("name", chat.name());
        g.writeStringProperty("type", chat.type());
        g.writeNumberProperty("id", chat.id());
        g.writeName("messages");
        g.writeStartArray();
        g.writeEndArray();
        g.writeEndObject();
      });
      // head ends in "[]}": open the array, splice the buffered messages in, close it.
      try {
        Path target = dir.resolve(relative);
        Files.createDirectories(target.getParent());
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(target))) {
          out.write(head, 0, head.length - 2);
          entry.getValue().messages.writeTo(out);
          out.write(']');
          out.write('}');
        }
        long length = Files.size(target);
        replay.add(entry.getValue().lastMs, "telegram-export", relative, 0, length);
        files.add(new Manifest.Entry(relative, "telegram-export", "telegram"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + relative, e);
      }
    }
    day.clear();
  }
}
