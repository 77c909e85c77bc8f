package org.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.core.port.ObservationStore.WriteCounts;
import org.junit.jupiter.api.Test;

/** {@code writeAssessed}: records and their assessments in one transaction, past the inbox. */
class AssessedWriteTest extends DatabaseTestBase {

  private List<PostContext> inbox(Platform platform) {
    return stores.inbox().unassessed(100_000).stream().filter(c -> c.post().platform().equals(platform)).toList();
  }

  private long inboxRows(Platform platform) throws SQLException {
    return count("SELECT count(*) FROM post_inbox i JOIN posts p ON p.id = i.post_id WHERE p.platform = ?", platform.name());
  }

  @Test
  void postsWrittenWithTheirAssessmentsAreStoredWithoutEverEnteringTheInbox() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    Post b = Fixtures.post(platform, "b", "x", Fixtures.T0.plusSeconds(1));

    WriteCounts counts = stores.observations().writeAssessed("src",
        List.of(Fixtures.record("f", 1, a, Account.minimal(a.author(), "x")), Fixtures.record("f", 2, b)),
        List.of(Fixtures.assessment(a.key(), 0.9, Fixtures.T0.plusSeconds(5)), Fixtures.assessment(b.key(), 0.8, Fixtures.T0.plusSeconds(5))));

