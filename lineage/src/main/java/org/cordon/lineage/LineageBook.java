package org.cordon.lineage;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.AccountKey;

/**
 * Every lineage: which account replaced which. A successor has one predecessor; a predecessor
 * usually has one successor, but a person who opens two accounts at once gives it two, so a lineage
 * is a small tree read as a list (oldest first).
 */
public final class LineageBook {
  private final Map<AccountKey, Lineage.Link> predecessorLinks = new HashMap<>();
  private final Map<AccountKey, List<AccountKey>> successors = new HashMap<>();

  /**
   * Records that {@code successor} replaced {@code predecessor}.
   *
   * @throws IllegalStateException if the successor already has a predecessor, or the link would make a cycle
   */
  public synchronized Lineage link(AccountKey predecessor, AccountKey successor, double score, Instant at) {
    Lineage.Link link = new Lineage.Link(predecessor, successor, score, at);
    Lineage.Link existing = predecessorLinks.get(successor);
    if (existing != null) {
      throw new IllegalStateException(successor + " already replaced " + existing.predecessor()
          + "; unlink it first to name another predecessor");
    }
    if (rootOf(predecessor).equals(successor)) {
      throw new IllegalStateException("linking " + predecessor + " → " + successor + " would make a cycle");
    }
    predecessorLinks.put(successor, link);
    successors.computeIfAbsent(predecessor, k -> new ArrayList<>(1)).add(successor);
    return lineageOfLocked(successor);
  }

  /** The lineage the account belongs to; a lone account's lineage is just itself. */
  public synchronized Lineage lineageOf(AccountKey account) {
    Objects.requireNonNull(account, "account");
    return lineageOfLocked(account);
  }

  public synchronized Optional<AccountKey> predecessorOf(AccountKey account) {
    return Optional.ofNullable(predecessorLinks.get(account)).map(Lineage.Link::predecessor);
  }

  public synchronized List<AccountKey> successorsOf(AccountKey account) {
    return List.copyOf(successors.getOrDefault(account, List.of()));
  }

  /** Number of links recorded. */
  public synchronized int links() {
    return predecessorLinks.size();
  }

  private AccountKey rootOf(AccountKey account) {
    AccountKey current = account;
    for (Lineage.Link link = predecessorLinks.get(current); link != null; link = predecessorLinks.get(current)) {
      current = link.predecessor();
    }
    return current;
  }

  private Lineage lineageOfLocked(AccountKey account) {
    AccountKey root = rootOf(account);
    List<AccountKey> accounts = new ArrayList<>();
    List<Lineage.Link> links = new ArrayList<>();
    ArrayDeque<AccountKey> queue = new ArrayDeque<>();
    queue.add(root);
    while (!queue.isEmpty()) {
      AccountKey next = queue.poll();
      accounts.add(next);
      for (AccountKey successor : successors.getOrDefault(next, List.of())) {
        links.add(predecessorLinks.get(successor));
        queue.add(successor);
      }
    }
    return new Lineage(accounts, links);
  }
}
