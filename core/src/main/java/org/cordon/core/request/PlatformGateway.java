package org.cordon.core.request;

import java.util.Optional;
import org.cordon.core.model.Platform;

/**
 * Sends requests to one platform and asks it how they stand. A gateway retries transient failures
 * itself, and sends the request's idempotency key so that a retry is never a second request.
 */
public interface PlatformGateway {
  Platform platform();

  /** Delivers the request; the answer is the platform's receipt (acknowledged or rejected). */
  PlatformAnswer send(Request request) throws GatewayException;

  /** The platform's latest answer for a request it has received, if it gives one. */
  Optional<PlatformAnswer> poll(Request request) throws GatewayException;
}
