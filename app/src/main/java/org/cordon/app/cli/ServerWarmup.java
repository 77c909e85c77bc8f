package org.cordon.app.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Brings a freshly started database server to the state of one that has been running: every
 * connection of the pool has used each buffer of the shared buffer pool once.
 *
 * <p>Why: a PostgreSQL backend maps the server's shared memory page by page, the first time it
 * touches each page, and on this project's machine such a page fault costs about 12 µs (its kernel
 * runs paravirtualised, under PVM; a fault usually costs well under a microsecond). A writer backend
 * of a new server touches every 4 KiB page of the 128 MiB pool as the buffers cycle through it: in a
 * measured run of {@code bench triage}, the two writers' backends took 46,000 faults, about 12 % of
 * their CPU. A running deployment's backends took those faults when they were opened (the pool
 * renews a connection every 30 minutes), so the benchmark's steady state does not include them,
 * just as it does not include the JIT's compiling.
 *
 * <p>How: each connection in turn fills an unlogged scratch table a tenth larger than the pool, as
 * the writers fill theirs (a new block takes a buffer and its page is written by the backend
 * itself), and empties it. Reading would not do: PostgreSQL 18's I/O workers, not the backend, write
 * a block read from disk into its buffer. Then the table is dropped; nothing of the data stays, and
 * the measured part meets empty tables, as before.
 */
final class ServerWarmup {
  private static final String TABLE = "cordon_bench_server_warmup";
  /** Rows of this many bytes stay under PostgreSQL's 2 kB TOAST threshold: four to a block, stored as written. */
  private static final int ROW_BYTES = 1900;
  private static final int ROWS_PER_BLOCK = 4;

  /** What the warm-up did, for the report. */
  record Report(int connections, long sharedBufferBytes, long tableBytes, double seconds) {}

  private ServerWarmup() {}

  static Report run(DataSource dataSource) throws SQLException {
    long start = System.nanoTime();
    int connections = dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : 1;
    long blocks;
    long blockSize;
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery(
          "SELECT setting::bigint, current_setting('block_size')::bigint FROM pg_settings WHERE name = 'shared_buffers'")) {
        rs.next();
        blocks = rs.getLong(1);
        blockSize = rs.getLong(2);
      }
      s.execute("DROP TABLE IF EXISTS " + TABLE);
      s.execute("CREATE UNLOGGED TABLE " + TABLE + " (filler text STORAGE PLAIN) WITH (fillfactor = 100, autovacuum_enabled = false)");
    }
    long rows = (blocks + blocks / 10) * ROWS_PER_BLOCK;
    long tableBytes = 0;
    // every connection at once, so that the pool hands out each of them (and opens any it lacks)
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        held.add(dataSource.getConnection());
      }
      for (Connection c : held) {
        try (Statement s = c.createStatement()) {
          s.execute("INSERT INTO " + TABLE + " SELECT repeat('x', " + ROW_BYTES + ") FROM generate_series(1, " + rows + ")");
          try (ResultSet rs = s.executeQuery("SELECT pg_relation_size('" + TABLE + "')")) {
            rs.next();
            tableBytes = rs.getLong(1);
          }
          s.execute("TRUNCATE " + TABLE);
        }
      }
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE " + TABLE);
    }
    return new Report(connections, blocks * blockSize, tableBytes, (System.nanoTime() - start) / 1e9);
  }
}
