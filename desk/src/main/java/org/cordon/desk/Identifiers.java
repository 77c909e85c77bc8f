package org.cordon.desk;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.Subject;
import org.cordon.desk.Selectors.Identifier;

/**
 * The identifiers of an item that selectors can match: its handle (a post's author's), its URLs and
 * links, the hashes of its media, and contact handles written in its text or bio.
 */
final class Identifiers {
  private Identifiers() {}

  /** A stored subject's identifiers, plus the URLs a request names for it. */
  static Set<Identifier> ofStored(Connection c, Subject subject, List<String> extraUrls) throws SQLException {
    Set<Identifier> ids = Selectors.newSet();
    extraUrls.forEach(u -> url(ids, u, "request URL"));
    switch (subject) {
      case PostKey post -> {
        record PostRow(String url, List<String> links, String text, String author) {}
        var row = Sql.one(c, "SELECT url, links, text, author_native_id FROM posts WHERE platform = ? AND native_id = ?",
            rs -> new PostRow(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()), rs.getString(3), rs.getString(4)),
            post.platform().name(), post.id());
        if (row.isPresent()) {
          if (row.get().url() != null) {
            url(ids, row.get().url(), "post URL");
          }
          row.get().links().forEach(l -> url(ids, l, "post link"));
          Selectors.contactsIn(row.get().text(), ids, "post text");
          accountHandle(c, new AccountKey(post.platform(), row.get().author()), ids);
        }
        for (String hash : Sql.list(c, """
            SELECT f.hash_value FROM posts p JOIN post_media pm ON pm.post_id = p.id
              JOIN media_fingerprints f ON f.media_platform = pm.media_platform AND f.media_native_id = pm.media_native_id
             WHERE p.platform = ? AND p.native_id = ?""", rs -> rs.getString(1), post.platform().name(), post.id())) {
          hash(ids, hash);
        }
      }
      case AccountKey account -> {
        record AccountRow(String handle, String profileUrl, List<String> links, String bio) {}
        var row = Sql.one(c, "SELECT handle, profile_url, links, bio FROM accounts WHERE platform = ? AND native_id = ?",
            rs -> new AccountRow(rs.getString(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()), rs.getString(4)),
            account.platform().name(), account.id());
        if (row.isPresent()) {
          Selectors.tryNormalize(SelectorKind.HANDLE, row.get().handle()).ifPresent(h -> ids.add(new Identifier(SelectorKind.HANDLE, h, "account handle")));
          if (row.get().profileUrl() != null) {
            url(ids, row.get().profileUrl(), "profile URL");
          }
          row.get().links().forEach(l -> url(ids, l, "profile link"));
          if (row.get().bio() != null) {
            Selectors.contactsIn(row.get().bio(), ids, "bio");
          }
        }
      }
    }
    return ids;
  }

  /** An observed item's identifiers, from the record itself and what the store knows of its author and media. */
  static Set<Identifier> ofObserved(Connection c, Observed observed) throws SQLException {
    Set<Identifier> ids = Selectors.newSet();
    switch (observed) {
      case Account a -> {
        Selectors.tryNormalize(SelectorKind.HANDLE, a.handle()).ifPresent(h -> ids.add(new Identifier(SelectorKind.HANDLE, h, "account handle")));
        a.profileUrl().ifPresent(u -> url(ids, u, "profile URL"));
        a.links().forEach(l -> url(ids, l, "profile link"));
        a.bio().ifPresent(b -> Selectors.contactsIn(b, ids, "bio"));
      }
      case Post p -> {
        p.url().ifPresent(u -> url(ids, u, "post URL"));
        p.links().forEach(l -> url(ids, l, "post link"));
        Selectors.contactsIn(p.text(), ids, "post text");
        accountHandle(c, p.author(), ids);
        for (MediaKey m : p.media()) {
          mediaHashes(c, m, ids);
        }
      }
      case Media m -> mediaHashes(c, m.key(), ids);
      case Interaction i -> {
        // an edge between accounts carries no identifier of its own
      }
    }
    return ids;
  }

  static String[] kinds(Set<Identifier> ids) {
    return ids.stream().map(i -> i.kind().name()).toArray(String[]::new);
  }

  static String[] values(Set<Identifier> ids) {
    return ids.stream().map(Identifier::normalized).toArray(String[]::new);
  }

  private static void mediaHashes(Connection c, MediaKey key, Set<Identifier> ids) throws SQLException {
    for (String hash : Sql.list(c, "SELECT hash_value FROM media_fingerprints WHERE media_platform = ? AND media_native_id = ?",
        rs -> rs.getString(1), key.platform().name(), key.id())) {
      hash(ids, hash);
    }
  }

  private static void accountHandle(Connection c, AccountKey author, Set<Identifier> ids) throws SQLException {
    List<String> handles = new ArrayList<>(Sql.list(c, "SELECT handle FROM accounts WHERE platform = ? AND native_id = ?",
        rs -> rs.getString(1), author.platform().name(), author.id()));
    for (String h : handles) {
      Selectors.tryNormalize(SelectorKind.HANDLE, h).ifPresent(n -> ids.add(new Identifier(SelectorKind.HANDLE, n, "author handle")));
    }
  }

  private static void url(Set<Identifier> ids, String raw, String where) {
    Selectors.tryNormalize(SelectorKind.URL, raw).ifPresent(u -> ids.add(new Identifier(SelectorKind.URL, u, where)));
  }

  private static void hash(Set<Identifier> ids, String raw) {
    Selectors.tryNormalize(SelectorKind.MEDIA_HASH, raw).ifPresent(h -> ids.add(new Identifier(SelectorKind.MEDIA_HASH, h, "media hash")));
  }
}
