package org.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.model.Account;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.port.ObservationStore;
import org.cordon.core.port.ObservationStore.WriteCounts;
import org.cordon.core.signal.Assessment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes that insert the rows they take for new without {@code ON CONFLICT}, and run again with it
 * when one was stored after all (see {@link OptimisticInserts}). Each test opens its own stores, so
 * the count of writes run again is its own.
 */
class OptimisticWriteTest extends DatabaseTestBase {
  private Stores own;
  private ObservationStore observations;
  private Platform platform;

  @BeforeEach
  void ownStores() {
    own = Stores.open(database, evidenceDirectory);
    observations = own.observations();
    platform = SharedDatabase.freshPlatform();
  }

  private long rows(String table) throws SQLException {
    return count("SELECT count(*) FROM " + table + " WHERE platform = ?", platform.name());
  }

  /** A post with everything a post carries: author, media, a mention, a reply and a share. */
  private ParsedRecord fullRecord(String file, long index, Post post) {
    Media image = Fixtures.media(platform, "img-" + post.key().id());
    Post withMedia = new Post(post.key(), post.author(), post.postedAt(), post.text(), post.language(), post.url(), List.of(image.key()),
        post.hashtags(), post.mentions(), post.links(), post.references());
    Post parent = Fixtures.post(platform, "parent-of-" + post.key().id(), "z", post.postedAt().minusSeconds(60));
    return Fixtures.record(file, index, withMedia, image, Account.minimal(post.author(), "handle_" + post.author().id()),
        new Interaction.Mention(post.author(), "someone", Optional.empty(), post.key(), post.postedAt()),
        new Interaction.Reply(post.author(), Optional.empty(), post.key(), parent.key(), post.postedAt()),
        new Interaction.Share(post.author(), Interaction.Share.Kind.QUOTE, post.key(), Optional.of(parent.key()), Optional.empty(),
            Optional.empty(), post.postedAt()));
  }

  @Test
  void aWriteOfNewRowsStoresEverythingAtTheFirstAttempt() throws SQLException {
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    Post b = Fixtures.post(platform, "b", "y", Fixtures.T0.plusSeconds(1));

    WriteCounts counts = observations.writeAssessed("src", List.of(fullRecord("f", 1, a), fullRecord("f", 2, b)),
        List.of(Fixtures.assessment(a.key(), 0.9, Fixtures.T0), Fixtures.assessment(b.key(), 0.8, Fixtures.T0)));

    assertThat(own.observationWritesRedone()).isZero();
    assertThat(counts.newPosts()).isEqualTo(2);
    assertThat(rows("posts")).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM post_media m JOIN posts p ON p.id = m.post_id WHERE p.platform = ?", platform.name())).isEqualTo(2);
    assertThat(rows("mentions")).isEqualTo(2);
    assertThat(rows("replies")).isEqualTo(2);
    assertThat(rows("shares")).isEqualTo(2);
    assertThat(rows("assessments")).isEqualTo(2);
    // per record: the post, its account and its media item (stored by this write); the interactions ride on the post's link
    assertThat(rows("raw_payloads")).isEqualTo(6);
  }

  @Test
  void aReplayedWriteIsRunAgainTheTolerantWayAndStoresNothingTwice() throws SQLException {
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    List<ParsedRecord> records = List.of(fullRecord("f", 1, a));
    List<Assessment> assessments = List.of(Fixtures.assessment(a.key(), 0.9, Fixtures.T0));
    WriteCounts first = observations.writeAssessed("src", records, assessments);
    long[] before = {rows("posts"), rows("mentions"), rows("replies"), rows("shares"), rows("assessments"), rows("raw_payloads")};

    WriteCounts replay = observations.writeAssessed("src", records, assessments);

    assertThat(own.observationWritesRedone()).as("the payload's links were stored: the optimistic attempt failed").isEqualTo(1);
    assertThat(replay).isEqualTo(new WriteCounts(0, first.newPosts(), 0, first.newOther() + first.duplicateOther()));
    assertThat(new long[] {rows("posts"), rows("mentions"), rows("replies"), rows("shares"), rows("assessments"), rows("raw_payloads")})
        .containsExactly(before);
  }

  @Test
  void aPostAnotherStoreWroteIsNotKnownHereAndFoundStoredWhenTheWriteRunsAgain() throws SQLException {
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    stores.observations().writeAssessed("src", List.of(fullRecord("f", 1, a)), List.of(Fixtures.assessment(a.key(), 0.9, Fixtures.T0)));
    long links = rows("raw_payloads");

    WriteCounts counts = observations.writeAssessed("src", List.of(fullRecord("g", 1, a)), List.of(Fixtures.assessment(a.key(), 0.9, Fixtures.T0)));

    assertThat(own.observationWritesRedone()).as("inserted plainly, the post was stored").isEqualTo(1);
    assertThat(counts.newPosts()).isZero();
    assertThat(counts.duplicatePosts()).isEqualTo(1);
    assertThat(rows("posts")).isEqualTo(1);
    assertThat(rows("assessments")).isEqualTo(1);
    assertThat(rows("raw_payloads")).as("the post linked to the second payload too").isEqualTo(links + 1);

    // the write after a redo goes the tolerant way (OptimisticInserts); the one after that tries again
    observations.writeAssessed("src", List.of(Fixtures.record("f", 9, Fixtures.post(platform, "b", "y", Fixtures.T0))), List.of());
    WriteCounts again = observations.writeAssessed("src", List.of(fullRecord("h", 1, a)), List.of());
    assertThat(again.duplicatePosts()).isEqualTo(1);
    assertThat(own.observationWritesRedone()).as("known stored now: left out, nothing to run again").isEqualTo(1);
  }

