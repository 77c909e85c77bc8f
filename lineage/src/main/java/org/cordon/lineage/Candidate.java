package org.cordon.lineage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.AccountKey;
import org.cordon.core.signal.Signal;

/** A suspended account that may be the new account's predecessor, with its score in [0, 1] and why. */
public record Candidate(AccountKey predecessor, String predecessorHandle, Instant suspendedAt, double score,
    List<Evidence> evidence) {
  /** The persisted signal kind of a returning-account match. */
  public static final String SIGNAL_KIND = "returning-account";

  public Candidate {
    Objects.requireNonNull(predecessor, "predecessor");
    Objects.requireNonNull(predecessorHandle, "predecessorHandle");
    Objects.requireNonNull(suspendedAt, "suspendedAt");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("a candidate's score is in [0, 1]: " + score);
    }
    evidence = List.copyOf(evidence);
  }

  public <E extends Evidence> Optional<E> evidence(Class<E> kind) {
    return evidence.stream().filter(kind::isInstance).map(kind::cast).findFirst();
  }

  /**
   * The signal that puts the new account in the triage queue: a returning account is urgent (the
   * unit aims to close new accounts within hours), so the queue should rank it high.
   */
  public Signal toSignal(AccountKey newAccount) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("predecessor", predecessor.toString());
    details.put("predecessor_handle", predecessorHandle);
    details.put("suspended_at", suspendedAt.toString());
    for (Evidence e : evidence) {
      details.put(e.getClass().getSimpleName().toLowerCase(Locale.ROOT),
          String.format(Locale.ROOT, "%+.2f %s", e.weight(), e.explain()));
    }
    String reason = String.format(Locale.ROOT, "looks like suspended account @%s, score %.2f", predecessorHandle, score);
    return new Signal(newAccount, SIGNAL_KIND, score, Optional.empty(), reason, details);
  }
}
