package org.cordon.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ExtendWith;

/** Gives a test the shared embedded database and stores opened on it. */
@ExtendWith(WithDatabase.class)
abstract class DatabaseTestBase {
  Database database;
  Stores stores;
  Path evidenceDirectory;

  long count(String sql, Object... parameters) throws SQLException {
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  void execute(String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection(); var statement = c.createStatement()) {
      statement.execute(sql);
    }
  }
}
