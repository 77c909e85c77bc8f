package org.cordon.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.RecordSink;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.Observed;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes a raw record (strict UTF-8, then JSON), maps it and hands the result to the sink: a
 * parsed record, or a rejection with its reason. Every connector delivers through here, so every
 * format rejects the same way.
 */
final class JsonRecords {
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // Two values for one key make a record ambiguous evidence: refuse rather than pick one.
          // Checked as the tree is built (the map already reports a replaced value), which costs
          // nothing, rather than by the parser's own set of names per object.
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  private static final int MAX_DETAIL = 300;

  private JsonRecords() {}

  static void deliver(RawRecord raw, RecordSink sink, RecordMapper mapper) {
    switch (raw) {
      case RawRecord.Oversized o -> sink.reject(new Rejection(o.position(), Rejection.Reason.TOO_LARGE,
          "record of " + o.size() + " bytes is over the limit; raise the connector's maximum record size if it is genuine",
          o.excerpt(), o.size()));
      case RawRecord.Truncated t -> sink.reject(new Rejection(t.position(), Rejection.Reason.MALFORMED_JSON,
          "the input ends inside this record (" + t.size() + " bytes read): the file was cut short",
          t.excerpt(), t.size()));
      case RawRecord.Complete c -> deliverComplete(c, sink, mapper);
    }
  }

  private static void deliverComplete(RawRecord.Complete record, RecordSink sink, RecordMapper mapper) {
    byte[] bytes = record.bytes();
    int utf8 = Utf8.check(bytes);
    Optional<JsonNode> parsed = utf8 != Utf8.INVALID ? parseBytes(bytes) : Optional.empty();
    JsonNode node;
    if (parsed.isPresent()) {
      node = parsed.get();
    } else {
      String text;
      try {
        text = decodeUtf8(bytes);
      } catch (CharacterCodingException e) {
        sink.reject(Rejection.of(record.position(), Rejection.Reason.INVALID_ENCODING, e.getMessage(), bytes));
        return;
      }
      try {
        node = MAPPER.readTree(text);
      } catch (JacksonException e) {
        sink.reject(Rejection.of(record.position(), Rejection.Reason.MALFORMED_JSON, shortMessage(e), bytes));
        return;
      }
    }
    List<Observed> items;
    try {
      items = parsed.isPresent() && utf8 == Utf8.VALID_WITHOUT_SURROGATE_ESCAPES ? Fields.mapWithoutLoneSurrogates(mapper, node) : mapper.map(node);
    } catch (RecordProblem p) {
      sink.reject(Rejection.of(record.position(), p.reason(), p.getMessage(), bytes));
      return;
    } catch (IllegalArgumentException e) {
      // The core constructors refuse bad ids and names (control characters, blanks, too long).
      sink.reject(Rejection.of(record.position(), Rejection.Reason.INVALID_FIELD, e.getMessage(), bytes));
      return;
    } catch (RuntimeException e) {
      // A fault of the connector on an input nobody foresaw must not end the read: the record is
      // quarantined with the fault named, so that it can be fixed and the record read again.
      sink.reject(Rejection.of(record.position(), Rejection.Reason.INVALID_FIELD,
          "the connector could not read this record (" + e + "); report it with this record", bytes));
      return;
    }
    if (items.isEmpty()) {
      sink.reject(Rejection.of(record.position(), Rejection.Reason.UNSUPPORTED, "the record observes nothing this connector reads", bytes));
      return;
    }
    sink.accept(new ParsedRecord(record.position(), bytes, items));
  }

  /**
   * The tree of a record already known to be valid UTF-8, parsed from its bytes (no String of the
   * whole record is made, and Jackson's byte parser is the faster of its two), or empty when the
   * bytes are not valid JSON: the record then goes the String way, whose error message (with its
   * character offset) is the one a rejection carries.
   */
  private static Optional<JsonNode> parseBytes(byte[] bytes) {
    try {
      return Optional.of(MAPPER.readTree(bytes));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /** Strict UTF-8: a malformed or unmappable sequence is an error, never a replacement character. */
  static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
    // The JDK's own decoding is several times faster than a CharsetDecoder and turns every
    // malformed sequence into U+FFFD; without one in its result the bytes were valid UTF-8, and
    // only a record holding U+FFFD (replaced or genuine) needs the strict decoder to tell which.
    String fast = new String(bytes, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return fast;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    var result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new CharacterCodingException() {
        @Override
        public String getMessage() {
          return "invalid UTF-8: " + result.length() + " malformed byte(s) at byte " + in.position()
              + " of the record; the source must be re-exported as UTF-8";
        }
      };
    }
    var flush = decoder.flush(out);
    if (flush.isError()) {
      throw new MalformedInputException(flush.length());
    }
    return out.flip().toString();
  }

  private static String shortMessage(JacksonException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      message = e.getClass().getSimpleName();
    }
    var location = e.getLocation();
    if (location != null && location.getCharOffset() >= 0) {
      message = message + " (at character " + location.getCharOffset() + " of the record)";
    }
    message = "not valid JSON: " + message;
    return message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "…" : message;
  }
}
