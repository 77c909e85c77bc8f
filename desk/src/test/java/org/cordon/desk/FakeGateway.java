package org.cordon.desk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.request.GatewayException;
import org.cordon.core.request.PlatformAnswer;
import org.cordon.core.request.PlatformGateway;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;

/**
 * A platform that keeps one request per idempotency key, as real platforms are asked to. It can
 * lose its answer after receiving a request (the request arrived, the reply did not), to test
 * retries.
 */
final class FakeGateway implements PlatformGateway {
  private final Platform platform;
  private final Clock clock;
  final List<Request> deliveries = new ArrayList<>();
  final Map<String, String> platformRequests = new LinkedHashMap<>();
  int loseAnswers;
  Optional<RequestStatus> nextPollAnswer = Optional.empty();
  /** Answer SENT, as a portal outbox does: delivered, the platform's receipt comes later by polling. */
  boolean withoutReceipt;

  FakeGateway(Platform platform, Clock clock) {
    this.platform = platform;
    this.clock = clock;
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public PlatformAnswer send(Request request) throws GatewayException {
    deliveries.add(request);
    String reference = platformRequests.computeIfAbsent(request.idempotencyKey(), k -> "ticket-" + (platformRequests.size() + 1));
    if (loseAnswers > 0) {
      loseAnswers--;
      throw new GatewayException("connection reset before the answer");
    }
    if (withoutReceipt) {
      return new PlatformAnswer(RequestStatus.SENT, clock.instant(), Optional.empty(), "in the outbox");
    }
    return new PlatformAnswer(RequestStatus.ACKNOWLEDGED, clock.instant(), Optional.of(reference), "");
  }

  @Override
  public Optional<PlatformAnswer> poll(Request request) {
    return nextPollAnswer.map(s -> new PlatformAnswer(s, clock.instant(), Optional.empty(), "platform says " + s));
  }
}
