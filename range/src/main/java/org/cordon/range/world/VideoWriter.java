package org.cordon.range.world;

import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the video site as ActivityStreams 2.0 (as PeerTube federates): Create activities of
 * Video objects (thumbnail frames in {@code icon}) and of Note comments, one collection page per
 * hour. Post and account ids are the objects' IRIs.
 */
final class VideoWriter {
  private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

  private final Population people;
  private final HourlyDocuments documents;

  VideoWriter(Path dir, Population people, ReplayIndex replay, List<Manifest.Entry> files) {
    this.people = people;
    this.documents = new HourlyDocuments(dir, "video", "activitystreams", "video", replay, files,
        relative -> Json.bytes(g -> {
          g.writeStartObject();
          g.writeStringProperty("@context", "https://www.w3.org/ns/activitystreams");
          g.writeStringProperty("id", Site.VIDEO.base + "/outbox/" + relative.replace('/', '-'));
          g.writeStringProperty("type", "OrderedCollectionPage");
          g.writeName("orderedItems");
          g.writeStartArray();
          g.writeEndArray();
          g.writeEndObject();
        }));
  }

  static String videoUrl(long number) {
    return Site.VIDEO.base + "/watch/" + Long.toString(number, 36);
  }

  static String commentUrl(long videoNumber, long number) {
    return videoUrl(videoNumber) + "/comments/" + number;
  }

  void startDay(long dayStartMs) {
    documents.startDay(dayStartMs);
  }

  void endDay() {
    documents.endDay();
  }

  void write(Post post) {
    documents.add(post.atMs(), Json.bytes(g -> activity(g, post)));
  }

  private void activity(JsonGenerator g, Post post) {
    String actor = people.accountId(post.account());
    g.writeStartObject();
    g.writeStringProperty("id", post.postId() + "/activity");
    g.writeStringProperty("type", "Create");
    g.writeStringProperty("actor", actor);
    g.writeStringProperty("published", Json.iso(post.atMs()));
    g.writeName("to");
    g.writeStartArray();
    g.writeString(PUBLIC);
    g.writeEndArray();
    g.writeName("object");
    g.writeStartObject();
    g.writeStringProperty("id", post.postId());
    boolean video = post.kind() == Post.Kind.UPLOAD;
    g.writeStringProperty("type", video ? "Video" : "Note");
    if (video) {
      g.writeStringProperty("name", post.text().body().length() > 80 ? post.text().body().substring(0, 80) : post.text().body());
      g.writeStringProperty("duration", "PT" + (60 + post.number() % 600) + "S");
    }
    g.writeStringProperty("content", MastodonWriter.html(post.text(), "video.range.invalid"));
    g.writeStringProperty("mediaType", "text/html");
    g.writeStringProperty("attributedTo", actor);
    g.writeStringProperty("published", Json.iso(post.atMs()));
    g.writeBooleanProperty("sensitive", post.truth().tier().isPresent());
    g.writeName("contentMap");
    g.writeStartObject();
    g.writeStringProperty(post.lang().code, MastodonWriter.html(post.text(), "video.range.invalid"));
    g.writeEndObject();
    if (post.referenced().isPresent()) {
      g.writeStringProperty("inReplyTo", post.referenced().get().postId());
    }
    g.writeStringProperty("url", post.url());
    List<String> tags = post.text().hashtags();
    if (!tags.isEmpty()) {
      g.writeName("tag");
      g.writeStartArray();
      for (String tag : tags) {
        g.writeStartObject();
        g.writeStringProperty("type", "Hashtag");
        g.writeStringProperty("name", "#" + tag);
        g.writeStringProperty("href", Site.VIDEO.base + "/search?tag=" + tag);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!post.media().isEmpty()) {
      g.writeName(video ? "icon" : "attachment");
      g.writeStartArray();
      for (MediaRef m : post.media()) {
        g.writeStartObject();
        g.writeStringProperty("type", "Image");
        g.writeStringProperty("mediaType", "image/jpeg");
        g.writeStringProperty("url", Manifest.MEDIA_URL_PREFIX + m.path());
        g.writeNumberProperty("width", m.width());
        g.writeNumberProperty("height", m.height());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndObject();
  }
}
