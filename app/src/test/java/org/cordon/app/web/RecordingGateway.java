package org.cordon.app.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cordon.core.model.Platform;
import org.cordon.core.request.PlatformAnswer;
import org.cordon.core.request.PlatformGateway;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.triage.CaseId;

/** A platform for web tests: records every request it is handed and acknowledges it; never answers a status look-up. */
final class RecordingGateway implements PlatformGateway {
  final List<Request> received = new CopyOnWriteArrayList<>();
  private final Platform platform;

  RecordingGateway(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public PlatformAnswer send(Request request) {
    received.add(request);
    return new PlatformAnswer(RequestStatus.ACKNOWLEDGED, Instant.now(), Optional.of("T-" + received.size()), "");
  }

  @Override
  public Optional<PlatformAnswer> poll(Request request) {
    return Optional.empty();
  }

  /** How many requests about the case reached the platform. */
  long about(CaseId kase) {
    return received.stream().filter(r -> r.caseId().equals(kase)).count();
  }

  boolean reached(CaseId kase) {
    return about(kase) > 0;
  }
}
