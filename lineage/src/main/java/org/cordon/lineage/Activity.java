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
 * @param chats the group chats it wrote in (a messenger shows no follows: the groups a member writes
 *     in are its neighbourhood, and a returner goes back to the same groups). Pass the chats of a
 *     suspended account with its neighbourhood to {@link SuspendedAccounts#add}.
 * @param hashtags the hashtags of its first posts (its writing: a returner keeps its slogans), any case
 */
public record Activity(Instant firstSeen, Set<AccountKey> interactedWith, List<Shoutout> shoutouts, Set<AccountKey> chats,
    Set<String> hashtags) {
  /** A new account's first follows say who it is; thousands more say no more and cost time. */
  public static final int MAX_COMPARED = 256;

  public Activity {
    Objects.requireNonNull(firstSeen, "firstSeen");
    interactedWith = Set.copyOf(interactedWith);
    shoutouts = List.copyOf(shoutouts);
    chats = Set.copyOf(chats);
    hashtags = Set.copyOf(hashtags);
  }

  /** Activity on a platform without group chats. */
  public Activity(Instant firstSeen, Set<AccountKey> interactedWith, List<Shoutout> shoutouts) {
    this(firstSeen, interactedWith, shoutouts, Set.of(), Set.of());
  }

  public static Activity firstSeenAt(Instant at) {
    return new Activity(at, Set.of(), List.of(), Set.of(), Set.of());
  }
}
