package org.cordon.detect.media.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.cordon.detect.media.index.PdqIndex.CorruptIndexException;

/**
 * The on-disk form of a {@link Segment}, little-endian throughout:
 *
 * <pre>
 *   8 bytes  magic "CRDPDQIX"
 *   int      format version (1)
 *   int      chunk count m
 *   int      entry count n
 *   long[n]  ids, ascending
 *   long[4n] hashes (w0..w3 per entry)
 *   m ×      { int[2^width + 1] offsets, int[n] postings }
 *   int      CRC32C of every byte before it
 * </pre>
 *
 * Sections move through one 8 MiB direct buffer and bulk array copies, so 10 M entries (about
 * 1 GB) load in seconds. The length is checked against the header before anything is allocated,
 * and the bucket tables are checked for consistency after the checksum, so a damaged file fails
 * with a reason instead of an out-of-bounds error in a later search.
 */
final class IndexFile {
  private static final byte[] MAGIC = "CRDPDQIX".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final int HEADER_BYTES = MAGIC.length + 12;
  private static final int BUFFER_BYTES = 8 << 20;

  private IndexFile() {}

  static void write(Segment segment, Path path) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        Writer out = new Writer(channel);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putInt(VERSION).putInt(segment.layout.chunks()).putInt(segment.size).flip();
        out.write(header);
        out.longs(segment.ids);
        out.longs(segment.words);
        for (int c = 0; c < segment.layout.chunks(); c++) {
          out.ints(segment.offsets[c]);
          out.ints(segment.postings[c]);
        }
        ByteBuffer trailer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        trailer.putInt((int) out.crc.getValue()).flip();
        while (trailer.hasRemaining()) {
          channel.write(trailer);
        }
        channel.force(true);
      }
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static Segment read(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long fileBytes = channel.size();
      if (fileBytes < HEADER_BYTES + 4) {
        throw corrupt(path, "file is " + fileBytes + " bytes, shorter than the header");
      }
      Reader in = new Reader(channel, path);
      ByteBuffer header = in.read(HEADER_BYTES, true);
      byte[] magic = new byte[MAGIC.length];
      header.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw corrupt(path, "not a PDQ index (bad magic)");
      }
      int version = header.getInt();
      if (version != VERSION) {
        throw corrupt(path, "unsupported format version " + version + " (this build reads " + VERSION + ")");
      }
      int chunks = header.getInt();
      int n = header.getInt();
      if (chunks < ChunkLayout.MIN_CHUNKS || chunks > ChunkLayout.MAX_CHUNKS) {
        throw corrupt(path, "chunk count " + chunks + " out of range");
      }
      if (n < 0 || n > Integer.MAX_VALUE / 4 - 8) {
        throw corrupt(path, "entry count " + n + " out of range");
      }
      ChunkLayout layout = new ChunkLayout(chunks, PdqIndex.MAX_INDEXED_RADIUS);
      long expected = HEADER_BYTES + 40L * n + 4;
      for (int c = 0; c < chunks; c++) {
        expected += 4L * ((1L << layout.width(c)) + 1) + 4L * n;
      }
      if (fileBytes != expected) {
        throw corrupt(path, "file is " + fileBytes + " bytes but its header promises " + expected
            + (fileBytes < expected ? " (truncated)" : " (trailing data)"));
      }
      long[] ids = in.longs(n);
      long[] words = in.longs(4 * n);
      int[][] offsets = new int[chunks][];
      int[][] postings = new int[chunks][];
      for (int c = 0; c < chunks; c++) {
        offsets[c] = in.ints((1 << layout.width(c)) + 1);
        postings[c] = in.ints(n);
      }
      int computed = (int) in.crc.getValue();
      int stored = in.read(4, false).getInt();
      if (computed != stored) {
        throw corrupt(path, "checksum mismatch (stored " + Integer.toHexString(stored) + ", computed " + Integer.toHexString(computed) + ")");
      }
      check(path, ids, offsets, postings, n);
      return new Segment(layout, ids, words, offsets, postings);
    }
  }

  /** Structural checks the checksum cannot give: sorted ids, monotone offsets, postings in range. */
  private static void check(Path path, long[] ids, int[][] offsets, int[][] postings, int n) throws CorruptIndexException {
    for (int i = 1; i < n; i++) {
      if (ids[i - 1] >= ids[i]) {
        throw corrupt(path, "ids are not strictly ascending at entry " + i);
      }
    }
    for (int c = 0; c < offsets.length; c++) {
      int[] off = offsets[c];
      if (off[0] != 0 || off[off.length - 1] != n) {
        throw corrupt(path, "bucket table " + c + " does not span the entries");
      }
      for (int v = 1; v < off.length; v++) {
        if (off[v] < off[v - 1]) {
          throw corrupt(path, "bucket table " + c + " offsets decrease at " + v);
        }
      }
      for (int p : postings[c]) {
        if (p < 0 || p >= n) {
          throw corrupt(path, "bucket table " + c + " points outside the entries");
        }
      }
    }
  }

  private static CorruptIndexException corrupt(Path path, String reason) {
    return new CorruptIndexException("cannot load PDQ index " + path + ": " + reason);
  }

  private static final class Writer {
    final FileChannel channel;
    final CRC32C crc = new CRC32C();
    final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    Writer(FileChannel channel) {
      this.channel = channel;
    }

    void write(ByteBuffer bytes) throws IOException {
      crc.update(bytes.duplicate());
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }

    void longs(long[] values) throws IOException {
      int step = BUFFER_BYTES / 8;
      for (int from = 0; from < values.length; from += step) {
        int count = Math.min(step, values.length - from);
        buffer.clear();
        buffer.asLongBuffer().put(values, from, count);
        buffer.limit(8 * count);
        write(buffer);
      }
    }

    void ints(int[] values) throws IOException {
      int step = BUFFER_BYTES / 4;
      for (int from = 0; from < values.length; from += step) {
        int count = Math.min(step, values.length - from);
        buffer.clear();
        buffer.asIntBuffer().put(values, from, count);
        buffer.limit(4 * count);
        write(buffer);
      }
    }
  }

  private static final class Reader {
    final FileChannel channel;
    final Path path;
    final CRC32C crc = new CRC32C();
    final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    Reader(FileChannel channel, Path path) {
      this.channel = channel;
      this.path = path;
    }

    /** Reads exactly {@code bytes} (≤ buffer size) into the buffer and updates the checksum. */
    private ByteBuffer fill(int bytes) throws IOException {
      buffer.clear().limit(bytes);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          throw corrupt(path, "unexpected end of file");
        }
      }
      buffer.flip();
      return buffer;
    }

    /** Small reads: the header is part of the checksum, the trailer holding it is not. */
    ByteBuffer read(int bytes, boolean checksummed) throws IOException {
      ByteBuffer b = fill(bytes);
      if (checksummed) {
        crc.update(b.duplicate());
      }
      return b;
    }

    long[] longs(int count) throws IOException {
      long[] values = new long[count];
      int step = BUFFER_BYTES / 8;
      for (int from = 0; from < count; from += step) {
        int k = Math.min(step, count - from);
        ByteBuffer b = fill(8 * k);
        crc.update(b.duplicate());
        b.asLongBuffer().get(values, from, k);
      }
      return values;
    }

    int[] ints(int count) throws IOException {
      int[] values = new int[count];
      int step = BUFFER_BYTES / 4;
      for (int from = 0; from < count; from += step) {
        int k = Math.min(step, count - from);
        ByteBuffer b = fill(4 * k);
        crc.update(b.duplicate());
        b.asIntBuffer().get(values, from, k);
      }
      return values;
    }
  }
}
