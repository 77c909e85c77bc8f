package org.cordon.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.signal.Tier;

/**
 * One request's clock: from its content first seen to sent and to removed. The raw material of the
 * statistics; an evaluation computes any percentile from a list of these.
 *
 * @param type "referral" or "removal_order"
 * @param tier the tier the deciding analyst gave, else the case's
 * @param requesters how many decisions (units, analysts) asked for it: more than one means deduplicated
 * @param breached sent (or, unsent, still waiting at the time of the query) after the tier's target
 */
public record RequestTimeline(RequestId id, Platform platform, String type, Optional<Tier> tier, Instant firstSeen, Optional<Instant> sentAt,
    Optional<Instant> removedAt, RequestStatus status, int requesters, boolean breached) {
  public RequestTimeline {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(removedAt, "removedAt");
    Objects.requireNonNull(status, "status");
  }

  public Optional<Duration> toReferral() {
    return sentAt.map(s -> nonNegative(Duration.between(firstSeen, s)));
  }

  public Optional<Duration> toRemoval() {
    return sentAt.flatMap(s -> removedAt.map(r -> nonNegative(Duration.between(s, r))));
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
