package org.cordon.core.model;

/** Checks the native ids platforms give their objects. */
final class NativeIds {
  static final int MAX_LENGTH = 256;

  private NativeIds() {}

  static String check(String what, String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(what + " id is missing");
    }
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(what + " id is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        throw new IllegalArgumentException(what + " id contains a control or space character at " + i);
      }
    }
    return id;
  }
}
