package org.cordon.core.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.Subject;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Tier;

/**
 * What an analyst works on: one post or account, with its latest assessment, its priority, the
 * moment Cordon first saw it (the clock starts there) and its decisions, oldest first.
 *
 * @param priority higher is more urgent
 */
public record Case(CaseId id, Subject subject, CaseState state, double priority, Optional<Tier> tier, Instant firstSeen, Assessment assessment, List<DecisionRecord> decisions) {
  public Case {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(assessment, "assessment");
    decisions = List.copyOf(decisions);
  }

  /** How long the case has been open at {@code now}: the clock an analyst sees. */
  public Duration age(Instant now) {
    return Duration.between(firstSeen, now);
  }
}
