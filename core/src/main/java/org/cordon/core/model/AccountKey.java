package org.cordon.core.model;

import java.util.Objects;

/** Identifies a account by its platform and the platform's own id for it. */
public record AccountKey(Platform platform, String id) implements Subject{
  public AccountKey {
    Objects.requireNonNull(platform, "platform");
    NativeIds.check("account", id);
  }

  public static AccountKey of(Platform platform, String id) {
    return new AccountKey(platform, id);
  }

  @Override
  public String toString() {
    return platform + ":account:" + id;
  }
}
