package org.cordon.referral.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cordon.core.model.Platform;
import org.cordon.core.port.RequestStore;
import org.cordon.core.request.GatewayException;
import org.cordon.core.request.PlatformAnswer;
import org.cordon.core.request.PlatformGateway;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.referral.gateway.WebhookGateway;

/**
 * Sends requests that wait (PENDING) through their platform's gateway, one run at a time.
 *
 * <p>Each send appends SENT, then what the platform said: ACKNOWLEDGED (detail {@code
 * platform_reference=<ref>}, see {@link WebhookGateway}), REJECTED, or, when the gateway throws,
 * PENDING again with the failure in the detail, so the next run retries it. After
 * {@code maxSendRuns} failed runs the request is FAILED (final). A request left SENT for longer
 * than {@code staleAfter} (the process died mid-send) is sent again; the idempotency key makes
 * that safe. Runs are meant to be made by one dispatcher at a time.
 */
public final class Dispatcher {
  private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

  private final RequestStore requests;
  private final Map<Platform, PlatformGateway> gateways;
  private final Clock clock;
  private final int maxSendRuns;
  private final Duration staleAfter;
  private final int batchSize;

  /** Five runs before giving up, SENT stale after 5 minutes, 500 requests per run. */
  public Dispatcher(RequestStore requests, Map<Platform, PlatformGateway> gateways, Clock clock) {
    this(requests, gateways, clock, 5, Duration.ofMinutes(5), 500);
  }

  public Dispatcher(RequestStore requests, Map<Platform, PlatformGateway> gateways, Clock clock, int maxSendRuns, Duration staleAfter, int batchSize) {
    this.requests = Objects.requireNonNull(requests, "requests");
    this.gateways = Map.copyOf(gateways);
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxSendRuns < 1 || batchSize < 1) {
      throw new IllegalArgumentException("maxSendRuns and batchSize are positive");
    }
    this.maxSendRuns = maxSendRuns;
    this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
    this.batchSize = batchSize;
  }

  /** Sends every waiting request once; returns how many were handed to a gateway. */
  public int sendPending() {
    List<Request> due = new ArrayList<>(requests.withStatus(RequestStatus.PENDING, batchSize));
    Instant staleBefore = clock.instant().minus(staleAfter);
    requests.withStatus(RequestStatus.SENT, batchSize).stream()
        .filter(r -> !awaitingReceipt(r))
        .filter(r -> r.history().getLast().at().isBefore(staleBefore))
        .forEach(due::add);
    int sent = 0;
    for (Request request : due) {
      PlatformGateway gateway = gateways.get(request.platform());
      if (gateway == null) {
        LOG.log(System.Logger.Level.WARNING, "request {0} waits: no gateway configured for platform {1}", request.id(), request.platform());
        continue;
      }
      send(request, gateway);
      sent++;
    }
    return sent;
  }

  private void send(Request request, PlatformGateway gateway) {
    int run = (int) request.history().stream().filter(c -> c.status() == RequestStatus.SENT).count() + 1;
    requests.appendStatus(request.id(), new StatusChange(RequestStatus.SENT, clock.instant(), "send run " + run + " of " + maxSendRuns));
    PlatformAnswer answer;
    try {
      answer = gateway.send(request);
    } catch (GatewayException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (run >= maxSendRuns) {
        requests.appendStatus(request.id(), new StatusChange(RequestStatus.FAILED, clock.instant(),
            "gave up after " + run + " send runs: " + why));
      } else {
        requests.appendStatus(request.id(), new StatusChange(RequestStatus.PENDING, clock.instant(),
            "send run " + run + " failed, will retry: " + why));
      }
      return;
    }
    StatusChange change = switch (answer.status()) {
      case ACKNOWLEDGED, REJECTED, REMOVED, FAILED -> new StatusChange(answer.status(), answer.at(), detailOf(answer));
      // delivered where the platform collects it (a portal outbox): no receipt yet, so no one-hour clock;
      // the status tracker asks for the receipt
      case SENT -> new StatusChange(RequestStatus.SENT, answer.at(), AWAITING_RECEIPT + detailOf(answer));
      case PENDING -> new StatusChange(RequestStatus.PENDING, clock.instant(),
          "the gateway answered " + answer.status() + ", which is not an answer; will retry");
    };
    requests.appendStatus(request.id(), change);
  }

  /**
   * The detail of a SENT change that records a delivery without a receipt (the gateway answered
   * SENT): such a request is not re-sent as stale; {@link StatusTracker} asks for its receipt.
   */
  public static final String AWAITING_RECEIPT = "delivered, awaiting the platform's receipt: ";

  /** Whether the request was delivered and waits for the platform's receipt. */
  public static boolean awaitingReceipt(Request request) {
    return !request.history().isEmpty() && request.status() == RequestStatus.SENT && request.history().getLast().detail().startsWith(AWAITING_RECEIPT);
  }

  /** Keeps the platform's reference where {@link WebhookGateway#platformReference} finds it. */
  private static String detailOf(PlatformAnswer answer) {
    String detail = answer.detail();
    if (answer.platformReference().isEmpty() || detail.contains("platform_reference=")) {
      return detail;
    }
    String reference = WebhookGateway.referenceDetail(answer.platformReference().get());
    return detail.isBlank() ? reference : reference + "; " + detail;
  }
}
