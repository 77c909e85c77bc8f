package org.cordon.lineage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.detect.media.pdq.PdqHash;

/**
 * What a returning-account check knows of one account's profile: its handle, display name, bio,
 * the PDQ hash of its avatar when the picture was fetched and hashed (never its URL, which differs
 * per account on real platforms), and its creation time when the platform tells it.
 */
public record AccountProfile(
    AccountKey key,
    String handle,
    Optional<String> displayName,
    Optional<String> bio,
    Optional<PdqHash> avatar,
    Optional<Instant> createdAt) {

  public AccountProfile {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(bio, "bio");
    Objects.requireNonNull(avatar, "avatar");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The profile of an observed account, with the hash of its avatar if one was made. */
  public static AccountProfile of(Account account, Optional<PdqHash> avatar) {
    return new AccountProfile(account.key(), account.handle(), account.displayName(), account.bio(), avatar,
        account.createdAt());
  }
}
