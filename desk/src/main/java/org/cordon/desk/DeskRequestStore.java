package org.cordon.desk;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.port.RequestStore;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;

/**
 * The request store to give the {@code Dispatcher} and the {@code StatusTracker} of module referral.
 * It reads and writes the store's request tables, but {@link #withStatus} only lists requests that
 * may go out: cleared by four-eyes and not held for deconfliction. Marking a request SENT re-checks
 * that under a row lock, so a hold placed between the query and the send still stops it.
 *
 * <p>{@link #create} is refused: requests come into being through {@link Decisions}, which records
 * the decision, the requesters and the holds in the same transaction.
 */
public final class DeskRequestStore implements RequestStore {
  private final Sql sql;

  DeskRequestStore(Sql sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
  }

  @Override
  public Request create(Request draft) {
    throw new UnsupportedOperationException("the desk creates requests from decisions: use Decisions.decide or Decisions.approve");
  }

  @Override
  public Optional<Request> find(RequestId id) {
    return sql.read(c -> RequestRows.find(c, id.value()));
  }

  @Override
  public Request appendStatus(RequestId id, StatusChange change) {
    Objects.requireNonNull(change, "change");
    return sql.inTransaction(c -> {
      if (Sql.list(c, "SELECT id FROM requests WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), id.value()).isEmpty()) {
        throw new NoSuchElementException("no request " + id + "; check the request number");
      }
      if (change.status() == RequestStatus.SENT
          && Sql.count(c, "SELECT count(*) FROM requests r WHERE r.id = ? AND " + RequestRows.DISPATCHABLE, id.value()) == 0) {
        throw new IllegalStateException("request " + id + " may not go out: it is held for deconfliction or awaits four-eyes approval");
      }
      Sql.update(c, "UPDATE requests SET status = ? WHERE id = ?", change.status().name(), id.value());
      RequestRows.appendHistory(c, id.value(), change);
      return RequestRows.find(c, id.value()).orElseThrow();
    });
  }

  /** Requests with this status that may go out (four-eyes cleared, no active hold), oldest first. */
  @Override
  public List<Request> withStatus(RequestStatus status, int limit) {
    return sql.read(c -> RequestRows.load(c, "r.status = ? AND " + RequestRows.DISPATCHABLE, limit, status.name()));
  }
}
