package org.cordon.desk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cordon.core.signal.Tier;

/**
 * What the priority of an item is made of.
 *
 * @param risk the assessment's score, in [0, 1]
 * @param followers the account's (or the post author's) followers, 0 when unknown
 * @param spread how often the post was shared or forwarded, 0 for accounts or when unknown
 * @param keyAccountRank in [0, 1], 1 for the account that most underpins its network; empty when not ranked
 * @param returningAccount the account looks like a suspended one come back
 * @param freshRelease the content appeared recently (a new release outranks an old post)
 * @param firstSeen when Cordon first saw the item: the clock starts here
 */
public record PriorityInputs(Optional<Tier> tier, double risk, long followers, long spread, OptionalDouble keyAccountRank,
    boolean returningAccount, boolean freshRelease, Instant firstSeen) {
  public PriorityInputs {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(keyAccountRank, "keyAccountRank");
    Objects.requireNonNull(firstSeen, "firstSeen");
    if (!(risk >= 0 && risk <= 1)) {
      throw new IllegalArgumentException("risk is in [0, 1]: " + risk);
    }
    if (followers < 0 || spread < 0) {
      throw new IllegalArgumentException("followers and spread are counts, not negative");
    }
    if (keyAccountRank.isPresent() && !(keyAccountRank.getAsDouble() >= 0 && keyAccountRank.getAsDouble() <= 1)) {
      throw new IllegalArgumentException("keyAccountRank is in [0, 1]: " + keyAccountRank);
    }
  }
}
