package org.cordon.risk;

import java.util.List;
import java.util.Objects;

/**
 * How much one feature moved an account's score.
 *
 * @param contribution change in calibrated log-odds against an account with the training
 *     population's average value of this feature (positive raises the risk)
 * @param evidence what an analyst can check: post keys with strengths, account keys, counts
 */
public record Contribution(String feature, double value, double contribution, List<String> evidence) {
  public Contribution {
    Objects.requireNonNull(feature, "feature");
    evidence = List.copyOf(evidence);
  }

  /** "flagged_share=0.42 (+2.31): x:post:17 (0.93), x:post:12 (0.88)" */
  public String describe() {
    String head = String.format(java.util.Locale.ROOT, "%s=%.3g (%+.2f)", feature, value, contribution);
    return evidence.isEmpty() ? head : head + ": " + String.join(", ", evidence);
  }
}
