package org.cordon.range.world;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/** Writes one JSON value to bytes with a streaming generator, and the date shapes the formats use. */
final class Json {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  static final DateTimeFormatter TWITTER_V1 =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
  static final DateTimeFormatter TELEGRAM_LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Json() {}

  static byte[] bytes(Consumer<JsonGenerator> body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator generator = FACTORY.createGenerator(tools.jackson.core.ObjectWriteContext.empty(), out)) {
      body.accept(generator);
    }
    return out.toByteArray();
  }

  static String iso(long ms) {
    return ISO_MILLIS.format(Instant.ofEpochMilli(ms));
  }

  static String day(long ms) {
    return DAY.format(Instant.ofEpochMilli(ms));
  }

  static void optionalString(JsonGenerator g, String name, java.util.Optional<String> value) {
    g.writeName(name);
    if (value.isPresent()) {
      g.writeString(value.get());
    } else {
      g.writeNull();
    }
  }
}
