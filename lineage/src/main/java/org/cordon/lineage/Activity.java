package org.cordon.lineage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cordon.core.model.AccountKey;

/**
 * What has been observed around a new account so far; it grows in the minutes after creation, and
 * each growth is worth a cheap re-check.
 *
 * @param firstSeen when Cordon first saw the account (bounds its creation when the platform does not say)
 * @param interactedWith accounts it followed, mentioned, replied to or shared (its first ones: a check
 *     compares at most {@value #MAX_COMPARED} of them)
 * @param shoutouts posts by others that announce it
 */
public record Activity(Instant firstSeen, Set<AccountKey> interactedWith, List<Shoutout> shoutouts) {
  /** A new account's first follows say who it is; thousands more say no more and cost time. */
  public static final int MAX_COMPARED = 256;

  public Activity {
    Objects.requireNonNull(firstSeen, "firstSeen");
    interactedWith = Set.copyOf(interactedWith);
    shoutouts = List.copyOf(shoutouts);
  }

  public static Activity firstSeenAt(Instant at) {
    return new Activity(at, Set.of(), List.of());
  }
}
