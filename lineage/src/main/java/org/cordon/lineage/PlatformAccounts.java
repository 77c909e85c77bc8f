package org.cordon.lineage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;

/**
 * A platform's answer to "who is @handle?" (a username lookup: X's users-by-username, Mastodon's
 * account lookup), as far as returning accounts need it: whether the account that held the handle
 * is suspended or removed.
 *
 * <p>Cordon asks it about the handles a new account's predecessor plausibly had ({@link HandleProbes}):
 * a predecessor that was suspended before it ever posted where Cordon reads is otherwise unknown.
 */
@FunctionalInterface
public interface PlatformAccounts {

  /**
   * The suspended or removed account that holds {@code handle} on {@code platform}; empty when the
   * handle is free, names a live account, or the platform cannot say.
   */
  Optional<GoneAccount> gone(Platform platform, String handle);

  /** A platform nobody can ask (no connector offers a lookup): nothing is ever found. */
  static PlatformAccounts none() {
    return (platform, handle) -> Optional.empty();
  }

  /**
   * A gone account as the platform names it.
   *
   * @param since when it was suspended or removed; a platform that does not say gives the time of the
   *     lookup, which is later than any new account already seen, so such an account is never taken for
   *     the predecessor of an account created before it was found gone (the matcher's order rule)
   */
  record GoneAccount(AccountKey key, String handle, Instant since) {
    public GoneAccount {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(handle, "handle");
      Objects.requireNonNull(since, "since");
    }
  }
}
