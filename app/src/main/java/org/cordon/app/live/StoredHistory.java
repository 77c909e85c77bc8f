package org.cordon.app.live;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.Subject;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads back what the store holds, so the live account state is rebuilt at start-up instead of
 * persisted twice: assessed posts with their first assessment, interactions, flagged accounts and
 * the accounts whose removal a platform confirmed. Rows are streamed (a cursor of
 * {@value #FETCH} rows), never loaded whole. The tables are the store's (V1__system_of_record.sql):
 * only read here, never written.
 */
final class StoredHistory {
  private static final int FETCH = 5_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final DataSource dataSource;

  StoredHistory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** An assessed post as account risk counts it: author, time, hashtags and the first assessment. */
  record AssessedPost(AccountKey author, Instant postedAt, List<String> hashtags, Assessment assessment) {}

  /** A platform confirmed an account removed, in answer to a request on the case with this tier. */
  record Removal(AccountKey account, Instant at, Optional<Tier> tier) {}

  void assessedPosts(Consumer<AssessedPost> sink) {
    stream("""
        SELECT p.platform, p.native_id, p.author_native_id, p.posted_at, p.hashtags,
               a.score, a.flagged, a.tier, a.explanation, a.signals, a.assessed_at
          FROM posts p
          JOIN LATERAL (SELECT * FROM assessments a
                         WHERE a.subject_kind = 'POST' AND a.platform = p.platform AND a.subject_id = p.native_id
                         ORDER BY a.assessed_at LIMIT 1) a ON true
         WHERE NOT EXISTS (SELECT 1 FROM post_inbox i WHERE i.posted_at = p.posted_at AND i.post_id = p.id)""", rs -> {
      Platform platform = new Platform(rs.getString("platform"));
      PostKey post = new PostKey(platform, rs.getString("native_id"));
      Assessment assessment = new Assessment(post, rs.getDouble("score"), rs.getBoolean("flagged"),
          Optional.ofNullable(rs.getString("tier")).map(Tier::valueOf), signals(post, rs.getString("signals")),
          rs.getString("explanation"), instant(rs, "assessed_at").orElseThrow());
      sink.accept(new AssessedPost(new AccountKey(platform, rs.getString("author_native_id")), instant(rs, "posted_at").orElseThrow(),
          strings(rs.getArray("hashtags")), assessment));
    });
  }

  /** Every stored interaction whose accounts are known, follows first. */
  void interactions(Consumer<Interaction> sink) {
    stream("SELECT platform, from_id, to_id, followed_at FROM follows", rs -> {
      Platform p = new Platform(rs.getString("platform"));
      sink.accept(new Interaction.Follow(new AccountKey(p, rs.getString("from_id")), new AccountKey(p, rs.getString("to_id")),
          instant(rs, "followed_at")));
    });
    stream("SELECT platform, post_id, to_handle, from_id, to_id, mentioned_at FROM mentions", rs -> {
      Platform p = new Platform(rs.getString("platform"));
      sink.accept(new Interaction.Mention(new AccountKey(p, rs.getString("from_id")), rs.getString("to_handle"),
          Optional.ofNullable(rs.getString("to_id")).map(id -> new AccountKey(p, id)), new PostKey(p, rs.getString("post_id")),
          instant(rs, "mentioned_at").orElseThrow()));
    });
    stream("SELECT platform, post_id, from_id, to_id, in_reply_to_id, replied_at FROM replies", rs -> {
      Platform p = new Platform(rs.getString("platform"));
      sink.accept(new Interaction.Reply(new AccountKey(p, rs.getString("from_id")),
          Optional.ofNullable(rs.getString("to_id")).map(id -> new AccountKey(p, id)), new PostKey(p, rs.getString("post_id")),
          new PostKey(p, rs.getString("in_reply_to_id")), instant(rs, "replied_at").orElseThrow()));
    });
    stream("SELECT platform, post_id, from_id, kind, original_id, original_author_id, origin_name, shared_at FROM shares", rs -> {
      Platform p = new Platform(rs.getString("platform"));
      sink.accept(new Interaction.Share(new AccountKey(p, rs.getString("from_id")), Interaction.Share.Kind.valueOf(rs.getString("kind")),
          new PostKey(p, rs.getString("post_id")), Optional.ofNullable(rs.getString("original_id")).map(id -> new PostKey(p, id)),
          Optional.ofNullable(rs.getString("original_author_id")).map(id -> new AccountKey(p, id)),
          Optional.ofNullable(rs.getString("origin_name")), instant(rs, "shared_at").orElseThrow()));
    });
  }

  /** Every account the store holds (they are not new when seen again after a restart). */
  void accounts(Consumer<AccountKey> sink) {
    stream("SELECT platform, native_id FROM accounts", rs -> sink.accept(new AccountKey(new Platform(rs.getString(1)), rs.getString(2))));
  }

  /** Accounts with an open case: the unit is looking at them, so they anchor the graph. */
  void accountsWithOpenCases(Consumer<AccountKey> sink) {
    stream("SELECT platform, subject_id FROM cases WHERE state = 'OPEN' AND subject_kind = 'ACCOUNT'",
        rs -> sink.accept(new AccountKey(new Platform(rs.getString(1)), rs.getString(2))));
  }

  /** Accounts a platform reported removed in answer to a request, with the earliest such answer. */
  void removals(Consumer<Removal> sink) {
    stream("""
        SELECT r.subject_platform, r.subject_id, min(h.changed_at) AS removed_at, min(k.tier) AS tier
          FROM requests r
          JOIN request_status_history h ON h.request_id = r.id AND h.status = 'REMOVED'
          JOIN cases k ON k.id = r.case_id
         WHERE r.subject_kind = 'ACCOUNT'
         GROUP BY r.subject_platform, r.subject_id""", rs -> sink.accept(new Removal(
        new AccountKey(new Platform(rs.getString(1)), rs.getString(2)), instant(rs, "removed_at").orElseThrow(),
        Optional.ofNullable(rs.getString("tier")).map(Tier::valueOf))));
  }

  /**
   * The stored interactions around one account, for an account just flagged: the graph kept none of
   * them while it was outside the bound. Follows both ways, mentions and replies addressed to it (the
   * store indexes those), at most {@code limit} of each.
   */
  List<Interaction> around(AccountKey account, int limit) {
    List<Interaction> found = new ArrayList<>();
    String platform = account.platform().name();
    Platform p = account.platform();
    query("(SELECT from_id, to_id, followed_at FROM follows WHERE platform = ? AND from_id = ? LIMIT ?)"
        + " UNION ALL (SELECT from_id, to_id, followed_at FROM follows WHERE platform = ? AND to_id = ? LIMIT ?)",
        List.of(platform, account.id(), limit, platform, account.id(), limit), rs -> found.add(new Interaction.Follow(
            new AccountKey(p, rs.getString(1)), new AccountKey(p, rs.getString(2)), instant(rs, "followed_at"))));
    query("SELECT post_id, to_handle, from_id, mentioned_at FROM mentions WHERE platform = ? AND to_id = ? LIMIT ?",
        List.of(platform, account.id(), limit), rs -> found.add(new Interaction.Mention(new AccountKey(p, rs.getString("from_id")),
            rs.getString("to_handle"), Optional.of(account), new PostKey(p, rs.getString("post_id")), instant(rs, "mentioned_at").orElseThrow())));
    query("SELECT post_id, from_id, in_reply_to_id, replied_at FROM replies WHERE platform = ? AND to_id = ? LIMIT ?",
        List.of(platform, account.id(), limit), rs -> found.add(new Interaction.Reply(new AccountKey(p, rs.getString("from_id")),
            Optional.of(account), new PostKey(p, rs.getString("post_id")), new PostKey(p, rs.getString("in_reply_to_id")),
            instant(rs, "replied_at").orElseThrow())));
    return found;
  }

  private void query(String sql, List<Object> parameters, RowReader reader) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        ps.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the stored interactions: " + e.getMessage(), e);
    }
  }

  /** The accounts {@code account} followed or mentioned, at most {@code limit}: a suspended account's neighbourhood. */
  List<AccountKey> contactsOf(AccountKey account, int limit) {
    List<AccountKey> contacts = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("""
            (SELECT to_id FROM follows WHERE platform = ? AND from_id = ? LIMIT ?)
            UNION (SELECT to_id FROM mentions WHERE platform = ? AND from_id = ? AND to_id IS NOT NULL LIMIT ?)""")) {
      for (int i = 0; i < 2; i++) {
        ps.setString(3 * i + 1, account.platform().name());
        ps.setString(3 * i + 2, account.id());
        ps.setInt(3 * i + 3, limit);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && contacts.size() < limit) {
          contacts.add(new AccountKey(account.platform(), rs.getString(1)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the contacts of " + account + ": " + e.getMessage(), e);
    }
    return contacts;
  }

  @FunctionalInterface
  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void stream(String sql, RowReader reader) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(FETCH);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            reader.read(rs);
          }
        }
      } finally {
        c.rollback();
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the stored history to rebuild the live account state: " + e.getMessage(), e);
    }
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    List<String> strings = new ArrayList<>(values.length);
    for (Object v : values) {
      if (v != null) {
        strings.add(v.toString());
      }
    }
    return strings;
  }

  /** Kind and strength of each stored signal are what account risk reads; reasons and evidence stay in the store. */
  private static List<Signal> signals(Subject subject, String json) {
    List<Signal> signals = new ArrayList<>();
    for (JsonNode node : JSON.readTree(json)) {
      double strength = Math.max(0, Math.min(1, node.path("strength").asDouble()));
      Optional<Tier> tier = node.path("tier").isString() ? Optional.of(Tier.parse(node.get("tier").asString())) : Optional.empty();
      signals.add(new Signal(subject, node.path("kind").asString(), strength, tier, "", Map.of()));
    }
    return signals;
  }
}
