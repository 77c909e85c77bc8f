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
 * Where the database server's time went during one part of a benchmark: the bytes of write-ahead
 * log it wrote (the log position before and after: exact, always there) and, when the server
 * preloads pg_stat_statements, its execution time and log records by statement. Not pg_stat_wal: a
 * backend hands its counts over at most once a second, or ten seconds after it goes idle, so a
 * short run read right after its last commit would see part of its log or none. The statements'
 * counts are reset at the start (see {@link #start}). A statement's time includes its waits for
 * other transactions' locks.
 */
final class ServerProfile {
  /** How many statements the report lists, the costliest first. */
  static final int STATEMENTS_SHOWN = 12;

  private final DataSource dataSource;
  private final boolean statements;
  private final String walStart;

  /**
   * The log written: {@code bytes} from the log position; {@code records} and
   * {@code fullPageImages} summed over the statements, so zero without pg_stat_statements.
   */
  record Wal(long records, long fullPageImages, long bytes) {}

  /** One statement's share of the server's time; {@code text} is its normalised form, shortened. */
  record StatementCost(String text, long calls, long rows, double executeMillis, double planMillis, long walRecords, long walFullPageImages) {}

  /** What the server did between {@link #start} and {@link #finish}. */
  record Report(Wal wal, List<StatementCost> statements) {}

  private ServerProfile(DataSource dataSource, boolean statements, String walStart) {
    this.dataSource = dataSource;
    this.statements = statements;
    this.walStart = walStart;
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
      try (ResultSet rs = s.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
        rs.next();
        return new ServerProfile(dataSource, statements, rs.getString(1));
      }
    }
  }

  Report finish() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      long bytes;
      try (var since = c.prepareStatement("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ?::pg_lsn)::bigint")) {
        since.setString(1, walStart);
        try (ResultSet rs = since.executeQuery()) {
          rs.next();
          bytes = rs.getLong(1);
        }
      }
      List<StatementCost> costs = new ArrayList<>();
      long records = 0;
      long fullPageImages = 0;
      if (statements) {
        try (ResultSet rs = s.executeQuery("""
            SELECT regexp_replace(query, '\\s+', ' ', 'g'), calls, rows, total_exec_time, total_plan_time, wal_records, wal_fpi
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time + total_plan_time DESC""")) {
          while (rs.next()) {
            StatementCost cost = new StatementCost(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5),
                rs.getLong(6), rs.getLong(7));
            records += cost.walRecords();
            fullPageImages += cost.walFullPageImages();
            if (costs.size() < STATEMENTS_SHOWN) {
              costs.add(cost);
            }
          }
        }
      }
      return new Report(new Wal(records, fullPageImages, bytes), costs);
    }
  }

  /** The statement table and the log line, per flagged post: what a reader compares between runs. */
  static void print(Report report, long flagged, java.io.PrintStream out) {
    long per = Math.max(1, flagged);
    if (report.statements().isEmpty()) {
      out.printf(Locale.ROOT, "write-ahead log per flagged post: %.0f bytes%n", (double) report.wal().bytes() / per);
      return;
    }
    out.printf(Locale.ROOT, "write-ahead log per flagged post: %.0f bytes, %.1f records, %.2f full-page images (of the statements)%n",
        (double) report.wal().bytes() / per, (double) report.wal().records() / per, (double) report.wal().fullPageImages() / per);
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
