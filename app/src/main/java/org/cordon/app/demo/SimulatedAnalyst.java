package org.cordon.app.demo;

import java.util.List;
import java.util.Optional;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.Actor;
import org.cordon.core.triage.Case;
import org.cordon.core.triage.Decision;

/**
 * The range's stand-in for an analyst, labelled as such in every decision it records: it reads the
 * world's ground truth, as a careful analyst reading the content would, and refers what is
 * extremist and dismisses the rest (the journalists and researchers among them).
 */
public final class SimulatedAnalyst {
  public static final Actor ACTOR = new Actor.SimulatedAnalyst("range-analyst");

  private final GroundTruth truth;

  public SimulatedAnalyst(GroundTruth truth) {
    this.truth = truth;
  }

  /** The decision and its reason for a case. */
  public Verdict judge(Case c) {
    if (!(c.subject() instanceof PostKey post)) {
      return new Verdict(new Decision.Dismiss(), "simulated analyst: account cases are out of scope for the demo");
    }
    Optional<GroundTruth.Label> label = truth.label(post);
    if (label.isEmpty()) {
      return new Verdict(new Decision.Dismiss(), "simulated analyst: post unknown to the world's ground truth");
    }
    if (label.get().extremist()) {
      return new Verdict(new Decision.Refer(category(c.tier())), "simulated analyst: ground truth labels this post extremist");
    }
    return new Verdict(new Decision.Dismiss(), label.get().hardNegative()
        ? "simulated analyst: reporting or counter-speech about the group, not support (hard negative)"
        : "simulated analyst: not extremist per ground truth");
  }

  /** TCO Art. 2(7) grounds, chosen from the tier as an analyst's default. */
  static String category(Optional<Tier> tier) {
    return switch (tier.orElse(Tier.PROMOTIONAL)) {
      case THREAT_TO_LIFE -> "threatens";
      case GRAPHIC_VIOLENCE -> "glorifies";
      case OFFICIAL_PROPAGANDA -> "solicits";
      case PROMOTIONAL -> "glorifies";
    };
  }

  public record Verdict(Decision decision, String reason) {}

  static List<String> categories() {
    return List.of("threatens", "glorifies", "solicits");
  }
}
