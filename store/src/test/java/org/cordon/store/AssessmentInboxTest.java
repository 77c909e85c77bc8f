package org.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.MediaFingerprint;
import org.cordon.core.signal.PostContext;
import org.junit.jupiter.api.Test;

/** The inbox is global, so these tests read it whole and look only at their own platform's posts. */
class AssessmentInboxTest extends DatabaseTestBase {

  private List<PostContext> mine(Platform platform) {
    return stores.inbox().unassessed(100_000).stream().filter(c -> c.post().platform().equals(platform)).toList();
  }

  @Test
  void unassessedPostsComeOldestFirstWithTheirAuthorAndMediaHashes() {
    Platform platform = SharedDatabase.freshPlatform();
    Account author = Fixtures.richAccount(platform, "author-rich");
    Post rich = Fixtures.richPost(platform, "rich");
    Post older = Fixtures.post(platform, "older", "nobody-stored", Fixtures.T0.minusSeconds(60));
    Post newer = Fixtures.post(platform, "newer", "author-rich", Fixtures.T0.plusSeconds(60));
    rich = new Post(rich.key(), author.key(), rich.postedAt(), rich.text(), rich.language(), rich.url(), rich.media(), rich.hashtags(),
        rich.mentions(), rich.links(), rich.references());
    stores.observations().write("src", List.of(Fixtures.record("f", 1, newer, rich, older, author)));
    MediaKey first = rich.media().getFirst();
    stores.inbox().recordFingerprints(List.of(new MediaFingerprint(first, Map.of("sha256", "ab".repeat(32), "pdq", "f".repeat(64)))));

    List<PostContext> inbox = mine(platform);

    assertThat(inbox).extracting(c -> c.post().key().id()).containsExactly("older", "rich", "newer");
    assertThat(inbox.get(0).author()).isEmpty();
    PostContext richContext = inbox.get(1);
    assertThat(richContext.post()).isEqualTo(rich);
    assertThat(richContext.author()).contains(author);
    assertThat(richContext.media()).containsExactly(
        new MediaFingerprint(first, Map.of("sha256", "ab".repeat(32), "pdq", "f".repeat(64))),
        new MediaFingerprint(rich.media().get(1), Map.of()));
  }

  @Test
  void recordedAssessmentsTakeTheirPostsOutOfTheInboxAndAreStored() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    Post b = Fixtures.post(platform, "b", "x", Fixtures.T0.plusSeconds(1));
    stores.observations().write("src", List.of(Fixtures.record("f", 1, a, b)));
    Assessment assessment = Fixtures.assessment(a.key(), 0.9, Fixtures.T0.plusSeconds(5));
    Assessment onAccount = Fixtures.assessment(AccountKey.of(platform, "x"), 0.2, Fixtures.T0.plusSeconds(5));

    stores.inbox().recordAssessments(List.of(assessment, onAccount));

    assertThat(mine(platform)).extracting(c -> c.post().key()).containsExactly(b.key());
    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ?", platform.name())).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM post_inbox i JOIN posts p ON p.id = i.post_id WHERE p.platform = ?", platform.name()))
        .as("only the unassessed post is left in the inbox table").isEqualTo(1);
  }

  @Test
  void aReplayedPostEntersTheInboxOnceAndAnAssessedOneNeverAgain() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    Post b = Fixtures.post(platform, "b", "x", Fixtures.T0.plusSeconds(1));
    stores.observations().write("src", List.of(Fixtures.record("f", 1, a, b)));
    stores.observations().write("src", List.of(Fixtures.record("f", 1, a, b)));
    assertThat(mine(platform)).extracting(c -> c.post().key()).containsExactly(a.key(), b.key());

    stores.inbox().recordAssessments(List.of(Fixtures.assessment(a.key(), 0.9, Fixtures.T0.plusSeconds(5))));
    stores.observations().write("src", List.of(Fixtures.record("g", 7, a, b)));
    stores.inbox().recordAssessments(List.of(Fixtures.assessment(a.key(), 0.9, Fixtures.T0.plusSeconds(5))));

    assertThat(mine(platform)).extracting(c -> c.post().key()).containsExactly(b.key());
    assertThat(count("SELECT count(*) FROM post_inbox i JOIN posts p ON p.id = i.post_id WHERE p.platform = ?", platform.name()))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ?", platform.name())).isEqualTo(1);
  }

  @Test
  void theInboxHandsOutAtMostTheLimitOldestFirst() {
    Platform platform = SharedDatabase.freshPlatform();
    List<Post> posts = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      posts.add(Fixtures.post(platform, "p" + i, "x", Fixtures.T0.minusSeconds(1_000_000_000L + i)));
    }
    stores.observations().write("src", List.of(Fixtures.record("f", 1, posts.toArray(Post[]::new))));

    // these posts are older than any other test's, so they lead the global inbox
    List<PostContext> first = stores.inbox().unassessed(2);

    assertThat(first).extracting(c -> c.post().key().id()).containsExactly("p4", "p3");
  }

  @Test
  void theSameJudgementTwiceInOneCallIsStoredOnceWithTheLastScore() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Post a = Fixtures.post(platform, "a", "x", Fixtures.T0);
    stores.observations().write("src", List.of(Fixtures.record("f", 1, a)));
    Assessment first = Fixtures.assessment(a.key(), 0.3, Fixtures.T0.plusSeconds(5));
    Assessment again = Fixtures.assessment(a.key(), 0.8, Fixtures.T0.plusSeconds(5));

    stores.inbox().recordAssessments(List.of(first, again));

    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ?", platform.name())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM assessments WHERE platform = ? AND score = 0.8", platform.name())).isEqualTo(1);
  }

  @Test
  void storedAssessmentsReadBackEqual() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    Assessment assessment = Fixtures.assessment(AccountKey.of(platform, "acc"), 0.75, Fixtures.T0);

    stores.inbox().recordAssessments(List.of(assessment));

    try (var c = database.dataSource().getConnection();
        var ps = c.prepareStatement("SELECT * FROM assessments WHERE platform = ?")) {
      ps.setString(1, platform.name());
      try (var rs = ps.executeQuery()) {
        rs.next();
        assertThat(AssessmentRows.read(rs)).isEqualTo(assessment);
      }
    }
  }

  @Test
  void fingerprintsComputedAgainReplaceTheirValue() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    MediaKey media = MediaKey.of(platform, "m");

    stores.inbox().recordFingerprints(List.of(new MediaFingerprint(media, Map.of("md5", "old"))));
    stores.inbox().recordFingerprints(List.of(new MediaFingerprint(media, Map.of("md5", "new"))));

    assertThat(count("SELECT count(*) FROM media_fingerprints WHERE media_platform = ? AND hash_value = 'new'", platform.name())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM media_fingerprints WHERE media_platform = ?", platform.name())).isEqualTo(1);
  }

  @Test
  void aMediaItemNamedTwiceInOneCallKeepsItsLastFingerprint() throws SQLException {
    Platform platform = SharedDatabase.freshPlatform();
    MediaKey media = MediaKey.of(platform, "m");

    stores.inbox().recordFingerprints(List.of(new MediaFingerprint(media, Map.of("md5", "first")), new MediaFingerprint(media, Map.of("md5", "last"))));

    assertThat(count("SELECT count(*) FROM media_fingerprints WHERE media_platform = ? AND hash_value = 'last'", platform.name())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM media_fingerprints WHERE media_platform = ?", platform.name())).isEqualTo(1);
  }
}
