package org.cordon.app.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Post;

/**
 * The posts and new accounts that concurrent writers are storing right now, each held by one
 * writer until its transaction ends.
 *
 * <p>When two open transactions insert the same key, PostgreSQL makes the second wait until the
 * first ends, since only then does it know whether the key is taken. The same post reaches two
 * writers at once often: X delivers a tweet in two formats, read at the same time, and reposts
 * carry their originals. A new account does too, since its first posts come in a burst. On the
 * triage bench a writer's backend spent as many samples waiting for the other writer's
 * transaction as working.
 *
 * <p>A writer therefore hands each batch to {@link #hold} first. The records none of whose keys
 * another writer holds are held for it and written now. The others are deferred, to go into the
 * writer's next batch, when the other writer will have committed. Nothing is dropped and every
 * insert is still the store's own, with its conflict rule, so what is stored is what some serial
 * order of the same writes would store.
 *
 * <p>Accounts are stored once and never updated, so an account a committed write stored is not
 * held again ({@link #release} with {@code committed}); without that every batch would meet the
 * busiest authors of the other writer's batch. That memory is bounded like the store's own: past
 * {@link #STORED_ACCOUNTS_LIMIT} it starts again, and a forgotten account is only held once more.
 *
 * <p>A writer must {@link #release} what it holds when its transaction ends, committed or not, and
 * must not wait for another writer while it holds anything: {@link #holdWaiting} is for a writer
 * that holds nothing, at the end of a run.
 */
public final class KeysInFlight {
  static final int STORED_ACCOUNTS_LIMIT = 200_000;

  /** Post and account keys (the two key types never equal each other) and the writer holding each. */
  private final Map<Object, Object> holders = new HashMap<>();
  private final Set<AccountKey> storedAccounts = new HashSet<>();

  /**
   * What a writer may write now and what waits for its next batch.
   *
   * @param now the items whose records' keys are held for this writer now
   * @param deferred the items with a key another writer holds, in their order
   * @param held the keys held for this writer: {@link #release} them when the transaction ends
   */
  public record Split<T>(List<T> now, List<T> deferred, Set<Object> held) {
    public Split {
      now = List.copyOf(now);
      deferred = List.copyOf(deferred);
      held = Set.copyOf(held);
    }
  }

  /**
   * Holds, for {@code writer}, the keys of every record none of whose keys another writer holds.
   * Items of one record go together, whichever way.
   *
   * @param record the record an item writes
   */
  public synchronized <T> Split<T> hold(Object writer, List<T> items, Function<T, ParsedRecord> record) {
    Objects.requireNonNull(writer, "writer");
    Map<ParsedRecord, Boolean> writable = new IdentityHashMap<>();
    Set<Object> held = new HashSet<>();
    List<T> now = new ArrayList<>();
    List<T> deferred = new ArrayList<>();
    List<Object> keys = new ArrayList<>();
    for (T item : items) {
      Boolean mayWrite = writable.computeIfAbsent(record.apply(item), r -> {
        keys.clear();
        for (Observed o : r.items()) {
          switch (o) {
            case Post p -> keys.add(p.key());
            case Account a when !storedAccounts.contains(a.key()) -> keys.add(a.key());
            default -> {}
          }
        }
        for (Object key : keys) {
          Object holder = holders.get(key);
          if (holder != null && holder != writer) {
            return false;
          }
        }
        for (Object key : keys) {
          if (holders.putIfAbsent(key, writer) == null) {
            held.add(key);
          }
        }
        return true;
      });
      (mayWrite ? now : deferred).add(item);
    }
    return new Split<>(now, deferred, held);
  }

  /**
   * As {@link #hold}, but waits until at least one item can be written, if any: for a writer that
   * holds nothing and has nothing else to write.
   */
  public synchronized <T> Split<T> holdWaiting(Object writer, List<T> items, Function<T, ParsedRecord> record) throws InterruptedException {
    while (true) {
      Split<T> split = hold(writer, items, record);
      if (!split.now().isEmpty() || items.isEmpty()) {
        return split;
      }
      wait();
    }
  }

  /**
   * Lets other writers have these keys: the writer's transaction has ended.
   *
   * @param committed whether it committed: its accounts are stored then, and never held again
   */
  public synchronized void release(Object writer, Set<Object> keys, boolean committed) {
    if (committed && storedAccounts.size() + keys.size() > STORED_ACCOUNTS_LIMIT) {
      storedAccounts.clear();
    }
    for (Object key : keys) {
      if (holders.remove(key, writer) && committed && key instanceof AccountKey account) {
        storedAccounts.add(account);
      }
    }
    notifyAll();
  }

  /** How many keys are held now, by all writers. */
  public synchronized int size() {
    return holders.size();
  }
}
