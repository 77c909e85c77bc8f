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

class MastodonConnectorTest {
  private final Connector connector = Connectors.forFormat("mastodon");

  private static PostKey post(String id) {
    return PostKey.of(Platform.MASTODON, id);
  }

  private static AccountKey account(String id) {
    return AccountKey.of(Platform.MASTODON, id);
  }

  @Test
  void readsAnArrayOfStatusesOneRecordEach() {
    RecordingSink sink = RecordingSink.readSample(connector, "mastodon/statuses.json");

    assertThat(sink.outline()).containsExactly("ok", "ok", "ok");
    assertThat(sink.records()).extracting(r -> r.position().record()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void turnsHtmlContentIntoTextAndKeysByHostAndId() {
    RecordingSink sink = RecordingSink.readSample(connector, "mastodon/statuses.json");

    Post status = sink.post(post("lantern.social/112233445566778899"));
    assertThat(status.author()).isEqualTo(account("lantern.social/109000000000000001"));
    assertThat(status.postedAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
    assertThat(status.text()).isEqualTo("lorem warning\n\nlorem release 12 & more from @observer\n\n"
        + "read https://lantern.example/r12\nline two \u200f\u200b #LanternDawn");
    assertThat(status.language()).contains("en");
    assertThat(status.url()).contains("https://lantern.social/@herald/112233445566778899");
    assertThat(status.hashtags()).containsExactly("LanternDawn");
    assertThat(status.mentions()).containsExactly("observer@other.example");
    assertThat(status.links()).as("mention and hashtag links left out").containsExactly("https://lantern.example/r12");
    assertThat(status.media()).containsExactly(MediaKey.of(Platform.MASTODON, "lantern.social/110000000000000001"),
        MediaKey.of(Platform.MASTODON, "lantern.social/110000000000000002"));

    Media image = sink.media(MediaKey.of(Platform.MASTODON, "lantern.social/110000000000000001"));
    assertThat(image.kind()).isEqualTo(Media.Kind.IMAGE);
    assertThat(image.location()).contains("https://files.lantern.social/media/poster12.png");
    assertThat(image.previewLocation()).contains("https://files.lantern.social/media/small/poster12.png");
    assertThat(image.width()).isEqualTo(OptionalInt.of(1600));
    assertThat(image.height()).isEqualTo(OptionalInt.of(900));
    assertThat(sink.media(MediaKey.of(Platform.MASTODON, "lantern.social/110000000000000002")).kind()).isEqualTo(Media.Kind.ANIMATED_GIF);

    var herald = sink.account(account("lantern.social/109000000000000001"));
    assertThat(herald.handle()).isEqualTo("herald");
    assertThat(herald.displayName()).contains("Lantern Herald");
    assertThat(herald.bio()).contains("lorem ipsum placeholder biography");
    assertThat(herald.createdAt()).contains(Instant.parse("2022-11-01T00:00:00Z"));
    assertThat(herald.followers()).isEqualTo(OptionalLong.of(321));
    assertThat(herald.following()).isEqualTo(OptionalLong.of(12));
    assertThat(herald.avatarUrl()).contains("https://files.lantern.social/avatars/herald.png");
    assertThat(herald.profileUrl()).contains("https://lantern.social/@herald");
    assertThat(herald.links()).containsExactly("https://lantern.example");

    assertThat(sink.interactions()).contains(new Interaction.Mention(herald.key(), "observer@other.example",
        Optional.of(account("other.example/109000000000000002")), status.key(), status.postedAt()));
  }

  @Test
  void readsABoostAsARepostOfTheNestedStatus() {
    RecordingSink sink = RecordingSink.readSample(connector, "mastodon/statuses.json");

    Post boost = sink.post(post("lantern.social/112233445566778900"));
    PostKey original = post("archive.example/112200000000000001");
    assertThat(boost.text()).isEmpty();
    assertThat(boost.references()).containsExactly(new PostReference(PostReference.Kind.REPOST_OF, original));
    Post boosted = sink.post(original);
    assertThat(boosted.text()).isEqualTo("lorem archive entry");
    assertThat(boosted.language()).contains("de");
    assertThat(boosted.author()).isEqualTo(account("archive.example/109000000000000003"));
    assertThat(sink.account(boosted.author()).handle()).isEqualTo("keeper@archive.example");
    assertThat(sink.interactions()).contains(new Interaction.Share(account("lantern.social/109000000000000001"),
        Interaction.Share.Kind.REPOST, boost.key(), Optional.of(original), Optional.of(boosted.author()),
        Optional.of("keeper@archive.example"), Instant.parse("2024-05-01T13:00:00Z")));
  }

  @Test
  void readsAReply() {
    RecordingSink sink = RecordingSink.readSample(connector, "mastodon/statuses.json");

    Post reply = sink.post(post("lantern.social/112233445566778901"));
    assertThat(reply.references()).containsExactly(new PostReference(PostReference.Kind.REPLY_TO, post("lantern.social/112233445566778899")));
    assertThat(sink.interactions()).contains(new Interaction.Reply(account("lantern.social/109000000000000001"),
        Optional.of(account("lantern.social/109000000000000001")), reply.key(), post("lantern.social/112233445566778899"),
        Instant.parse("2024-05-01T14:00:00Z")));
  }

  @Test
  void readsOneStatusPerLine() {
    RecordingSink sink = RecordingSink.read(connector, """
        {"id":"1","uri":"https://a.example/users/u/statuses/1","created_at":"2024-01-01T00:00:00Z","content":"<p>lorem &lt;b&gt; one</p>","account":{"id":"7","acct":"u","url":"https://a.example/@u"}}
        {"id":"2","uri":"https://a.example/users/u/statuses/2","created_at":"2024-01-01T00:00:00Z","content":"lorem two","account":{"id":"7","acct":"u"}}
        """);

    assertThat(sink.outline()).containsExactly("ok", "ok");
    assertThat(sink.posts()).extracting(Post::text).containsExactly("lorem <b> one", "lorem two");
  }

  @Test
  void rejectsAStatusWithoutUriOrUrl() {
    RecordingSink sink = RecordingSink.read(connector, """
        {"id":"1","created_at":"2024-01-01T00:00:00Z","content":"lorem","account":{"id":"7","acct":"u"}}
        {"id":"2","uri":"https://a.example/s/2","created_at":"2024-01-01T00:00:00Z","content":"lorem","account":{"id":"7","acct":"u"}}
        """);

    assertThat(sink.outline()).containsExactly("MISSING_FIELD", "ok");
  }

  @Test
  void stripsPathologicallyNestedHtmlWithoutFailing() {
    String html = "<b>".repeat(20_000) + "lorem" + "</b>".repeat(20_000) + "<a href=\"https://x.example\">" + "<".repeat(10_000);
    String line = "{\"id\":\"1\",\"uri\":\"https://a.example/s/1\",\"created_at\":\"2024-01-01T00:00:00Z\",\"content\":"
        + JsonRecords.MAPPER.writeValueAsString(html) + ",\"account\":{\"id\":\"7\",\"acct\":\"u\"}}\n";
    RecordingSink sink = RecordingSink.read(connector, line);

    assertThat(sink.outline()).containsExactly("ok");
    assertThat(sink.posts().getFirst().text()).startsWith("lorem");
  }
}
