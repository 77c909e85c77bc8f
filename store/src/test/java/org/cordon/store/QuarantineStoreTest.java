package org.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.ingest.SourcePosition;
import org.junit.jupiter.api.Test;

class QuarantineStoreTest extends DatabaseTestBase {

  @Test
  void aRejectionIsKeptWithItsReasonPositionAndExcerptBytes() throws Exception {
    String source = "quarantine-" + System.nanoTime();
    byte[] badUtf8 = {'{', '"', 'a', (byte) 0xC3, (byte) 0x28, 0, '}'};
    long before = stores.quarantine().count();

    stores.quarantine().quarantine(source, new Rejection(new SourcePosition("dump.jsonl", 42, 9001), Rejection.Reason.INVALID_ENCODING,
        "invalid UTF-8 at byte 3 (\u0000 follows)", badUtf8, 123_456));
    stores.quarantine().quarantine(source, Rejection.of(new SourcePosition("dump.jsonl", 43, -1), Rejection.Reason.MALFORMED_JSON, "cut short", new byte[0]));

    assertThat(stores.quarantine().count()).isEqualTo(before + 2);
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT * FROM quarantine WHERE source = ? ORDER BY record_index")) {
      ps.setString(1, source);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getString("file")).isEqualTo("dump.jsonl");
        assertThat(rs.getLong("record_index")).isEqualTo(42);
        assertThat(rs.getLong("byte_offset")).isEqualTo(9001);
        assertThat(rs.getString("reason")).isEqualTo("INVALID_ENCODING");
        assertThat(rs.getString("detail")).startsWith("invalid UTF-8 at byte 3");
        assertThat(rs.getBytes("excerpt")).isEqualTo(badUtf8);
        assertThat(rs.getLong("size")).isEqualTo(123_456);
        rs.next();
        assertThat(rs.getObject("byte_offset")).isNull();
        assertThat(rs.getLong("size")).isZero();
        assertThat(rs.getString("reason")).isEqualTo("MALFORMED_JSON");
      }
    }
  }

  @Test
  void anUnknownSizeIsStoredAsNull() throws Exception {
    String source = "quarantine-size-" + System.nanoTime();

    stores.quarantine().quarantine(source, new Rejection(new SourcePosition("big", 1, 0), Rejection.Reason.TOO_LARGE, "over 16 MiB", new byte[4096], -1));

    assertThat(count("SELECT count(*) FROM quarantine WHERE source = ? AND size IS NULL AND length(excerpt) = 4096", source)).isEqualTo(1);
  }
}
