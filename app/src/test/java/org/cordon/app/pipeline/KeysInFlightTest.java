package org.cordon.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.junit.jupiter.api.Test;

class KeysInFlightTest {
  private static final Function<ParsedRecord, ParsedRecord> SELF = r -> r;
  private static final Object WRITER_A = "a";
  private static final Object WRITER_B = "b";

  private static Post post(String id) {
    return new Post(PostKey.of(Platform.X, id), AccountKey.of(Platform.X, "9"), Instant.parse("2014-09-02T00:00:00Z"), "lorem " + id,
        Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  private static int line = 0;

  /** A record of these posts (a repost carries its original: two posts in one record). */
  private static ParsedRecord record(String... ids) {
    List<Observed> items = new ArrayList<>();
    for (String id : ids) {
      items.add(post(id));
    }
    return new ParsedRecord(new SourcePosition("x/v1/2014-09-02.jsonl", ++line, 0), String.join(",", ids).getBytes(StandardCharsets.UTF_8),
        items);
  }

  @Test
  void recordsNoOtherWriterHoldsAreWrittenNowAndTheirPostsHeld() {
    KeysInFlight inFlight = new KeysInFlight();
    ParsedRecord repost = record("2", "1");

    KeysInFlight.Split<ParsedRecord> split = inFlight.hold(WRITER_A, List.of(record("1"), repost), SELF);

    assertThat(split.now()).hasSize(2);
    assertThat(split.deferred()).isEmpty();
    assertThat(split.held()).containsExactlyInAnyOrder(PostKey.of(Platform.X, "1"), PostKey.of(Platform.X, "2"));
  }

  @Test
  void aRecordCarryingAPostAnotherWriterHoldsIsDeferredWholeUntilItsRelease() {
    KeysInFlight inFlight = new KeysInFlight();
    KeysInFlight.Split<ParsedRecord> a = inFlight.hold(WRITER_A, List.of(record("1")), SELF);
    ParsedRecord repost = record("2", "1");
    ParsedRecord other = record("3");

    KeysInFlight.Split<ParsedRecord> b = inFlight.hold(WRITER_B, List.of(repost, other), SELF);

    assertThat(b.now()).containsExactly(other);
    assertThat(b.deferred()).containsExactly(repost);
    assertThat(b.held()).as("a deferred record holds none of its posts, not even the free one").containsExactly(PostKey.of(Platform.X, "3"));

    inFlight.release(WRITER_A, a.held(), true);
    KeysInFlight.Split<ParsedRecord> next = inFlight.hold(WRITER_B, b.deferred(), SELF);
    assertThat(next.now()).containsExactly(repost);
  }

  @Test
  void aWriterIsNeverHeldUpByItsOwnPostsAndItemsOfOneRecordGoTogether() {
    KeysInFlight inFlight = new KeysInFlight();
    inFlight.hold(WRITER_A, List.of(record("1")), SELF);
    ParsedRecord shared = record("1", "4");
    record Delivery(ParsedRecord record, String flaggedPost) {}
    List<Delivery> deliveries = List.of(new Delivery(shared, "1"), new Delivery(shared, "4"), new Delivery(record("5"), "5"));

    KeysInFlight.Split<Delivery> mine = inFlight.hold(WRITER_A, deliveries, Delivery::record);
    assertThat(mine.now()).hasSize(3);

    KeysInFlight.Split<Delivery> theirs = inFlight.hold(WRITER_B, deliveries, Delivery::record);
    assertThat(theirs.now()).isEmpty();
    assertThat(theirs.deferred()).as("both deliveries of the shared record wait, in order").containsExactlyElementsOf(deliveries);
  }

  /** A post by a new account, as a record gives it: the post and its author's profile. */
  private static ParsedRecord byAccount(String postId, String accountId) {
    AccountKey author = AccountKey.of(Platform.X, accountId);
    Post post = new Post(PostKey.of(Platform.X, postId), author, Instant.parse("2014-09-02T00:00:00Z"), "lorem", Optional.empty(),
        Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of());
    return new ParsedRecord(new SourcePosition("x/v2/2014-09-02.jsonl", ++line, 0), postId.getBytes(StandardCharsets.UTF_8),
        List.of(post, Account.minimal(author, "handle" + accountId)));
  }

  @Test
  void aNewAccountIsHeldLikeAPostUntilACommittedWriteHasStoredIt() {
    KeysInFlight inFlight = new KeysInFlight();
    KeysInFlight.Split<ParsedRecord> a = inFlight.hold(WRITER_A, List.of(byAccount("1", "77")), SELF);
    assertThat(a.held()).contains(AccountKey.of(Platform.X, "77"));

    ParsedRecord sameAuthor = byAccount("2", "77");
    assertThat(inFlight.hold(WRITER_B, List.of(sameAuthor), SELF).deferred()).containsExactly(sameAuthor);

    inFlight.release(WRITER_A, a.held(), true);
    inFlight.hold(WRITER_A, List.of(byAccount("3", "77")), SELF);
    KeysInFlight.Split<ParsedRecord> b = inFlight.hold(WRITER_B, List.of(sameAuthor), SELF);
    assertThat(b.now()).as("stored: a write of it only finds it, so nobody holds it").containsExactly(sameAuthor);
    assertThat(b.held()).containsExactly(PostKey.of(Platform.X, "2"));
  }

  @Test
  void anAccountOfAWriteThatDidNotCommitIsHeldAgain() {
    KeysInFlight inFlight = new KeysInFlight();
    KeysInFlight.Split<ParsedRecord> a = inFlight.hold(WRITER_A, List.of(byAccount("1", "77")), SELF);
    inFlight.release(WRITER_A, a.held(), false);

    inFlight.hold(WRITER_A, List.of(byAccount("3", "77")), SELF);

    ParsedRecord sameAuthor = byAccount("2", "77");
    assertThat(inFlight.hold(WRITER_B, List.of(sameAuthor), SELF).deferred()).containsExactly(sameAuthor);
  }

  @Test
  void releaseLetsGoOnlyTheWritersOwnHold() {
    KeysInFlight inFlight = new KeysInFlight();
    KeysInFlight.Split<ParsedRecord> a = inFlight.hold(WRITER_A, List.of(record("1")), SELF);

    inFlight.release(WRITER_B, a.held(), true);

    assertThat(inFlight.size()).isEqualTo(1);
    assertThat(inFlight.hold(WRITER_B, List.of(record("1")), SELF).now()).isEmpty();
  }

  @Test
  void aWriterWithNothingElseToDoWaitsForTheOtherWritersRelease() throws Exception {
    KeysInFlight inFlight = new KeysInFlight();
    KeysInFlight.Split<ParsedRecord> a = inFlight.hold(WRITER_A, List.of(record("1")), SELF);
    ParsedRecord waiting = record("1");
    AtomicReference<KeysInFlight.Split<ParsedRecord>> got = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Thread b = Thread.ofPlatform().start(() -> {
      try {
        got.set(inFlight.holdWaiting(WRITER_B, List.of(waiting), SELF));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      done.countDown();
    });

    assertThat(done.await(200, TimeUnit.MILLISECONDS)).as("still held by A").isFalse();
    inFlight.release(WRITER_A, a.held(), true);
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    b.join();
    assertThat(got.get().now()).containsExactly(waiting);
    assertThat(got.get().held()).containsExactly(PostKey.of(Platform.X, "1"));
  }

  /** Four writers over overlapping batches: no post is ever written by two at once, and every record is written exactly once. */
  @Test
  void concurrentWritersNeverWriteOnePostAtOnceAndLoseNothing() throws Exception {
    KeysInFlight inFlight = new KeysInFlight();
    List<ParsedRecord> all = new ArrayList<>();
    for (int i = 0; i < 4_000; i++) {
      // reposts of a few popular originals, so the writers meet often
      all.add(record(Integer.toString(1_000 + i), Integer.toString(i % 37)));
    }
    Set<Object> writing = ConcurrentHashMap.newKeySet();
    List<ParsedRecord> written = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<String> clash = new AtomicReference<>();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      Object writer = "w" + w;
      List<ParsedRecord> mine = new ArrayList<>();
      for (int i = w; i < all.size(); i += 4) {
        mine.add(all.get(i));
      }
      writers.add(Thread.ofPlatform().start(() -> {
        try {
          List<ParsedRecord> carried = List.of();
          for (int from = 0; from < mine.size() || !carried.isEmpty(); from += 50) {
            List<ParsedRecord> batch = new ArrayList<>(carried);
            batch.addAll(mine.subList(Math.min(from, mine.size()), Math.min(from + 50, mine.size())));
            KeysInFlight.Split<ParsedRecord> split = from < mine.size() ? inFlight.hold(writer, batch, SELF)
                : inFlight.holdWaiting(writer, batch, SELF);
            for (Object key : split.held()) {
              if (!writing.add(key)) {
                clash.set("two writers at once on " + key);
              }
            }
            written.addAll(split.now());
            Thread.onSpinWait();
            writing.removeAll(split.held());
            inFlight.release(writer, split.held(), true);
            carried = split.deferred();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
    }
    for (Thread t : writers) {
      t.join(TimeUnit.SECONDS.toMillis(30));
    }

    assertThat(clash.get()).isNull();
    assertThat(written).hasSize(all.size());
    assertThat(Set.copyOf(written)).hasSize(all.size());
    assertThat(inFlight.size()).as("everything released").isZero();
  }
}
