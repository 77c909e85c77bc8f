package org.cordon.core.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a platform said about a request: on delivery (acknowledged, with its own reference) or
 * later (removed, rejected with a reason).
 */
public record PlatformAnswer(RequestStatus status, Instant at, Optional<String> platformReference, String detail) {
  public PlatformAnswer {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(platformReference, "platformReference");
    Objects.requireNonNull(detail, "detail");
  }
}
