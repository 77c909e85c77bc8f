package org.cordon.detect.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cordon.detect.csv.CsvFile.Fields;
import org.cordon.detect.csv.CsvFile.Malformed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {
  @Test
  void splitsQuotedFieldsWithCommasAndDoubledQuotes() {
    assertThat(CsvFile.split("a, \"b, c\" ,\"say \"\"hi\"\"\",")).containsExactly("a", "b, c", "say \"hi\"", "");
  }

  @Test
  void refusesAnUnclosedQuote() {
    assertThatThrownBy(() -> CsvFile.split("a,\"b")).hasMessageContaining("not closed");
  }

  @Test
  void keepsLineNumbersAcrossBlankAndCommentLinesAndReportsBadUtf8(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("list.csv");
    byte[] badUtf8 = {'x', ',', (byte) 0xC3, (byte) 0x28, '\n'};
    try (var out = Files.newOutputStream(file)) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      out.write("head,er\r\n\n# a comment\nx,\"y\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.write(badUtf8);
      out.write("last,row".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    List<CsvFile.Row> rows = CsvFile.read(file);

    assertThat(rows).hasSize(4);
    assertThat(rows.get(0)).isEqualTo(new Fields(1, List.of("head", "er")));
    assertThat(rows.get(1)).isInstanceOfSatisfying(Malformed.class, m -> assertThat(m.line()).isEqualTo(4));
    assertThat(rows.get(2)).isInstanceOfSatisfying(Malformed.class,
        m -> assertThat(m.problem()).isEqualTo("line 5 is not valid UTF-8"));
    assertThat(rows.get(3)).isEqualTo(new Fields(6, List.of("last", "row")));
  }
}
