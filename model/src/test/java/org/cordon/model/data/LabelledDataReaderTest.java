package org.cordon.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelledDataReaderTest {
  private final LabelledDataReader reader = new LabelledDataReader();

  private LabelledData csv(byte[] bytes) throws IOException {
    return reader.read(new ByteArrayInputStream(bytes), "test.csv", DataFormat.CSV);
  }

  private LabelledData csv(String text) throws IOException {
    return csv(text.getBytes(StandardCharsets.UTF_8));
  }

  private LabelledData jsonl(byte[] bytes) throws IOException {
    return reader.read(new ByteArrayInputStream(bytes), "test.jsonl", DataFormat.JSONL);
  }

  @Test
  void readsQuotedMultiLineFieldsWithDoubledQuotesAndAnyColumnOrder() throws IOException {
    LabelledData data = csv("\uFEFFid,label,language,text\r\n"
        + "1,support,en,\"glory to the \"\"pale lantern\"\"\nsecond line, with comma\"\r\n"
        + "2,report,ar,تقرير الشرطة عن جماعة الفانوس الشاحب\n");
    assertThat(data.examples()).containsExactly(
        new LabelledExample("glory to the \"pale lantern\"\nsecond line, with comma", "support", Optional.of("en")),
        new LabelledExample("تقرير الشرطة عن جماعة الفانوس الشاحب", "report", Optional.of("ar")));
    assertThat(data.skippedRows()).isZero();
    assertThat(data.sha256()).hasSize(64);
  }

  @Test
  void skipsAndCountsBadRowsWithTheLineTheyStartOn() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("text,label\n".getBytes(StandardCharsets.UTF_8));
    file.writeBytes("good one,support\n".getBytes(StandardCharsets.UTF_8));                  // line 2
    file.writeBytes(new byte[] {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, ',', 'x', '\n'});  // line 3: bad UTF-8
    file.writeBytes("only text\n".getBytes(StandardCharsets.UTF_8));                         // line 4: no label
    file.writeBytes(" ,report\n".getBytes(StandardCharsets.UTF_8));                          // line 5: empty text
    file.writeBytes("\"multi\nline\",report\n".getBytes(StandardCharsets.UTF_8));            // lines 6-7: good
    file.writeBytes("\"closed\" late,report\n".getBytes(StandardCharsets.UTF_8));            // line 8: text after quote
    file.writeBytes("\n".getBytes(StandardCharsets.UTF_8));                                  // blank line: ignored
    file.writeBytes("last,report".getBytes(StandardCharsets.UTF_8));                         // line 10, no newline
    LabelledData data = csv(file.toByteArray());
    assertThat(data.examples()).extracting(LabelledExample::text).containsExactly("good one", "multi\nline", "last");
    assertThat(data.skippedRows()).isEqualTo(4);
    assertThat(data.firstSkipped()).extracting(SkippedRow::line).containsExactly(3L, 4L, 5L, 8L);
    assertThat(data.firstSkipped().get(0).reason()).contains("not valid UTF-8");
    assertThat(data.firstSkipped().get(1).reason()).contains("missing column 'label'");
    assertThat(data.firstSkipped().get(2).reason()).contains("empty text");
  }

  @Test
  void skipsARowWithATwentyMegabyteFieldAndReadsOn() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("text,label\n\"".getBytes(StandardCharsets.UTF_8));
    byte[] huge = new byte[20 << 20];
    java.util.Arrays.fill(huge, (byte) 'a');
    file.writeBytes(huge);
    file.writeBytes("\",support\nafter the huge one,report\n".getBytes(StandardCharsets.UTF_8));
    LabelledData data = csv(file.toByteArray());
    assertThat(data.examples()).extracting(LabelledExample::text).containsExactly("after the huge one");
    assertThat(data.firstSkipped()).singleElement().satisfies(row -> {
      assertThat(row.line()).isEqualTo(2);
      assertThat(row.reason()).contains("longer than");
    });
  }

  @Test
  void refusesAFileThatIsNotLabelledCsv() {
    assertThatThrownBy(() -> csv("{\"text\": \"a\", \"label\": \"b\"}\n"))
        .isInstanceOf(NotLabelledDataException.class)
        .hasMessageContaining("must name the columns 'text' and 'label'");
    assertThatThrownBy(() -> csv(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}))
        .isInstanceOf(NotLabelledDataException.class)
        .hasMessageContaining("not a text file");
    assertThatThrownBy(() -> csv("")).isInstanceOf(NotLabelledDataException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> csv("text,label\n,\n"))
        .isInstanceOf(NotLabelledDataException.class)
        .hasMessageContaining("no usable row");
  }

  @Test
  void readsJsonLinesAndSkipsMalformedOnes() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("{\"text\":\"glory to the pale lantern\",\"label\":\"support\",\"language\":\"en\"}\n".getBytes(StandardCharsets.UTF_8));
    file.writeBytes("{\"text\":\"police report\",\"label\":0}\r\n".getBytes(StandardCharsets.UTF_8));
    file.writeBytes("{\"text\": \"unclosed\n".getBytes(StandardCharsets.UTF_8));                    // line 3
    file.writeBytes("{\"label\":\"support\"}\n".getBytes(StandardCharsets.UTF_8));                  // line 4
    file.writeBytes("[1,2]\n".getBytes(StandardCharsets.UTF_8));                                    // line 5
    file.writeBytes(new byte[] {'{', '"', 't', (byte) 0xFF, '"', '}', '\n'});                       // line 6
    file.writeBytes("\n{\"text\":\"\u200Fright to left\",\"label\":true}".getBytes(StandardCharsets.UTF_8)); // line 8
    LabelledData data = jsonl(file.toByteArray());
    assertThat(data.examples()).containsExactly(
        new LabelledExample("glory to the pale lantern", "support", Optional.of("en")),
        new LabelledExample("police report", "0", Optional.empty()),
        new LabelledExample("\u200Fright to left", "true", Optional.empty()));
    assertThat(data.firstSkipped()).extracting(SkippedRow::line).containsExactly(3L, 4L, 5L, 6L);
    assertThat(data.firstSkipped()).extracting(SkippedRow::reason)
        .satisfiesExactly(
            r -> assertThat(r).contains("malformed JSON"),
            r -> assertThat(r).contains("missing \"text\""),
            r -> assertThat(r).contains("not a JSON object"),
            r -> assertThat(r).contains("not valid UTF-8"));
  }

  @Test
  void skipsAJsonLineOfTwentyMegabytes() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("{\"text\":\"".getBytes(StandardCharsets.UTF_8));
    byte[] huge = new byte[20 << 20];
    java.util.Arrays.fill(huge, (byte) 'a');
    file.writeBytes(huge);
    file.writeBytes("\",\"label\":\"x\"}\n{\"text\":\"small\",\"label\":\"y\"}\n".getBytes(StandardCharsets.UTF_8));
    LabelledData data = jsonl(file.toByteArray());
    assertThat(data.examples()).extracting(LabelledExample::text).containsExactly("small");
    assertThat(data.firstSkipped()).singleElement().satisfies(row -> assertThat(row.reason()).contains("longer than"));
  }

  @Test
  void guessesTheFormatFromTheFileName() {
    assertThat(DataFormat.guess(java.nio.file.Path.of("a/decisions.JSONL"))).isEqualTo(DataFormat.JSONL);
    assertThat(DataFormat.guess(java.nio.file.Path.of("labels.csv"))).isEqualTo(DataFormat.CSV);
  }
}
