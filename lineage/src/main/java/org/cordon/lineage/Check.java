package org.cordon.lineage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.AccountKey;

/** The result of checking one new account: candidates best first, and the decision threshold. */
public record Check(AccountKey account, List<Candidate> candidates, double threshold) {
  public Check {
    Objects.requireNonNull(account, "account");
    candidates = List.copyOf(candidates);
  }

  /** The best candidate if its score reaches the threshold. */
  public Optional<Candidate> match() {
    return candidates.isEmpty() || candidates.getFirst().score() < threshold
        ? Optional.empty() : Optional.of(candidates.getFirst());
  }
}
