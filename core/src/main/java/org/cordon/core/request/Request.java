package org.cordon.core.request;

import java.util.List;
import java.util.Objects;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Subject;
import org.cordon.core.triage.CaseId;

/**
 * What Cordon asks a platform to do about content: a voluntary {@link Referral} under the
 * platform's terms, or a binding {@link RemovalOrder} under Regulation (EU) 2021/784. Both carry an
 * idempotency key, so that a retried send never creates a second request at the platform, and a
 * status history, oldest first.
 */
public sealed interface Request {
  RequestId id();

  CaseId caseId();

  Platform platform();

  Subject subject();

  /** The exact URLs of the content, as the platform serves them. */
  List<String> urls();

  String category();

  String idempotencyKey();

  List<StatusChange> history();

  default RequestStatus status() {
    return history().isEmpty() ? RequestStatus.PENDING : history().getLast().status();
  }

  /** Persisted: never renamed. */
  default String type() {
    return switch (this) {
      case Referral r -> "referral";
      case RemovalOrder o -> "removal_order";
    };
  }

  record Referral(RequestId id, CaseId caseId, Platform platform, Subject subject, List<String> urls, String category, String idempotencyKey, List<StatusChange> history)
      implements Request {
    public Referral {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      urls = List.copyOf(urls);
      history = List.copyOf(history);
    }
  }

  /**
   * A binding order. The fields of the TCO Annex I form beyond those every request has are added
   * by the referral desk; here, who issues it and under which reference.
   */
  record RemovalOrder(RequestId id, CaseId caseId, Platform platform, Subject subject, List<String> urls, String category, String idempotencyKey, List<StatusChange> history, String issuingAuthority, String reference)
      implements Request {
    public RemovalOrder {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      Objects.requireNonNull(issuingAuthority, "issuingAuthority");
      Objects.requireNonNull(reference, "reference");
      urls = List.copyOf(urls);
      history = List.copyOf(history);
    }
  }
}
