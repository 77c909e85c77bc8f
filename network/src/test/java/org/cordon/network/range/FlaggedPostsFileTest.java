package org.cordon.network.range;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Tier;
import org.junit.jupiter.api.Test;

class FlaggedPostsFileTest {
  private static FlaggedPostsFile.Reading read(byte[] bytes) throws IOException {
    return FlaggedPostsFile.read(new ByteArrayInputStream(bytes));
  }

  private static FlaggedPostsFile.Reading read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String line(String platform, String post, String account, String tier, String score) {
    return "{\"platform\":\"" + platform + "\",\"post_id\":\"" + post + "\",\"account\":\"" + account + "\",\"tier\":" + tier
        + ",\"score\":" + score + "}\n";
  }

  @Test
  void whatIsWrittenIsReadBackTheSame() throws IOException {
    List<FlaggedPostsFile.FlaggedPost> posts = List.of(
        new FlaggedPostsFile.FlaggedPost(PostKey.of(Platform.X, "1"), AccountKey.of(Platform.X, "a"), Optional.of(Tier.PROMOTIONAL), 0.93),
        new FlaggedPostsFile.FlaggedPost(PostKey.of(Platform.MASTODON, "social.range.invalid/9"),
            AccountKey.of(Platform.MASTODON, "social.range.invalid/7"), Optional.empty(), 0.5));
    StringWriter out = new StringWriter();

    FlaggedPostsFile.write(posts, out);
    FlaggedPostsFile.Reading reading = read(out.toString());

    assertThat(out.toString()).contains("\"tier\":\"promotional\"").contains("\"tier\":null").contains("\"account\":\"a\"");
    assertThat(reading.posts()).isEqualTo(posts);
    assertThat(reading.lines()).isEqualTo(2);
    assertThat(reading.rejectedLines()).isZero();
  }

  @Test
  void badLinesAreRejectedWithTheirReasonAndCountedAndTheRestIsRead() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(line("x", "1", "a", "\"promotional\"", "0.9").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("not json at all\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
    bytes.writeBytes("{\"platform\":\"x\",\"post_id\":\"2\",\"tier\":null,\"score\":0.9}\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(line("x", "3", "a", "null", "1.5").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(line("x", "4", "a", "\"catastrophic\"", "0.9").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(line("X Platform", "5", "a", "null", "0.9").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(line("x", "6", "a\\u0000b", "null", "0.9").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("[1,2,3]\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(("{\"platform\":\"x\",\"post_id\":\"7\",\"account\":\"" + "z".repeat(FlaggedPostsFile.MAX_LINE_BYTES) + "\"}\n")
        .getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(line("x", "8", "b", "null", "0.8").getBytes(StandardCharsets.UTF_8));

    FlaggedPostsFile.Reading reading = read(bytes.toByteArray());

    assertThat(reading.posts()).extracting(p -> p.post().id()).containsExactly("1", "8");
    assertThat(reading.lines()).isEqualTo(11);
    assertThat(reading.rejectedLines()).isEqualTo(9);
    assertThat(reading.rejectedByReason()).containsEntry(Rejection.Reason.MALFORMED_JSON, 2)
        .containsEntry(Rejection.Reason.INVALID_ENCODING, 1).containsEntry(Rejection.Reason.MISSING_FIELD, 1)
        .containsEntry(Rejection.Reason.INVALID_FIELD, 4).containsEntry(Rejection.Reason.TOO_LARGE, 1);
    assertThat(reading.rejected()).extracting(FlaggedPostsFile.RejectedLine::toString).containsExactly(
        "line 2: MALFORMED_JSON: not a JSON object: " + reading.rejected().get(0).detail().substring("not a JSON object: ".length()),
        "line 3: INVALID_ENCODING: not valid UTF-8",
        "line 4: MISSING_FIELD: no \"account\"",
        "line 5: INVALID_FIELD: \"score\" is not a number in [0, 1]: 1.5",
        "line 6: INVALID_FIELD: unknown tier 'catastrophic'; known: threat_to_life, graphic_violence, official_propaganda, promotional",
        reading.rejected().get(5).toString(),
        reading.rejected().get(6).toString(),
        "line 9: MALFORMED_JSON: not a JSON object",
        "line 10: TOO_LARGE: longer than " + FlaggedPostsFile.MAX_LINE_BYTES + " bytes");
    assertThat(reading.rejected().get(5).toString()).startsWith("line 7: INVALID_FIELD: platform name must be");
    assertThat(reading.rejected().get(6).toString()).startsWith("line 8: INVALID_FIELD: account id contains a control");
  }

  @Test
  void aPostListedTwiceCountsOnceAndAnotherAuthorForItIsRejected() throws IOException {
    FlaggedPostsFile.Reading reading = read(line("x", "1", "a", "null", "0.9") + line("x", "1", "a", "null", "0.95")
        + line("x", "1", "b", "null", "0.9") + line("x", "2", "a", "null", "0.9"));

    assertThat(reading.posts()).hasSize(2);
    assertThat(reading.rejected()).singleElement().satisfies(r -> assertThat(r.toString())
        .startsWith("line 3: INVALID_FIELD: post x:post:1 was listed before with author x:account:a"));
    assertThat(reading.accountsWithAtLeast(2)).containsExactly(AccountKey.of(Platform.X, "a"));
  }

  @Test
  void anAccountNeedsTheMinimumOfDistinctFlaggedPostsToBeFlagged() throws IOException {
    FlaggedPostsFile.Reading reading = read(line("x", "1", "twice", "null", "0.9") + line("x", "2", "twice", "null", "0.9")
        + line("x", "3", "once", "null", "0.9") + line("telegram", "1", "twice", "null", "0.9"));

    assertThat(reading.accountsWithAtLeast(KeyAccountEvaluation.MIN_FLAGGED_POSTS)).containsExactly(AccountKey.of(Platform.X, "twice"));
    assertThat(reading.accountsWithAtLeast(1)).hasSize(3);
  }

  @Test
  void rightToLeftAndZeroWidthCharactersInIdsAreKeptAsTheyAreAndBlankLinesAreSkipped() throws IOException {
    String id = "\u202Eabc\u200Bdef";
    FlaggedPostsFile.Reading reading = read("\n" + line("x", "1", id, "null", "0") + "   \n" + line("x", "2", id, "null", "1"));

    assertThat(reading.lines()).isEqualTo(2);
    assertThat(reading.rejectedLines()).isZero();
    assertThat(reading.accountsWithAtLeast(2)).containsExactly(AccountKey.of(Platform.X, id));
  }

  @Test
  void aLastLineWithoutANewlineIsRead() throws IOException {
    FlaggedPostsFile.Reading reading = read(line("x", "1", "a", "null", "0.9").strip());

    assertThat(reading.posts()).hasSize(1);
  }

  @Test
  void onlyTheFirstRejectionsAreKeptWithTheirDetailButAllAreCounted() throws IOException {
    FlaggedPostsFile.Reading reading = read("garbage\n".repeat(FlaggedPostsFile.REJECTIONS_KEPT + 5));

    assertThat(reading.rejected()).hasSize(FlaggedPostsFile.REJECTIONS_KEPT);
    assertThat(reading.rejectedLines()).isEqualTo(FlaggedPostsFile.REJECTIONS_KEPT + 5);
  }
}
