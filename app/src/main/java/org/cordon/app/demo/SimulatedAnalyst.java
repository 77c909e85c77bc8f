package org.cordon.app.demo;

import java.util.Optional;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.Case;
import org.cordon.desk.Category;
import org.cordon.desk.DecisionDraft;
import org.cordon.desk.DecisionKind;
import org.cordon.desk.DeskUser;
import org.cordon.desk.RequestType;

/**
 * The range's stand-in for an analyst, labelled as such in every decision it records: it reads the
 * world's ground truth, as a careful analyst reading the content would, and refers what is
 * extremist and dismisses the rest (the journalists and researchers among them). It decides at the
 * desk like anyone else: its referrals of posts are voluntary referrals, which the desk's default
 * policy lets out on one person's decision.
 */
public final class SimulatedAnalyst {
  /** The desk user it decides as; the name says it is simulated. */
  public static final DeskUser USER = DeskUser.analyst("simulated:range-analyst");

  private final GroundTruth truth;

  public SimulatedAnalyst(GroundTruth truth) {
    this.truth = truth;
  }

  /** The decision on a case, with its reason as the note. */
  public DecisionDraft judge(Case c) {
    if (!(c.subject() instanceof PostKey post)) {
      return DecisionDraft.of(c.id(), DecisionKind.DISMISS, "simulated analyst: account cases are out of scope for the demo");
    }
    Optional<GroundTruth.Label> label = truth.label(post);
    if (label.isEmpty()) {
      return DecisionDraft.of(c.id(), DecisionKind.DISMISS, "simulated analyst: post unknown to the world's ground truth");
    }
    if (label.get().extremist()) {
      return DecisionDraft.refer(c.id(), RequestType.REFERRAL, category(c.tier()), c.tier(),
          "simulated analyst: ground truth labels this post extremist");
    }
    return DecisionDraft.of(c.id(), DecisionKind.DISMISS, label.get().hardNegative()
        ? "simulated analyst: reporting or counter-speech about the group, not support (hard negative)"
        : "simulated analyst: not extremist per ground truth");
  }

  /** TCO Art. 2(7) grounds, chosen from the tier as an analyst's default. */
  static Category category(Optional<Tier> tier) {
    return switch (tier.orElse(Tier.PROMOTIONAL)) {
      case THREAT_TO_LIFE -> Category.THREATENS;
      case GRAPHIC_VIOLENCE -> Category.GLORIFIES;
      case OFFICIAL_PROPAGANDA -> Category.SOLICITS;
      case PROMOTIONAL -> Category.GLORIFIES;
    };
  }
}
