package org.cordon.detect.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the small CSV files analysts maintain (hash lists, lexicons) line by line, keeping line
 * numbers so a loader can say exactly which row is wrong. Fields are separated by commas and may
 * be quoted with {@code "}, a doubled quote standing for one; a quoted field cannot span lines.
 * Blank lines and lines starting with {@code #} are skipped; a UTF-8 byte-order mark is ignored.
 * A line that is not valid UTF-8 or has an unbalanced quote comes back as {@link Malformed}.
 */
public final class CsvFile {
  private CsvFile() {}

  /** One non-blank, non-comment line of the file. */
  public sealed interface Row {
    /** 1-based line number in the file. */
    int line();
  }

  public record Fields(int line, List<String> values) implements Row {
    public Fields {
      values = List.copyOf(values);
    }
  }

  public record Malformed(int line, String problem) implements Row {
    public Malformed {
      Objects.requireNonNull(problem, "problem");
    }
  }

  public static List<Row> read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<Row> rows = new ArrayList<>();
    int start = 0;
    int line = 1;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      int contentEnd = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
      parseLine(bytes, start, contentEnd, line).ifPresent(rows::add);
      start = end + 1;
      line++;
    }
    return List.copyOf(rows);
  }

  private static java.util.Optional<Row> parseLine(byte[] bytes, int start, int end, int line) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, end - start))
          .toString();
    } catch (CharacterCodingException e) {
      return java.util.Optional.of(new Malformed(line, "line " + line + " is not valid UTF-8"));
    }
    if (text.isBlank() || text.stripLeading().startsWith("#")) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(new Fields(line, split(text)));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.of(new Malformed(line, "line " + line + ": " + e.getMessage()));
    }
  }

  /** Splits one line into fields; surrounding spaces of unquoted fields are trimmed. */
  static List<String> split(String text) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == ',') {
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        quoted = true;
        wasQuoted = true;
      } else if (wasQuoted && !Character.isWhitespace(c)) {
        throw new IllegalArgumentException("text after a closing quote at column " + (i + 1));
      } else if (!wasQuoted) {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted field is not closed");
    }
    fields.add(wasQuoted ? field.toString() : field.toString().strip());
    return fields;
  }
}
