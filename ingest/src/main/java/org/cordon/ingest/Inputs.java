package org.cordon.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.cordon.core.ingest.RecordSink;

/** The two ways records come: one per line, or as values inside one JSON document. */
final class Inputs {
  private static final int SNIFF = 64 * 1024;

  private Inputs() {}

  static void readLines(String name, InputStream in, int maxRecordBytes, RecordSink sink, RecordMapper mapper)
      throws IOException {
    LineReader lines = new LineReader(name, in, maxRecordBytes);
    Optional<RawRecord> record;
    while ((record = lines.next()).isPresent()) {
      JsonRecords.deliver(record.get(), sink, mapper);
    }
  }

  /**
   * Whether a stream that may hold JSON lines or one document holds a document: it starts with
   * '[' (an array of records), or its first line is a lone '{' (a pretty-printed object, as every
   * common pretty printer writes it). A compact object on the first line means JSON lines.
   */
  /**
   * Reads an input that real tools write either way: one JSON document (a top-level array of
   * records, or one pretty-printed record) or JSON lines, whichever it starts as.
   */
  static void readDocumentOrLines(String name, InputStream in, int maxRecordBytes, RecordSink sink, RecordMapper mapper) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in);
    if (startsLikeDocument(buffered)) {
      new JsonDocumentSplitter(name, buffered, maxRecordBytes, (path, first) -> path.isEmpty() ? first != '[' : path.size() == 1)
          .run((record, context) -> JsonRecords.deliver(record, sink, mapper), sink);
    } else {
      readLines(name, buffered, maxRecordBytes, sink, mapper);
    }
  }

  static boolean startsLikeDocument(BufferedInputStream in) throws IOException {
    in.mark(SNIFF);
    try {
      int b;
      int read = 0;
      do {
        b = in.read();
        read++;
      } while (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF);
      if (b == '[') {
        return true;
      }
      if (b != '{') {
        return false;
      }
      while ((b = in.read()) >= 0 && read++ < SNIFF) {
        if (b == '\n') {
          return true;
        }
        if (b != ' ' && b != '\t' && b != '\r') {
          return false;
        }
      }
      return b < 0;
    } finally {
      in.reset();
    }
  }
}
