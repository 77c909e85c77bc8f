package org.cordon.core.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one real input format. Implementations stream: memory stays bounded whatever the size of
 * the input, and a bad record is rejected to the sink, never thrown, so reading goes on. Only a
 * failure of the stream itself (an I/O error) ends a read.
 */
public interface Connector {
  Format format();

  /**
   * Reads every record of {@code in}.
   *
   * @param name how positions name this input (a file path, usually)
   */
  void read(String name, InputStream in, RecordSink sink) throws IOException;
}
