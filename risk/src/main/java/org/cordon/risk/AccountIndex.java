package org.cordon.risk;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.Optional;
import org.cordon.core.model.AccountKey;

/**
 * Gives every tracked account a dense int id, so that its state can live at that index of
 * primitive arrays. Ids are never reused.
 */
final class AccountIndex {
  static final int ABSENT = -1;

  private final Object2IntOpenHashMap<AccountKey> ids;
  private final ObjectArrayList<AccountKey> keys;
  private final int maxAccounts;

  AccountIndex(int expected, int maxAccounts) {
    this.ids = new Object2IntOpenHashMap<>(expected);
    this.ids.defaultReturnValue(ABSENT);
    this.keys = new ObjectArrayList<>(expected);
    this.maxAccounts = maxAccounts;
  }

  /** The account's id, given a new one on first sight. */
  int idOf(AccountKey key) {
    int id = ids.getInt(key);
    if (id != ABSENT) {
      return id;
    }
    if (keys.size() >= maxAccounts) {
      throw new IllegalStateException("the risk tracker holds its maximum of " + maxAccounts
          + " accounts; raise RiskConfig.maxAccounts or run the tracker per platform");
    }
    id = keys.size();
    ids.put(key, id);
    keys.add(key);
    return id;
  }

  int find(AccountKey key) {
    return ids.getInt(key);
  }

  Optional<Integer> lookup(AccountKey key) {
    int id = ids.getInt(key);
    return id == ABSENT ? Optional.empty() : Optional.of(id);
  }

  AccountKey key(int id) {
    return keys.get(id);
  }

  int size() {
    return keys.size();
  }
}
