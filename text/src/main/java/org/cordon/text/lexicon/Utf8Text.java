package org.cordon.text.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reading a lexicon file's bytes: bounded in size, strictly UTF-8, with the line of any bad byte. */
final class Utf8Text {
  static final int LARGEST_FILE = 64 * 1024 * 1024;

  private Utf8Text() {}

  static byte[] readBounded(String lexicon, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(LARGEST_FILE + 1);
    if (bytes.length > LARGEST_FILE) {
      throw new LexiconException(lexicon, List.of(LexiconProblem.general(
          "the file is larger than " + (LARGEST_FILE >> 20) + " MiB; split it into several lexicons")));
    }
    return bytes;
  }

  /** The text without a leading byte-order mark. */
  static String decode(String lexicon, byte[] bytes) {
    if (bytes.length > LARGEST_FILE) {
      throw new LexiconException(lexicon, List.of(LexiconProblem.general(
          "the file is larger than " + (LARGEST_FILE >> 20) + " MiB; split it into several lexicons")));
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
        ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new LexiconException(lexicon, List.of(LexiconProblem.at(line,
          "byte " + at + " is not valid UTF-8; save the file as UTF-8")));
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }
}