  @Test
  void aRedoneWriteOfTheInboxPathPutsEachNewPostInTheInboxOnce() throws SQLException {
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    ParsedRecord first = Fixtures.record("f", 1, a);
    stores.observations().write("src", List.of(first));
    Post b = Fixtures.post(platform, "b", "y", Fixtures.T0.plusSeconds(1));

    // the first record replayed (its link stored, so the optimistic attempt fails) with a new post
    WriteCounts counts = observations.write("src", List.of(first, Fixtures.record("f", 2, b)));

    assertThat(own.observationWritesRedone()).isEqualTo(1);
    assertThat(counts.newPosts()).isEqualTo(1);
    assertThat(counts.duplicatePosts()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM post_inbox i JOIN posts p ON p.id = i.post_id WHERE p.platform = ?", platform.name()))
        .as("a waiting, b entered once, by the write that was run again").isEqualTo(2);
    assertThat(own.inbox().unassessed(100_000).stream().filter(c -> c.post().platform().equals(platform)).map(c -> c.post().key()))
        .containsExactly(a.key(), b.key());
  }

  @Test
  void aMentionStoredBeforeItsPostIsFoundWhenThePostComes() throws SQLException {
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    Interaction.Mention mention = new Interaction.Mention(a.author(), "someone", Optional.empty(), a.key(), a.postedAt());
    // a record that carries the mention without its post: the mention is stored, the post is not
    observations.writeAssessed("src", List.of(Fixtures.record("f", 1, mention)), List.of());
    assertThat(rows("posts")).isZero();

    WriteCounts counts = observations.writeAssessed("src", List.of(Fixtures.record("f", 2, a, mention)),
        List.of(Fixtures.assessment(a.key(), 0.9, Fixtures.T0)));

    assertThat(own.observationWritesRedone()).as("the new post's mention was stored already").isEqualTo(1);
    assertThat(counts).isEqualTo(new WriteCounts(1, 0, 0, 1));
    assertThat(rows("posts")).isEqualTo(1);
    assertThat(rows("mentions")).isEqualTo(1);
    assertThat(rows("assessments")).isEqualTo(1);
  }

  @Test
  void rowsRepeatedInsideOneWriteAreStoredOnceWithoutARedo() throws SQLException {
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    ParsedRecord record = fullRecord("f", 1, a);
    // the same record twice (one payload, so the same links), and the post in a second payload
    WriteCounts counts = observations.writeAssessed("src", List.of(record, record, fullRecord("g", 7, a)),
        List.of(Fixtures.assessment(a.key(), 0.9, Fixtures.T0), Fixtures.assessment(a.key(), 0.9, Fixtures.T0)));

    assertThat(own.observationWritesRedone()).isZero();
    assertThat(counts.newPosts()).isEqualTo(1);
    assertThat(counts.duplicatePosts()).isEqualTo(2);
    assertThat(rows("posts")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM post_media m JOIN posts p ON p.id = m.post_id WHERE p.platform = ?", platform.name())).isEqualTo(1);
    assertThat(rows("mentions")).isEqualTo(1);
    assertThat(rows("replies")).isEqualTo(1);
    assertThat(rows("shares")).isEqualTo(1);
    assertThat(rows("assessments")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM raw_payloads WHERE platform = ? AND item_kind = 'post'", platform.name()))
        .as("one link per payload the post came in").isEqualTo(2);
  }

  @Test
  void aLinkAnotherTransactionIsInsertingMakesTheWriteWaitThenRunAgainTolerantly() throws Exception {
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    ParsedRecord record = Fixtures.record("f", 1, a);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(record.payload());
    try (Connection other = database.dataSource().getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement ps = other.prepareStatement("""
          INSERT INTO raw_payloads (item_kind, platform, item_key, payload_digest, source, file, record_index, byte_offset, observed_at)
          VALUES ('post', ?, ?, ?, 'other-writer', 'f', 1, 100, now())""")) {
        ps.setString(1, platform.name());
        ps.setString(2, a.key().id());
        ps.setBytes(3, digest);
        ps.executeUpdate();
      }
      CompletableFuture<WriteCounts> write = CompletableFuture.supplyAsync(() -> observations.writeAssessed("src", List.of(record),
          List.of(Fixtures.assessment(a.key(), 0.9, Fixtures.T0))));
      awaitAWriterWaitingOnALock(Duration.ofSeconds(30));
      assertThat(write).as("waits for the other transaction").isNotDone();

      other.commit();
      WriteCounts counts = write.get(30, TimeUnit.SECONDS);

      assertThat(counts.newPosts()).isEqualTo(1);
    }
    assertThat(own.observationWritesRedone()).as("the plain insert met the other's committed row").isEqualTo(1);
    assertThat(rows("posts")).isEqualTo(1);
    assertThat(rows("assessments")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM raw_payloads WHERE platform = ?", platform.name())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM raw_payloads WHERE platform = ? AND source = 'other-writer'", platform.name()))
        .as("the other's row stands, as ON CONFLICT DO NOTHING leaves it").isEqualTo(1);
  }

  private void awaitAWriterWaitingOnALock(Duration timeout) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO raw_payloads%'") == 0) {
      assertThat(System.nanoTime()).as("a write waiting on the other transaction's row").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
