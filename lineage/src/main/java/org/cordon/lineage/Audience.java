package org.cordon.lineage;

import org.cordon.core.model.AccountKey;

/**
 * How many followers an account has been seen to have. Following a popular account says little
 * about who you are; following an obscure one that your predecessor also followed says a lot.
 */
@FunctionalInterface
public interface Audience {
  int followersSeen(AccountKey account);

  static Audience unknown() {
    return account -> 0;
  }
}
