package org.cordon.desk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Who asked for a request (one of possibly several: deduplicated requests keep every requester). */
public record Requester(long decisionId, String requestedBy, Optional<String> unit, Instant requestedAt) {
  public Requester {
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }
}
