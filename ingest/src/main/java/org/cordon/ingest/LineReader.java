package org.cordon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.cordon.core.ingest.SourcePosition;

/**
 * Cuts a JSON-lines input into records, one per line, counting bytes so that a line over the size
 * limit is read past without being held: only its first bytes are kept. Lines end with '\n' (a
 * '\r' before it is dropped); blank lines are skipped but still counted, so a record's index is
 * its line number. Decoding (UTF-8, JSON) is left to {@link JsonRecords}.
 */
final class LineReader {
  private final String name;
  private final ByteSource source;
  private final int maxRecordBytes;
  /** Reused for every line: each record gets its own copy of the bytes. */
  private final BoundedBytes line;
  private long lineNumber;

  LineReader(String name, InputStream in, int maxRecordBytes) {
    this.name = name;
    this.source = new ByteSource(in);
    this.maxRecordBytes = maxRecordBytes;
    this.line = new BoundedBytes(maxRecordBytes, BoundedBytes.RECORD_CAPACITY);
  }

  /** The next non-blank line, or empty at the end of the input. */
  Optional<RawRecord> next() throws IOException {
    while (true) {
      if (source.peek() < 0) {
        return Optional.empty();
      }
      lineNumber++;
      long start = source.offset();
      line.clear();
      source.readLine(line);
      if (line.isBlank()) {
        continue;
      }
      SourcePosition position = new SourcePosition(name, lineNumber, start);
      if (line.overLimit()) {
        return Optional.of(new RawRecord.Oversized(position, line.excerpt(), line.size()));
      }
      byte[] bytes = line.bytes();
      if (lineNumber == 1 && startsWithByteOrderMark(bytes)) {
        // Editors on Windows start UTF-8 files with EF BB BF; it is not part of the first record.
        bytes = java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        position = new SourcePosition(name, lineNumber, start + 3);
      }
      return Optional.of(new RawRecord.Complete(position, bytes));
    }
  }

  private static boolean startsWithByteOrderMark(byte[] bytes) {
    return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
  }
}
