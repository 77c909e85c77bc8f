package org.cordon.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;

/** The one-hour clocks of removal orders, read from their status histories. */
public final class OrderClocks {
  private final Sql sql;
  private final Clock clock;

  OrderClocks(Sql sql, Clock clock) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The clock of one removal order; empty when the request is not a removal order. */
  public Optional<OrderClock> of(RequestId id) {
    return query("r.id = ?", 1, id.value()).stream().findFirst();
  }

  /** Removal orders not yet removed, rejected or failed, received ones first by due time, then those awaiting receipt. */
  public List<OrderClock> open(int limit) {
    return query("r.status NOT IN ('REMOVED', 'REJECTED', 'FAILED')", limit);
  }

  private List<OrderClock> query(String where, int limit, Object... parameters) {
    Instant now = clock.instant();
    Object[] all = new Object[parameters.length + 1];
    System.arraycopy(parameters, 0, all, 0, parameters.length);
    all[parameters.length] = limit;
    return sql.read(c -> Sql.list(c, """
        SELECT r.id, r.platform, r.reference, r.status,
               (SELECT min(h.changed_at) FROM request_status_history h WHERE h.request_id = r.id AND h.status = 'ACKNOWLEDGED') AS received_at,
               (SELECT min(h.changed_at) FROM request_status_history h WHERE h.request_id = r.id AND h.status = 'REMOVED') AS removed_at
          FROM requests r
         WHERE r.type = 'removal_order' AND\s""" + where + " ORDER BY received_at NULLS LAST, r.id LIMIT ?",
        rs -> OrderClock.of(new RequestId(rs.getLong("id")), new Platform(rs.getString("platform")),
            Optional.ofNullable(rs.getString("reference")).orElse(""), RequestStatus.valueOf(rs.getString("status")),
            Sql.optionalInstant(rs, "received_at"), Sql.optionalInstant(rs, "removed_at"), now), all));
  }
}
