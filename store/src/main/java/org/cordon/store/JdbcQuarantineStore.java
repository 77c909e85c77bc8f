package org.cordon.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.port.QuarantineStore;

final class JdbcQuarantineStore implements QuarantineStore {
  private final Transactions transactions;
  private final Clock clock;

  JdbcQuarantineStore(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void quarantine(String source, Rejection rejection) {
    String sql = """
        INSERT INTO quarantine (source, file, record_index, byte_offset, reason, detail, excerpt, size, quarantined_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    transactions.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, Columns.storable(source));
        ps.setString(2, Columns.storable(rejection.position().file()));
        ps.setLong(3, rejection.position().record());
        if (rejection.position().byteOffset() < 0) {
          ps.setNull(4, Types.BIGINT);
        } else {
          ps.setLong(4, rejection.position().byteOffset());
        }
        ps.setString(5, rejection.reason().name());
        // the detail often quotes the bad input itself
        ps.setString(6, Columns.storable(rejection.detail()));
        ps.setBytes(7, rejection.excerpt());
        if (rejection.size() < 0) {
          ps.setNull(8, Types.BIGINT);
        } else {
          ps.setLong(8, rejection.size());
        }
        ps.setTimestamp(9, Columns.timestamp(clock.instant().truncatedTo(ChronoUnit.MICROS)));
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public long count() {
    return transactions.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM quarantine"); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
