package org.cordon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.Subject;
import org.cordon.core.port.AssessmentInbox;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.MediaFingerprint;
import org.cordon.core.signal.PostContext;

/**
 * The unassessed posts, oldest posted first: the posts named in {@code post_inbox}, which a post
 * enters when it is first stored by {@code ObservationStore.write} and leaves when its assessment
 * is recorded. Posts stored by {@code writeAssessed} come judged and never enter it.
 */
final class JdbcAssessmentInbox implements AssessmentInbox {
  private final Transactions transactions;
  private final Clock clock;

  JdbcAssessmentInbox(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public List<PostContext> unassessed(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return transactions.read(c -> {
      List<Post> posts = ObservationRows.postRows(c, """
          p.id IN (SELECT i.post_id FROM post_inbox i ORDER BY i.posted_at, i.post_id LIMIT ?)
          ORDER BY p.posted_at, p.id""", List.of(limit), limit)
          .stream().map(ObservationRows.PostRow::post).toList();
      Map<AccountKey, Account> authors = ObservationRows.byKey(
          ObservationRows.accounts(c, posts.stream().map(Post::author).distinct().toList()), Account::key);
      Map<MediaKey, Map<String, String>> hashes = fingerprints(c, posts.stream().flatMap(p -> p.media().stream()).distinct().toList());
      List<PostContext> contexts = new ArrayList<>(posts.size());
      for (Post post : posts) {
        List<MediaFingerprint> media = post.media().stream()
            .map(m -> new MediaFingerprint(m, hashes.getOrDefault(m, Map.of())))
            .toList();
        contexts.add(new PostContext(post, Optional.ofNullable(authors.get(post.author())), media));
      }
      return contexts;
    });
  }

  private static Map<MediaKey, Map<String, String>> fingerprints(Connection c, List<MediaKey> media) throws SQLException {
    Map<MediaKey, Map<String, String>> hashes = new HashMap<>();
    if (media.isEmpty()) {
      return hashes;
    }
    String sql = """
        SELECT f.media_platform, f.media_native_id, f.hash_type, f.hash_value FROM media_fingerprints f
        JOIN unnest(?::text[], ?::text[]) AS k(platform, native_id) ON f.media_platform = k.platform AND f.media_native_id = k.native_id""";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", media.stream().map(m -> m.platform().name()).toArray()));
      ps.setArray(2, c.createArrayOf("text", media.stream().map(MediaKey::id).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          MediaKey key = new MediaKey(new Platform(rs.getString(1)), rs.getString(2));
          hashes.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(rs.getString(3), rs.getString(4));
        }
      }
    }
    return hashes;
  }

  /** Stored per (media, hash type); computing a hash again replaces its value. */
  @Override
  public void recordFingerprints(List<MediaFingerprint> fingerprints) {
    // One statement may not touch a row twice (ON CONFLICT DO UPDATE), so a media item named twice
    // in one call (X API v2 includes repeat media) keeps its last fingerprint per hash type.
    Map<List<String>, String[]> byKey = new LinkedHashMap<>();
    for (MediaFingerprint f : fingerprints) {
      f.hashes().forEach((type, value) -> {
        String[] row = {f.media().platform().name(), f.media().id(), Columns.storable(type), Columns.storable(value)};
        byKey.put(List.of(row[0], row[1], row[2]), row);
      });
    }
    List<String[]> rows = new ArrayList<>(byKey.values());
    if (rows.isEmpty()) {
      return;
    }
    String sql = """
        INSERT INTO media_fingerprints (media_platform, media_native_id, hash_type, hash_value, computed_at)
        SELECT u.platform, u.native_id, u.hash_type, u.hash_value, ?
        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS u(platform, native_id, hash_type, hash_value)
        ON CONFLICT (media_platform, media_native_id, hash_type)
          DO UPDATE SET hash_value = EXCLUDED.hash_value, computed_at = EXCLUDED.computed_at""";
    transactions.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setTimestamp(1, Columns.timestamp(clock.instant().truncatedTo(ChronoUnit.MICROS)));
        for (int column = 0; column < 4; column++) {
          int index = column;
          ps.setArray(column + 2, c.createArrayOf("text", rows.stream().map(r -> r[index]).toArray()));
        }
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void recordAssessments(List<Assessment> assessments) {
    if (assessments.isEmpty()) {
      return;
    }
    transactions.inTransaction(c -> {
      AssessmentRows.upsertAll(c, assessments);
      leaveInbox(c, postsOf(assessments));
      return null;
    });
  }

  /** The posts the assessments judge, once each (an assessment may also be about an account). */
  static List<PostKey> postsOf(List<Assessment> assessments) {
    return assessments.stream()
        .map(Assessment::subject)
        .filter(s -> s.kind() == Subject.SubjectKind.POST)
        .map(PostKey.class::cast)
        .distinct()
        .toList();
  }

  /**
   * Takes the posts out of the inbox, in the transaction that stored their assessments: a post is
   * never left both assessed and waiting, nor taken out without its assessment. A post not in the
   * inbox (assessed before, or never stored) is no error: recording is idempotent.
   */
  static void leaveInbox(Connection c, List<PostKey> posts) throws SQLException {
    if (posts.isEmpty()) {
      return;
    }
    String sql = """
        DELETE FROM post_inbox i
        USING unnest(?::text[], ?::text[]) AS u(platform, native_id)
        JOIN posts p ON p.platform = u.platform AND p.native_id = u.native_id
        WHERE i.posted_at = p.posted_at AND i.post_id = p.id""";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", posts.stream().map(k -> k.platform().name()).toArray()));
      ps.setArray(2, c.createArrayOf("text", posts.stream().map(PostKey::id).toArray()));
      ps.executeUpdate();
    }
  }
}
