package org.cordon.lineage.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.lineage.PlatformAccounts;
import tools.jackson.databind.JsonNode;

/**
 * The range's platforms answering username lookups on the replay's clock: a handle names the
 * account the world gave it, gone once its suspension time has passed. Stands in for the platform,
 * like the suspensions the replay takes from {@code truth/accounts.jsonl}; the scoring never reads it.
 *
 * <p>Handles that are account ids (Telegram members without a username) are not answered: a lookup
 * is by the name a person chose.
 */
final class RangePlatformAccounts implements PlatformAccounts {
  private record Holder(AccountKey key, String handle, long suspendedAtMillis) {}

  private final Map<String, Holder> byHandle;
  private long now = Long.MIN_VALUE;

  private RangePlatformAccounts(Map<String, Holder> byHandle) {
    this.byHandle = byHandle;
  }

  static RangePlatformAccounts read(Path world) {
    Map<String, Holder> byHandle = new HashMap<>();
    try (var lines = Files.lines(world.resolve("truth/accounts.jsonl"))) {
      lines.forEach(line -> {
        JsonNode account = WorldEvents.JSON.readTree(line);
        JsonNode handle = account.get("handle");
        JsonNode suspended = account.get("suspended_at");
        if (handle == null || !handle.isString() || suspended == null || suspended.isNull()) {
          return; // a live account: the lookup finds it, and it is no predecessor
        }
        Platform platform = new Platform(account.get("platform").asString());
        String id = account.get("account_id").asString();
        if (handle.asString().isBlank() || handle.asString().equals(id)) {
          return;
        }
        byHandle.put(platform.handleKey(handle.asString()), new Holder(AccountKey.of(platform, id), handle.asString(),
            Instant.parse(suspended.asString()).toEpochMilli()));
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + world.resolve("truth/accounts.jsonl") + ": " + e.getMessage(), e);
    }
    return new RangePlatformAccounts(byHandle);
  }

  /** Moves the platforms' clock: suspensions after it are not yet known to them. */
  void now(long epochMillis) {
    now = epochMillis;
  }

  @Override
  public Optional<GoneAccount> gone(Platform platform, String handle) {
    Holder holder = byHandle.get(platform.handleKey(handle));
    if (holder == null || holder.suspendedAtMillis() > now) {
      return Optional.empty();
    }
    return Optional.of(new GoneAccount(holder.key(), holder.handle(), Instant.ofEpochMilli(holder.suspendedAtMillis())));
  }

}