    assertThat(counts).isEqualTo(new WriteCounts(2, 0, 1, 0));
    assertThat(stores.observations().post(a.key())).contains(a);
    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ?", platform.name())).isEqualTo(2);
    assertThat(inboxRows(platform)).isZero();
    assertThat(inbox(platform)).isEmpty();
  }

  @Test
  void judgementsOfAPostLessThanAMicrosecondApartAreOneRowAsTheDatabaseKeepsMicroseconds() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post post = Fixtures.post(platform, "p", "x", Fixtures.T0);
    java.time.Instant judged = Fixtures.T0.plusSeconds(5).plusNanos(1_000);
    long redoneBefore = stores.observationWritesRedone();

    // two judgements in one write, at one microsecond: one row, the later kept (as one-by-one upserts would)
    stores.observations().writeAssessed("src", List.of(Fixtures.record("f", 1, post)),
        List.of(Fixtures.assessment(post.key(), 0.6, judged.plusNanos(100)), Fixtures.assessment(post.key(), 0.9, judged.plusNanos(300))));

    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ?", platform.name())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ? AND score = 0.9 AND assessed_at = ?::timestamptz",
        platform.name(), judged.toString())).isEqualTo(1);
    assertThat(stores.observationWritesRedone()).as("known to be one row before the insert, so no unique violation").isEqualTo(redoneBefore);

    // 700 ns past the microsecond is still that microsecond (cut, not rounded up): the same row, judged anew
    stores.observations().writeAssessed("src", List.of(Fixtures.record("f", 2, post)),
        List.of(Fixtures.assessment(post.key(), 0.7, judged.plusNanos(700))));
    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ?", platform.name())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ? AND score = 0.7 AND assessed_at = ?::timestamptz",
        platform.name(), judged.toString())).isEqualTo(1);
  }

  @Test
  void aPostOfTheRecordsWithoutAnAssessmentWasJudgedByTheCallerAndDoesNotEnterTheInboxEither() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post flagged = Fixtures.post(platform, "repost", "x", Fixtures.T0);
    Post original = Fixtures.post(platform, "original", "y", Fixtures.T0.minusSeconds(60));

    stores.observations().writeAssessed("src", List.of(Fixtures.record("f", 1, flagged, original)),
        List.of(Fixtures.assessment(flagged.key(), 0.9, Fixtures.T0.plusSeconds(5))));

    assertThat(stores.observations().post(original.key())).contains(original);
    assertThat(inboxRows(platform)).isZero();
  }

  @Test
  void aPostTheCallerKnowsStoredAsRenderedIsLinkedToTheNewPayloadAndNeitherItNorWhatItCarriesIsWrittenAgain() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post original = Fixtures.post(platform, "original", "y", Fixtures.T0.minusSeconds(60));
    stores.observations().writeAssessed("src", List.of(Fixtures.record("f", 1, original,
        new Interaction.Mention(original.author(), "first_handle", Optional.empty(), original.key(), original.postedAt()))),
        List.of(Fixtures.assessment(original.key(), 0.9, Fixtures.T0)));
    Post repost = Fixtures.post(platform, "repost", "x", Fixtures.T0);
    // a mention the stored rendering does not have: written only if the original were written again
    Interaction.Mention other = new Interaction.Mention(original.author(), "second_handle", Optional.empty(), original.key(), original.postedAt());

    WriteCounts counts = stores.observations().writeAssessed("src", List.of(Fixtures.record("g", 1, repost, original, other)),
        List.of(Fixtures.assessment(repost.key(), 0.9, Fixtures.T0)), java.util.Set.of(original.key()));

    assertThat(counts).as("the repost new, the original counted as stored, its mention too").isEqualTo(new WriteCounts(1, 1, 0, 1));
    assertThat(stores.observations().post(repost.key())).contains(repost);
    assertThat(count("SELECT count(*) FROM mentions WHERE platform = ? AND post_id = ?", platform.name(), "original")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM raw_payloads WHERE platform = ? AND item_kind = 'post' AND item_key = ?", platform.name(), "original"))
        .as("its provenance: both payloads it came in").isEqualTo(2);

    stores.observations().writeAssessed("src", List.of(Fixtures.record("h", 1, repost, original, other)), List.of());
    assertThat(count("SELECT count(*) FROM mentions WHERE platform = ? AND post_id = ?", platform.name(), "original"))
        .as("without the caller's word the record is written whole").isEqualTo(2);
  }

  @Test
  void aPostWaitingInTheInboxLeavesItWhenWrittenAgainWithItsAssessmentAndAnUnassessedOneStays() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    Post b = Fixtures.post(platform, "b", "x", Fixtures.T0.plusSeconds(1));
    stores.observations().write("src", List.of(Fixtures.record("f", 1, a, b)));
    assertThat(inbox(platform)).extracting(c -> c.post().key()).containsExactly(a.key(), b.key());

    WriteCounts counts = stores.observations().writeAssessed("src", List.of(Fixtures.record("f", 1, a, b)),
        List.of(Fixtures.assessment(a.key(), 0.9, Fixtures.T0.plusSeconds(5))));

    assertThat(counts.duplicatePosts()).isEqualTo(2);
    assertThat(inbox(platform)).extracting(c -> c.post().key()).containsExactly(b.key());
    assertThat(inboxRows(platform)).isEqualTo(1);
  }

  @Test
  void anAssessedPostFromOutsideTheRecordsLeavesTheInboxEvenWhenEveryPostOfTheRecordsIsNew() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post waiting = Fixtures.post(platform, "waiting", "x", Fixtures.T0);
    Post fresh = Fixtures.post(platform, "fresh", "x", Fixtures.T0.plusSeconds(1));
    stores.observations().write("src", List.of(Fixtures.record("f", 1, waiting)));

    stores.observations().writeAssessed("src", List.of(Fixtures.record("f", 2, fresh)),
        List.of(Fixtures.assessment(fresh.key(), 0.9, Fixtures.T0.plusSeconds(5)), Fixtures.assessment(waiting.key(), 0.7, Fixtures.T0.plusSeconds(5))));

    assertThat(inboxRows(platform)).isZero();
    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ?", platform.name())).isEqualTo(2);
  }

  @Test
  void assessmentsAloneTakeTheirPostsOutOfTheInbox() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    stores.observations().write("src", List.of(Fixtures.record("f", 1, a)));

    WriteCounts counts = stores.observations().writeAssessed("src", List.of(), List.of(Fixtures.assessment(a.key(), 0.9, Fixtures.T0.plusSeconds(5))));

    assertThat(counts).isEqualTo(WriteCounts.NONE);
    assertThat(inboxRows(platform)).isZero();
  }

  @Test
  void aReplayedWriteStoresNothingTwice() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    List<ParsedRecord> records = List.of(Fixtures.record("f", 1, a, Account.minimal(a.author(), "x"),
        new org.cordon.core.model.Interaction.Mention(a.author(), "y", Optional.empty(), a.key(), Fixtures.T0)));
    List<Assessment> assessments = List.of(Fixtures.assessment(a.key(), 0.9, Fixtures.T0.plusSeconds(5)));
    WriteCounts first = stores.observations().writeAssessed("src", records, assessments);
    long links = count("SELECT count(*) FROM raw_payloads WHERE platform = ?", platform.name());

    WriteCounts second = stores.observations().writeAssessed("src", records, assessments);

    assertThat(first).isEqualTo(new WriteCounts(1, 0, 2, 0));
    assertThat(second).isEqualTo(new WriteCounts(0, 1, 0, 2));
    assertThat(count("SELECT count(*) FROM posts WHERE platform = ?", platform.name())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM mentions WHERE platform = ?", platform.name())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ?", platform.name())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM raw_payloads WHERE platform = ?", platform.name())).isEqualTo(links).isEqualTo(2);
    assertThat(inboxRows(platform)).isZero();
  }

  @Test
  void theSameJudgementRecordedAgainLeavesItsRowAndAChangedOneReplacesIt() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    Assessment first = Fixtures.assessment(a.key(), 0.3, Fixtures.T0.plusSeconds(5));
    stores.observations().writeAssessed("src", List.of(Fixtures.record("f", 1, a)), List.of(first));
    long version = count("SELECT xmin::text::bigint FROM assessments WHERE platform = ?", platform.name());

    stores.observations().writeAssessed("src", List.of(Fixtures.record("g", 1, a)), List.of(first));
    long unchanged = count("SELECT xmin::text::bigint FROM assessments WHERE platform = ?", platform.name());
    stores.observations().writeAssessed("src", List.of(Fixtures.record("g", 1, a)), List.of(Fixtures.assessment(a.key(), 0.8, Fixtures.T0.plusSeconds(5))));

    assertThat(unchanged).as("no new row version for the same judgement").isEqualTo(version);
    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ?", platform.name())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ? AND score = 0.8", platform.name())).isEqualTo(1);
  }

  @Test
  void aJudgementWhoseSignalsAloneChangedReplacesTheStoredOne() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    Signal before = new Signal(a.key(), "lexicon", 0.7, Optional.empty(), "one term", Map.of("hits", "1"));
    Signal after = new Signal(a.key(), "lexicon", 0.7, Optional.empty(), "one term", Map.of("hits", "2"));
    java.time.Instant at = Fixtures.T0.plusSeconds(5);
    stores.observations().writeAssessed("src", List.of(Fixtures.record("f", 1, a)),
        List.of(new Assessment(a.key(), 0.7, true, Optional.empty(), List.of(before), "same", at)));
    stores.observations().writeAssessed("src", List.of(Fixtures.record("f", 1, a)),
        List.of(new Assessment(a.key(), 0.7, true, Optional.empty(), List.of(after), "same", at)));

    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ?", platform.name())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ? AND signals::jsonb @> '[{\"evidence\":{\"hits\":\"2\"}}]'",
        platform.name())).as("the row holds the newer signals").isEqualTo(1);
  }

  @Test
  void theSignalsColumnStillRefusesTextThatIsNotJson() {
    Platform platform = SharedDatabase.freshPlatform();
    assertThatThrownBy(() -> execute("""
        INSERT INTO assessments (subject_kind, platform, subject_id, score, flagged, tier, explanation, signals, assessed_at)
        VALUES ('POST', '%s', 'p', 0.9, true, NULL, 'r', '[{"kind": "lexicon",', now())""".formatted(platform.name())))
        .hasMessageContaining("json");
  }

  @Test
  void aFailingAssessmentStoresNeitherTheRecordsNorAnyAssessment() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    execute("""
        CREATE FUNCTION poison_assessment() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.subject_id = 'poison' THEN RAISE EXCEPTION 'poisoned assessment'; END IF; RETURN NEW; END $$""");
    execute("CREATE TRIGGER poison_assessment BEFORE INSERT ON assessments FOR EACH ROW EXECUTE FUNCTION poison_assessment()");
    try {
      Post good = Fixtures.post(platform, "good", "a", Fixtures.T0);
      Post poison = Fixtures.post(platform, "poison", "a", Fixtures.T0);
      List<ParsedRecord> records = List.of(Fixtures.record("f", 1, good, Account.minimal(good.author(), "a")), Fixtures.record("f", 2, poison));

      assertThatThrownBy(() -> stores.observations().writeAssessed("src", records,
          List.of(Fixtures.assessment(good.key(), 0.9, Fixtures.T0), Fixtures.assessment(poison.key(), 0.9, Fixtures.T0))))
          .hasMessageContaining("poisoned assessment");

      assertThat(count("SELECT count(*) FROM posts WHERE platform = ?", platform.name())).isZero();
      assertThat(count("SELECT count(*) FROM accounts WHERE platform = ?", platform.name())).isZero();
      assertThat(count("SELECT count(*) FROM raw_payloads WHERE platform = ?", platform.name())).isZero();
      assertThat(count("SELECT count(*) FROM assessments WHERE platform = ?", platform.name())).isZero();
    } finally {
      execute("DROP TRIGGER poison_assessment ON assessments");
      execute("DROP FUNCTION poison_assessment()");
    }
  }

  @Test
  void anAccountOfARolledBackWriteIsStoredAndLinkedByTheNextWrite() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Account author = Account.minimal(AccountKey.of(platform, "a"), "a");
    execute("""
        CREATE FUNCTION poison_post() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.native_id = 'poison' THEN RAISE EXCEPTION 'poisoned post'; END IF; RETURN NEW; END $$""");
    execute("CREATE TRIGGER poison_post BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION poison_post()");
    try {
      Post poison = Fixtures.post(platform, "poison", "a", Fixtures.T0);
      assertThatThrownBy(() -> stores.observations().writeAssessed("src", List.of(Fixtures.record("f", 1, poison, author)),
          List.of(Fixtures.assessment(poison.key(), 0.9, Fixtures.T0)))).hasMessageContaining("poisoned post");
    } finally {
      execute("DROP TRIGGER poison_post ON posts");
      execute("DROP FUNCTION poison_post()");
    }
    Post good = Fixtures.post(platform, "good", "a", Fixtures.T0);

    WriteCounts counts = stores.observations().writeAssessed("src", List.of(Fixtures.record("f", 2, good, author)),
        List.of(Fixtures.assessment(good.key(), 0.9, Fixtures.T0)));

    assertThat(counts.newOther()).as("the account is new: the failed write did not count as storing it").isEqualTo(1);
    assertThat(stores.observations().account(author.key())).contains(author);
    assertThat(count("SELECT count(*) FROM raw_payloads WHERE platform = ? AND item_kind = 'account' AND record_index = 2", platform.name()))
        .isEqualTo(1);
  }

  @Test
  void signalsAboutTheAssessedSubjectAndAboutAnotherReadBackEqual() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post post = Fixtures.post(platform, "p", "author", Fixtures.T0);
    Signal own = new Signal(post.key(), "lexicon", 0.8, Optional.of(Tier.PROMOTIONAL), "term \u0000 of list 'demo'", Map.of("list", "demo"));
    Signal other = new Signal(post.author(), "account-risk", 0.6, Optional.empty(), "author's history", Map.of("k\uD800", "v"));
    Assessment assessment = new Assessment(post.key(), 0.9, true, Optional.of(Tier.PROMOTIONAL), List.of(own, other), "two signals", Fixtures.T0);

    stores.observations().writeAssessed("src", List.of(Fixtures.record("f", 1, post)), List.of(assessment));

    try (var c = database.dataSource().getConnection();
        var ps = c.prepareStatement("SELECT * FROM assessments WHERE platform = ?")) {
      ps.setString(1, platform.name());
      try (var rs = ps.executeQuery()) {
        rs.next();
        Assessment read = AssessmentRows.read(rs);
        assertThat(read.signals()).extracting(Signal::subject).containsExactly(post.key(), post.author());
        assertThat(read.signals().get(0).reason()).isEqualTo("term \uFFFD of list 'demo'");
        assertThat(read.signals().get(1).evidence()).containsEntry("k\uFFFD", "v");
      }
    }
    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ? AND jsonb_path_exists(signals::jsonb, '$[0].subject')", platform.name()))
        .as("the signal about the assessed post is stored without its subject").isZero();
    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ? AND jsonb_path_exists(signals::jsonb, '$[1].subject')", platform.name()))
        .isEqualTo(1);
  }

  @Test
  void anAssessmentStoredWithEverySignalsSubjectSpelledOutStillReadsBack() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    execute("""
        INSERT INTO assessments (subject_kind, platform, subject_id, score, flagged, tier, explanation, signals, assessed_at)
        VALUES ('POST', '%s', 'p', 0.9, true, NULL, 'older row',
          '[{"subject":{"kind":"POST","platform":"%s","id":"p"},"kind":"lexicon","strength":0.8,"reason":"r","evidence":{"list":"demo"}}]',
          now())""".formatted(platform.name(), platform.name()));

    try (var c = database.dataSource().getConnection();
        var ps = c.prepareStatement("SELECT * FROM assessments WHERE platform = ?")) {
      ps.setString(1, platform.name());
      try (var rs = ps.executeQuery()) {
        rs.next();
        assertThat(AssessmentRows.read(rs).signals()).containsExactly(
            new Signal(org.cordon.core.model.PostKey.of(platform, "p"), "lexicon", 0.8, Optional.empty(), "r", Map.of("list", "demo")));
      }
    }
  }
}
