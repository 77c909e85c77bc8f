package org.cordon.ingest;

import java.io.InputStream;
import java.util.Arrays;

/** Streams {@code length} copies of one byte without ever holding them: a huge record for tests. */
final class GeneratedInputStream extends InputStream {
  private final byte fill;
  private long remaining;

  GeneratedInputStream(byte fill, long length) {
    this.fill = fill;
    this.remaining = length;
  }

  @Override
  public int read() {
    if (remaining <= 0) {
      return -1;
    }
    remaining--;
    return fill & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (remaining <= 0) {
      return -1;
    }
    int n = (int) Math.min(length, remaining);
    Arrays.fill(buffer, offset, offset + n, fill);
    remaining -= n;
    return n;
  }
}
