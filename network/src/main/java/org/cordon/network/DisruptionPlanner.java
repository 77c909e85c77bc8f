package org.cordon.network;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.cordon.core.model.AccountKey;

/**
 * Chooses the accounts whose removal most reduces reach, and compares the choice with two naive
 * ones in the same run.
 *
 * <p><b>Reach</b> of a set of source accounts (the accounts that spread the material) is the
 * number of accounts that see it within {@code hops} steps along follower links: the remaining
 * sources themselves, their followers, their followers' followers, and so on up to {@code hops}.
 * A removed account neither sees nor passes anything on. The graph given must hold follow edges
 * (u → v: u follows v).
 *
 * <p>The plan is greedy with lazy evaluation (CELF, Leskovec et al. 2007): a candidate's gain is
 * only recomputed when it reaches the top of the queue, and picked only if its fresh gain still
 * beats every stale one. (Reach reduction is not exactly submodular, so this is a heuristic, as
 * greedy removal is for this NP-hard problem.) Only sources and accounts fewer than {@code hops} steps from one can cut a path, so
 * only they are candidates.
 */
public final class DisruptionPlanner {
  private static final int RANDOM_DRAWS = 20;

  private DisruptionPlanner() {}

  /** One choice of accounts and what remains after removing them. */
  public record Removal(String policy, List<AccountKey> accounts, int reachAfter, double reduction) {
    public Removal {
      Objects.requireNonNull(policy, "policy");
      accounts = List.copyOf(accounts);
    }
  }

  /** One greedy pick: the reach it removed beyond the earlier picks. */
  public record Step(AccountKey account, int reachRemoved, String explanation) {}

  public record Plan(int budget, String reachDefinition, int reachBefore, Removal plan, Removal byDegree, Removal random,
      List<Step> steps) {
    public Plan {
      steps = List.copyOf(steps);
    }
  }

  /**
   * Plans the removal of {@code budget} accounts.
   *
   * @param follows a snapshot of follow edges
   * @param sources the accounts that spread the material (absent ones are ignored)
   * @param seed for the random baseline, averaged over several draws
   */
  public static Plan plan(GraphSnapshot follows, Collection<AccountKey> sources, int budget, int hops, long seed) {
    if (budget < 1 || hops < 1) {
      throw new IllegalArgumentException("a disruption plan needs a budget and hops of at least 1: " + budget + ", " + hops);
    }
    int[] sourceNodes = sources.stream().distinct().map(follows::nodeOf)
        .filter(java.util.OptionalInt::isPresent).mapToInt(java.util.OptionalInt::getAsInt).sorted().toArray();
    Reach reach = new Reach(follows.in(), sourceNodes, hops);
    BitSet none = new BitSet();
    int before = reach.count(none);
    String definition = "accounts within " + hops + " follower steps of the " + sourceNodes.length
        + " source accounts (the sources included), removed accounts excluded";

    // Greedy with lazy evaluation.
    int[] candidates = reach.candidates();
    record Entry(int node, int gain, int round) {}
    PriorityQueue<Entry> queue = new PriorityQueue<>(
        Comparator.comparingInt((Entry e) -> -e.gain()).thenComparingInt(Entry::node));
    for (int candidate : candidates) {
      BitSet removed = new BitSet();
      removed.set(candidate);
      queue.add(new Entry(candidate, before - reach.count(removed), 0));
    }
    BitSet chosen = new BitSet();
    int current = before;
    List<Step> steps = new ArrayList<>();
    List<AccountKey> plan = new ArrayList<>();
    int round = 0;
    while (plan.size() < budget && !queue.isEmpty()) {
      Entry top = queue.poll();
      if (top.round() == round) {
        chosen.set(top.node());
        current -= top.gain();
        round++;
        AccountKey account = follows.account(top.node());
        plan.add(account);
        steps.add(new Step(account, top.gain(), String.format(Locale.ROOT,
            "removing %s cuts %d more accounts from the reach (%d left, %.1f %% of %d)", account, top.gain(), current,
            100.0 * current / Math.max(1, before), before)));
      } else {
        chosen.set(top.node());
        int gain = current - reach.count(chosen);
        chosen.clear(top.node());
        queue.add(new Entry(top.node(), gain, round));
      }
    }
    Removal greedy = removal("greedy plan", plan, current, before);

    // Baseline: the highest-degree accounts of the whole graph.
    Csr undirected = follows.undirected();
    int[] byDegree = IntStream.range(0, follows.nodes()).boxed()
        .sorted(Comparator.<Integer>comparingInt(v -> -undirected.degree(v)).thenComparingInt(v -> v))
        .limit(budget).mapToInt(Integer::intValue).toArray();
    BitSet degreeSet = new BitSet();
    Arrays.stream(byDegree).forEach(degreeSet::set);
    Removal degree = removal("top " + budget + " by degree", Arrays.stream(byDegree).mapToObj(follows::account).toList(),
        reach.count(degreeSet), before);

    // Baseline: random sources, the naive policy of taking down whichever spreaders one sees.
    SplittableRandom random = new SplittableRandom(seed);
    long sum = 0;
    List<AccountKey> lastDraw = List.of();
    for (int draw = 0; draw < RANDOM_DRAWS; draw++) {
      int[] pool = sourceNodes.clone();
      int take = Math.min(budget, pool.length);
      BitSet removed = new BitSet();
      List<AccountKey> accounts = new ArrayList<>();
      for (int i = 0; i < take; i++) {
        int j = i + random.nextInt(pool.length - i);
        int swap = pool[i];
        pool[i] = pool[j];
        pool[j] = swap;
        removed.set(pool[i]);
        accounts.add(follows.account(pool[i]));
      }
      sum += reach.count(removed);
      lastDraw = accounts;
    }
    int randomAfter = (int) Math.round((double) sum / RANDOM_DRAWS);
    Removal randomRemoval = removal("random " + budget + " sources (mean of " + RANDOM_DRAWS + " draws; accounts of the last)",
        lastDraw, randomAfter, before);
    return new Plan(budget, definition, before, greedy, degree, randomRemoval, steps);
  }

