package org.cordon.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.cordon.app.runtime.Settings;
import picocli.CommandLine.Option;

/** Options every command that opens the store shares. */
public final class StoreOptions {
  @Option(names = "--data", defaultValue = "${env:CORDON_DATA:-data}", paramLabel = "DIR",
      description = "Data directory: embedded PostgreSQL, evidence, lexicon, hash lists (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "Use this PostgreSQL server (jdbc:postgresql://host:port/db) instead of the embedded one.")
  String jdbcUrl;

  @Option(names = "--db-user", defaultValue = "${env:CORDON_DB_USER:-postgres}", description = "Database user (default: ${DEFAULT-VALUE}).")
  String dbUser;

  @Option(names = "--db-password", defaultValue = "${env:CORDON_DB_PASSWORD:-}", description = "Database password (or CORDON_DB_PASSWORD).")
  String dbPassword;

  public Settings settings() {
    return new Settings(data, Optional.ofNullable(jdbcUrl), dbUser, dbPassword == null ? "" : dbPassword);
  }
}
