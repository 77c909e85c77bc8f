package org.cordon.core.ingest;

import java.util.Objects;

/**
 * A record that could not be read, kept in quarantine with why and where.
 *
 * @param excerpt at most {@link #MAX_EXCERPT} bytes of the record, for an engineer to look at
 * @param size the record's full size in bytes, or -1 when unknown
 */
public record Rejection(SourcePosition position, Reason reason, String detail, byte[] excerpt, long size) {
  public static final int MAX_EXCERPT = 4096;

  public Rejection {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(excerpt, "excerpt");
    if (excerpt.length > MAX_EXCERPT) {
      excerpt = java.util.Arrays.copyOf(excerpt, MAX_EXCERPT);
    }
  }

  public static Rejection of(SourcePosition position, Reason reason, String detail, byte[] record) {
    return new Rejection(position, reason, detail, record, record.length);
  }

  /** Why records are rejected; counted per reason in every ingest summary. */
  public enum Reason {
    /** Not JSON, or JSON cut short. */
    MALFORMED_JSON,
    /** Bytes that are not valid UTF-8 (or the encoding the format requires). */
    INVALID_ENCODING,
    /** A record over the size limit; read past, never held in memory whole. */
    TOO_LARGE,
    /** A field the record cannot be understood without (an id, an author, a time) is absent. */
    MISSING_FIELD,
    /** A field is present with a value of the wrong type or out of range. */
    INVALID_FIELD,
    /** Valid, but not something the connector reads (a record type it does not know). */
    UNSUPPORTED
  }
}
