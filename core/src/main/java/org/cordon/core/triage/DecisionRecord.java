package org.cordon.core.triage;

import java.time.Instant;
import java.util.Objects;

/** A decision as recorded: immutable; a correction is a new record. */
public record DecisionRecord(CaseId caseId, Decision decision, Actor actor, String reason, Instant at) {
  public DecisionRecord {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a decision needs a reason: add one and resubmit");
    }
  }
}
