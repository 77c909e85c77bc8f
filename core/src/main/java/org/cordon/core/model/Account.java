package org.cordon.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An account as a source saw it at one moment. Profiles change; the store keeps the latest view
 * and the evidence keeps every raw payload.
 */
public record Account(
    AccountKey key,
    String handle,
    Optional<String> displayName,
    Optional<String> bio,
    Optional<Instant> createdAt,
    OptionalLong followers,
    OptionalLong following,
    Optional<String> avatarUrl,
    Optional<String> profileUrl,
    List<String> links)
    implements Observed {

  public Account {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(bio, "bio");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(followers, "followers");
    Objects.requireNonNull(following, "following");
    Objects.requireNonNull(avatarUrl, "avatarUrl");
    Objects.requireNonNull(profileUrl, "profileUrl");
    links = List.copyOf(links);
  }

  /** An account known only by id and handle, as when it is seen as the author of a post. */
  public static Account minimal(AccountKey key, String handle) {
    return new Account(key, handle, Optional.empty(), Optional.empty(), Optional.empty(),
        OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  @Override
  public Platform platform() {
    return key.platform();
  }
}
