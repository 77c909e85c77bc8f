package org.cordon.core.ingest;

import java.util.Objects;

/**
 * Where in its input a record was found, so a rejected record can be found again.
 *
 * @param file the file or stream name
 * @param record the record's 1-based index in the input (line number for line formats)
 * @param byteOffset the offset of the record's first byte, or -1 where the reader cannot tell
 */
public record SourcePosition(String file, long record, long byteOffset) {
  public SourcePosition {
    Objects.requireNonNull(file, "file");
    if (record < 1) {
      throw new IllegalArgumentException("record index is 1-based: " + record);
    }
  }

  @Override
  public String toString() {
    return file + "#" + record + (byteOffset >= 0 ? "@" + byteOffset : "");
  }
}
