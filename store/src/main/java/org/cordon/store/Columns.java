package org.cordon.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Maps Java values to columns and back: Optional to NULL, Instant to timestamptz, lists to text[]. */
final class Columns {
  private static final char REPLACEMENT = '\uFFFD';

  private Columns() {}

  /**
   * PostgreSQL text cannot hold U+0000, and the driver cannot send an unpaired surrogate. Both come
   * from hostile input; they are replaced so that a single post cannot fail a whole batch.
   */
  static String storable(String text) {
    return isStorable(text) ? text : replaceUnstorable(text);
  }

  /** {@link #storable} of a text known not to be storable as it is. */
  static String replaceUnstorable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        out.append(REPLACEMENT);
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append(REPLACEMENT);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Runs for every text column of every row written, so the usual character costs one comparison:
   * subtracting one wraps NUL to U+FFFF and moves the surrogates to U+D7FF..U+DFFE, so everything
   * below U+D800 (all but emoji and a few rare blocks) passes a single unsigned test.
   */
  static boolean isStorable(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if ((char) (c - 1) >= '\uD7FF') {
        if (c == 0) {
          return false;
        }
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The exact UTF-16 code units (UTF-16BE) of a text that {@link #storable} would change, to restore
   * it on reading, unpaired surrogates included. Coded by hand: the JDK's UTF-16 charset replaces an
   * unpaired surrogate.
   */
  static byte[] exact(String text) {
    byte[] bytes = new byte[text.length() * 2];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes[2 * i] = (byte) (c >>> 8);
      bytes[2 * i + 1] = (byte) c;
    }
    return bytes;
  }

  static String restore(String stored, byte[] exact) {
    if (exact == null) {
      return stored;
    }
    char[] chars = new char[exact.length / 2];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) (((exact[2 * i] & 0xff) << 8) | (exact[2 * i + 1] & 0xff));
    }
    return new String(chars);
  }

  static String nullable(Optional<String> value) {
    return value.map(Columns::storable).orElse(null);
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.from(instant);
  }

  static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getTimestamp(column).toInstant();
  }

  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }

  static OptionalLong optionalLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
  }

  static OptionalInt optionalInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
  }

  static List<String> stringList(ResultSet rs, String column) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    if (array == null) {
      return List.of();
    }
    return List.of((String[]) array.getArray());
  }

  /** A PostgreSQL array literal ("{\"a\",\"b\"}"), so that a list per row can travel in a text[] of literals. */
  static String arrayLiteral(List<String> values) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"');
      String value = storable(values.get(i));
      for (int j = 0; j < value.length(); j++) {
        char c = value.charAt(j);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    }
    return out.append('}').toString();
  }
}
