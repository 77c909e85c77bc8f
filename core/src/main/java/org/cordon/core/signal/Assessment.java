package org.cordon.core.signal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.Subject;

/**
 * The combined judgement of a post or an account at one time.
 *
 * @param score in [0, 1]
 * @param flagged whether the item goes to the triage queue
 * @param tier the most severe tier among the signals, if any signal named one
 * @param explanation one line an analyst reads first
 */
public record Assessment(Subject subject, double score, boolean flagged, Optional<Tier> tier, List<Signal> signals, String explanation, Instant assessedAt) {
  public Assessment {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(assessedAt, "assessedAt");
    signals = List.copyOf(signals);
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("assessment score is in [0, 1]: " + score);
    }
  }

  /** The most severe tier named by any of the signals. */
  public static Optional<Tier> mostSevere(List<Signal> signals) {
    return signals.stream().flatMap(s -> s.tier().stream()).min(Comparator.naturalOrder());
  }
}
