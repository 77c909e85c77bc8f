package org.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.port.ObservationStore;
import org.cordon.core.port.ObservationStore.WriteCounts;
import org.junit.jupiter.api.Test;

class ObservationStoreTest extends DatabaseTestBase {

  @Test
  void aPostWithEveryFieldReadsBackEqual() {
    Platform platform = SharedDatabase.freshPlatform();
    Post post = Fixtures.richPost(platform, "1");

    stores.observations().write("src", List.of(Fixtures.record("f.jsonl", 1, post)));

    assertThat(stores.observations().post(post.key())).contains(post);
  }

  @Test
  void accountsFullAndMinimalReadBackEqual() {
    Platform platform = SharedDatabase.freshPlatform();
    Account full = Fixtures.richAccount(platform, "a1");
    Account minimal = Account.minimal(AccountKey.of(platform, "a2"), "bare");

    stores.observations().write("src", List.of(Fixtures.record("f", 1, full, minimal)));

    assertThat(stores.observations().account(full.key())).contains(full);
    assertThat(stores.observations().account(minimal.key())).contains(minimal);
    assertThat(stores.observations().account(AccountKey.of(platform, "absent"))).isEmpty();
  }

  @Test
  void mediaAndEveryInteractionReadBackEqual() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    AccountKey a = AccountKey.of(platform, "a");
    AccountKey b = AccountKey.of(platform, "b");
    PostKey p = PostKey.of(platform, "p");
    PostKey q = PostKey.of(platform, "q");
    List<Interaction> interactions = List.of(
        new Interaction.Follow(a, b, Optional.empty()),
        new Interaction.Follow(b, a, Optional.of(Fixtures.T0)),
        new Interaction.Mention(a, "b_handle", Optional.of(b), p, Fixtures.T0),
        new Interaction.Mention(a, "unknown", Optional.empty(), p, Fixtures.T0),
        new Interaction.Reply(a, Optional.of(b), p, q, Fixtures.T0),
        new Interaction.Share(b, Interaction.Share.Kind.FORWARD, q, Optional.empty(), Optional.empty(), Optional.of("Fictional Outlet"), Fixtures.T0));
    var media = Fixtures.media(platform, "m1");
    List<ParsedRecord> records = new ArrayList<>();
    records.add(Fixtures.record("f", 1, media));
    for (int i = 0; i < interactions.size(); i++) {
      records.add(Fixtures.record("f", i + 2, interactions.get(i)));
    }

    WriteCounts counts = stores.observations().write("src", records);

