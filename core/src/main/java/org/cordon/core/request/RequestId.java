package org.cordon.core.request;

/** A request's number, given by the store. */
public record RequestId(long value) {
  public RequestId {
    if (value < 1) {
      throw new IllegalArgumentException("request ids are positive: " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
