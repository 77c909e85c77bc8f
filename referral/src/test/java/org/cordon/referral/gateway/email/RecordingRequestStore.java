package org.cordon.referral.gateway.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cordon.core.port.RequestStore;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;

/** A request store holding requests as given (ids included), for driving the dispatcher in these tests. */
final class RecordingRequestStore implements RequestStore {
  private final List<Request> requests = new ArrayList<>();

  @Override
  public synchronized Request create(Request draft) {
    requests.add(draft);
    return draft;
  }

  @Override
  public synchronized Optional<Request> find(RequestId id) {
    return requests.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  @Override
  public synchronized Request appendStatus(RequestId id, StatusChange change) {
    Request old = find(id).orElseThrow();
    List<StatusChange> history = new ArrayList<>(old.history());
    history.add(change);
    Request updated = switch (old) {
      case Request.Referral r -> new Request.Referral(r.id(), r.caseId(), r.platform(), r.subject(), r.urls(), r.category(), r.idempotencyKey(), history);
      case Request.RemovalOrder o -> new Request.RemovalOrder(o.id(), o.caseId(), o.platform(), o.subject(), o.urls(), o.category(),
          o.idempotencyKey(), history, o.issuingAuthority(), o.reference());
    };
    requests.set(requests.indexOf(old), updated);
    return updated;
  }

  @Override
  public synchronized List<Request> withStatus(RequestStatus status, int limit) {
    return requests.stream().filter(r -> r.status() == status).limit(limit).toList();
  }
}
