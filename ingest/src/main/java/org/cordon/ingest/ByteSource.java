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

  /**
   * Consumes the bytes up to and including the next '\n' (or to the end of the input), handing
   * every byte before it to {@code line} in bulk; a '\r' right before the '\n' is consumed but not
   * handed on. Returns false when the input was already at its end. Byte by byte this loop was the
   * largest single frame of reading JSON lines.
   */
  boolean readLine(BoundedBytes line) throws IOException {
    if (position == limit && !fill()) {
      return false;
    }
    boolean pendingReturn = false;
    while (true) {
      if (position == limit && !fill()) {
        if (pendingReturn) {
          line.add('\r');
        }
        return true;
      }
      if (pendingReturn) {
        // a '\r' ended the previous buffer: dropped if this one starts the line's end
        if (buffer[position] != '\n') {
          line.add('\r');
        }
        pendingReturn = false;
      }
      int newline = position;
      while (newline < limit && buffer[newline] != '\n') {
        newline++;
      }
      if (newline < limit) {
        int end = newline > position && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        line.add(buffer, position, end);
        offset += newline + 1 - position;
        position = newline + 1;
        return true;
      }
      int end = buffer[limit - 1] == '\r' ? limit - 1 : limit;
      pendingReturn = end < limit;
      line.add(buffer, position, end);
      offset += limit - position;
      position = limit;
    }
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
