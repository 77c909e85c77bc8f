package org.cordon.app.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Where the database server's time went during one part of a benchmark: its write-ahead log
 * (records, full-page images, bytes: pg_stat_wal, always there) and, when the server preloads
 * pg_stat_statements, its execution time by statement. The log is read as the difference between
 * a snapshot before and one after; the statements' counts are reset at the start (see
 * {@link #start}). A statement's time includes its waits for other transactions' locks.
 */
final class ServerProfile {
  /** How many statements the report lists, the costliest first. */
  static final int STATEMENTS_SHOWN = 12;

  private final DataSource dataSource;
  private final boolean statements;
  private final Wal walBefore;

  /** The log's totals since the server's statistics were last reset. */
  record Wal(long records, long fullPageImages, long bytes) {
    Wal minus(Wal other) {
      return new Wal(records - other.records, fullPageImages - other.fullPageImages, bytes - other.bytes);
    }
  }

  /** One statement's share of the server's time; {@code text} is its normalised form, shortened. */
  record StatementCost(String text, long calls, long rows, double executeMillis, double planMillis) {}

  /** What the server did between {@link #start} and {@link #finish}. */
  record Report(Wal wal, List<StatementCost> statements) {}

  private ServerProfile(DataSource dataSource, boolean statements, Wal walBefore) {
    this.dataSource = dataSource;
    this.statements = statements;
    this.walBefore = walBefore;
  }

  /**
   * Takes the snapshot before the part to profile. With {@code statements}, the server must preload
   * pg_stat_statements (see {@link org.cordon.store.Database#PRELOAD_PROPERTY}); its counts are
   * reset here, since the extension keeps no per-reader snapshot and a fresh bench database has no
   * other reader.
   */
  static ServerProfile start(DataSource dataSource, boolean statements) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      if (statements) {
        s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        s.execute("SELECT pg_stat_statements_reset()");
      }
      return new ServerProfile(dataSource, statements, wal(s));
    }
  }

  Report finish() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      Wal wal = wal(s).minus(walBefore);
      List<StatementCost> costs = new ArrayList<>();
      if (statements) {
        try (ResultSet rs = s.executeQuery("""
            SELECT regexp_replace(query, '\\s+', ' ', 'g'), calls, rows, total_exec_time, total_plan_time
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time + total_plan_time DESC
            LIMIT %d""".formatted(STATEMENTS_SHOWN))) {
          while (rs.next()) {
            costs.add(new StatementCost(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5)));
          }
        }
      }
      return new Report(wal, costs);
    }
  }

  private static Wal wal(Statement s) throws SQLException {
    // a new snapshot each time: statistics views are otherwise cached for the transaction
    s.execute("SELECT pg_stat_clear_snapshot()");
    try (ResultSet rs = s.executeQuery("SELECT wal_records, wal_fpi, wal_bytes FROM pg_stat_wal")) {
      rs.next();
      return new Wal(rs.getLong(1), rs.getLong(2), rs.getLong(3));
    }
  }

  /** The statement table and the log line, per flagged post: what a reader compares between runs. */
  static void print(Report report, long flagged, java.io.PrintStream out) {
    long per = Math.max(1, flagged);
    out.printf(Locale.ROOT, "write-ahead log per flagged post: %.1f records, %.2f full-page images, %.0f bytes%n",
        (double) report.wal().records() / per, (double) report.wal().fullPageImages() / per, (double) report.wal().bytes() / per);
    if (report.statements().isEmpty()) {
      return;
    }
    Table t = new Table("statement (pg_stat_statements, costliest first)", "calls", "rows", "exec s", "plan s", "µs per flagged post");
    for (StatementCost cost : report.statements()) {
      t.row(shorten(cost.text(), 70), Long.toString(cost.calls()), Long.toString(cost.rows()),
          String.format(Locale.ROOT, "%.2f", cost.executeMillis() / 1e3), String.format(Locale.ROOT, "%.2f", cost.planMillis() / 1e3),
          String.format(Locale.ROOT, "%.1f", (cost.executeMillis() + cost.planMillis()) * 1e3 / per));
    }
    out.println();
    t.print(out);
  }

  private static String shorten(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }
}
