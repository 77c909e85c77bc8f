package org.cordon.model.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Bytes of a file read through one buffer, digested as they pass, with the current line number.
 * The readers work on bytes so that one row's bad UTF-8 is that row's problem, not the file's.
 */
final class ByteSource implements AutoCloseable {
  static final int END = -1;

  private final InputStream in;
  private final MessageDigest digest = newDigest();
  private final byte[] buffer = new byte[64 * 1024];
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int position;
  private int limit;
  private long line = 1;

  ByteSource(InputStream in) {
    this.in = in;
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The first bytes of the file, without consuming them, to tell a binary file from text. */
  byte[] peekStart() throws IOException {
    fill();
    byte[] start = new byte[limit - position];
    System.arraycopy(buffer, position, start, 0, start.length);
    return start;
  }

  /** Skips a UTF-8 byte order mark if the file starts with one. */
  void skipByteOrderMark() throws IOException {
    fill();
    if (limit - position >= 3 && (buffer[position] & 0xff) == 0xEF && (buffer[position + 1] & 0xff) == 0xBB
        && (buffer[position + 2] & 0xff) == 0xBF) {
      position += 3;
    }
  }

  int read() throws IOException {
    if (position == limit && !fill()) {
      return END;
    }
    int b = buffer[position++] & 0xff;
    if (b == '\n') {
      line++;
    }
    return b;
  }

  /** The next byte without consuming it, or {@link #END}. */
  int peek() throws IOException {
    if (position == limit && !fill()) {
      return END;
    }
    return buffer[position] & 0xff;
  }

  long line() {
    return line;
  }

  /** Reads to the end so the digest covers the whole file. */
  String drainAndDigest() throws IOException {
    while (fill()) {
      position = limit;
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  Optional<String> decode(byte[] bytes, int length) {
    try {
      CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length));
      return Optional.of(chars.toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  static boolean looksBinary(byte[] start) {
    for (byte b : start) {
      if (b == 0) {
        return true;
      }
    }
    return start.length >= 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b; // gzip
  }

  private boolean fill() throws IOException {
    if (position < limit) {
      return true;
    }
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      position = 0;
      limit = 0;
      return false;
    }
    digest.update(buffer, 0, n);
    position = 0;
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
