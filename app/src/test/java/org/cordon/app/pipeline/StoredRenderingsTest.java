package org.cordon.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.PostReference;
import org.junit.jupiter.api.Test;

class StoredRenderingsTest {
  private static final Instant AT = Instant.parse("2014-09-02T00:22:37Z");
  private static final PostKey ORIGINAL = PostKey.of(Platform.X, "506351318655303680");

  private static Post original(Instant postedAt, List<PostReference> references) {
    return new Post(ORIGINAL, AccountKey.of(Platform.X, "3100136531"), postedAt, "lorem ipsum dolor #Lantern", Optional.of("en"),
        Optional.empty(), List.of(), List.of("Lantern"), List.of(), List.of(), references);
  }

  private static Post repost(String id) {
    return new Post(PostKey.of(Platform.X, id), AccountKey.of(Platform.X, "42"), AT, "RT lorem ipsum dolor #Lantern", Optional.of("en"),
        Optional.empty(), List.of(), List.of("Lantern"), List.of(), List.of(),
        List.of(new PostReference(PostReference.Kind.REPOST_OF, ORIGINAL)));
  }

  private static int line = 0;

  private static ParsedRecord record(String file, Post... posts) {
    List<Observed> items = new ArrayList<>(List.of(posts));
    return new ParsedRecord(new SourcePosition(file, ++line, line * 100L), ("record " + line).getBytes(StandardCharsets.UTF_8), items);
  }

  private static final Post AS_V1 = original(AT, List.of());
  /** The same rendering from v2: milliseconds differ, nothing a judgement reads does. */
  private static final Post AS_V2 = original(AT.plusMillis(411), List.of());
  /** Another rendering: it shows a reply the first did not. */
  private static final Post AS_REPLY = original(AT, List.of(new PostReference(PostReference.Kind.REPLY_TO, PostKey.of(Platform.X, "1"))));

  @Test
  void aLaterRecordRenderingAPostAsItsQueuedStorerDoesOnlyLinksIt() {
    StoredRenderings stored = new StoredRenderings();
    stored.queued(record("x/v1/2014-09-02.jsonl", AS_V1));
    Post repost = repost("7");
    ParsedRecord carrying = record("x/v2/2014-09-02.jsonl", repost, AS_V2);
    stored.queued(carrying);

    assertThat(stored.storedElsewhereAsRendered(List.of(carrying))).as("the repost is this record's to store").containsExactly(ORIGINAL);
  }

  @Test
  void aRecordRenderingThePostOtherwiseWritesIt() {
    StoredRenderings stored = new StoredRenderings();
    stored.queued(record("x/v1/2014-09-02.jsonl", AS_V1));
    ParsedRecord richer = record("x/v2/2014-09-02.jsonl", AS_REPLY);
    stored.queued(richer);

    assertThat(stored.storedElsewhereAsRendered(List.of(richer))).isEmpty();
  }

  @Test
  void theStorerInTheSameWriteWritesThePostAndEveryRecordOfTheWriteThenDoes() {
    StoredRenderings stored = new StoredRenderings();
    ParsedRecord storer = record("x/v1/2014-09-02.jsonl", AS_V1);
    stored.queued(storer);
    ParsedRecord again = record("x/v2/2014-09-02.jsonl", AS_V2);

    assertThat(stored.storedElsewhereAsRendered(List.of(again, storer))).isEmpty();
  }

  @Test
  void aPostOneRecordOfTheWriteRendersOtherwiseIsWrittenEvenIfAnotherRecordOfItWouldOnlyLinkIt() {
    StoredRenderings stored = new StoredRenderings();
    stored.queued(record("x/v1/2014-09-02.jsonl", AS_V1));
    ParsedRecord alike = record("x/v2/2014-09-02.jsonl", AS_V2);
    ParsedRecord otherwise = record("x/v2/2014-09-02.jsonl", AS_REPLY);

    assertThat(stored.storedElsewhereAsRendered(List.of(alike))).containsExactly(ORIGINAL);
    assertThat(stored.storedElsewhereAsRendered(List.of(alike, otherwise))).isEmpty();
  }

  @Test
  void aPostNoQueuedRecordStoresIsWritten() {
    StoredRenderings stored = new StoredRenderings();

    assertThat(stored.storedElsewhereAsRendered(List.of(record("x/v1/2014-09-02.jsonl", AS_V1)))).isEmpty();
  }

  @Test
  void pastItsLimitItForgetsAndAForgottenPostIsWrittenAgain() {
    StoredRenderings stored = new StoredRenderings(2);
    stored.queued(record("a", AS_V1));
    stored.queued(record("b", repost("8")));
    assertThat(stored.size()).isEqualTo(2);

    stored.queued(record("c", repost("9")));

    assertThat(stored.size()).isEqualTo(1);
    assertThat(stored.storedElsewhereAsRendered(List.of(record("d", AS_V2)))).isEmpty();
    assertThatThrownBy(() -> new StoredRenderings(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
