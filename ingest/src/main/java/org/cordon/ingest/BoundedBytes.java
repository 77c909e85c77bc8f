package org.cordon.ingest;

import java.util.Arrays;
import org.cordon.core.ingest.Rejection;

/**
 * The bytes of one record as they are read: kept whole up to the size limit, and past it only the
 * first {@link Rejection#MAX_EXCERPT} bytes while the rest is merely counted. That is what keeps
 * memory bounded whatever a hostile input holds.
 */
final class BoundedBytes {
  /** Room a whole record usually fits in, so that reading one seldom grows and copies the buffer. */
  static final int RECORD_CAPACITY = 4096;

  private final int limit;
  private byte[] bytes;
  private int kept;
  private long size;

  BoundedBytes(int limit) {
    this(limit, 256);
  }

  BoundedBytes(int limit, int initialCapacity) {
    this.limit = limit;
    this.bytes = new byte[Math.max(256, Math.min(limit, initialCapacity))];
  }

  void add(int b) {
    size++;
    if (size > limit) {
      if (bytes.length > Rejection.MAX_EXCERPT) {
        // Over the limit: let the large buffer go, the excerpt is all a rejection needs.
        bytes = Arrays.copyOf(bytes, Rejection.MAX_EXCERPT);
        kept = Math.min(kept, Rejection.MAX_EXCERPT);
      }
      if (kept < Rejection.MAX_EXCERPT) {
        if (kept == bytes.length) {
          bytes = Arrays.copyOf(bytes, Rejection.MAX_EXCERPT);
        }
        bytes[kept++] = (byte) b;
      }
      return;
    }
    if (kept == bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min((long) limit, Math.max(bytes.length * 2L, 256)));
    }
    bytes[kept++] = (byte) b;
  }

  /** {@link #add(int)} of each of {@code from[start, end)}, copied at once while under the limit. */
  void add(byte[] from, int start, int end) {
    int n = end - start;
    if (size + n > limit) {
      for (int i = start; i < end; i++) {
        add(from[i]);
      }
      return;
    }
    if (kept + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min((long) limit, Math.max(Math.max(bytes.length * 2L, 256), (long) kept + n)));
    }
    System.arraycopy(from, start, bytes, kept, n);
    kept += n;
    size += n;
  }

  /**
   * Empties the buffer for the next record, so that a reader allocates one buffer, not one a
   * record (4 KiB each, a tenth of the triage path's allocation). A buffer grown past
   * {@link #KEPT_CAPACITY} for one large record is let go, so a reader holds no more between records.
   */
  void clear() {
    if (bytes.length > KEPT_CAPACITY) {
      bytes = new byte[Math.max(256, Math.min(limit, RECORD_CAPACITY))];
    }
    kept = 0;
    size = 0;
  }

  /** The largest buffer {@link #clear} keeps for the next record. */
  static final int KEPT_CAPACITY = 64 * 1024;

  long size() {
    return size;
  }

  boolean overLimit() {
    return size > limit;
  }

  byte[] bytes() {
    return Arrays.copyOf(bytes, kept);
  }

  byte[] excerpt() {
    return Arrays.copyOf(bytes, Math.min(kept, Rejection.MAX_EXCERPT));
  }

  boolean isBlank() {
    for (int i = 0; i < kept; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return kept == size;
  }
}
