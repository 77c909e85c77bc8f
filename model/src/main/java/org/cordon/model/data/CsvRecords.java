package org.cordon.model.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 4180 records read from bytes: fields separated by commas, optionally quoted with '"', quotes
 * doubled inside quoted fields, quoted fields may span lines, records end with LF or CRLF. A field
 * longer than the cap is not kept (the record is marked with the reason) but is still consumed, so
 * the next record starts in the right place.
 */
final class CsvRecords {
  private final ByteSource source;
  private final int maxFieldBytes;
  private final GrowableBytes field;

  CsvRecords(ByteSource source, int maxFieldBytes) {
    this.source = source;
    this.maxFieldBytes = maxFieldBytes;
    this.field = new GrowableBytes(maxFieldBytes);
  }

  /** One record: its decoded fields, or the reason it is unusable. */
  record CsvRecord(long line, List<String> fields, Optional<String> problem) {}

  private enum State {
    FIELD_START,
    UNQUOTED,
    QUOTED,
    QUOTE_IN_QUOTED
  }

  /** The next record, or empty at the end of the file. */
  Optional<CsvRecord> next() throws IOException {
    if (source.peek() == ByteSource.END) {
      return Optional.empty();
    }
    long line = source.line();
    List<String> fields = new ArrayList<>();
    String problem = null;
    State state = State.FIELD_START;
    field.clear();
    while (true) {
      int b = source.read();
      if (b == ByteSource.END) {
        if (state == State.QUOTED) {
          problem = firstOf(problem, "a quoted field is not closed before the end of the file");
        }
        problem = firstOf(problem, finishField(fields));
        break;
      }
      boolean endOfRecord = false;
      switch (state) {
        case FIELD_START, UNQUOTED -> {
          if (b == '"' && state == State.FIELD_START) {
            state = State.QUOTED;
          } else if (b == ',') {
            problem = firstOf(problem, finishField(fields));
            state = State.FIELD_START;
          } else if (b == '\n' || b == '\r') {
            endOfRecord = true;
          } else {
            field.append(b);
            state = State.UNQUOTED;
          }
        }
        case QUOTED -> {
          if (b == '"') {
            state = State.QUOTE_IN_QUOTED;
          } else {
            field.append(b);
          }
        }
        case QUOTE_IN_QUOTED -> {
          if (b == '"') {
            field.append(b);
            state = State.QUOTED;
          } else if (b == ',') {
            problem = firstOf(problem, finishField(fields));
            state = State.FIELD_START;
          } else if (b == '\n' || b == '\r') {
            endOfRecord = true;
          } else {
            problem = firstOf(problem, "text after a closing quote in column " + (fields.size() + 1));
            field.append(b);
            state = State.UNQUOTED;
          }
        }
      }
      if (endOfRecord) {
        if (b == '\r' && source.peek() == '\n') {
          source.read();
        }
        problem = firstOf(problem, finishField(fields));
        break;
      }
    }
    return Optional.of(new CsvRecord(line, List.copyOf(fields), Optional.ofNullable(problem)));
  }

  private String finishField(List<String> fields) {
    String problem = null;
    if (field.overflowed()) {
      problem = "column " + (fields.size() + 1) + " is longer than " + maxFieldBytes + " bytes";
      fields.add("");
    } else {
      Optional<String> text = source.decode(field.bytes(), field.length());
      if (text.isEmpty()) {
        problem = "column " + (fields.size() + 1) + " is not valid UTF-8";
      }
      fields.add(text.orElse(""));
    }
    field.clear();
    return problem;
  }

  private static String firstOf(String existing, String next) {
    return existing != null ? existing : next;
  }
}
