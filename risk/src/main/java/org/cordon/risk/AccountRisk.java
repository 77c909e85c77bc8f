package org.cordon.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.AccountKey;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;

/**
 * An account's risk now: a calibrated probability that it belongs to the organisation's network,
 * whether that crosses the model's threshold, the tier its flagged posts support, and why.
 *
 * @param reasons the features that raised the score most, strongest first (at most five)
 * @param counterEvidence the features that lowered it most (at most three)
 * @param modelId the model that scored it
 */
public record AccountRisk(
    AccountKey account,
    double probability,
    boolean flagged,
    Optional<Tier> tier,
    List<Contribution> reasons,
    List<Contribution> counterEvidence,
    String modelId) {

  /** The signal kind account-risk explanations carry when handed on as an assessment. */
  public static final String SIGNAL_KIND = "account-risk";

  public AccountRisk {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(modelId, "modelId");
    reasons = List.copyOf(reasons);
    counterEvidence = List.copyOf(counterEvidence);
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability is in [0, 1]: " + probability);
    }
  }

  /** "0.97, official propaganda: flagged_share=0.42 (+2.31) …; follows_risky_share=…" */
  public String summary() {
    StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT, "account risk %.2f", probability));
    tier.ifPresent(t -> s.append(", ").append(t.label()));
    if (!reasons.isEmpty()) {
      s.append(": ");
      for (int i = 0; i < reasons.size(); i++) {
        s.append(i == 0 ? "" : "; ").append(reasons.get(i).describe());
      }
    }
    return s.toString();
  }

  /** The same judgement in the pipeline's shape: one signal per reason, evidence in its map. */
  public Assessment toAssessment(Instant at) {
    List<Signal> signals = new ArrayList<>();
    double total = reasons.stream().mapToDouble(Contribution::contribution).sum();
    for (Contribution c : reasons) {
      double strength = total > 0 ? Math.min(1, Math.max(0, c.contribution() / total)) : 0;
      signals.add(new Signal(account, SIGNAL_KIND, strength, tier, c.describe(), Map.of(
          "feature", c.feature(),
          "value", Double.toString(c.value()),
          "contribution", Double.toString(c.contribution()),
          "evidence", String.join(" ", c.evidence()),
          "model", modelId)));
    }
    return new Assessment(account, probability, flagged, tier, signals, summary(), at);
  }
}
