package org.cordon.lineage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.cordon.core.model.AccountKey;

/**
 * A person's chain of accounts on one platform: the first account, then each account that returned
 * after a suspension, linked with the score and time of the match.
 *
 * @param accounts oldest first (the root, then successors in the order they were linked)
 */
public record Lineage(List<AccountKey> accounts, List<Link> links) {
  public Lineage {
    accounts = List.copyOf(accounts);
    links = List.copyOf(links);
    if (accounts.isEmpty()) {
      throw new IllegalArgumentException("a lineage has at least one account");
    }
  }

  public AccountKey root() {
    return accounts.getFirst();
  }

  public AccountKey newest() {
    return accounts.getLast();
  }

  /** Generations: 1 for an account alone, 3 for an account that returned twice. */
  public int size() {
    return accounts.size();
  }

  public record Link(AccountKey predecessor, AccountKey successor, double score, Instant linkedAt) {
    public Link {
      Objects.requireNonNull(predecessor, "predecessor");
      Objects.requireNonNull(successor, "successor");
      Objects.requireNonNull(linkedAt, "linkedAt");
      if (predecessor.equals(successor)) {
        throw new IllegalArgumentException("an account is not its own predecessor: " + predecessor);
      }
    }
  }
}
