package org.cordon.store;

import java.sql.SQLException;

/** A database failure, unchecked since the ports declare none; carries PostgreSQL's SQLSTATE. The write it interrupted was rolled back. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String sqlState;

  StoreException(SQLException cause) {
    super("database error (SQLSTATE " + cause.getSQLState() + "): " + cause.getMessage(), cause);
    this.sqlState = cause.getSQLState() == null ? "" : cause.getSQLState();
  }

  /** PostgreSQL's error code ("23505" unique violation, "08006" connection failure), or "" when none was given. */
  public String sqlState() {
    return sqlState;
  }
}
