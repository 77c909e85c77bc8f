package org.cordon.range.world;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A JSON-lines file that knows the byte offset of every line it writes (for the replay index). */
final class LineFile implements AutoCloseable {
  final String relativePath;
  private final OutputStream out;
  private long offset;

  LineFile(Path dir, String relativePath) {
    this.relativePath = relativePath;
    try {
      Path target = dir.resolve(relativePath);
      Files.createDirectories(target.getParent());
      this.out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + relativePath, e);
    }
  }

  /** Writes one line and returns its offset; the line's length is {@code line.length}. */
  long append(byte[] line) {
    try {
      long at = offset;
      out.write(line);
      out.write('\n');
      offset += line.length + 1;
      return at;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + relativePath, e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + relativePath, e);
    }
  }
}
