package org.cordon.desk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.request.Request;

/**
 * What a decision or an approval did.
 *
 * @param request the request to the platform it created or joined; empty while a proposal awaits approval, or for other decisions
 * @param joinedExisting the request was there already (another unit or analyst asked for the same content): this decision was added to its requesters
 * @param holds the holds on the request now, active or not
 */
public record Outcome(DecisionEntry decision, Optional<Request> request, boolean joinedExisting, List<HoldEntry> holds) {
  public Outcome {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(request, "request");
    holds = List.copyOf(holds);
  }

  /** Whether the request may go out now (it exists, and no hold on it is active). */
  public boolean dispatchable() {
    return request.isPresent() && holds.stream().noneMatch(HoldEntry::active);
  }
}
