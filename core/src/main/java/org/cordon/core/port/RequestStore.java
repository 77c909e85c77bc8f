package org.cordon.core.port;

import java.util.List;
import java.util.Optional;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;

/** Requests to platforms and their status histories. */
public interface RequestStore {
  /**
   * Stores a new request (its id and history are assigned here: the id given is ignored, the
   * history starts PENDING). A request with the same idempotency key is returned as it is instead.
   */
  Request create(Request draft);

  Optional<Request> find(RequestId id);

  Request appendStatus(RequestId id, StatusChange change);

  List<Request> withStatus(RequestStatus status, int limit);
}
