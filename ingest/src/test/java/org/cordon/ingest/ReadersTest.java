package org.cordon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.cordon.core.ingest.Connector;
import org.junit.jupiter.api.Test;

/** How the two readers cut inputs: lines, and records inside one document. */
class ReadersTest {
  private static final String FOLLOW = "{\"kind\":\"follow\",\"platform\":\"x\",\"from_id\":\"1\",\"to_id\":\"2\"}";

  private final Connector lines = Connectors.forFormat("cordon-jsonl");
  private final Connector telegram = Connectors.forFormat("telegram-export");

  @Test
  void countsBlankLinesInTheLineNumberAndAcceptsWindowsLineEnds() {
    RecordingSink sink = RecordingSink.read(lines, FOLLOW + "\r\n\r\n   \n" + FOLLOW + "\r\n");

    assertThat(sink.outline()).containsExactly("ok", "ok");
    assertThat(sink.records().get(1).position().record()).isEqualTo(4);
    assertThat(sink.records().get(1).position().byteOffset()).isEqualTo(FOLLOW.length() + 2 + 2 + 4);
    assertThat(sink.records().get(1).payload()).isEqualTo(FOLLOW.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void skipsAByteOrderMarkBeforeTheFirstLine() {
    RecordingSink sink = RecordingSink.read(lines, "\uFEFF" + FOLLOW + "\n" + FOLLOW);

    assertThat(sink.outline()).containsExactly("ok", "ok");
    assertThat(sink.records().getFirst().position().byteOffset()).isEqualTo(3);
  }

  @Test
  void rejectsTwoValuesOnOneLine() {
    RecordingSink sink = RecordingSink.read(lines, FOLLOW + " " + FOLLOW + "\n" + FOLLOW);

    assertThat(sink.outline()).containsExactly("MALFORMED_JSON", "ok");
  }

  @Test
  void rejectsADuplicateKeyAsAmbiguous() {
    RecordingSink sink = RecordingSink.read(lines, "{\"kind\":\"follow\",\"kind\":\"post\",\"platform\":\"x\",\"from_id\":\"1\",\"to_id\":\"2\"}");

    assertThat(sink.outline()).containsExactly("MALFORMED_JSON");
  }

  @Test
  void rejectsAnEscapedLoneSurrogateWhetherTheRecordsBytesArePlainOrNot() {
    String lone = "{\"kind\":\"follow\",\"platform\":\"x\",\"from_id\":\"1\\uD800\",\"to_id\":\"2\"}";
    String loneLowLowerCase = "{\"kind\":\"follow\",\"platform\":\"x\",\"from_id\":\"1\\udc00\",\"to_id\":\"2\"}";
    String loneWithNonAscii = "{\"kind\":\"follow\",\"platform\":\"x\",\"from_id\":\"\u00e9\\uD800\",\"to_id\":\"2\"}";
    String paired = "{\"kind\":\"follow\",\"platform\":\"x\",\"from_id\":\"1\\uD83D\\uDD25\",\"to_id\":\"2\"}";
    String backslashThenText = "{\"kind\":\"follow\",\"platform\":\"x\",\"from_id\":\"1\\\\ud800\",\"to_id\":\"2\"}";

    RecordingSink sink = RecordingSink.read(lines, String.join("\n", lone, loneLowLowerCase, loneWithNonAscii, paired, backslashThenText));

    assertThat(sink.outline()).containsExactly("INVALID_ENCODING", "INVALID_ENCODING", "INVALID_ENCODING", "ok", "ok");
  }

  @Test
  void rejectsDeepNestingInsideARecord() {
    String deep = "{\"kind\":\"follow\",\"platform\":\"x\",\"from_id\":\"1\",\"to_id\":\"2\",\"x\":"
        + "[".repeat(5000) + "]".repeat(5000) + "}";
    RecordingSink sink = RecordingSink.read(lines, deep + "\n" + FOLLOW);

    assertThat(sink.outline()).containsExactly("MALFORMED_JSON", "ok");
  }

  @Test
  void readsADocumentWithAByteOrderMark() {
    String chat = "\uFEFF{\"id\": 5, \"type\": \"private_group\", \"messages\": [{\"id\": 1, \"type\": \"message\", "
        + "\"date_unixtime\": \"1709290800\", \"from_id\": \"user1\", \"text\": \"lorem\"}]}";
    RecordingSink sink = RecordingSink.read(telegram, chat);

    assertThat(sink.outline()).containsExactly("ok");
    assertThat(sink.posts().getFirst().key().id()).isEqualTo("5/1");
  }

  @Test
  void endsADocumentWhoseStructureBreaksOutsideARecordKeepingWhatCameBefore() {
    String chat = "{\"id\": 5, \"type\": \"private_group\", \"messages\": [{\"id\": 1, \"type\": \"message\", "
        + "\"date_unixtime\": \"1709290800\", \"from_id\": \"user1\", \"text\": \"lorem\"} }, {\"id\": 2}]}";
    RecordingSink sink = RecordingSink.read(telegram, chat);

    assertThat(sink.outline()).containsExactly("ok", "MALFORMED_JSON");
    assertThat(sink.rejections().getFirst().detail()).contains("',' or ']' expected");
    assertThat(sink.rejections().getFirst().position().byteOffset()).isEqualTo(chat.indexOf("} }") + 2);
  }

  @Test
  void rejectsGarbageInsteadOfADocument() {
    RecordingSink sink = RecordingSink.read(telegram, "lorem ipsum, not json");

    assertThat(sink.outline()).containsExactly("MALFORMED_JSON");
  }

  @Test
  void aRecordAfterAnOversizedOneIsReadWholeAndAlone() {
    // both readers reuse one buffer for every record: what an oversized record left in it must
    // not reach the next record, and a long record must not carry over into a short one
    Connector smallLines = Connectors.all(300).stream().filter(c -> c.format().name().equals("cordon-jsonl")).findFirst().orElseThrow();
    String big = "{\"kind\":\"follow\",\"platform\":\"x\",\"from_id\":\"" + "9".repeat(5_000) + "\",\"to_id\":\"2\"}";
    String longer = FOLLOW.replace("\"1\"", "\"" + "7".repeat(200) + "\"");
    RecordingSink sink = RecordingSink.read(smallLines, FOLLOW + "\n" + big + "\n" + longer + "\n" + FOLLOW + "\n");
    assertThat(sink.outline()).containsExactly("ok", "TOO_LARGE", "ok", "ok");
    assertThat(sink.records().get(1).payload()).isEqualTo(longer.getBytes(StandardCharsets.UTF_8));
    assertThat(sink.records().get(2).payload()).isEqualTo(FOLLOW.getBytes(StandardCharsets.UTF_8));

    Connector smallTelegram = Connectors.all(300).stream().filter(c -> c.format().name().equals("telegram-export")).findFirst().orElseThrow();
    String message = "{\"id\": 1, \"type\": \"message\", \"date_unixtime\": \"1709290800\", \"from_id\": \"user1\", \"text\": \"%s\"}";
    String chat = "{\"id\": 5, \"type\": \"private_group\", \"messages\": [" + String.format(message, "x".repeat(5_000)) + ", "
        + String.format(message, "y".repeat(150)) + ", " + String.format(message, "z") + "]}";
    RecordingSink messages = RecordingSink.read(smallTelegram, chat);
    assertThat(messages.outline()).containsExactly("TOO_LARGE", "ok", "ok");
    assertThat(new String(messages.records().get(1).payload(), StandardCharsets.UTF_8)).isEqualTo(String.format(message, "z"));
  }

  @Test
  void skipsLargeValuesOutsideRecordsWithoutKeepingThem() {
    String chat = "{\"about\": \"" + "x".repeat(100_000) + "\", \"id\": 5, \"type\": \"private_group\", \"messages\": "
        + "[{\"id\": 1, \"type\": \"message\", \"date_unixtime\": \"1709290800\", \"from_id\": \"user1\", \"text\": \"lorem\"}]}";
    RecordingSink sink = RecordingSink.read(telegram, chat);

    assertThat(sink.outline()).containsExactly("ok");
  }
}
