package org.cordon.app.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.cordon.core.evidence.Provenance;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.port.AssessmentInbox;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.port.EvidenceStore;
import org.cordon.core.port.QuarantineStore;
import org.cordon.core.signal.MediaFingerprint;

/**
 * Obtains each media item's bytes, archives them as evidence and records their fingerprints, so
 * known-content detectors can match them. Media that cannot be obtained (a remote host Cordon does
 * not mirror, a missing file) are counted, and their posts are assessed on the text alone.
 */
public final class MediaArchiver {
  /** Media larger than this are not archived: a limit checked while reading, not after. */
  public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

  private final EvidenceStore evidence;
  private final AssessmentInbox inbox;
  private final QuarantineStore quarantine;
  private final MediaResolver resolver;
  private final BiFunction<MediaKey, byte[], MediaFingerprint> fingerprinter;
  private final long maxBytes;
  private final Clock clock;
  private long rejectedImages;

  public MediaArchiver(EvidenceStore evidence, AssessmentInbox inbox, QuarantineStore quarantine, MediaResolver resolver,
      BiFunction<MediaKey, byte[], MediaFingerprint> fingerprinter, long maxBytes, Clock clock) {
    this.evidence = evidence;
    this.inbox = inbox;
    this.quarantine = quarantine;
    this.resolver = resolver;
    this.fingerprinter = fingerprinter;
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  /** Archives what it can of {@code media}; returns how many were archived. */
  public Result archive(List<Media> media, Optional<Path> exportDirectory, String source) {
    List<MediaFingerprint> fingerprints = new ArrayList<>();
    long unavailable = 0;
    // One response can name the same media several times (X API v2 includes): fetch each once.
    java.util.Map<MediaKey, Media> unique = new java.util.LinkedHashMap<>();
    media.forEach(m -> unique.putIfAbsent(m.key(), m));
    for (Media m : unique.values()) {
      Optional<byte[]> bytes = read(m, exportDirectory);
      if (bytes.isEmpty()) {
        unavailable++;
        continue;
      }
      String location = m.location().or(m::previewLocation).orElseThrow();
      evidence.put(bytes.get(), new Provenance(location, source, clock.instant(), "application/octet-stream"));
      MediaFingerprint fingerprint = fingerprinter.apply(m.key(), bytes.get());
      fingerprints.add(fingerprint);
      if (m.kind() == Media.Kind.IMAGE || m.kind() == Media.Kind.ANIMATED_GIF) {
        // An image that would not decode safely (bomb, truncated, lying about its type) is kept as
        // evidence and in quarantine with the reason; its exact hashes still match known lists.
        fingerprint.hash(org.cordon.detect.media.MediaFingerprinter.DECODE_REJECTED).ifPresent(reason -> {
          rejectedImages++;
          quarantine.quarantine(source, Rejection.of(new SourcePosition(location, 1, -1), Rejection.Reason.INVALID_FIELD,
              "media " + m.key() + " is not a safely decodable image: " + reason, java.util.Arrays.copyOf(bytes.get(), Math.min(bytes.get().length, Rejection.MAX_EXCERPT))));
        });
      }
    }
    if (!fingerprints.isEmpty()) {
      inbox.recordFingerprints(fingerprints);
    }
    return new Result(fingerprints.size(), unavailable);
  }

  /** Images quarantined because they would not decode safely, since this archiver was made. */
  public long rejectedImages() {
    return rejectedImages;
  }

  private Optional<byte[]> read(Media m, Optional<Path> exportDirectory) {
    for (Optional<String> location : List.of(m.location(), m.previewLocation())) {
      if (location.isEmpty()) {
        continue;
      }
      try {
        Optional<InputStream> in = resolver.open(location.get(), exportDirectory);
        if (in.isEmpty()) {
          continue;
        }
        try (InputStream stream = in.get()) {
          byte[] bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
          if (bytes.length > maxBytes) {
            return Optional.empty();
          }
          return Optional.of(bytes);
        }
      } catch (IOException e) {
        // Unreadable here: counted as unavailable by the caller; the post is still assessed.
      }
    }
    return Optional.empty();
  }

  public record Result(long archived, long unavailable) {}
}
