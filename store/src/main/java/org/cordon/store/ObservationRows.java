package org.cordon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.PostReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** Reads observations back into core records: the inverse of {@link JdbcObservationStore}'s writes. */
final class ObservationRows {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private ObservationRows() {}

  static String referencesJson(List<PostReference> references) {
    ArrayNode array = JSON.createArrayNode();
    for (PostReference r : references) {
      array.addObject().put("kind", r.kind().name()).put("platform", r.target().platform().name()).put("id", r.target().id());
    }
    return JSON.writeValueAsString(array);
  }

  static List<PostReference> references(String json) {
    List<PostReference> references = new ArrayList<>();
    for (JsonNode r : JSON.readTree(json)) {
      references.add(new PostReference(PostReference.Kind.valueOf(r.get("kind").asString()),
          new PostKey(new Platform(r.get("platform").asString()), r.get("id").asString())));
    }
    return references;
  }

  /** Posts matching {@code where} (over alias {@code p}), in the order given, with their media keys. */
  static List<Post> posts(Connection c, String where, List<Object> parameters, int limit) throws SQLException {
    return postRows(c, where + " ORDER BY p.posted_at, p.id", parameters, limit).stream().map(PostRow::post).toList();
  }

  record PostRow(long id, Post post) {}

  static List<PostRow> postRows(Connection c, String whereAndOrder, List<Object> parameters, int limit) throws SQLException {
    String sql = "SELECT p.* FROM posts p WHERE " + whereAndOrder + " LIMIT ?";
    record Partial(long id, ResultSetPost post) {}
    List<Partial> partial = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (Object parameter : parameters) {
        ps.setObject(i++, parameter);
      }
      ps.setInt(i, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          partial.add(new Partial(rs.getLong("id"), ResultSetPost.read(rs)));
        }
      }
    }
    Map<Long, List<MediaKey>> media = mediaOf(c, partial.stream().map(Partial::id).toList());
    return partial.stream().map(p -> new PostRow(p.id(), p.post().withMedia(media.getOrDefault(p.id(), List.of())))).toList();
  }

  /** A post row before its media are joined. */
  private record ResultSetPost(PostKey key, AccountKey author, java.time.Instant postedAt, String text, Optional<String> language,
      Optional<String> url, List<String> hashtags, List<String> mentions, List<String> links, List<PostReference> references) {
    static ResultSetPost read(ResultSet rs) throws SQLException {
      Platform platform = new Platform(rs.getString("platform"));
      return new ResultSetPost(
          new PostKey(platform, rs.getString("native_id")),
          new AccountKey(platform, rs.getString("author_native_id")),
          Columns.instant(rs, "posted_at"),
          Columns.restore(rs.getString("text"), rs.getBytes("text_exact")),
          Columns.optionalString(rs, "language"),
          Columns.optionalString(rs, "url"),
          Columns.stringList(rs, "hashtags"),
          Columns.stringList(rs, "mentions"),
          Columns.stringList(rs, "links"),
          ObservationRows.references(rs.getString("post_references")));
    }

    Post withMedia(List<MediaKey> media) {
      return new Post(key, author, postedAt, text, language, url, media, hashtags, mentions, links, references);
    }
  }

  private static Map<Long, List<MediaKey>> mediaOf(Connection c, List<Long> postIds) throws SQLException {
    Map<Long, List<MediaKey>> media = new HashMap<>();
    if (postIds.isEmpty()) {
      return media;
    }
    String sql = "SELECT post_id, media_platform, media_native_id FROM post_media WHERE post_id = ANY(?) ORDER BY post_id, ordinal";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("int8", postIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          media.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new MediaKey(new Platform(rs.getString(2)), rs.getString(3)));
        }
      }
    }
    return media;
  }

  /** The stored accounts among {@code keys}, in no particular order. */
  static List<Account> accounts(Connection c, List<AccountKey> keys) throws SQLException {
    if (keys.isEmpty()) {
      return List.of();
    }
    String sql = """
        SELECT a.* FROM accounts a
        JOIN unnest(?::text[], ?::text[]) AS k(platform, native_id) ON a.platform = k.platform AND a.native_id = k.native_id""";
    List<Account> accounts = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", keys.stream().map(k -> k.platform().name()).toArray()));
      ps.setArray(2, c.createArrayOf("text", keys.stream().map(AccountKey::id).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          accounts.add(new Account(
              new AccountKey(new Platform(rs.getString("platform")), rs.getString("native_id")),
              rs.getString("handle"),
              Columns.optionalString(rs, "display_name"),
              Columns.optionalString(rs, "bio"),
              Columns.optionalInstant(rs, "created_at"),
              Columns.optionalLong(rs, "followers"),
              Columns.optionalLong(rs, "following"),
              Columns.optionalString(rs, "avatar_url"),
              Columns.optionalString(rs, "profile_url"),
              Columns.stringList(rs, "links")));
        }
      }
    }
    return accounts;
  }

  static Optional<Media> media(Connection c, MediaKey key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM media WHERE platform = ? AND native_id = ?")) {
      ps.setString(1, key.platform().name());
      ps.setString(2, key.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Media(key, Media.Kind.valueOf(rs.getString("kind")),
            Columns.optionalString(rs, "location"), Columns.optionalString(rs, "preview_location"),
            Columns.optionalInt(rs, "width"), Columns.optionalInt(rs, "height")));
      }
    }
  }

  /** Every stored interaction on a platform, by kind and then natural key: for the network graph and tests. */
  static List<Interaction> interactions(Connection c, Platform platform) throws SQLException {
    List<Interaction> all = new ArrayList<>();
    String name = platform.name();
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM follows WHERE platform = ? ORDER BY from_id, to_id")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          all.add(new Interaction.Follow(account(platform, rs.getString("from_id")), account(platform, rs.getString("to_id")),
              Columns.optionalInstant(rs, "followed_at")));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM mentions WHERE platform = ? ORDER BY post_id, to_handle")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          all.add(new Interaction.Mention(account(platform, rs.getString("from_id")), rs.getString("to_handle"),
              Columns.optionalString(rs, "to_id").map(id -> account(platform, id)), new PostKey(platform, rs.getString("post_id")),
              Columns.instant(rs, "mentioned_at")));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM replies WHERE platform = ? ORDER BY post_id")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          all.add(new Interaction.Reply(account(platform, rs.getString("from_id")),
              Columns.optionalString(rs, "to_id").map(id -> account(platform, id)), new PostKey(platform, rs.getString("post_id")),
              new PostKey(platform, rs.getString("in_reply_to_id")), Columns.instant(rs, "replied_at")));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM shares WHERE platform = ? ORDER BY post_id")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          all.add(new Interaction.Share(account(platform, rs.getString("from_id")), Interaction.Share.Kind.valueOf(rs.getString("kind")),
              new PostKey(platform, rs.getString("post_id")),
              Columns.optionalString(rs, "original_id").map(id -> new PostKey(platform, id)),
              Columns.optionalString(rs, "original_author_id").map(id -> account(platform, id)),
              Columns.optionalString(rs, "origin_name"), Columns.instant(rs, "shared_at")));
        }
      }
    }
    return all;
  }

  private static AccountKey account(Platform platform, String id) {
    return new AccountKey(platform, id);
  }

  static <K, V> Map<K, V> byKey(List<V> values, java.util.function.Function<V, K> key) {
    Map<K, V> map = new LinkedHashMap<>();
    values.forEach(v -> map.put(key.apply(v), v));
    return map;
  }
}
