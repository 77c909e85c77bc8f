package org.cordon.referral.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.port.RequestStore;
import org.cordon.core.request.GatewayException;
import org.cordon.core.request.PlatformAnswer;
import org.cordon.core.request.PlatformGateway;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;

/**
 * Asks platforms how acknowledged requests stand and records REMOVED or REJECTED when they say so.
 * A platform that cannot be reached is asked again on the next run.
 */
public final class StatusTracker {
  private static final System.Logger LOG = System.getLogger(StatusTracker.class.getName());

  private final RequestStore requests;
  private final Map<Platform, PlatformGateway> gateways;
  private final int batchSize;

  public StatusTracker(RequestStore requests, Map<Platform, PlatformGateway> gateways) {
    this(requests, gateways, 500);
  }

  public StatusTracker(RequestStore requests, Map<Platform, PlatformGateway> gateways, int batchSize) {
    this.requests = Objects.requireNonNull(requests, "requests");
    this.gateways = Map.copyOf(gateways);
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize is positive: " + batchSize);
    }
    this.batchSize = batchSize;
  }

  /** Polls every acknowledged request once; returns how many changed status. */
  public int pollOpen() {
    int changed = 0;
    List<Request> open = new ArrayList<>(requests.withStatus(RequestStatus.ACKNOWLEDGED, batchSize));
    requests.withStatus(RequestStatus.SENT, batchSize).stream().filter(Dispatcher::awaitingReceipt).forEach(open::add);
    for (Request request : open) {
      PlatformGateway gateway = gateways.get(request.platform());
      if (gateway == null) {
        continue;
      }
      Optional<PlatformAnswer> answer;
      try {
        answer = gateway.poll(request);
      } catch (GatewayException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot poll request {0} at {1}: {2}", request.id(), request.platform(), e.getMessage());
        continue;
      }
      // a receipt confirmed later (a portal upload) starts the one-hour clock of a removal order at its own time
      boolean receipt = answer.isPresent() && answer.get().status() == RequestStatus.ACKNOWLEDGED && request.status() == RequestStatus.SENT;
      if (receipt || answer.isPresent() && (answer.get().status() == RequestStatus.REMOVED || answer.get().status() == RequestStatus.REJECTED)) {
        requests.appendStatus(request.id(), new StatusChange(answer.get().status(), answer.get().at(), answer.get().detail()));
        changed++;
      }
    }
    return changed;
  }
}