  private static Removal removal(String policy, List<AccountKey> accounts, int after, int before) {
    return new Removal(policy, accounts, after, before == 0 ? 0 : 1.0 - (double) after / before);
  }

  /** Breadth-first reach along follower links, reusing its arrays between evaluations. */
  private static final class Reach {
    private final Csr followers;
    private final int[] sources;
    private final int hops;
    private final int[] seenAt;
    private int stamp;
    private final IntArrayList frontier = new IntArrayList();
    private final IntArrayList next = new IntArrayList();

    Reach(Csr followers, int[] sources, int hops) {
      this.followers = followers;
      this.sources = sources;
      this.hops = hops;
      this.seenAt = new int[followers.nodes];
    }

    int count(BitSet removed) {
      stamp++;
      frontier.clear();
      int count = 0;
      for (int s : sources) {
        if (!removed.get(s) && seenAt[s] != stamp) {
          seenAt[s] = stamp;
          frontier.add(s);
          count++;
        }
      }
      for (int step = 0; step < hops && !frontier.isEmpty(); step++) {
        next.clear();
        for (int i = 0; i < frontier.size(); i++) {
          int u = frontier.getInt(i);
          for (int e = followers.offsets[u]; e < followers.offsets[u + 1]; e++) {
            int v = followers.targets[e];
            if (seenAt[v] != stamp && !removed.get(v)) {
              seenAt[v] = stamp;
              next.add(v);
              count++;
            }
          }
        }
        frontier.clear();
        frontier.addAll(next);
      }
      return count;
    }

    /** Sources and the accounts fewer than {@code hops} steps from them: the only ones that can cut a path. */
    int[] candidates() {
      stamp++;
      IntArrayList result = new IntArrayList();
      frontier.clear();
      for (int s : sources) {
        if (seenAt[s] != stamp) {
          seenAt[s] = stamp;
          frontier.add(s);
          result.add(s);
        }
      }
      for (int step = 0; step < hops - 1 && !frontier.isEmpty(); step++) {
        next.clear();
        for (int i = 0; i < frontier.size(); i++) {
          int u = frontier.getInt(i);
          for (int e = followers.offsets[u]; e < followers.offsets[u + 1]; e++) {
            int v = followers.targets[e];
            if (seenAt[v] != stamp) {
              seenAt[v] = stamp;
              next.add(v);
              result.add(v);
            }
          }
        }
        frontier.clear();
        frontier.addAll(next);
      }
      return result.toIntArray();
    }
  }
}
