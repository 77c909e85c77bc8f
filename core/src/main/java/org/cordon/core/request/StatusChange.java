package org.cordon.core.request;

import java.time.Instant;
import java.util.Objects;

/** One entry of a request's status history. */
public record StatusChange(RequestStatus status, Instant at, String detail) {
  public StatusChange {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detail, "detail");
  }
}
