package org.cordon.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cordon.core.model.Subject;
import org.cordon.core.signal.Assessment;
import org.cordon.core.triage.Case;
import org.cordon.core.triage.CaseId;
import org.cordon.core.triage.CaseState;
import org.cordon.core.triage.DecisionRecord;

/** Cases and their decisions. One open case per subject; decisions are append-only. */
public interface CaseStore {
  /**
   * Opens a case for a flagged assessment, or updates the open case of its subject (its assessment
   * and priority; never its first-seen time).
   */
  Case openOrUpdate(Assessment assessment, double priority, Instant firstSeen);

  Optional<Case> find(CaseId id);

  Optional<Case> findBySubject(Subject subject);

  /** Open cases, most urgent first. */
  List<Case> queue(int limit);

  /** Appends a decision and moves the case to {@code newState}, in one transaction. */
  Case decide(DecisionRecord decision, CaseState newState);
}
