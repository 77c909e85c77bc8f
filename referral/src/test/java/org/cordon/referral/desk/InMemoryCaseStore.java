package org.cordon.referral.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.model.Subject;
import org.cordon.core.port.CaseStore;
import org.cordon.core.signal.Assessment;
import org.cordon.core.triage.Case;
import org.cordon.core.triage.CaseId;
import org.cordon.core.triage.CaseState;
import org.cordon.core.triage.DecisionRecord;

/** A {@link CaseStore} in a map: one open case per subject, decisions appended. */
final class InMemoryCaseStore implements CaseStore {
  private final Map<CaseId, Case> byId = new LinkedHashMap<>();
  private long nextId = 1;

  @Override
  public synchronized Case openOrUpdate(Assessment assessment, double priority, Instant firstSeen) {
    Optional<Case> open = byId.values().stream()
        .filter(c -> c.subject().equals(assessment.subject()) && c.state() == CaseState.OPEN)
        .findFirst();
    Case updated = open
        .map(c -> new Case(c.id(), c.subject(), c.state(), priority, assessment.tier(), c.firstSeen(), assessment, c.decisions()))
        .orElseGet(() -> new Case(new CaseId(nextId++), assessment.subject(), CaseState.OPEN, priority, assessment.tier(), firstSeen, assessment, List.of()));
    byId.put(updated.id(), updated);
    return updated;
  }

  @Override
  public synchronized Optional<Case> find(CaseId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<Case> findBySubject(Subject subject) {
    return byId.values().stream().filter(c -> c.subject().equals(subject)).findFirst();
  }

  @Override
  public synchronized List<Case> queue(int limit) {
    return byId.values().stream()
        .filter(c -> c.state() == CaseState.OPEN)
        .sorted(Comparator.comparingDouble(Case::priority).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Case decide(DecisionRecord decision, CaseState newState) {
    Case c = find(decision.caseId()).orElseThrow(() -> new IllegalArgumentException("no case " + decision.caseId()));
    List<DecisionRecord> decisions = new ArrayList<>(c.decisions());
    decisions.add(decision);
    Case decided = new Case(c.id(), c.subject(), newState, c.priority(), c.tier(), c.firstSeen(), c.assessment(), decisions);
    byId.put(c.id(), decided);
    return decided;
  }
}
