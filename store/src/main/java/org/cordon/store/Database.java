package org.cordon.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A PostgreSQL database with Cordon's schema migrated: an embedded server whose data survives
 * restarts, a throw-away one for tests, or an external server. Closing it closes the pool and stops
 * an embedded server.
 */
public final class Database implements AutoCloseable {
  static final String MIGRATIONS = "classpath:db/migration";
  /**
   * System property naming libraries the embedded server preloads (its shared_preload_libraries),
   * such as pg_stat_statements for a benchmark that reports the server's time by statement.
   */
  public static final String PRELOAD_PROPERTY = "cordon.postgres.preload";
  /** System property: server settings for the embedded PostgreSQL, {@code name=value} pairs separated by commas. */
  public static final String SERVER_CONFIG_PROPERTY = "cordon.postgres.config";

  private final HikariDataSource dataSource;
  private final String jdbcUrl;
  private final Optional<EmbeddedPostgres> server;
  private final Optional<Path> deleteOnClose;
  private Optional<Path> cluster = Optional.empty();

  private Database(String jdbcUrl, String user, String password, Optional<EmbeddedPostgres> server, Optional<Path> deleteOnClose, boolean migrate) {
    this.jdbcUrl = jdbcUrl;
    this.server = server;
    this.deleteOnClose = deleteOnClose;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(10);
    config.setPoolName("cordon-store");
    // batches of observations are sent as multi-row inserts
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    this.dataSource = new HikariDataSource(config);
    try {
      if (migrate) {
        migrate(dataSource);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts (or restarts) an embedded PostgreSQL keeping its data under {@code dataDirectory}: the
   * cluster in {@code pgdata/}, the server binaries in {@code binaries/} (unless the system property
   * {@code ot.epg.working-dir} names a shared place). A server left behind by a killed run is
   * stopped or its stale lock file removed first.
   */
  public static Database embedded(Path dataDirectory) {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Path root = dataDirectory.toAbsolutePath();
    Path binaries = System.getProperty("ot.epg.working-dir") == null ? root.resolve("binaries") : Path.of(System.getProperty("ot.epg.working-dir"));
    EmbeddedPostgres server = EmbeddedServer.start(root.resolve(EmbeddedServer.CLUSTER), binaries, true);
    Database database = onEmbedded(server, Optional.empty());
    database.cluster = Optional.of(root.resolve(EmbeddedServer.CLUSTER));
    return database;
  }

  /** An embedded PostgreSQL in a fresh temporary directory, deleted on close: for tests. */
  public static Database temporary() {
    Path directory;
    try {
      directory = Files.createTempDirectory("cordon-db-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the database; check java.io.tmpdir", e);
    }
    // binaries are shared between temporary databases (zonky's default place), to start fast
    Path binaries = Path.of(System.getProperty("ot.epg.working-dir", Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
    EmbeddedPostgres server = EmbeddedServer.start(directory.resolve(EmbeddedServer.CLUSTER), binaries, false);
    Database database = onEmbedded(server, Optional.of(directory));
    database.cluster = Optional.of(directory.resolve(EmbeddedServer.CLUSTER));
    return database;
  }

  /** A database on a PostgreSQL server Cordon does not run; migrated on open. */
  public static Database external(String jdbcUrl, String user, String password) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    return new Database(jdbcUrl, user, password, Optional.empty(), Optional.empty(), true);
  }

  /** An external database as it is, for inspecting it without changing its schema. */
  static Database externalWithoutMigrating(String jdbcUrl, String user, String password) {
    return new Database(jdbcUrl, user, password, Optional.empty(), Optional.empty(), false);
  }

  private static Database onEmbedded(EmbeddedPostgres server, Optional<Path> deleteOnClose) {
    String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
    try {
      return new Database(url, EmbeddedServer.USER, "", Optional.of(server), deleteOnClose, true);
    } catch (RuntimeException e) {
      EmbeddedServer.stop(server);
      throw e;
    }
  }

  static void migrate(DataSource dataSource) {
    flyway(dataSource).migrate();
  }

  static Flyway flyway(DataSource dataSource) {
    return Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The URL clients connect with (user "postgres", no password, for an embedded server). */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** The embedded server's cluster directory, if this database runs one. */
  Optional<Path> cluster() {
    return cluster;
  }

  @Override
  public void close() {
    dataSource.close();
    server.ifPresent(EmbeddedServer::stop);
    deleteOnClose.ifPresent(Database::deleteRecursively);
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete temporary database directory " + directory, e);
    }
  }
}
