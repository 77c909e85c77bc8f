package org.cordon.model.data;

/** A byte buffer that stops growing at a cap and remembers that it overflowed. */
final class GrowableBytes {
  private final int cap;
  private byte[] bytes = new byte[256];
  private int length;
  private boolean overflowed;

  GrowableBytes(int cap) {
    this.cap = cap;
  }

  void append(int b) {
    if (length == cap) {
      overflowed = true;
      return;
    }
    if (length == bytes.length) {
      bytes = java.util.Arrays.copyOf(bytes, (int) Math.min((long) cap, bytes.length * 2L));
    }
    bytes[length++] = (byte) b;
  }

  void clear() {
    length = 0;
    overflowed = false;
    if (bytes.length > 1 << 16) {
      bytes = new byte[256]; // give back the memory a huge field took
    }
  }

  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  boolean overflowed() {
    return overflowed;
  }
}
