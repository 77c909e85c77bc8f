package org.cordon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
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

class XV1ConnectorTest {
  private final Connector connector = Connectors.forFormat("x-v1");

  private static PostKey post(String id) {
    return PostKey.of(Platform.X, id);
  }

  private static AccountKey account(String id) {
    return AccountKey.of(Platform.X, id);
  }

  @Test
  void readsTweetsAndRejectsStreamNoticesAsUnsupported() {
    RecordingSink sink = RecordingSink.readSample(connector, "x-v1/stream.jsonl");

    assertThat(sink.outline()).containsExactly("ok", "ok", "ok", "UNSUPPORTED", "UNSUPPORTED");
    assertThat(sink.rejections().get(0).detail()).contains("'delete' notice");
    assertThat(sink.rejections().get(0).position().record()).isEqualTo(4);
    assertThat(sink.rejections().get(1).detail()).contains("'limit' notice");
  }

  @Test
  void readsTheFullTextOfATruncatedTweetFromExtendedTweet() {
    RecordingSink sink = RecordingSink.readSample(connector, "x-v1/stream.jsonl");

    Post tweet = sink.records().getFirst().items().stream().filter(Post.class::isInstance).map(Post.class::cast)
        .findFirst().orElseThrow();
    assertThat(tweet.key()).as("id_str, exactly").isEqualTo(post("1050118621198921728"));
    assertThat(tweet.author()).isEqualTo(account("2001"));
    assertThat(tweet.postedAt()).isEqualTo(Instant.parse("2018-10-10T20:19:24Z"));
    assertThat(tweet.text()).endsWith("so it is cut here #LanternDawn @quiet_observer https://t.co/rel https://t.co/pic");
    assertThat(tweet.language()).contains("en");
    assertThat(tweet.url()).contains("https://x.com/lantern_herald/status/1050118621198921728");
    assertThat(tweet.hashtags()).containsExactly("LanternDawn");
    assertThat(tweet.mentions()).containsExactly("quiet_observer");
    assertThat(tweet.links()).containsExactly("https://lantern.example/release-12");
    assertThat(tweet.media()).containsExactly(MediaKey.of(Platform.X, "1050118600000000001"), MediaKey.of(Platform.X, "1050118600000000002"));

    Media photo = sink.media(MediaKey.of(Platform.X, "1050118600000000001"));
    assertThat(photo.kind()).isEqualTo(Media.Kind.IMAGE);
    assertThat(photo.location()).contains("https://pbs.example/media/poster12.jpg");
    assertThat(photo.width()).isEqualTo(OptionalInt.of(2400));
    assertThat(photo.height()).isEqualTo(OptionalInt.of(1350));
    Media video = sink.media(MediaKey.of(Platform.X, "1050118600000000002"));
    assertThat(video.kind()).isEqualTo(Media.Kind.VIDEO);
    assertThat(video.location()).contains("https://video.example/clip12-2176.mp4");
    assertThat(video.previewLocation()).contains("https://pbs.example/thumb/clip12.jpg");

    var herald = sink.account(account("2001"));
    assertThat(herald.handle()).isEqualTo("lantern_herald");
    assertThat(herald.displayName()).contains("Lantern Herald");
    assertThat(herald.createdAt()).contains(Instant.parse("2021-02-01T10:00:00Z"));
    assertThat(herald.followers()).isEqualTo(OptionalLong.of(1200));
    assertThat(herald.following()).isEqualTo(OptionalLong.of(35));
    assertThat(herald.avatarUrl()).contains("https://pbs.example/profile_images/2001/normal.jpg");
    assertThat(herald.links()).containsExactly("https://lantern.example");
    assertThat(sink.interactions()).contains(new Interaction.Mention(account("2001"), "quiet_observer",
        Optional.of(account("2002")), tweet.key(), tweet.postedAt()));
  }

