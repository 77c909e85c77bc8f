package org.cordon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** Buffered bytes of an input with one byte of look-ahead and the offset of the next byte. */
final class ByteSource {
  private static final int BUFFER = 64 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER];
  private int position;
  private int limit;
  private long offset;

  ByteSource(InputStream in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  /** The next byte (0-255) without consuming it, or -1 at the end of the input. */
  int peek() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position] & 0xff;
  }

  /** Consumes and returns the next byte (0-255), or -1 at the end of the input. */
  int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    offset++;
    return buffer[position++] & 0xff;
  }

  /** Offset of the next byte to be read, from the start of the input. */
  long offset() {
    return offset;
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
