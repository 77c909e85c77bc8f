package org.cordon.referral.desk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.port.RequestStore;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;

/** A {@link RequestStore} in a map, with the port's rules: ids given here, one request per key. */
final class InMemoryRequestStore implements RequestStore {
  private final Map<RequestId, Request> byId = new LinkedHashMap<>();
  private final Clock clock;
  private long nextId = 1;

  InMemoryRequestStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Request create(Request draft) {
    for (Request existing : byId.values()) {
      if (existing.idempotencyKey().equals(draft.idempotencyKey())) {
        return existing;
      }
    }
    RequestId id = new RequestId(nextId++);
    List<StatusChange> history = List.of(new StatusChange(RequestStatus.PENDING, clock.instant(), "created"));
    Request stored = withHistory(draft, id, history);
    byId.put(id, stored);
    return stored;
  }

  @Override
  public synchronized Optional<Request> find(RequestId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Request appendStatus(RequestId id, StatusChange change) {
    Request request = find(id).orElseThrow(() -> new IllegalArgumentException("no request " + id));
    List<StatusChange> history = new ArrayList<>(request.history());
    history.add(change);
    Request updated = withHistory(request, id, history);
    byId.put(id, updated);
    return updated;
  }

  @Override
  public synchronized List<Request> withStatus(RequestStatus status, int limit) {
    return byId.values().stream()
        .filter(r -> r.status() == status)
        .sorted(Comparator.comparingLong(r -> r.id().value()))
        .limit(limit)
        .toList();
  }

  synchronized List<Request> all() {
    return List.copyOf(byId.values());
  }

  private static Request withHistory(Request request, RequestId id, List<StatusChange> history) {
    return switch (request) {
      case Request.Referral r -> new Request.Referral(id, r.caseId(), r.platform(), r.subject(), r.urls(), r.category(), r.idempotencyKey(), history);
      case Request.RemovalOrder o -> new Request.RemovalOrder(id, o.caseId(), o.platform(), o.subject(), o.urls(), o.category(), o.idempotencyKey(), history, o.issuingAuthority(), o.reference());
    };
  }
}
