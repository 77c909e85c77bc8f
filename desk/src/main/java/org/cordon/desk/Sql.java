package org.cordon.desk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** One transaction per desk operation, rolled back on any failure; and the row helpers the desk's SQL shares. */
final class Sql {
  private final DataSource dataSource;

  Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  <T> T inTransaction(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  <T> T read(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /** A refusal raised by a desk trigger (four-eyes, append-only) keeps its message and becomes a refusal. */
  private static RuntimeException translate(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("23514") && String.valueOf(e.getMessage()).contains("four-eyes")) {
      return new DeskRefusal(DeskRefusal.Reason.FOUR_EYES, e.getMessage());
    }
    return new IllegalStateException("desk database operation failed (SQL state " + state + "): " + e.getMessage(), e);
  }

  static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, parameters); ResultSet rs = ps.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
      return rows;
    }
  }

  static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
    List<T> rows = list(c, sql, mapper, parameters);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }

  static long count(Connection c, String sql, Object... parameters) throws SQLException {
    return one(c, sql, rs -> rs.getLong(1), parameters).orElse(0L);
  }

  static int update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, parameters)) {
      return ps.executeUpdate();
    }
  }

  /** Runs an INSERT ... RETURNING id. */
  static long insert(Connection c, String sql, Object... parameters) throws SQLException {
    return one(c, sql, rs -> rs.getLong(1), parameters).orElseThrow();
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        Object p = parameters[i];
        switch (p) {
          case null -> ps.setObject(i + 1, null);
          case Instant instant -> ps.setTimestamp(i + 1, timestamp(instant));
          case Optional<?> optional -> ps.setObject(i + 1, optional.map(o -> o instanceof Instant t ? timestamp(t) : o).orElse(null));
          case String[] array -> ps.setArray(i + 1, c.createArrayOf("text", array));
          case Long[] array -> ps.setArray(i + 1, c.createArrayOf("int8", array));
          default -> ps.setObject(i + 1, p);
        }
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getTimestamp(column).toInstant();
  }

  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }

  static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  /** PostgreSQL text holds no U+0000; such characters in user text are replaced, never silently cut. */
  static String storable(String text) {
    return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
  }
}
