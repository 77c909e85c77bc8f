package org.cordon.ingest;

import java.util.Objects;
import org.cordon.core.ingest.SourcePosition;

/**
 * One record cut out of an input by a reader, before it is decoded: its bytes when it fitted the
 * size limit, or only an excerpt when it did not or when the input ended inside it.
 */
sealed interface RawRecord {
  SourcePosition position();

  /** A whole record, at most the size limit. */
  record Complete(SourcePosition position, byte[] bytes) implements RawRecord {
    public Complete {
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /** A record over the size limit: it was read past, keeping only its first bytes. */
  record Oversized(SourcePosition position, byte[] excerpt, long size) implements RawRecord {
    public Oversized {
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(excerpt, "excerpt");
    }
  }

  /** The input ended inside this record: a file cut short. */
  record Truncated(SourcePosition position, byte[] excerpt, long size) implements RawRecord {
    public Truncated {
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(excerpt, "excerpt");
    }
  }
}
