package org.cordon.desk;

import java.util.OptionalDouble;
import org.cordon.core.model.AccountKey;

/** What network analysis knows of an account, for priority. A port: the app wires the network module; {@link #NONE} knows nothing. */
public interface KeyAccounts {
  KeyAccounts NONE = new KeyAccounts() {
    @Override
    public OptionalDouble rank(AccountKey account) {
      return OptionalDouble.empty();
    }

    @Override
    public boolean returning(AccountKey account) {
      return false;
    }
  };

  /** In [0, 1]: 1 for the account that most underpins its network. */
  OptionalDouble rank(AccountKey account);

  /** Whether the account looks like a suspended one come back under a new handle. */
  boolean returning(AccountKey account);
}
