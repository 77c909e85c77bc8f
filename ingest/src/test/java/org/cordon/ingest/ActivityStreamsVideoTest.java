package org.cordon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cordon.core.model.Media;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.junit.jupiter.api.Test;

/** PeerTube federates uploads as ActivityStreams Video objects; they are posts of the platform named. */
class ActivityStreamsVideoTest {
  static final String OUTBOX = """
      {"@context":"https://www.w3.org/ns/activitystreams","type":"OrderedCollectionPage","orderedItems":[
       {"id":"https://tube.example/w/abc/activity","type":"Create","actor":"https://tube.example/accounts/maker",
        "published":"2024-03-01T10:00:00.000Z",
        "object":{"id":"https://tube.example/w/abc","type":"Video","name":"Placeholder upload 7",
          "attributedTo":"https://tube.example/accounts/maker","published":"2024-03-01T10:00:00.000Z",
          "content":"","url":"https://tube.example/w/abc",
          "icon":[{"type":"Image","url":"https://tube.example/thumbs/abc.jpg","mediaType":"image/jpeg","width":640,"height":360}]}}]}
      """;

  @Test
  void readsAVideoUploadWithItsThumbnailUnderThePlatformNamed() {
    Platform video = new Platform("video");
    RecordingSink sink = RecordingSink.read(Connectors.forFormat("activitystreams", video), OUTBOX);

    assertThat(sink.rejections()).isEmpty();
    var post = sink.post(PostKey.of(video, "https://tube.example/w/abc"));
    assertThat(post.text()).as("an upload without content is known by its title").isEqualTo("Placeholder upload 7");
    assertThat(post.author().platform()).isEqualTo(video);
    assertThat(sink.media()).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(Media.Kind.IMAGE);
      assertThat(m.location()).hasValue("https://tube.example/thumbs/abc.jpg");
    });
  }

  @Test
  void formatsOfOnePlatformRefuseAnother() {
    assertThatThrownBy(() -> Connectors.forFormat("x-v1", new Platform("video"))).hasMessageContaining("'x'");
    assertThat(Connectors.forFormat("x-v1", Platform.X).format().name()).isEqualTo("x-v1");
  }
}
