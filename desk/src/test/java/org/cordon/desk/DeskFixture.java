package org.cordon.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Subject;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.cordon.referral.desk.Dispatcher;
import org.cordon.store.Database;
import org.cordon.store.Stores;

/** One embedded database per test class, a hand-moved clock, fake ports and helpers to put observations in place. */
final class DeskFixture implements AutoCloseable {
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  final Database database;
  final Stores stores;
  final MutableClock clock = new MutableClock(START);
  final List<Sha256> disposed = new ArrayList<>();
  ContentChecker.Presence presence = ContentChecker.Presence.GONE;
  final Desk desk;
  private int sequence;

  DeskFixture() {
    this.database = Database.temporary();
    try {
      this.stores = Stores.open(database, Files.createTempDirectory("desk-evidence-"), clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.desk = desk(DeskPolicy.defaults("Test Referral Unit"));
  }

  Desk desk(DeskPolicy policy) {
    return Desk.open(database.dataSource(), stores.cases(), policy, clock,
        new Desk.Ports(r -> new ContentChecker.Check(presence, "checked " + r.urls()), disposed::add, KeyAccounts.NONE));
  }

  Dispatcher dispatcher(FakeGateway gateway) {
    return new Dispatcher(desk.requests(), Map.of(gateway.platform(), gateway), clock, 5, Duration.ofMinutes(5), 500);
  }

  /** A fresh, unique native id, so tests sharing the database never meet by accident. */
  String id(String prefix) {
    return prefix + "-" + (++sequence) + "-" + System.nanoTime() % 100000;
  }

  CaseId openCase(Subject subject, Optional<Tier> tier, Instant firstSeen) {
    Assessment assessment = new Assessment(subject, 0.8, true, tier, List.of(), "flagged in a test", clock.instant());
    return stores.cases().openOrUpdate(assessment, 1.0, firstSeen).id();
  }

  void account(Platform platform, String id, String handle, Optional<String> profileUrl, Optional<String> bio) {
    sql("INSERT INTO accounts (platform, native_id, handle, profile_url, bio, followers) VALUES (?, ?, ?, ?, ?, 100)",
        platform.name(), id, handle, profileUrl.orElse(null), bio.orElse(null));
  }

  void post(Platform platform, String id, String author, String url, List<String> links, String text) {
    sql("INSERT INTO posts (platform, native_id, author_native_id, posted_at, text, url, links) VALUES (?, ?, ?, ?, ?, ?, ?)",
        platform.name(), id, author, java.sql.Timestamp.from(clock.instant()), text, url, links.toArray(String[]::new));
  }

  void media(Platform platform, String postId, String mediaId, String hash) {
    sql("INSERT INTO post_media (post_id, ordinal, media_platform, media_native_id) SELECT id, 0, ?, ? FROM posts WHERE platform = ? AND native_id = ?",
        platform.name(), mediaId, platform.name(), postId);
    sql("INSERT INTO media_fingerprints (media_platform, media_native_id, hash_type, hash_value) VALUES (?, ?, 'pdq', ?)", platform.name(), mediaId, hash);
  }

  AccountKey accountKey(Platform platform, String id) {
    return new AccountKey(platform, id);
  }

  void sql(String statement, Object... parameters) {
    try (Connection c = database.dataSource().getConnection(); var ps = c.prepareStatement(statement)) {
      for (int i = 0; i < parameters.length; i++) {
        Object p = parameters[i];
        if (p instanceof String[] array) {
          ps.setArray(i + 1, c.createArrayOf("text", array));
        } else {
          ps.setObject(i + 1, p);
        }
      }
      ps.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The first column of the first row, as a number. */
  long query(String statement, Object... parameters) {
    try (Connection c = database.dataSource().getConnection(); var ps = c.prepareStatement(statement)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (var rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no row for " + statement);
        }
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
