package org.cordon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.cordon.core.ingest.Connector;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.PostReference;
import org.junit.jupiter.api.Test;

class XV2ConnectorTest {
  private final Connector connector = Connectors.forFormat("x-v2");

  private static PostKey post(String id) {
    return PostKey.of(Platform.X, id);
  }

  private static AccountKey account(String id) {
    return AccountKey.of(Platform.X, id);
  }

  @Test
  void readsAPrettyPrintedResponseAsOneRecordWithItsIncludes() {
    RecordingSink sink = RecordingSink.readSample(connector, "x-v2/response-pretty.json");

    assertThat(sink.outline()).containsExactly("ok");
    assertThat(sink.records().getFirst().position().record()).isEqualTo(1);
    assertThat(sink.records().getFirst().position().byteOffset()).isZero();

    Post longPost = sink.post(post("1790000000000000001"));
    assertThat(longPost.author()).isEqualTo(account("1001"));
    assertThat(longPost.postedAt()).isEqualTo(Instant.parse("2024-05-13T09:15:00Z"));
    assertThat(longPost.text()).as("note_tweet text wins over the cut text")
        .startsWith("lorem release 12 is out, read the whole statement").endsWith("ipsum dolor sit amet");
    assertThat(longPost.language()).contains("en");
    assertThat(longPost.url()).contains("https://x.com/lantern_herald/status/1790000000000000001");
    assertThat(longPost.hashtags()).containsExactly("LanternDawn");
    assertThat(longPost.mentions()).containsExactly("quiet_observer");
    assertThat(longPost.links()).as("unwound_url wins over expanded_url").containsExactly("https://lantern.example/release-12");
    assertThat(longPost.media()).as("the media ids, without the type prefix of the v2 keys 3_… and 7_…")
        .containsExactly(MediaKey.of(Platform.X, "1790000000000000101"), MediaKey.of(Platform.X, "1790000000000000102"));
    assertThat(longPost.references()).isEmpty();

    Media photo = sink.media(MediaKey.of(Platform.X, "1790000000000000101"));
    assertThat(photo.kind()).isEqualTo(Media.Kind.IMAGE);
    assertThat(photo.location()).contains("https://pbs.example/media/poster12.jpg");
    assertThat(photo.width()).isEqualTo(OptionalInt.of(1200));
    assertThat(photo.height()).isEqualTo(OptionalInt.of(675));
    Media video = sink.media(MediaKey.of(Platform.X, "1790000000000000102"));
    assertThat(video.kind()).isEqualTo(Media.Kind.VIDEO);
    assertThat(video.location()).as("highest bit rate mp4").contains("https://video.example/clip12-2176.mp4");
    assertThat(video.previewLocation()).contains("https://pbs.example/thumb/clip12.jpg");

    var herald = sink.account(account("1001"));
    assertThat(herald.handle()).isEqualTo("lantern_herald");
    assertThat(herald.displayName()).contains("Lantern Herald");
    assertThat(herald.bio()).contains("lorem ipsum placeholder biography");
    assertThat(herald.createdAt()).contains(Instant.parse("2021-02-03T04:05:06Z"));
    assertThat(herald.followers()).isEqualTo(OptionalLong.of(1200));
    assertThat(herald.following()).isEqualTo(OptionalLong.of(35));
    assertThat(herald.avatarUrl()).contains("https://pbs.example/profile_images/1001/normal.jpg");
    assertThat(herald.profileUrl()).contains("https://x.com/lantern_herald");
    assertThat(herald.links()).containsExactly("https://lantern.example");

    Post reply = sink.post(post("1790000000000000002"));
    assertThat(reply.references()).containsExactly(
        new PostReference(PostReference.Kind.REPLY_TO, post("1790000000000000001")),
        new PostReference(PostReference.Kind.QUOTE_OF, post("1780000000000000009")));
    Instant replyTime = Instant.parse("2024-05-13T10:00:00Z");
    assertThat(sink.interactions()).contains(
        new Interaction.Reply(account("1002"), Optional.of(account("1001")), reply.key(), post("1790000000000000001"), replyTime),
        new Interaction.Share(account("1002"), Interaction.Share.Kind.QUOTE, reply.key(), Optional.of(post("1780000000000000009")),
            Optional.of(account("1001")), Optional.of("lantern_herald"), replyTime),
        new Interaction.Mention(account("1002"), "lantern_herald", Optional.of(account("1001")), reply.key(), replyTime),
        new Interaction.Mention(account("1001"), "quiet_observer", Optional.of(account("1002")), longPost.key(),
            Instant.parse("2024-05-13T09:15:00Z")));

    Post quoted = sink.post(post("1780000000000000009"));
    assertThat(quoted.text()).as("an included tweet is a post too").isEqualTo("lorem release 11");
    assertThat(quoted.author()).isEqualTo(account("1001"));
  }

