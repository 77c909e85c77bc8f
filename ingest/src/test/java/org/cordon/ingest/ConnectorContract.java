package org.cordon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cordon.core.ingest.Connector;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.junit.jupiter.api.Test;

/**
 * Hostile input every connector must survive: each bad record is rejected with its reason and
 * position, and the good record after it is still read. Each connector's test supplies how a
 * record of its format looks and how records are framed into an input.
 */
abstract class ConnectorContract {
  static final int TEST_LIMIT = 1024 * 1024;
  static final long HUGE = 50L * 1024 * 1024;

  abstract String format();

  /** One compact record (no newline) for a post with this id and this text, a JSON string literal. */
  abstract String record(String id, String textLiteral);

  /** A record like {@link #record} but without the id the format needs. */
  abstract String recordWithoutId();

  abstract PostKey postKey(String id);

  /** What comes before the first record: "" for line formats. */
  String documentStart() {
    return "";
  }

  String between() {
    return "\n";
  }

  String documentEnd() {
    return "\n";
  }

  Connector connector() {
    return Connectors.forFormat(format(), TEST_LIMIT);
  }

  private static String json(String text) {
    return JsonRecords.MAPPER.writeValueAsString(text);
  }

  String good(int id) {
    return record(Integer.toString(id), json("lorem release " + id));
  }

  private RecordingSink read(List<byte[]> records) {
    return RecordingSink.read(connector(), frame(records));
  }

  byte[] frame(List<byte[]> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(documentStart().getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < records.size(); i++) {
      if (i > 0) {
        out.writeBytes(between().getBytes(StandardCharsets.UTF_8));
      }
      out.writeBytes(records.get(i));
    }
    out.writeBytes(documentEnd().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private void assertGoodPostsRead(RecordingSink sink, int... ids) {
    List<PostKey> expected = new ArrayList<>();
    for (int id : ids) {
      expected.add(postKey(Integer.toString(id)));
    }
    assertThat(sink.posts()).extracting(Post::key).containsAll(expected);
  }

  @Test
  void rejectsMalformedJsonAndReadsTheNextRecord() {
    RecordingSink sink = read(List.of(bytes(good(1)), bytes(record("2", "tru")), bytes(good(3))));

    assertThat(sink.outline()).containsExactly("ok", "MALFORMED_JSON", "ok");
    Rejection rejection = sink.rejections().getFirst();
    assertThat(rejection.position().record()).isEqualTo(2);
    assertThat(rejection.position().byteOffset()).isPositive();
    assertThat(rejection.detail()).startsWith("not valid JSON");
    assertGoodPostsRead(sink, 1, 3);
  }

  @Test
  void rejectsInvalidUtf8AndReadsTheNextRecord() {
    String[] halves = record("2", "\"lorem @@ ipsum\"").split("@@");
    ByteArrayOutputStream bad = new ByteArrayOutputStream();
    bad.writeBytes(bytes(halves[0]));
    bad.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    bad.writeBytes(bytes(halves[1]));
    RecordingSink sink = read(List.of(bytes(good(1)), bad.toByteArray(), bytes(good(3))));

    assertThat(sink.outline()).containsExactly("ok", "INVALID_ENCODING", "ok");
    assertThat(sink.rejections().getFirst().detail()).contains("invalid UTF-8");
    assertGoodPostsRead(sink, 1, 3);
  }

  @Test
  void rejectsALoneSurrogateEscapeAsInvalidEncoding() {
    RecordingSink sink = read(List.of(bytes(record("1", "\"lorem \\ud800 ipsum\"")), bytes(good(2))));

    assertThat(sink.outline()).containsExactly("INVALID_ENCODING", "ok");
    assertGoodPostsRead(sink, 2);
  }

  @Test
  void readsPastARecordOfFiftyMegabytesKeepingOnlyAnExcerpt() {
    String[] halves = record("2", "\"@@\"").split("@@");
    List<InputStream> parts = new ArrayList<>();
    parts.add(new ByteArrayInputStream(bytes(documentStart() + good(1) + between() + halves[0])));
    parts.add(new GeneratedInputStream((byte) 'a', HUGE));
    parts.add(new ByteArrayInputStream(bytes(halves[1] + between() + good(3) + documentEnd())));
    RecordingSink sink = RecordingSink.read(connector(), "huge", new SequenceInputStream(Collections.enumeration(parts)));

    assertThat(sink.outline()).containsExactly("ok", "TOO_LARGE", "ok");
    Rejection tooLarge = sink.rejections().getFirst();
    assertThat(tooLarge.position().record()).isEqualTo(2);
    assertThat(tooLarge.size()).isGreaterThan(HUGE);
    assertThat(tooLarge.excerpt().length).isLessThanOrEqualTo(Rejection.MAX_EXCERPT);
    assertThat(new String(tooLarge.excerpt(), StandardCharsets.UTF_8)).startsWith(halves[0]);
    assertGoodPostsRead(sink, 1, 3);
  }

  @Test
  void ignoresUnknownFields() {
    String withExtra = "{\"zz_added_next_year\":{\"nested\":[1,2,{\"x\":null}]}," + good(1).substring(1);
    RecordingSink sink = read(List.of(bytes(withExtra)));

    assertThat(sink.outline()).containsExactly("ok");
    assertGoodPostsRead(sink, 1);
  }

  @Test
  void rejectsARecordWithoutItsIdAndReadsTheNextRecord() {
    RecordingSink sink = read(List.of(bytes(recordWithoutId()), bytes(good(2))));

    assertThat(sink.outline()).containsExactly("MISSING_FIELD", "ok");
    assertThat(sink.rejections().getFirst().detail()).contains("missing");
    assertGoodPostsRead(sink, 2);
  }

  @Test
  void rejectsAnIdWithAControlCharacterAsInvalidField() {
    RecordingSink sink = read(List.of(bytes(record("12\u0007", json("lorem"))), bytes(good(2))));

    assertThat(sink.outline()).containsExactly("INVALID_FIELD", "ok");
    assertGoodPostsRead(sink, 2);
  }

  @Test
  void rejectsARecordThatIsNotAnObject() {
    RecordingSink sink = read(List.of(bytes(good(1)), bytes("[1, 2]"), bytes(good(3))));

    assertThat(sink.outline()).containsExactly("ok", "INVALID_FIELD", "ok");
    assertGoodPostsRead(sink, 1, 3);
  }

  @Test
  void keepsRightToLeftAndZeroWidthCharactersExactly() {
    String text = "\u200fمرحبا\u200b lorem \u202eipsum\u2066 \uFEFF release 12 \uD83D\uDD25";
    RecordingSink sink = read(List.of(bytes(record("1", json(text)))));

    assertThat(sink.outline()).containsExactly("ok");
    assertThat(sink.posts().getFirst().text()).isEqualTo(text);
  }

  @Test
  void keepsEverythingBeforeTheEndOfATruncatedInput() {
    byte[] whole = frame(List.of(bytes(good(1)), bytes(good(2))));
    int cut = whole.length - documentEnd().length() - good(2).length() / 2;
    byte[] truncated = java.util.Arrays.copyOf(whole, cut);
    RecordingSink sink = RecordingSink.read(connector(), truncated);

    assertThat(sink.outline()).containsExactly("ok", "MALFORMED_JSON");
    assertThat(sink.rejections().getFirst().position().record()).isEqualTo(2);
    assertGoodPostsRead(sink, 1);
  }

  @Test
  void readsNothingFromAnEmptyInput() {
    assertThat(RecordingSink.read(connector(), new byte[0]).events).isEmpty();
  }
}
