package org.cordon.referral.desk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Subject;
import org.cordon.core.port.CaseStore;
import org.cordon.core.port.RequestStore;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.triage.Actor;
import org.cordon.core.triage.Case;
import org.cordon.core.triage.CaseId;
import org.cordon.core.triage.CaseState;
import org.cordon.core.triage.Decision;
import org.cordon.core.triage.DecisionRecord;

/**
 * Where an analyst's decision becomes a record and, for a referral, a request to the platform.
 *
 * <p>The decision is recorded first and the request created second, so a request never exists
 * without the human decision behind it. If the process dies between the two, the case is REFERRED
 * without a request; deciding Refer again creates it (the key makes that safe). A later decision on
 * the same case is a new record (a correction); it never withdraws a request already created.
 *
 * <p>The request's idempotency key is derived from (platform, subject, category) only, so two
 * analysts who refer the same thing under the same category make one request, at the platform too.
 *
 * <p>The foundation's desk, without four-eyes, holds or categories: the app decides through module
 * desk's {@code Decisions} instead, and the desk's request store never lets out a request this class
 * created. It stays for the range's tests against the platform simulator, which need no desk.
 */
public final class ReferralDesk {
  private final CaseStore cases;
  private final RequestStore requests;
  private final Function<Subject, List<String>> urlsOf;
  private final Clock clock;

  /** @param urlsOf the URLs under which the platform serves a subject (a post's URL, an account's profile) */
  public ReferralDesk(CaseStore cases, RequestStore requests, Function<Subject, List<String>> urlsOf, Clock clock) {
    this.cases = Objects.requireNonNull(cases, "cases");
    this.requests = Objects.requireNonNull(requests, "requests");
    this.urlsOf = Objects.requireNonNull(urlsOf, "urlsOf");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Records {@code decision} on the case and, for a referral, creates its request (PENDING; the
   * {@link Dispatcher} sends it).
   *
   * @throws IllegalArgumentException when the reason or the referral category is blank, or no such case exists
   */
  public Case decide(CaseId caseId, Decision decision, Actor actor, String reason) {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a decision needs a reason: add one and resubmit");
    }
    if (decision instanceof Decision.Refer refer && refer.category().isBlank()) {
      throw new IllegalArgumentException("a referral needs a category (e.g. 'glorifies', 'incites'): add one and resubmit");
    }
    Case current = cases.find(caseId)
        .orElseThrow(() -> new IllegalArgumentException("no case " + caseId + ": check the case number"));
    DecisionRecord record = new DecisionRecord(caseId, decision, actor, reason.strip(), clock.instant());
    Case decided = switch (decision) {
      case Decision.Refer refer -> {
        Case referred = cases.decide(record, CaseState.REFERRED);
        requests.create(referral(current, refer));
        yield referred;
      }
      case Decision.Dismiss dismiss -> cases.decide(record, CaseState.DISMISSED);
    };
    return decided;
  }

  private Request.Referral referral(Case decided, Decision.Refer refer) {
    Subject subject = decided.subject();
    List<String> urls = List.copyOf(urlsOf.apply(subject));
    String category = refer.category().strip();
    // The id is assigned by the store; 1 is a placeholder the store ignores.
    return new Request.Referral(new RequestId(1), decided.id(), subject.platform(), subject, urls, category,
        idempotencyKey(subject.platform(), subject, category), List.of());
  }

  /**
   * {@code referral-<32 hex>}: the first 16 bytes of SHA-256 over platform, subject kind, subject
   * id and the category (trimmed, lowercase), each prefixed by its length so no two lists of parts
   * share an encoding.
   */
  public static String idempotencyKey(Platform platform, Subject subject, String category) {
    StringBuilder material = new StringBuilder("referral");
    for (String part : List.of(platform.name(), subject.kind().name(), subject.id(), category.strip().toLowerCase(Locale.ROOT))) {
      material.append('|').append(part.length()).append(':').append(part);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.toString().getBytes(StandardCharsets.UTF_8));
      return "referral-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
