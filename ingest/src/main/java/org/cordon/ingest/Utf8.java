package org.cordon.ingest;

/**
 * A strict UTF-8 check for the fast path of {@link JsonRecords}: whether the bytes are well-formed
 * UTF-8 (no overlong form, no surrogate, nothing above U+10FFFF, no cut sequence) and hold no
 * control character other than tab, line feed and carriage return, and no byte order mark at the
 * start. Such bytes mean the same to Jackson's byte parser as their decoded String does to its
 * character parser; anything else takes the String way, where the reason for a rejection is worded.
 */
final class Utf8 {
  private Utf8() {}

  /** Not plain valid UTF-8: the String way decides. */
  static final int INVALID = 0;
  /** Plain valid UTF-8 with no "\\u" followed by 'd' or 'D': no string of its JSON can hold a lone surrogate. */
  static final int VALID_WITHOUT_SURROGATE_ESCAPES = 1;
  /** Plain valid UTF-8 that may escape a surrogate ("\\uD800"), which must then be checked to be paired. */
  static final int VALID = 2;

  /** One of {@link #INVALID}, {@link #VALID_WITHOUT_SURROGATE_ESCAPES} and {@link #VALID}. */
  static int check(byte[] bytes) {
    int n = bytes.length;
    if (n >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      return INVALID;
    }
    boolean surrogateEscapes = false;
    int i = 0;
    while (i < n) {
      int b = bytes[i];
      if (b >= 0x20) {
        if (b == '\\' && i + 2 < n && bytes[i + 1] == 'u' && (bytes[i + 2] == 'd' || bytes[i + 2] == 'D')) {
          surrogateEscapes = true;
        }
        i++;
        continue;
      }
      if (b >= 0) {
        if (b != '\t' && b != '\n' && b != '\r') {
          return INVALID;
        }
        i++;
        continue;
      }
      int lead = b & 0xff;
      if (lead >= 0xC2 && lead <= 0xDF) {
        if (i + 1 >= n || !continuation(bytes[i + 1])) {
          return INVALID;
        }
        i += 2;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        if (i + 2 >= n || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])) {
          return INVALID;
        }
        int second = bytes[i + 1] & 0xff;
        if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0)) {
          return INVALID; // overlong, or a surrogate
        }
        i += 3;
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        if (i + 3 >= n || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2]) || !continuation(bytes[i + 3])) {
          return INVALID;
        }
        int second = bytes[i + 1] & 0xff;
        if ((lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90)) {
          return INVALID; // overlong, or above U+10FFFF
        }
        i += 4;
      } else {
        return INVALID;
      }
    }
    return surrogateEscapes ? VALID : VALID_WITHOUT_SURROGATE_ESCAPES;
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
