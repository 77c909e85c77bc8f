package org.cordon.app.pipeline;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cordon.core.model.Subject;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;

/**
 * Combines a subject's signals into one assessment. Independent pieces of evidence add up as
 * probabilities do (1 − Π(1 − strength)), so two weak signals together outweigh either alone but
 * never exceed 1. The explanation names the strongest signals first.
 */
public final class Assessor {
  private final double flagThreshold;

  public Assessor(double flagThreshold) {
    if (!(flagThreshold > 0 && flagThreshold <= 1)) {
      throw new IllegalArgumentException("the flag threshold is in (0, 1]: " + flagThreshold);
    }
    this.flagThreshold = flagThreshold;
  }

  public Assessment assess(Subject subject, List<Signal> signals, Instant now) {
    double miss = 1;
    for (Signal s : signals) {
      miss *= 1 - s.strength();
    }
    double score = 1 - miss;
    boolean flagged = score >= flagThreshold;
    String explanation = signals.isEmpty()
        ? "no signal"
        : signals.stream()
            .sorted(Comparator.comparingDouble(Signal::strength).reversed())
            .limit(3)
            .map(s -> s.kind() + " " + String.format(Locale.ROOT, "%.2f", s.strength()) + ": " + s.reason())
            .collect(Collectors.joining("; "));
    return new Assessment(subject, score, flagged, flagged ? Assessment.mostSevere(signals) : java.util.Optional.empty(), signals, explanation, now);
  }
}
