package org.cordon.app.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Post;
import org.cordon.core.signal.Assessment;
import org.cordon.risk.AccountRisk;
import org.cordon.risk.AccountRiskModel;
import org.cordon.risk.AccountRiskTracker;

/**
 * Account risk as the live pipeline keeps it: every assessed post and every interaction updates the
 * tracker at once; {@link #dueForCases} says which accounts now cross the model's threshold. Posts
 * touch only their author, so between propagations only touched accounts are re-scored; after a
 * propagation (which changes every account's neighbourhood figures) all of them are.
 */
final class AccountRisks {
  /** A flagged account's case is re-written when its probability moved at least this much. */
  static final double MATERIAL_CHANGE = 0.01;

  private final AccountRiskTracker tracker;
  private final AccountRiskModel model;
  private final Set<AccountKey> touched = new HashSet<>();
  /** The probability each flagged account's case last carried; only flagged accounts are kept. */
  private final Map<AccountKey, Double> caseProbability = new HashMap<>();

  AccountRisks(AccountRiskTracker tracker, AccountRiskModel model) {
    this.tracker = tracker;
    this.model = model;
  }

  AccountRiskModel model() {
    return model;
  }

  AccountRiskTracker tracker() {
    return tracker;
  }

  synchronized void observe(Post post, Assessment assessment) {
    try {
      if (tracker.observe(post, assessment)) {
        touched.add(post.author());
      }
    } catch (IllegalArgumentException e) {
      // counted by the tracker as rejected (a broken clock, a foreign assessment); the post still stands
    }
  }

  /** A post read back from the store at start-up. */
  synchronized void observe(StoredHistory.AssessedPost post) {
    try {
      if (tracker.observePost(post.author(), post.postedAt(), post.assessment(), post.hashtags())) {
        touched.add(post.author());
      }
    } catch (IllegalArgumentException e) {
      // counted by the tracker as rejected
    }
  }

  /** The unit knows the account belongs to the network (a platform removed it at the unit's request). */
  synchronized void confirmed(AccountKey account) {
    tracker.mark(account, org.cordon.risk.AccountStatus.CONFIRMED);
    touched.add(account);
  }

  synchronized void observe(Interaction interaction) {
    if (tracker.observe(interaction)) {
      touched.add(interaction.from());
    }
  }

  /** Spreads riskiness over the edges; every account is re-scored at the next {@link #dueForCases}. */
  synchronized void propagate() {
    tracker.propagate();
    tracker.forEachAccount(touched::add);
  }

  /**
   * The accounts whose risk crosses the threshold and whose case should be opened or updated: newly
   * flagged, or flagged with a probability that moved. Each is returned with its explanation.
   */
  synchronized List<AccountRisk> dueForCases() {
    List<AccountRisk> due = new ArrayList<>();
    for (AccountKey account : touched) {
      double p = tracker.probability(account, model);
      if (Double.isNaN(p) || p < model.threshold()) {
        continue;
      }
      Double last = caseProbability.get(account);
      if (last == null || Math.abs(last - p) >= MATERIAL_CHANGE) {
        tracker.assess(account, model).ifPresent(due::add);
      }
    }
    touched.clear();
    return due;
  }

  /** Records the probability the account's case now carries. */
  synchronized void caseWritten(AccountKey account, double probability) {
    caseProbability.put(account, probability);
  }

  /** The account's risk now, explained; empty for an account never seen. */
  Optional<AccountRisk> assess(AccountKey account) {
    return tracker.assess(account, model);
  }
}
