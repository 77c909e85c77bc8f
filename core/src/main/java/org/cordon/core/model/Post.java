package org.cordon.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A post, message, status or upload. {@code text} is exactly what the platform served (never
 * normalised here; detectors normalise). {@code mentions} and {@code hashtags} are as written,
 * without '@' or '#'.
 */
public record Post(
    PostKey key,
    AccountKey author,
    Instant postedAt,
    String text,
    Optional<String> language,
    Optional<String> url,
    List<MediaKey> media,
    List<String> hashtags,
    List<String> mentions,
    List<String> links,
    List<PostReference> references)
    implements Observed {

  public Post {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(postedAt, "postedAt");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(url, "url");
    if (!author.platform().equals(key.platform())) {
      throw new IllegalArgumentException("post " + key + " has an author on another platform: " + author);
    }
    media = List.copyOf(media);
    hashtags = List.copyOf(hashtags);
    mentions = List.copyOf(mentions);
    links = List.copyOf(links);
    references = List.copyOf(references);
  }

  public Optional<PostKey> reference(PostReference.Kind kind) {
    return references.stream().filter(r -> r.kind() == kind).map(PostReference::target).findFirst();
  }

  @Override
  public Platform platform() {
    return key.platform();
  }
}
