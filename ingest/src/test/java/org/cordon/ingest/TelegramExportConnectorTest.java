package org.cordon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.cordon.core.ingest.Connector;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.PostReference;
import org.junit.jupiter.api.Test;

class TelegramExportConnectorTest {
  private final Connector connector = Connectors.forFormat("telegram-export");

  private static PostKey post(String id) {
    return PostKey.of(Platform.TELEGRAM, id);
  }

  private static AccountKey account(String id) {
    return AccountKey.of(Platform.TELEGRAM, id);
  }

  @Test
  void readsEachMessageOfAChannelAsARecordAndRejectsServiceMessages() {
    RecordingSink sink = RecordingSink.readSample(connector, "telegram-export/channel.json");

    assertThat(sink.outline()).containsExactly("UNSUPPORTED", "ok", "ok", "ok", "UNSUPPORTED");
    assertThat(sink.rejections().get(0).detail()).contains("service message", "create_channel");
    assertThat(sink.rejections().get(1).detail()).contains("pin_message");
    assertThat(sink.rejections().get(1).position().record()).isEqualTo(5);
    assertThat(sink.records()).extracting(r -> r.position().record()).containsExactly(2L, 3L, 4L);
    assertThat(sink.records().getFirst().position().byteOffset()).isPositive();
    assertThat(new String(sink.records().getFirst().payload(), java.nio.charset.StandardCharsets.UTF_8))
        .as("the message's own bytes").startsWith("{").contains("\"id\": 2,").endsWith("}");
  }

  @Test
  void joinsATextArrayAndReadsItsEntities() {
    RecordingSink sink = RecordingSink.readSample(connector, "telegram-export/channel.json");

    Post message = sink.post(post("1500000001/2"));
    assertThat(message.author()).isEqualTo(account("channel1500000001"));
    assertThat(message.postedAt()).as("date_unixtime").isEqualTo(Instant.ofEpochSecond(1709290800));
    assertThat(message.text()).isEqualTo("lorem release 12 \u200fمرحبا\u200b ask @lantern_archive #LanternDawn mirror "
        + "https://lantern.example/r12 and this page");
    assertThat(message.mentions()).containsExactly("lantern_archive");
    assertThat(message.hashtags()).containsExactly("LanternDawn");
    assertThat(message.links()).containsExactly("https://lantern.example/r12", "https://mirror.example/r12");
    assertThat(message.url()).contains("https://t.me/c/1500000001/2");
    assertThat(message.media()).containsExactly(MediaKey.of(Platform.TELEGRAM, "1500000001/2/photo"));

    Media photo = sink.media(MediaKey.of(Platform.TELEGRAM, "1500000001/2/photo"));
    assertThat(photo.kind()).isEqualTo(Media.Kind.IMAGE);
    assertThat(photo.location()).contains("photos/photo_1@01-03-2024_11-00-00.jpg");
    assertThat(photo.width()).isEqualTo(OptionalInt.of(1280));
    assertThat(photo.height()).isEqualTo(OptionalInt.of(720));

    var channel = sink.account(account("channel1500000001"));
    assertThat(channel.displayName()).contains("Northern Lantern Front");
    assertThat(sink.interactions()).contains(new Interaction.Mention(account("channel1500000001"), "lantern_archive",
        Optional.empty(), message.key(), message.postedAt()));
  }

  @Test
  void readsForwardsVideosAndRepliesWithMissingFiles() {
    RecordingSink sink = RecordingSink.readSample(connector, "telegram-export/channel.json");

    Post forward = sink.post(post("1500000001/3"));
    assertThat(forward.text()).isEqualTo("dolor sit amet");
    assertThat(sink.interactions()).contains(new Interaction.Share(account("channel1500000001"), Interaction.Share.Kind.FORWARD,
        forward.key(), Optional.empty(), Optional.empty(), Optional.of("Lantern Archive"), Instant.ofEpochSecond(1709371800)));
    Media video = sink.media(MediaKey.of(Platform.TELEGRAM, "1500000001/3/file"));
    assertThat(video.kind()).isEqualTo(Media.Kind.VIDEO);
    assertThat(video.location()).contains("video_files/clip12.mp4");
    assertThat(video.previewLocation()).contains("video_files/clip12.mp4_thumb.jpg");
    assertThat(video.width()).isEqualTo(OptionalInt.of(1920));

    Post reply = sink.post(post("1500000001/4"));
    assertThat(reply.references()).containsExactly(new PostReference(PostReference.Kind.REPLY_TO, post("1500000001/2")));
    Media voice = sink.media(MediaKey.of(Platform.TELEGRAM, "1500000001/4/file"));
    assertThat(voice.kind()).isEqualTo(Media.Kind.AUDIO);
    assertThat(voice.location()).as("a file left out of the export has no location").isEmpty();
  }

  @Test
  void readsEveryChatOfAFullExport() {
    RecordingSink sink = RecordingSink.readSample(connector, "telegram-export/full-export.json");

    assertThat(sink.outline()).containsExactly("UNSUPPORTED", "ok", "ok");
    Post group = sink.post(post("1600000002/11"));
    assertThat(group.author()).isEqualTo(account("user3003"));
    assertThat(group.text()).isEqualTo("hello Lantern Herald lorem ipsum");
    assertThat(group.postedAt()).as("date without a zone is read as UTC").isEqualTo(Instant.parse("2024-03-03T08:05:00Z"));
    assertThat(group.url()).contains("https://t.me/c/1600000002/11");
    assertThat(sink.interactions()).contains(new Interaction.Mention(account("user3003"), "Lantern Herald",
        Optional.of(account("user3001")), group.key(), group.postedAt()));
    assertThat(sink.account(account("channel1600000002")).displayName()).contains("Lantern Readers");

    Post personal = sink.post(post("3001/7"));
    assertThat(personal.author()).isEqualTo(account("user3001"));
    assertThat(personal.url()).as("private chats have no public link").isEmpty();
  }

  @Test
  void rejectsMessagesOfAChatWhoseIdComesAfterThem() {
    RecordingSink sink = RecordingSink.read(connector, """
        {"messages": [{"id": 1, "type": "message", "date_unixtime": "1709290800", "text": "lorem"}], "id": 5}
        """);

    assertThat(sink.outline()).containsExactly("MISSING_FIELD");
    assertThat(sink.rejections().getFirst().detail()).contains("chat id");
  }
}
