package org.cordon.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A media item attached to a post. {@code location} is where its bytes can be obtained: a URL, or
 * a path relative to the export file it came with (Telegram exports). The bytes themselves are
 * fetched, limited and archived as evidence by the ingest runner, never by the connector.
 */
public record Media(
    MediaKey key,
    Kind kind,
    Optional<String> location,
    Optional<String> previewLocation,
    OptionalInt width,
    OptionalInt height)
    implements Observed {

  public Media {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(previewLocation, "previewLocation");
    Objects.requireNonNull(width, "width");
    Objects.requireNonNull(height, "height");
  }

  @Override
  public Platform platform() {
    return key.platform();
  }

  public enum Kind {
    IMAGE,
    VIDEO,
    ANIMATED_GIF,
    AUDIO,
    DOCUMENT
  }
}