  @Test
  void readsOneResponsePerLineAndRejectsAnErrorOnlyResponse() {
    RecordingSink sink = RecordingSink.readSample(connector, "x-v2/responses.jsonl");

    assertThat(sink.outline()).containsExactly("ok", "UNSUPPORTED", "ok");
    Rejection errors = sink.rejections().getFirst();
    assertThat(errors.position().record()).isEqualTo(2);
    assertThat(errors.detail()).contains("Not Found Error");

    Post retweet = sink.post(post("1790000000000000003"));
    assertThat(retweet.references()).containsExactly(new PostReference(PostReference.Kind.REPOST_OF, post("1790000000000000001")));
    assertThat(sink.interactions()).contains(new Interaction.Share(account("1002"), Interaction.Share.Kind.REPOST, retweet.key(),
        Optional.of(post("1790000000000000001")), Optional.of(account("1001")), Optional.of("lantern_herald"),
        Instant.parse("2024-05-13T11:00:00Z")));

    Post unknownAuthor = sink.post(post("1790000000000000004"));
    assertThat(unknownAuthor.text()).as("right-to-left and zero-width characters kept")
        .isEqualTo("\u200fمرحبا lorem \u200b release 12 \u202eipsum");
    assertThat(unknownAuthor.url()).contains("https://x.com/i/web/status/1790000000000000004");
  }

  @Test
  void readsAnArrayOfResponses() {
    String responses = """
        [
          {"data": {"id": "1", "author_id": "9", "created_at": "2024-01-01T00:00:00Z", "text": "lorem one"}},
          {"data": {"id": "2", "author_id": "9", "created_at": "2024-01-01T00:00:00Z", "text": "lorem two"}}
        ]
        """;
    RecordingSink sink = RecordingSink.read(connector, responses);

    assertThat(sink.outline()).containsExactly("ok", "ok");
    assertThat(sink.posts()).extracting(Post::text).containsExactly("lorem one", "lorem two");
    assertThat(sink.records().get(1).position().record()).isEqualTo(2);
  }

  @Test
  void rejectsAResponseWhoseTweetHasNoAuthor() {
    RecordingSink sink = RecordingSink.read(connector, """
        {"data": {"id": "1", "created_at": "2024-01-01T00:00:00Z", "text": "lorem"}}
        {"data": {"id": "2", "author_id": "9", "created_at": "2024-01-01T00:00:00Z", "text": "lorem two"}}
        """);

    assertThat(sink.outline()).containsExactly("MISSING_FIELD", "ok");
    assertThat(sink.rejections().getFirst().detail()).contains("author_id");
  }

  @Test
  void keepsTheRecordAsPayload() {
    String line = "{\"data\":{\"id\":\"1\",\"author_id\":\"9\",\"created_at\":\"2024-01-01T00:00:00Z\",\"text\":\"lorem\"}}";
    RecordingSink sink = RecordingSink.read(connector, line + "\r\n");

    assertThat(new String(sink.records().getFirst().payload(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(line);
    assertThat(sink.items()).hasSize(1);
    assertThat(sink.posts()).extracting(Post::key).containsExactly(post("1"));
    assertThat(List.of(sink.records().getFirst().position().file())).containsExactly("test-input");
  }

  @Test
  void thePhotoOfATweetIsOneMediaItemWhetherTheTweetCameAsV1OrV2() {
    RecordingSink v1 = RecordingSink.read(Connectors.forFormat("x-v1"), """
        {"created_at":"Wed Oct 10 20:19:24 +0000 2018","id_str":"77","text":"lorem https://t.co/p","user":{"id_str":"9","screen_name":"lorem_nine"},\
        "entities":{"urls":[]},"extended_entities":{"media":[{"id_str":"5501","type":"photo","media_url_https":"https://pbs.example/5501.jpg"}]}}
        """);
    RecordingSink v2 = RecordingSink.read(connector, """
        {"data":{"id":"77","author_id":"9","created_at":"2018-10-10T20:19:24.000Z","text":"lorem https://t.co/p",\
        "attachments":{"media_keys":["3_5501"]}},"includes":{"media":[{"media_key":"3_5501","type":"photo","url":"https://pbs.example/5501.jpg"}]}}
        """);

    MediaKey photo = MediaKey.of(Platform.X, "5501");
    assertThat(v1.posts().getFirst().media()).containsExactly(photo);
    assertThat(v2.posts().getFirst().media()).as("the v2 key 3_5501 is the v1 id 5501").containsExactly(photo);
    assertThat(v2.media(photo).location()).contains("https://pbs.example/5501.jpg");
  }

  @Test
  void aMediaKeyIsReducedToItsIdOnlyWhenItHasTheDocumentedForm() {
    assertThat(XV2Connector.mediaKey("16_42").id()).as("an animated GIF").isEqualTo("42");
    assertThat(XV2Connector.mediaKey("3_").id()).as("no id behind the prefix").isEqualTo("3_");
    assertThat(XV2Connector.mediaKey("_42").id()).as("no prefix").isEqualTo("_42");
    assertThat(XV2Connector.mediaKey("x_42").id()).as("a prefix that is not a number").isEqualTo("x_42");
    assertThat(XV2Connector.mediaKey("3_4_2").id()).as("more than one underscore").isEqualTo("3_4_2");
    assertThat(XV2Connector.mediaKey("3_\u0664\u0662").id()).as("digits of another script are not an id").isEqualTo("3_\u0664\u0662");
    assertThat(XV2Connector.mediaKey("42").id()).as("a bare id").isEqualTo("42");
  }
}
