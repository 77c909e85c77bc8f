package org.cordon.app.pipeline;

import java.time.Instant;
import java.util.List;
import org.cordon.core.model.Subject;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Decimals;
import org.cordon.core.signal.Signal;

/**
 * Combines a subject's signals into one assessment. Independent pieces of evidence add up as
 * probabilities do (1 − Π(1 − strength)), so two weak signals together outweigh either alone but
 * never exceed 1. The explanation names the strongest signals first.
 */
public final class Assessor {
  static final int EXPLAINED_SIGNALS = 3;

  private final double flagThreshold;

  public Assessor(double flagThreshold) {
    if (!(flagThreshold > 0 && flagThreshold <= 1)) {
      throw new IllegalArgumentException("the flag threshold is in (0, 1]: " + flagThreshold);
    }
    this.flagThreshold = flagThreshold;
  }

  /**
   * The {@code count} strongest signals described, strongest first, equal strengths in the order
   * given (what a stable sort by descending strength gives). Picked by repeated maximum: posts
   * carry a handful of signals, and a stream's sort was a third of this method's cost.
   */
  static String strongestFirst(List<Signal> signals, int count) {
    boolean[] taken = new boolean[signals.size()];
    StringBuilder explanation = new StringBuilder();
    for (int k = 0; k < Math.min(count, signals.size()); k++) {
      int best = -1;
      for (int j = 0; j < signals.size(); j++) {
        if (!taken[j] && (best < 0 || Double.compare(signals.get(j).strength(), signals.get(best).strength()) > 0)) {
          best = j;
        }
      }
      taken[best] = true;
      Signal s = signals.get(best);
      explanation.append(k == 0 ? "" : "; ").append(s.kind()).append(' ');
      Decimals.append(explanation, s.strength(), 2, false).append(": ").append(s.reason());
    }
    return explanation.toString();
  }

  public Assessment assess(Subject subject, List<Signal> signals, Instant now) {
    double miss = 1;
    for (Signal s : signals) {
      miss *= 1 - s.strength();
    }
    double score = 1 - miss;
    boolean flagged = score >= flagThreshold;
    String explanation = signals.isEmpty() ? "no signal" : strongestFirst(signals, EXPLAINED_SIGNALS);
    return new Assessment(subject, score, flagged, flagged ? Assessment.mostSevere(signals) : java.util.Optional.empty(), signals, explanation, now);
  }
}
