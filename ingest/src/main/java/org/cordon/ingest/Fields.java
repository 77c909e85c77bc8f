package org.cordon.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.Observed;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to the fields of a JSON record. Absent and {@code null} mean the same (APIs use
 * both); a value of the wrong type is INVALID_FIELD, a required one absent is MISSING_FIELD; every
 * string is checked to be valid Unicode (JSON escapes can smuggle lone surrogates).
 */
final class Fields {
  private static final DateTimeFormatter TWITTER_V1 =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

  private Fields() {}

  static Optional<JsonNode> optional(JsonNode object, String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() || value.isMissingNode() ? Optional.empty() : Optional.of(value);
  }

  static JsonNode object(JsonNode object, String name) {
    return optionalObject(object, name).orElseThrow(() -> RecordProblem.missing(name));
  }

  static Optional<JsonNode> optionalObject(JsonNode object, String name) {
    Optional<JsonNode> value = optional(object, name);
    if (value.isPresent() && !value.get().isObject()) {
      throw RecordProblem.invalid(name, "an object");
    }
    return value;
  }

  static String string(JsonNode object, String name) {
    return optionalString(object, name).orElseThrow(() -> RecordProblem.missing(name));
  }

  static Optional<String> optionalString(JsonNode object, String name) {
    Optional<JsonNode> value = optional(object, name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!value.get().isString()) {
      throw RecordProblem.invalid(name, "a string");
    }
    return Optional.of(checkUnicode(name, value.get().stringValue()));
  }

  /** A string that is present and not empty (APIs send "" for "none"). */
  static Optional<String> optionalNonEmpty(JsonNode object, String name) {
    return optionalString(object, name).filter(s -> !s.isEmpty());
  }

  /** An id given as a string or as an integer (kept exactly: never through a double). */
  static String id(JsonNode object, String name) {
    return optionalId(object, name).orElseThrow(() -> RecordProblem.missing(name));
  }

  static Optional<String> optionalId(JsonNode object, String name) {
    Optional<JsonNode> value = optional(object, name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = value.get();
    if (node.isString()) {
      String id = checkUnicode(name, node.stringValue());
      return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }
    if (node.isIntegralNumber()) {
      return Optional.of(node.bigIntegerValue().toString());
    }
    throw RecordProblem.invalid(name, "an id (a string or an integer)");
  }

  static OptionalLong optionalLong(JsonNode object, String name) {
    Optional<JsonNode> value = optional(object, name);
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    if (!value.get().isIntegralNumber() || !value.get().canConvertToLong()) {
      throw RecordProblem.invalid(name, "an integer");
    }
    return OptionalLong.of(value.get().longValue());
  }

  static OptionalInt optionalInt(JsonNode object, String name) {
    OptionalLong value = optionalLong(object, name);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    if (value.getAsLong() < 0 || value.getAsLong() > Integer.MAX_VALUE) {
      throw RecordProblem.invalid(name, "a size in pixels");
    }
    return OptionalInt.of((int) value.getAsLong());
  }

  static boolean flag(JsonNode object, String name) {
    Optional<JsonNode> value = optional(object, name);
    if (value.isEmpty()) {
      return false;
    }
    if (!value.get().isBoolean()) {
      throw RecordProblem.invalid(name, "true or false");
    }
    return value.get().booleanValue();
  }

  /** The elements of an array field; absent is empty. */
  static List<JsonNode> array(JsonNode object, String name) {
    Optional<JsonNode> value = optional(object, name);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!value.get().isArray()) {
      throw RecordProblem.invalid(name, "an array");
    }
    List<JsonNode> elements = new ArrayList<>(value.get().size());
    value.get().values().forEach(elements::add);
    return elements;
  }

  /** The elements of an array field that must all be objects. */
  static List<JsonNode> objects(JsonNode object, String name) {
    List<JsonNode> elements = array(object, name);
    for (JsonNode element : elements) {
      if (!element.isObject()) {
        throw RecordProblem.invalid(name, "an array of objects");
      }
    }
    return elements;
  }

  /** An ISO-8601 time with a zone or offset: "2024-03-01T10:00:00.000Z", "...+01:00". */
  static Instant isoTime(JsonNode object, String name) {
    return parseIso(name, string(object, name));
  }

  static Optional<Instant> optionalIsoTime(JsonNode object, String name) {
    return optionalNonEmpty(object, name).map(value -> parseIso(name, value));
  }

  static Instant parseIso(String name, String value) {
    try {
      Instant utc = utcFastPath(value);
      return utc != null ? utc : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeException e) {
      throw RecordProblem.invalid(name, "an ISO-8601 time with an offset (2024-03-01T10:00:00Z): '" + clip(value) + "'");
    }
  }

