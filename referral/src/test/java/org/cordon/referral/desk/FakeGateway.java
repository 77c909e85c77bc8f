package org.cordon.referral.desk;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.request.GatewayException;
import org.cordon.core.request.PlatformAnswer;
import org.cordon.core.request.PlatformGateway;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;

/** A platform that says what the test scripts; counts what it was sent and asked. */
final class FakeGateway implements PlatformGateway {
  private final Platform platform;
  private final Deque<String> sendFailures = new ArrayDeque<>();
  private final List<Request> sent = new ArrayList<>();
  private final List<Request> polled = new ArrayList<>();
  private RequestStatus sendAnswer = RequestStatus.ACKNOWLEDGED;
  private Optional<PlatformAnswer> pollAnswer = Optional.empty();
  private boolean pollFails;

  FakeGateway(Platform platform) {
    this.platform = platform;
  }

  /** The next sends throw, one per message. */
  FakeGateway failingSends(String... messages) {
    sendFailures.addAll(List.of(messages));
    return this;
  }

  FakeGateway rejectingSends() {
    sendAnswer = RequestStatus.REJECTED;
    return this;
  }

  FakeGateway answeringPolls(RequestStatus status, String detail) {
    pollAnswer = Optional.of(new PlatformAnswer(status, Instant.parse("2026-01-01T01:00:00Z"), Optional.of("REF-1"), detail));
    return this;
  }

  FakeGateway failingPolls(boolean fails) {
    pollFails = fails;
    return this;
  }

  List<Request> sent() {
    return sent;
  }

  List<Request> polled() {
    return polled;
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public PlatformAnswer send(Request request) throws GatewayException {
    sent.add(request);
    if (!sendFailures.isEmpty()) {
      throw new GatewayException(sendFailures.removeFirst());
    }
    Instant at = Instant.parse("2026-01-01T00:30:00Z");
    return switch (sendAnswer) {
      case REJECTED -> new PlatformAnswer(RequestStatus.REJECTED, at, Optional.empty(), "platform refused the request (HTTP 400): bad_request");
      default -> new PlatformAnswer(RequestStatus.ACKNOWLEDGED, at, Optional.of("REF-" + request.id()), "");
    };
  }

  @Override
  public Optional<PlatformAnswer> poll(Request request) throws GatewayException {
    polled.add(request);
    if (pollFails) {
      throw new GatewayException("platform unreachable");
    }
    return pollAnswer;
  }
}