  @Test
  void readsARetweetOfAQuoteAsThreePostsWithTheirShares() {
    RecordingSink sink = RecordingSink.readSample(connector, "x-v1/stream.jsonl");
    var record = sink.records().get(1);
    var posts = record.items().stream().filter(Post.class::isInstance).map(Post.class::cast).toList();

    assertThat(posts).extracting(Post::key).containsExactlyInAnyOrder(
        post("1050300000000000002"), post("1050290000000000001"), post("1050118621198921728"));
    Post retweet = posts.stream().filter(p -> p.key().equals(post("1050300000000000002"))).findFirst().orElseThrow();
    assertThat(retweet.text()).as("kept as served").isEqualTo("RT @lantern_herald: lorem release 12 quoted with a comment");
    assertThat(retweet.references()).containsExactly(new PostReference(PostReference.Kind.REPOST_OF, post("1050290000000000001")));
    Post quoting = posts.stream().filter(p -> p.key().equals(post("1050290000000000001"))).findFirst().orElseThrow();
    assertThat(quoting.references()).containsExactly(new PostReference(PostReference.Kind.QUOTE_OF, post("1050118621198921728")));
    assertThat(record.items()).contains(
        new Interaction.Share(account("2003"), Interaction.Share.Kind.REPOST, retweet.key(), Optional.of(quoting.key()),
            Optional.of(account("2001")), Optional.of("lantern_herald"), Instant.parse("2018-10-11T08:00:00Z")),
        new Interaction.Share(account("2001"), Interaction.Share.Kind.QUOTE, quoting.key(), Optional.of(post("1050118621198921728")),
            Optional.of(account("2001")), Optional.of("lantern_herald"), Instant.parse("2018-10-11T07:00:00Z")));
    assertThat(record.items().stream().filter(i -> i instanceof org.cordon.core.model.Account a && a.key().equals(account("2001"))))
        .as("the same author twice is observed once").hasSize(1);
  }

  @Test
  void readsAReplyWithItsTargetAndDropsTheUndeterminedLanguage() {
    RecordingSink sink = RecordingSink.readSample(connector, "x-v1/stream.jsonl");

    Post reply = sink.post(post("1050320000000000003"));
    assertThat(reply.text()).as("full_text").isEqualTo("@lantern_herald sed do eiusmod tempor");
    assertThat(reply.language()).isEmpty();
    assertThat(reply.references()).containsExactly(new PostReference(PostReference.Kind.REPLY_TO, post("1050118621198921728")));
    assertThat(sink.interactions()).contains(new Interaction.Reply(account("2002"), Optional.of(account("2001")), reply.key(),
        post("1050118621198921728"), Instant.parse("2018-10-11T09:30:00Z")));
  }

  @Test
  void usesTheExactDigitsOfANumericIdWhenThereIsNoIdString() {
    RecordingSink sink = RecordingSink.read(connector,
        "{\"id\":1050118621198921729,\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"text\":\"lorem\",\"user\":{\"id\":7,\"screen_name\":\"x7\"}}\n");

    assertThat(sink.posts()).extracting(Post::key).containsExactly(post("1050118621198921729"));
  }

  @Test
  void readsPastALineOfFiftyMegabytesAtTheDefaultLimit() {
    String good = "{\"id_str\":\"2\",\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"text\":\"lorem\",\"user\":{\"id_str\":\"7\",\"screen_name\":\"x7\"}}\n";
    var parts = java.util.List.<java.io.InputStream>of(
        new java.io.ByteArrayInputStream("{\"text\":\"".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        new GeneratedInputStream((byte) 'z', 50L * 1024 * 1024),
        new java.io.ByteArrayInputStream(("\"}\n" + good).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    RecordingSink sink = RecordingSink.read(connector, "huge.jsonl",
        new java.io.SequenceInputStream(java.util.Collections.enumeration(parts)));

    assertThat(sink.outline()).containsExactly("TOO_LARGE", "ok");
    var tooLarge = sink.rejections().getFirst();
    assertThat(tooLarge.size()).isEqualTo(50L * 1024 * 1024 + 11);
    assertThat(tooLarge.excerpt()).hasSize(org.cordon.core.ingest.Rejection.MAX_EXCERPT);
    assertThat(sink.records().getFirst().position().record()).isEqualTo(2);
    assertThat(sink.records().getFirst().position().byteOffset()).isEqualTo(50L * 1024 * 1024 + 12);
    assertThat(sink.posts()).extracting(Post::key).containsExactly(post("2"));
  }

  @Test
  void rejectsATimeInTheWrongFormatAsInvalidField() {
    RecordingSink sink = RecordingSink.read(connector, """
        {"id_str":"1","created_at":"2018-10-10T20:19:24Z","text":"lorem","user":{"id_str":"7","screen_name":"x7"}}
        {"id_str":"2","created_at":"Wed Oct 10 20:19:24 +0000 2018","text":"lorem","user":{"id_str":"7","screen_name":"x7"}}
        """);

    assertThat(sink.outline()).containsExactly("INVALID_FIELD", "ok");
    assertThat(sink.rejections().getFirst().detail()).contains("created_at");
  }
}
