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

class ActivityStreamsConnectorTest {
  private static final String HERALD = "https://lantern.social/users/herald";

  private final Connector connector = Connectors.forFormat("activitystreams");

  private static PostKey post(String id) {
    return PostKey.of(Platform.MASTODON, id);
  }

  private static AccountKey account(String id) {
    return AccountKey.of(Platform.MASTODON, id);
  }

  @Test
  void readsTheActivitiesOfEmbeddedPagesAndRejectsOtherActivityTypes() {
    RecordingSink sink = RecordingSink.readSample(connector, "activitystreams/outbox.json");

    assertThat(sink.outline()).containsExactly("ok", "ok", "ok", "UNSUPPORTED");
    assertThat(sink.rejections().getFirst().detail()).contains("'Like'");
    assertThat(sink.rejections().getFirst().position().record()).isEqualTo(4);
  }

  @Test
  void readsACreatedNoteWithTagsAndAttachments() {
    RecordingSink sink = RecordingSink.readSample(connector, "activitystreams/outbox.json");

    Post note = sink.post(post(HERALD + "/statuses/1"));
    assertThat(note.author()).isEqualTo(account(HERALD));
    assertThat(note.postedAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
    assertThat(note.text()).isEqualTo("lorem release 12 @observer #LanternDawn lantern.example/r12");
    assertThat(note.language()).contains("en");
    assertThat(note.url()).contains("https://lantern.social/@herald/1");
    assertThat(note.hashtags()).containsExactly("LanternDawn");
    assertThat(note.mentions()).containsExactly("observer@other.example");
    assertThat(note.links()).containsExactly("https://lantern.example/r12");
    assertThat(note.media()).containsExactly(MediaKey.of(Platform.MASTODON, "https://files.lantern.social/media/poster12.png"),
        MediaKey.of(Platform.MASTODON, "https://files.lantern.social/media/clip12.mp4"));
    Media image = sink.media(MediaKey.of(Platform.MASTODON, "https://files.lantern.social/media/poster12.png"));
    assertThat(image.kind()).isEqualTo(Media.Kind.IMAGE);
    assertThat(image.width()).isEqualTo(OptionalInt.of(1600));
    assertThat(sink.media(MediaKey.of(Platform.MASTODON, "https://files.lantern.social/media/clip12.mp4")).kind())
        .isEqualTo(Media.Kind.VIDEO);
    assertThat(sink.interactions()).contains(new Interaction.Mention(account(HERALD), "observer@other.example",
        Optional.of(account("https://other.example/users/observer")), note.key(), note.postedAt()));
  }

  @Test
  void readsAnnounceOfALinkAndOfAnEmbeddedNote() {
    RecordingSink sink = RecordingSink.readSample(connector, "activitystreams/outbox.json");

    Post boostOfLink = sink.post(post(HERALD + "/statuses/2/activity"));
    assertThat(boostOfLink.references()).containsExactly(
        new PostReference(PostReference.Kind.REPOST_OF, post("https://archive.example/users/keeper/statuses/55")));
    assertThat(sink.interactions()).contains(new Interaction.Share(account(HERALD), Interaction.Share.Kind.REPOST,
        boostOfLink.key(), Optional.of(post("https://archive.example/users/keeper/statuses/55")), Optional.empty(),
        Optional.empty(), Instant.parse("2024-05-01T13:00:00Z")));

    Post embedded = sink.post(post("https://archive.example/users/keeper/statuses/56"));
    assertThat(embedded.author()).isEqualTo(account("https://archive.example/users/keeper"));
    assertThat(embedded.text()).isEqualTo("lorem archive entry");
    assertThat(embedded.references()).containsExactly(new PostReference(PostReference.Kind.REPLY_TO, post(HERALD + "/statuses/1")));
    assertThat(sink.account(account("https://archive.example/users/keeper")).handle()).isEqualTo("keeper");
    assertThat(sink.interactions()).contains(new Interaction.Share(account(HERALD), Interaction.Share.Kind.REPOST,
        post(HERALD + "/statuses/3/activity"), Optional.of(embedded.key()), Optional.of(embedded.author()),
        Optional.empty(), Instant.parse("2024-05-01T14:00:00Z")));
  }

  @Test
  void rejectsACreateWhoseNoteHasNoId() {
    RecordingSink sink = RecordingSink.read(connector, """
        {"type": "OrderedCollectionPage", "orderedItems": [
          {"type": "Create", "actor": "https://a.example/u", "published": "2024-01-01T00:00:00Z", "object": {"type": "Note", "content": "lorem"}},
          {"type": "Create", "actor": "https://a.example/u", "published": "2024-01-01T00:00:00Z", "object": {"id": "https://a.example/n/2", "type": "Note", "content": "lorem two"}}
        ]}
        """);

    assertThat(sink.outline()).containsExactly("MISSING_FIELD", "ok");
    assertThat(sink.posts().getFirst().author()).isEqualTo(account("https://a.example/u"));
  }
}