    assertThat(counts).isEqualTo(new WriteCounts(0, 0, 7, 0));
    try (var c = database.dataSource().getConnection()) {
      assertThat(ObservationRows.media(c, media.key())).contains(media);
      assertThat(ObservationRows.interactions(c, platform)).containsExactlyInAnyOrderElementsOf(interactions);
    }
  }

  @Test
  void writingTheSameRecordsTwiceCountsEverythingAsDuplicateTheSecondTime() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    List<ParsedRecord> records = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      Post post = Fixtures.post(platform, "p" + i, "author" + (i % 5), Fixtures.T0.plusSeconds(i));
      records.add(Fixtures.record("f", i, post, Account.minimal(post.author(), "h" + (i % 5)),
          new Interaction.Follow(post.author(), AccountKey.of(platform, "target"), Optional.empty())));
    }

    WriteCounts first = stores.observations().write("src", records);
    WriteCounts second = stores.observations().write("src", records);

    // 5 distinct authors seen 50 times, 5 distinct follows seen 50 times
    assertThat(first).isEqualTo(new WriteCounts(50, 0, 10, 90));
    assertThat(second).isEqualTo(new WriteCounts(0, 50, 0, 100));
    assertThat(count("SELECT count(*) FROM posts WHERE platform = ?", platform.name())).isEqualTo(50);
  }

  @Test
  void aPostTwiceInOneBatchIsOneNewAndOneDuplicate() {
    Platform platform = SharedDatabase.freshPlatform();
    Post post = Fixtures.post(platform, "p", "a", Fixtures.T0);

    WriteCounts counts = stores.observations().write("src", List.of(Fixtures.record("f", 1, post), Fixtures.record("f", 2, post)));

    assertThat(counts.newPosts()).isEqualTo(1);
    assertThat(counts.duplicatePosts()).isEqualTo(1);
  }

  @Test
  void aFullProfileWinsOverABareAuthorInTheSameBatch() {
    Platform platform = SharedDatabase.freshPlatform();
    Account full = Fixtures.richAccount(platform, "a");

    WriteCounts counts = stores.observations().write("src", List.of(
        Fixtures.record("f", 1, Account.minimal(full.key(), full.handle())), Fixtures.record("f", 2, full)));

    assertThat(stores.observations().account(full.key())).contains(full);
    assertThat(counts.newOther()).isEqualTo(1);
    assertThat(counts.duplicateOther()).isEqualTo(1);
  }

  @Test
  void aBatchWithOneFailingRowStoresNothing() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    // a trigger stands in for any failure in the middle of a write
    execute("""
        CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.native_id = 'poison' THEN RAISE EXCEPTION 'poisoned row'; END IF; RETURN NEW; END $$""");
    execute("CREATE TRIGGER poison BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION poison()");
    try {
      List<ParsedRecord> records = List.of(
          Fixtures.record("f", 1, Fixtures.post(platform, "good1", "a", Fixtures.T0), Account.minimal(AccountKey.of(platform, "a"), "a")),
          Fixtures.record("f", 2, Fixtures.post(platform, "poison", "a", Fixtures.T0)),
          Fixtures.record("f", 3, Fixtures.post(platform, "good2", "a", Fixtures.T0)));

      assertThatThrownBy(() -> stores.observations().write("src", records)).hasMessageContaining("poisoned row");

      assertThat(count("SELECT count(*) FROM posts WHERE platform = ?", platform.name())).isZero();
      assertThat(count("SELECT count(*) FROM accounts WHERE platform = ?", platform.name())).isZero();
      assertThat(count("SELECT count(*) FROM raw_payloads WHERE platform = ?", platform.name())).isZero();
    } finally {
      execute("DROP TRIGGER poison ON posts");
      execute("DROP FUNCTION poison()");
    }
  }

  @Test
  void everyItemIsLinkedToItsPayloadDigestAndPosition() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post post = Fixtures.post(platform, "p", "a", Fixtures.T0);
    ParsedRecord record = Fixtures.record("input.jsonl", 7, post, Account.minimal(post.author(), "a"));

    stores.observations().write("x-source", List.of(record));
    stores.observations().write("x-source", List.of(record));

    String digest = Sha256.of(record.payload()).hex();
    assertThat(count("""
        SELECT count(*) FROM raw_payloads WHERE platform = ? AND payload_digest = decode(?, 'hex') AND source = 'x-source'
          AND file = 'input.jsonl' AND record_index = 7 AND byte_offset = 700""", platform.name(), digest)).isEqualTo(2);
  }

  private long links(Platform platform, String kind, String key) throws SQLException {
    return count("SELECT count(*) FROM raw_payloads WHERE platform = ? AND item_kind = ? AND item_key = ?", platform.name(), kind, key);
  }

  @Test
  void postsAndFollowsAreLinkedToEveryPayloadAccountsAndMediaToTheOneThatStoredThemInteractionsThroughTheirPost() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post post = Fixtures.post(platform, "p", "a", Fixtures.T0);
    AccountKey a = post.author();
    AccountKey b = AccountKey.of(platform, "b");
    PostKey elsewhere = PostKey.of(platform, "q");
    ParsedRecord first = Fixtures.record("f", 1, post, Account.minimal(a, "a"), Fixtures.media(platform, "m"),
        new Interaction.Mention(a, "b", Optional.of(b), post.key(), Fixtures.T0),
        new Interaction.Reply(a, Optional.of(b), post.key(), elsewhere, Fixtures.T0),
        new Interaction.Share(a, Interaction.Share.Kind.QUOTE, post.key(), Optional.of(elsewhere), Optional.of(b), Optional.empty(), Fixtures.T0),
        new Interaction.Follow(a, b, Optional.empty()));
    ParsedRecord second = Fixtures.record("f", 2, post, Fixtures.richAccount(platform, "a"), Fixtures.media(platform, "m"),
        new Interaction.Mention(a, "c", Optional.empty(), elsewhere, Fixtures.T0),
        new Interaction.Follow(a, b, Optional.empty()));

    stores.observations().write("src", List.of(first));
    stores.observations().write("src", List.of(second));

    assertThat(links(platform, "post", "p")).as("a post, in each payload").isEqualTo(2);
    assertThat(links(platform, "follow", "a b")).as("a follow, in each payload").isEqualTo(2);
    assertThat(count("SELECT count(*) FROM raw_payloads WHERE platform = ? AND item_kind = 'account' AND item_key = 'a' AND record_index = 1",
        platform.name())).as("an account, only where its stored row came from").isEqualTo(1);
    assertThat(links(platform, "account", "a")).isEqualTo(1);
    assertThat(links(platform, "media", "m")).isEqualTo(1);
    assertThat(links(platform, "mention", "p b") + links(platform, "reply", "p") + links(platform, "share", "p"))
        .as("interactions of a post in their record go by the post's link").isZero();
    assertThat(links(platform, "mention", "q c")).as("a mention whose post is not in its record").isEqualTo(1);
  }

  @Test
  void anAccountSeenTwiceInOneWriteIsLinkedToThePayloadOfTheViewStored() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Account full = Fixtures.richAccount(platform, "a");

    stores.observations().write("src", List.of(Fixtures.record("f", 1, Account.minimal(full.key(), full.handle())), Fixtures.record("f", 2, full)));

    assertThat(stores.observations().account(full.key())).contains(full);
    assertThat(count("SELECT count(*) FROM raw_payloads WHERE platform = ? AND item_kind = 'account'", platform.name())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM raw_payloads WHERE platform = ? AND item_kind = 'account' AND record_index = 2", platform.name()))
        .isEqualTo(1);
  }

  @Test
  void everyStoredPostAccountMediaItemAndFollowHasAPayloadLinkAfterOverlappingWrites() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    java.util.Random random = new java.util.Random(20261123L);
    for (int write = 0; write < 6; write++) {
      List<ParsedRecord> records = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Post post = Fixtures.post(platform, "p" + random.nextInt(60), "a" + random.nextInt(15), Fixtures.T0);
        records.add(Fixtures.record("f" + write, i + 1, post, Account.minimal(post.author(), "h"), Fixtures.media(platform, "m" + random.nextInt(20)),
            new Interaction.Mention(post.author(), "x", Optional.empty(), post.key(), Fixtures.T0),
            new Interaction.Follow(post.author(), AccountKey.of(platform, "a" + random.nextInt(15)), Optional.empty())));
      }
      if (write % 2 == 0) {
        stores.observations().write("src", records);
      } else {
        stores.observations().writeAssessed("src", records, List.of());
      }
    }

    assertThat(count("""
        SELECT count(*) FROM posts p WHERE p.platform = ?
          AND NOT EXISTS (SELECT 1 FROM raw_payloads r WHERE r.platform = p.platform AND r.item_kind = 'post' AND r.item_key = p.native_id)""",
        platform.name())).isZero();
    assertThat(count("""
        SELECT count(*) FROM accounts a WHERE a.platform = ?
          AND NOT EXISTS (SELECT 1 FROM raw_payloads r WHERE r.platform = a.platform AND r.item_kind = 'account' AND r.item_key = a.native_id)""",
        platform.name())).isZero();
    assertThat(count("""
        SELECT count(*) FROM media m WHERE m.platform = ?
          AND NOT EXISTS (SELECT 1 FROM raw_payloads r WHERE r.platform = m.platform AND r.item_kind = 'media' AND r.item_key = m.native_id)""",
        platform.name())).isZero();
    assertThat(count("""
        SELECT count(*) FROM follows f WHERE f.platform = ?
          AND NOT EXISTS (SELECT 1 FROM raw_payloads r WHERE r.platform = f.platform AND r.item_kind = 'follow'
                            AND r.item_key = f.from_id || ' ' || f.to_id)""",
        platform.name())).isZero();
    assertThat(count("SELECT count(*) FROM accounts WHERE platform = ?", platform.name())).isEqualTo(
        count("SELECT count(*) FROM raw_payloads WHERE platform = ? AND item_kind = 'account'", platform.name()));
    assertThat(count("SELECT count(*) FROM media WHERE platform = ?", platform.name())).isEqualTo(
        count("SELECT count(*) FROM raw_payloads WHERE platform = ? AND item_kind = 'media'", platform.name()));
  }

  @Test
  void postsOfOneBatchKeepTheirMediaInOrder() {
    Platform platform = SharedDatabase.freshPlatform();
    Post post = Fixtures.richPost(platform, "with-media");

    stores.observations().write("src", List.of(Fixtures.record("f", 1, post)));
    stores.observations().write("src", List.of(Fixtures.record("f", 1, post)));

    assertThat(stores.observations().post(post.key()).orElseThrow().media()).containsExactlyElementsOf(post.media());
  }

  @Test
  void anInteractionAcrossPlatformsIsRefusedBeforeAnythingIsWritten() {
    Platform platform = SharedDatabase.freshPlatform();
    var follow = new Interaction.Follow(AccountKey.of(platform, "a"), AccountKey.of(new Platform("elsewhere"), "b"), Optional.empty());

    assertThatThrownBy(() -> stores.observations().write("src", List.of(Fixtures.record("f", 1, follow))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one platform");
  }

  @Test
  void concurrentWritesOfOverlappingBatchesStoreEachItemOnceAndCountItOnce() throws Exception {
    Platform platform = SharedDatabase.freshPlatform();
    List<ParsedRecord> forward = ObservationWriteBenchmark.batch(platform, 0);
    List<ParsedRecord> backward = new ArrayList<>(forward);
    java.util.Collections.reverse(backward);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> stores.observations().write("a", forward));
      var second = pool.submit(() -> stores.observations().write("b", backward));

      WriteCounts total = first.get().plus(second.get());

      assertThat(total.newPosts()).isEqualTo(1000);
      assertThat(total.duplicatePosts()).isEqualTo(1000);
      assertThat(count("SELECT count(*) FROM posts WHERE platform = ?", platform.name())).isEqualTo(1000);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void postCountGrowsByTheNewPosts() {
    Platform platform = SharedDatabase.freshPlatform();
    ObservationStore store = stores.observations();
    long before = store.postCount();

    store.write("src", List.of(Fixtures.record("f", 1, Fixtures.post(platform, "1", "a", Fixtures.T0), Fixtures.post(platform, "2", "a", Fixtures.T0))));

    assertThat(store.postCount()).isGreaterThanOrEqualTo(before + 2);
  }
}
