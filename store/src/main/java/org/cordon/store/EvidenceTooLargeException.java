package org.cordon.store;

import java.io.IOException;

/** Evidence offered past its size limit; nothing of it was kept. Raise the limit or skip the item. */
public final class EvidenceTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;
  private final long limit;

  EvidenceTooLargeException(long limit, String obtainedFrom) {
    super("evidence from " + obtainedFrom + " is larger than the limit of " + limit + " bytes; nothing was stored");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
