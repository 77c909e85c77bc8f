package org.cordon.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks the platform about the handles a new account's predecessor plausibly had ({@link
 * HandleProbes}) and returns the gone accounts the suspended index does not hold yet: predecessors
 * that were suspended before they ever posted where Cordon reads. The caller adds each to the
 * {@link SuspendedAccounts} with whatever Cordon observed of it (follows seen in a follower graph)
 * before checking the new account; the matcher then scores them like any other candidate, mostly
 * on the handle, since the platform tells nothing else about a suspended account.
 *
 * <p>A new account's handle is probed once (again if it changes its handle); the answers are not
 * cached across accounts, since a handle free today may be a suspended account's tomorrow.
 */
public final class PredecessorProbe {
  static final int MAX_REMEMBERED = 1_000_000;
  private final PlatformAccounts platform;
  private final SuspendedAccounts suspended;
  /** (account, handle) pairs asked about, oldest dropped first once there are a million. */
  private final Set<String> asked = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
      return size() > MAX_REMEMBERED;
    }
  });
  private final AtomicLong lookups = new AtomicLong();

  public PredecessorProbe(PlatformAccounts platform, SuspendedAccounts suspended) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.suspended = Objects.requireNonNull(suspended, "suspended");
  }

  /** The gone accounts behind the handles derived from {@code account}'s, not yet in the index. */
  public synchronized List<PlatformAccounts.GoneAccount> probe(AccountProfile account) {
    Objects.requireNonNull(account, "account");
    if (!SuspendedAccounts.hasChosenHandle(account.key(), account.handle())) {
      return List.of();
    }
    List<PlatformAccounts.GoneAccount> found = new ArrayList<>();
    for (String handle : HandleProbes.of(account.handle())) {
      if (!asked.add(account.key() + " " + handle.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      if (suspended.byHandle(account.key().platform(), handle).isPresent()) {
        continue; // already known: blocking finds it
      }
      lookups.incrementAndGet();
      Optional<PlatformAccounts.GoneAccount> gone = platform.gone(account.key().platform(), handle);
      gone.filter(g -> g.key().platform().equals(account.key().platform()) && !g.key().equals(account.key())
              && !suspended.contains(g.key()))
          .ifPresent(found::add);
    }
    return List.copyOf(found);
  }

  /** Handles asked about so far (the cost in platform lookups). */
  public long lookups() {
    return lookups.get();
  }
}
