package org.cordon.store;

/**
 * When a write may insert the rows it believes new without {@code ON CONFLICT}, and how often it
 * had to be run again because one was stored after all.
 *
 * <p>Why: {@code INSERT ... ON CONFLICT} is a speculative insertion. Each row probes the arbiter
 * indexes first, takes and releases a speculative-insertion lock, and confirms its heap tuple with
 * a log record of its own. Measured on the triage bench's rows (batches of 350, PostgreSQL 18),
 * that is 4.5 to 6.7 µs a row on top of a plain insert, which checks uniqueness in the index
 * anyway. So a write inserts plainly what it has good reason to think new (see
 * {@code JdbcObservationStore.Inserts}), and a unique violation (a replay, a post another process
 * stored, another writer's row) rolls it back whole, to be run again with {@code ON CONFLICT}.
 *
 * <p>A run of writes that keep meeting stored rows (a re-import of stored input, a replay after a
 * crash) should not pay for every failed attempt: after a failure the next writes go straight to
 * the tolerant form, for a stretch that doubles with each failure in a row, up to
 * {@link #LONGEST_STRETCH}, and is forgotten when an optimistic write succeeds.
 */
final class OptimisticInserts {
  static final int LONGEST_STRETCH = 256;

  private int tolerantWritesLeft;
  private int nextStretch = 1;
  private long redone;

  /** Whether the next write may insert optimistically; a write told no counts against the stretch. */
  synchronized boolean allowed() {
    if (tolerantWritesLeft > 0) {
      tolerantWritesLeft--;
      return false;
    }
    return true;
  }

  synchronized void succeeded() {
    nextStretch = 1;
  }

  /** An optimistic write met a stored row and is run again tolerantly. */
  synchronized void failed() {
    redone++;
    tolerantWritesLeft = nextStretch;
    nextStretch = Math.min(nextStretch * 2, LONGEST_STRETCH);
  }

  /** Writes that were run again, since this store opened. */
  synchronized long redone() {
    return redone;
  }
}
