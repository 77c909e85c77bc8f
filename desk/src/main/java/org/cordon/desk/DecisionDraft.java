package org.cordon.desk;

import java.util.Objects;
import java.util.Optional;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;

/**
 * What a user decides about a case. A referral names its request type and its TCO category; every
 * decision may name a tier (overriding the case's) and carries a free-text note.
 */
public record DecisionDraft(CaseId caseId, DecisionKind kind, Optional<RequestType> requestType, Optional<Category> category,
    Optional<Tier> tier, String note) {
  public DecisionDraft {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(requestType, "requestType");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(note, "note");
    if (note.isBlank()) {
      throw new DeskRefusal(DeskRefusal.Reason.INVALID, "a decision needs a note saying why: add one and resubmit");
    }
    if (kind == DecisionKind.REFER && (requestType.isEmpty() || category.isEmpty())) {
      throw new DeskRefusal(DeskRefusal.Reason.INVALID, "a referral names its request type (referral or removal_order) and its category (e.g. incites): add them and resubmit");
    }
    if (kind != DecisionKind.REFER && (requestType.isPresent() || category.isPresent())) {
      throw new DeskRefusal(DeskRefusal.Reason.INVALID, "only a referral names a request type and a category");
    }
  }

  public static DecisionDraft refer(CaseId caseId, RequestType type, Category category, Optional<Tier> tier, String note) {
    return new DecisionDraft(caseId, DecisionKind.REFER, Optional.of(type), Optional.of(category), tier, note);
  }

  /** A dismissal, an escalation or a hold. */
  public static DecisionDraft of(CaseId caseId, DecisionKind kind, String note) {
    return new DecisionDraft(caseId, kind, Optional.empty(), Optional.empty(), Optional.empty(), note);
  }
}
