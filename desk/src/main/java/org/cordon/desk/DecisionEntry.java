package org.cordon.desk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;

/**
 * A decision as recorded: immutable; a correction is a new entry naming the one it corrects.
 *
 * @param approval what the policy asked for when it was made
 * @param state where its approval stands now
 */
public record DecisionEntry(long id, CaseId caseId, DecisionKind kind, Optional<RequestType> requestType, Optional<Category> category,
    Optional<Tier> tier, String note, String decidedBy, Role role, Optional<String> unit, Approval approval, State state,
    Optional<Long> corrects, Instant decidedAt) {
  public DecisionEntry {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(requestType, "requestType");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(corrects, "corrects");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  /** Where a decision's four-eyes approval stands. */
  public enum State {
    /** Took effect on its own. */
    NOT_NEEDED,
    /** A proposal: nothing goes out until someone else approves it. */
    AWAITING_APPROVAL,
    APPROVED,
    REFUSED,
    /** Corrected by a later entry before anyone approved it: it can no longer be approved. */
    SUPERSEDED
  }
}
