package org.cordon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.ingest.RecordSink;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.ingest.SourcePosition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Cuts records out of one large JSON document (a Telegram export, an ActivityStreams outbox, an
 * array of statuses) without building the document: a byte-level scan follows only the nesting
 * and the keys, and the value at each record path is copied out as raw bytes, bounded by the size
 * limit. Each record is then decoded on its own, so bad UTF-8 or broken JSON inside one message
 * rejects that message only. Small scalar members of the enclosing objects (a chat's id and name)
 * are kept as context for the records that follow them.
 *
 * <p>A break in the document's own structure (outside any record), or its end inside a record,
 * ends the read with one rejection; every record before it has been delivered.
 */
final class JsonDocumentSplitter {
  /** Receives each record with the scalar context of its enclosing objects, outermost first. */
  interface Listener {
    void record(RawRecord record, Context context);
  }

  /** Scalars seen so far in the objects enclosing a record, outermost first. */
  record Context(List<Map<String, String>> scopes) {
    /** The innermost scalar named {@code key}, decoded: a string's text or a number's digits. */
    Optional<String> scalar(String key) {
      for (int i = scopes.size() - 1; i >= 0; i--) {
        String raw = scopes.get(i).get(key);
        if (raw != null) {
          return decodeScalar(raw);
        }
      }
      return Optional.empty();
    }

    private static Optional<String> decodeScalar(String raw) {
      try {
        JsonNode node = JsonRecords.MAPPER.readTree(raw);
        if (node.isString()) {
          return Optional.of(node.stringValue());
        }
        if (node.isNumber() || node.isBoolean()) {
          return Optional.of(node.asString());
        }
        return Optional.empty();
      } catch (JacksonException e) {
        return Optional.empty();
      }
    }
  }

  private static final int MAX_SCALAR = 1024;
  private static final int MAX_SCALARS_PER_OBJECT = 64;
  private static final int MAX_NESTING = 200;

  private final String name;
  private final ByteSource source;
  private final int maxRecordBytes;
  /** Reused for every record: each gets its own copy of the bytes. */
  private final BoundedBytes recordBytes;
  private final RecordPaths recordPaths;
  private final List<Object> path = new ArrayList<>();
  private final List<Map<String, String>> scopes = new ArrayList<>();
  private long records;
  private Listener listener;

  /** Says where the records are; never asked about paths inside a record. */
  @FunctionalInterface
  interface RecordPaths {
    /**
     * @param path keys (String) and array indexes (Integer) from the root to a value
     * @param firstByte the value's first byte: '{', '[', '"' or the start of a literal
     */
    boolean isRecord(List<Object> path, int firstByte);
  }

  JsonDocumentSplitter(String name, InputStream in, int maxRecordBytes, RecordPaths recordPaths) {
    this.name = name;
    this.source = new ByteSource(in);
    this.maxRecordBytes = maxRecordBytes;
    this.recordBytes = new BoundedBytes(maxRecordBytes, BoundedBytes.RECORD_CAPACITY);
    this.recordPaths = recordPaths;
  }

  /** Reads the whole input; several top-level values one after another are accepted. */
  void run(Listener listener, RecordSink sink) throws IOException {
    this.listener = listener;
    try {
      skipByteOrderMark();
      while (true) {
        skipWhitespace();
        if (source.peek() < 0) {
          return;
        }
        value(0);
      }
    } catch (BrokenStructure broken) {
      byte[] excerpt = excerptOfRest();
      sink.reject(new Rejection(new SourcePosition(name, records + 1, broken.offset),
          Rejection.Reason.MALFORMED_JSON, broken.getMessage() + "; everything before it was read", excerpt, -1));
    } catch (TruncatedRecord truncated) {
      listener.record(truncated.record, context());
    }
  }

  private void value(int depth) throws IOException {
    skipWhitespace();
    if (depth > MAX_NESTING) {
      throw new BrokenStructure("nesting deeper than " + MAX_NESTING + " outside any record", source.offset());
    }
    int c = source.peek();
    if (c >= 0 && recordPaths.isRecord(List.copyOf(path), c)) {
      captureRecord();
      return;
    }
    switch (c) {
      case -1 -> throw new BrokenStructure("the document ends where a value was expected (cut short?)", source.offset());
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> keepScalar(readString());
      default -> keepScalar(readLiteral());
    }
  }

  private void object(int depth) throws IOException {
    source.read();
    scopes.add(new LinkedHashMap<>());
    skipWhitespace();
    if (source.peek() == '}') {
      source.read();
      scopes.removeLast();
      return;
    }
    while (true) {
      skipWhitespace();
      if (source.peek() != '"') {
        throw unexpected("a member name");
      }
      String key = decodeKey(readString());
      skipWhitespace();
      if (source.read() != ':') {
        throw new BrokenStructure("':' expected after member name '" + Fields.clip(key) + "'", source.offset() - 1);
      }
      path.add(key);
      value(depth + 1);
      path.removeLast();
      skipWhitespace();
      int c = source.peek();
      if (c == ',') {
        source.read();
      } else if (c == '}') {
        source.read();
        scopes.removeLast();
        return;
      } else {
        throw unexpected("',' or '}'");
      }
    }
  }

  private void array(int depth) throws IOException {
    source.read();
    skipWhitespace();
    if (source.peek() == ']') {
      source.read();
      return;
    }
    int index = 0;
    while (true) {
      path.add(index++);
      value(depth + 1);
      path.removeLast();
      skipWhitespace();
      int c = source.peek();
      if (c == ',') {
        source.read();
      } else if (c == ']') {
        source.read();
        return;
      } else {
        throw unexpected("',' or ']'");
      }
    }
  }

  /** Copies one record's bytes, following only strings and nesting; JSON is checked later. */
  private void captureRecord() throws IOException {
    records++;
    long start = source.offset();
    SourcePosition position = new SourcePosition(name, records, start);
    BoundedBytes bytes = recordBytes;
    bytes.clear();
    int first = source.peek();
    boolean ended;
    if (first == '{' || first == '[') {
      ended = copyContainer(bytes);
    } else if (first == '"') {
      bytes.add(source.read());
      ended = copyStringRest(bytes);
    } else {
      ended = copyLiteral(bytes);
    }
    if (!ended) {
      throw new TruncatedRecord(new RawRecord.Truncated(position, bytes.excerpt(), bytes.size()));
    }
    RawRecord record = bytes.overLimit()
        ? new RawRecord.Oversized(position, bytes.excerpt(), bytes.size())
        : new RawRecord.Complete(position, bytes.bytes());
    listener.record(record, context());
  }

  private boolean copyContainer(BoundedBytes bytes) throws IOException {
    long depth = 0;
    int b;
    while ((b = source.read()) >= 0) {
      bytes.add(b);
      switch (b) {
        case '{', '[' -> depth++;
        case '}', ']' -> {
          depth--;
          if (depth == 0) {
            return true;
          }
        }
        case '"' -> {
          if (!copyStringRest(bytes)) {
            return false;
          }
        }
        default -> { }
      }
    }
    return false;
  }

  private boolean copyStringRest(BoundedBytes bytes) throws IOException {
    int b;
    while ((b = source.read()) >= 0) {
      bytes.add(b);
      if (b == '\\') {
        int escaped = source.read();
        if (escaped < 0) {
          return false;
        }
        bytes.add(escaped);
      } else if (b == '"') {
        return true;
      }
    }
    return false;
  }

  private boolean copyLiteral(BoundedBytes bytes) throws IOException {
    int b;
    while ((b = source.peek()) >= 0 && !isDelimiter(b)) {
      bytes.add(source.read());
    }
    return bytes.size() > 0;
  }

  /** A string outside records, raw with its quotes; long ones are read past and dropped. */
  private Optional<String> readString() throws IOException {
    BoundedBytes bytes = new BoundedBytes(MAX_SCALAR);
    bytes.add(source.read());
    if (!copyStringRest(bytes)) {
      throw new BrokenStructure("the document ends inside a string (cut short?)", source.offset());
    }
    return bytes.overLimit() ? Optional.empty() : utf8(bytes.bytes());
  }

  private Optional<String> readLiteral() throws IOException {
    long start = source.offset();
    BoundedBytes bytes = new BoundedBytes(MAX_SCALAR);
    int b;
    while ((b = source.peek()) >= 0 && !isDelimiter(b)) {
      bytes.add(source.read());
    }
    if (bytes.size() == 0) {
      throw unexpected("a value");
    }
    Optional<String> literal = bytes.overLimit() ? Optional.empty() : utf8(bytes.bytes());
    if (literal.isPresent() && !isLiteral(literal.get())) {
      throw new BrokenStructure("'" + Fields.clip(literal.get()) + "' is not a JSON value", start);
    }
    return literal;
  }

  private static boolean isLiteral(String text) {
    if (text.equals("true") || text.equals("false") || text.equals("null")) {
      return true;
    }
    return text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  }

  private void keepScalar(Optional<String> raw) {
    if (raw.isEmpty() || scopes.isEmpty() || path.isEmpty() || !(path.getLast() instanceof String key)) {
      return;
    }
    Map<String, String> scope = scopes.getLast();
    if (scope.size() < MAX_SCALARS_PER_OBJECT) {
      scope.put(key, raw.get());
    }
  }

  private String decodeKey(Optional<String> raw) {
    // An over-long or undecodable key matches no record path; a placeholder keeps the path aligned.
    return raw.flatMap(Context::decodeScalar).orElse("\u0000unreadable");
  }

  private Context context() {
    List<Map<String, String>> copy = new ArrayList<>(scopes.size());
    scopes.forEach(scope -> copy.add(Map.copyOf(scope)));
    return new Context(List.copyOf(copy));
  }

  private static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(JsonRecords.decodeUtf8(bytes));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static boolean isDelimiter(int b) {
    return b == ',' || b == '}' || b == ']' || b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == ':'
        || b == '{' || b == '[' || b == '"';
  }

  private void skipWhitespace() throws IOException {
    int b;
    while ((b = source.peek()) == ' ' || b == '\t' || b == '\r' || b == '\n') {
      source.read();
    }
  }

  private void skipByteOrderMark() throws IOException {
    if (source.peek() == 0xEF) {
      source.read();
      if (source.read() != 0xBB || source.read() != 0xBF) {
        throw new BrokenStructure("the document starts with bytes that are neither JSON nor a UTF-8 byte order mark", 0);
      }
    }
  }

  private BrokenStructure unexpected(String expected) throws IOException {
    int c = source.peek();
    String found = c < 0 ? "the end of the input (cut short?)" : c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : "byte 0x" + Integer.toHexString(c);
    return new BrokenStructure(expected + " expected, found " + found, source.offset());
  }

  /** A few bytes from where the structure broke, for the rejection's excerpt. */
  private byte[] excerptOfRest() throws IOException {
    BoundedBytes bytes = new BoundedBytes(256);
    int b;
    while (bytes.size() < 256 && (b = source.read()) >= 0) {
      bytes.add(b);
    }
    return bytes.bytes();
  }

  private static final class BrokenStructure extends RuntimeException {
    final long offset;

    BrokenStructure(String message, long offset) {
      super(message, null, false, false);
      this.offset = offset;
    }
  }

  private static final class TruncatedRecord extends RuntimeException {
    final transient RawRecord record;

    TruncatedRecord(RawRecord record) {
      super("truncated", null, false, false);
      this.record = record;
    }
  }
}
