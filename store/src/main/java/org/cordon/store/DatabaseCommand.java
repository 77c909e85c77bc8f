package org.cordon.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.MigrationInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cordon db migrate|info}: applies the schema, or shows its migrations and the row count of every table. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Migrate the database or show its state.")
public final class DatabaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "${env:CORDON_DATA:-data}", description = "Cordon data directory; the embedded database lives in DIR/pg (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = {"--db", "--jdbc-url"}, description = "Use this PostgreSQL server instead of the embedded one.")
  String jdbcUrl;

  @Option(names = "--user", defaultValue = "postgres", description = "Database user with --jdbc-url (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--password", defaultValue = "", description = "Database password with --jdbc-url.")
  String password;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(name = "migrate", description = "Apply pending migrations (opening the database does this) and show the state.")
  int migrate() throws SQLException {
    try (Database database = open()) {
      spec.commandLine().getOut().println("schema is up to date");
      print(database);
    }
    return 0;
  }

  @Command(name = "info", description = "Show the applied migrations and the number of rows in each table.")
  int info() throws SQLException {
    try (Database database = openWithoutMigrating()) {
      print(database);
    }
    return 0;
  }

  private Database open() {
    return jdbcUrl == null ? Database.embedded(data.resolve("pg")) : Database.external(jdbcUrl, user, password);
  }

  /** Info must not change an external server's schema; an embedded one is Cordon's own and is migrated on start. */
  private Database openWithoutMigrating() {
    return jdbcUrl == null ? Database.embedded(data.resolve("pg")) : Database.externalWithoutMigrating(jdbcUrl, user, password);
  }

  private void print(Database database) throws SQLException {
    var out = spec.commandLine().getOut();
    out.println("database: " + database.jdbcUrl());
    out.println("migrations:");
    for (MigrationInfo info : Database.flyway(database.dataSource()).info().all()) {
      out.printf("  %-6s %-40s %-10s %s%n", info.getVersion(), info.getDescription(), info.getState().getDisplayName(),
          info.getInstalledOn() == null ? "" : info.getInstalledOn().toInstant());
    }
    out.println("rows:");
    for (TableCount count : counts(database)) {
      out.printf("  %-26s %,d%n", count.table(), count.rows());
    }
    out.flush();
  }

  record TableCount(String table, long rows) {}

  static List<TableCount> counts(Database database) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      List<TableCount> counts = new ArrayList<>();
      for (String table : tables) {
        // names come from the catalogue, quoted as identifiers
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          counts.add(new TableCount(table, rs.getLong(1)));
        }
      }
      return counts;
    }
  }
}