  /**
   * The form nearly every platform sends, "2024-03-01T10:00:00.123Z", read digit by digit: the
   * general parser cost a few microseconds per time, several times per post. Anything else
   * (offsets, other widths, stray characters) returns null and goes to the general parser, so the
   * accepted set and the results are the same; out-of-range fields throw as the parser would.
   */
  static Instant utcFastPath(String value) {
    int n = value.length();
    if (n < 20 || value.charAt(n - 1) != 'Z' || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
        || value.charAt(13) != ':' || value.charAt(16) != ':') {
      return null;
    }
    int year = digits(value, 0, 4);
    int month = digits(value, 5, 7);
    int day = digits(value, 8, 10);
    int hour = digits(value, 11, 13);
    int minute = digits(value, 14, 16);
    int second = digits(value, 17, 19);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      int fractionDigits = n - 21;
      if (value.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return null;
      }
      int fraction = digits(value, 20, n - 1);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(java.time.ZoneOffset.UTC);
  }

  private static final String V1_DAYS = "MonTueWedThuFriSatSun";
  private static final String V1_MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  /**
   * The v1.1 form every tweet has, "Wed Oct 10 20:19:24 +0000 2018", read field by field: the
   * pattern formatter was 2 % of the triage workers' CPU, with a v1 record carrying several times.
   * Only the plain form is taken: UTC, a date that exists, a weekday that is that date's. Anything
   * else (another offset, 24:00, Feb 30, a wrong weekday, stray characters) returns null and goes to
   * the formatter, which resolves or refuses it as before, so the accepted set and results are unchanged.
   */
  static Instant v1UtcFastPath(String value) {
    if (value.length() != 30 || value.charAt(3) != ' ' || value.charAt(7) != ' ' || value.charAt(10) != ' ' || value.charAt(13) != ':'
        || value.charAt(16) != ':' || value.charAt(19) != ' ' || !value.startsWith("+0000 ", 20)) {
      return null;
    }
    int dayOfWeek = threeLetters(V1_DAYS, value, 0);
    int month = threeLetters(V1_MONTHS, value, 4);
    int day = digits(value, 8, 10);
    int hour = digits(value, 11, 13);
    int minute = digits(value, 14, 16);
    int second = digits(value, 17, 19);
    int year = digits(value, 26, 30);
    if (dayOfWeek < 0 || month < 0 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || year < 1) {
      return null;
    }
    if (day > java.time.YearMonth.of(year, month + 1).lengthOfMonth()) {
      return null;
    }
    java.time.LocalDate date = java.time.LocalDate.of(year, month + 1, day);
    if (date.getDayOfWeek().ordinal() != dayOfWeek) {
      return null;
    }
    return date.atTime(hour, minute, second).toInstant(java.time.ZoneOffset.UTC);
  }

  /** The index of value[at, at + 3) among the three-letter names, or -1. */
  private static int threeLetters(String names, String value, int at) {
    for (int i = 0; i < names.length(); i += 3) {
      if (value.regionMatches(at, names, i, 3)) {
        return i / 3;
      }
    }
    return -1;
  }

  /** The ASCII digits value[from, to) as a number, or -1 when one is not an ASCII digit. */
  private static int digits(String value, int from, int to) {
    int number = 0;
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }

  /** The v1.1 API's time: "Wed Oct 10 20:19:24 +0000 2018". */
  static Instant twitterV1Time(String name, String value) {
    try {
      Instant utc = v1UtcFastPath(value);
      return utc != null ? utc : ZonedDateTime.parse(value, TWITTER_V1).toInstant();
    } catch (DateTimeException e) {
      throw RecordProblem.invalid(name, "a v1.1 time (Wed Oct 10 20:19:24 +0000 2018): '" + clip(value) + "'");
    }
  }

  /** Text must be valid Unicode: a lone surrogate (possible through a JSON escape) is refused. */
  /**
   * Whether the record this thread is mapping is known to hold no lone surrogate: valid UTF-8
   * cannot encode one, and its JSON escapes none. Checking every string of every record for them
   * was a twentieth of reading a record.
   */
  private static final ThreadLocal<boolean[]> NO_LONE_SURROGATES = ThreadLocal.withInitial(() -> new boolean[1]);

  /** {@code mapper.map(node)} for a record known to hold no lone surrogate (see {@link Utf8#check}). */
  static List<Observed> mapWithoutLoneSurrogates(RecordMapper mapper, JsonNode node) {
    boolean[] known = NO_LONE_SURROGATES.get();
    known[0] = true;
    try {
      return mapper.map(node);
    } finally {
      known[0] = false;
    }
  }

  static String checkUnicode(String name, String value) {
    if (NO_LONE_SURROGATES.get()[0]) {
      return value;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        throw lone(name, i);
      }
      if (Character.isLowSurrogate(c)) {
        throw lone(name, i);
      }
    }
    return value;
  }

  private static RecordProblem lone(String name, int index) {
    return new RecordProblem(Rejection.Reason.INVALID_ENCODING,
        "'" + name + "' holds a lone UTF-16 surrogate at character " + index + ": not valid Unicode");
  }

  static String clip(String value) {
    return value.length() > 64 ? value.substring(0, 64) + "…" : value;
  }
}
