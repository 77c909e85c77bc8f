package org.cordon.app.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the bytes of a media item from its location. Cordon never lets an analyst's browser fetch a
 * remote URL; the server obtains media once, archives them, and serves the archive. This resolver
 * knows two kinds of places: URL prefixes mirrored to a local directory (a platform's media host
 * mirrored by a deployment, or the range's media host), and paths relative to the export file a
 * record came with (Telegram exports). A path may not leave its base directory, whatever '..' or
 * links the record names.
 */
public final class MediaResolver {
  private final Map<String, Path> mirrors;

  private MediaResolver(Map<String, Path> mirrors) {
    this.mirrors = Map.copyOf(mirrors);
  }

  public static MediaResolver none() {
    return new MediaResolver(Map.of());
  }

  public MediaResolver withMirror(String urlPrefix, Path directory) {
    Map<String, Path> m = new LinkedHashMap<>(mirrors);
    m.put(urlPrefix, directory.toAbsolutePath().normalize());
    return new MediaResolver(m);
  }

  /** Where a location resolves to on disk, if anywhere. */
  public Optional<Path> resolve(String location, Optional<Path> exportDirectory) {
    for (var mirror : mirrors.entrySet()) {
      if (location.startsWith(mirror.getKey())) {
        return inside(mirror.getValue(), location.substring(mirror.getKey().length()));
      }
    }
    if (location.contains("://") || exportDirectory.isEmpty()) {
      return Optional.empty();
    }
    return inside(exportDirectory.get().toAbsolutePath().normalize(), location);
  }

  public Optional<InputStream> open(String location, Optional<Path> exportDirectory) throws IOException {
    Optional<Path> path = resolve(location, exportDirectory);
    if (path.isEmpty() || !Files.isRegularFile(path.get())) {
      return Optional.empty();
    }
    return Optional.of(Files.newInputStream(path.get()));
  }

  private static Optional<Path> inside(Path base, String relative) {
    if (relative.isEmpty() || relative.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    try {
      Path candidate = base.resolve(relative).normalize();
      if (!candidate.startsWith(base)) {
        return Optional.empty();
      }
      if (Files.exists(candidate) && !candidate.toRealPath().startsWith(base.toRealPath())) {
        return Optional.empty(); // a link pointing out of the base directory
      }
      return Optional.of(candidate);
    } catch (IOException | java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }
}
