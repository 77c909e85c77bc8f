package org.cordon.lineage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;

/** Small builders for test profiles. */
final class Profiles {
  static final Instant T0 = Instant.parse("2014-09-01T00:00:00Z");

  private Profiles() {}

  static AccountKey key(String id) {
    return AccountKey.of(Platform.X, id);
  }

  static AccountProfile profile(String id, String handle, String name, String bio, Instant created) {
    return new AccountProfile(key(id), handle, Optional.ofNullable(name), Optional.ofNullable(bio), Optional.empty(),
        Optional.of(created));
  }

  /** Accounts "f0".."f(n-1)" offset by {@code from}: a neighbourhood. */
  static List<AccountKey> follows(int from, int n) {
    return IntStream.range(from, from + n).mapToObj(i -> key("f" + i)).toList();
  }
}
