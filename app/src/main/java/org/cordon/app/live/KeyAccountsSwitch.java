package org.cordon.app.live;

import java.util.Objects;
import java.util.OptionalDouble;
import org.cordon.core.model.AccountKey;
import org.cordon.desk.KeyAccounts;

/**
 * The desk's view of network analysis, which the desk is given when it opens and the live pipeline
 * fills in later (the desk opens first, on the runtime's database). Knows nothing until then.
 */
public final class KeyAccountsSwitch implements KeyAccounts {
  private volatile KeyAccounts current = KeyAccounts.NONE;

  public void use(KeyAccounts keyAccounts) {
    this.current = Objects.requireNonNull(keyAccounts, "keyAccounts");
  }

  @Override
  public OptionalDouble rank(AccountKey account) {
    return current.rank(account);
  }

  @Override
  public boolean returning(AccountKey account) {
    return current.returning(account);
  }
}
