package org.cordon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.cordon.core.ingest.Connector;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.PostReference;
import org.junit.jupiter.api.Test;

class CordonJsonlConnectorTest {
  private static final Platform VIDEO = Platform.VIDEO;

  private final Connector connector = Connectors.forFormat("cordon-jsonl");

  @Test
  void readsOneLineOfEachKindIntoTheCoreRecords() {
    RecordingSink sink = RecordingSink.readSample(connector, "cordon-jsonl/all-kinds.jsonl");

    assertThat(sink.outline()).containsExactly("ok", "ok", "ok", "ok", "ok", "ok", "ok");
    assertThat(sink.items()).containsExactly(
        new Account(AccountKey.of(VIDEO, "chan-77"), "lantern_tv", Optional.of("Lantern TV"), Optional.of("lorem ipsum"),
            Optional.of(Instant.parse("2023-01-02T03:04:05Z")), OptionalLong.of(120), OptionalLong.of(0),
            Optional.of("https://video.example/a/77.png"), Optional.of("https://video.example/c/lantern_tv"),
            List.of("https://lantern.example")),
        new Media(MediaKey.of(VIDEO, "vid-9001"), Media.Kind.VIDEO, Optional.of("https://video.example/v/9001.mp4"),
            Optional.of("https://video.example/v/9001.jpg"), OptionalInt.of(1920), OptionalInt.of(1080)),
        new Post(PostKey.of(VIDEO, "vid-9001"), AccountKey.of(VIDEO, "chan-77"), Instant.parse("2024-05-01T10:00:00Z"),
            "lorem release 12 \u200f\u200b", Optional.of("en"), Optional.of("https://video.example/v/9001"),
            List.of(MediaKey.of(VIDEO, "vid-9001")), List.of("LanternDawn"), List.of("observer"),
            List.of("https://lantern.example/r12"),
            List.of(new PostReference(PostReference.Kind.REPLY_TO, PostKey.of(VIDEO, "vid-9000")))),
        new Interaction.Follow(AccountKey.of(VIDEO, "chan-78"), AccountKey.of(VIDEO, "chan-77"),
            Optional.of(Instant.parse("2024-05-02T00:00:00Z"))),
        new Interaction.Mention(AccountKey.of(VIDEO, "chan-77"), "observer", Optional.of(AccountKey.of(VIDEO, "chan-80")),
            PostKey.of(VIDEO, "vid-9001"), Instant.parse("2024-05-01T10:00:00Z")),
        new Interaction.Reply(AccountKey.of(VIDEO, "chan-77"), Optional.of(AccountKey.of(VIDEO, "chan-80")),
            PostKey.of(VIDEO, "vid-9001"), PostKey.of(VIDEO, "vid-9000"), Instant.parse("2024-05-01T10:00:00Z")),
        new Interaction.Share(AccountKey.of(VIDEO, "chan-81"), Interaction.Share.Kind.FORWARD, PostKey.of(VIDEO, "vid-9100"),
            Optional.of(PostKey.of(VIDEO, "vid-9001")), Optional.of(AccountKey.of(VIDEO, "chan-77")), Optional.of("Lantern TV"),
            Instant.parse("2024-05-03T00:00:00Z")));
  }

  @Test
  void rejectsAnUnknownKindABadPlatformAndABadEnumValueEachWithItsReason() {
    RecordingSink sink = RecordingSink.read(connector, """
        {"kind":"like","platform":"x","from_id":"1"}
        {"kind":"follow","platform":"Not A Platform!","from_id":"1","to_id":"2"}
        {"kind":"media","platform":"x","id":"m1","media_type":"hologram"}
        {"kind":"follow","platform":"x","from_id":"1","to_id":"2"}
        """);

    assertThat(sink.outline()).containsExactly("UNSUPPORTED", "INVALID_FIELD", "INVALID_FIELD", "ok");
    assertThat(sink.rejections().get(0).detail()).contains("'like'");
    assertThat(sink.rejections().get(1).detail()).contains("platform name");
    assertThat(sink.rejections().get(2).detail()).contains("media_type");
  }
}
