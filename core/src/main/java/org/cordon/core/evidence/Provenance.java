package org.cordon.core.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * When and from where a piece of evidence was obtained: the first link of its chain of custody.
 *
 * @param obtainedFrom the URL, file path or feed it was read from
 * @param source the source (connector run) that read it
 * @param mediaType what the bytes are, as far as Cordon could tell ("application/json", "image/jpeg")
 */
public record Provenance(String obtainedFrom, String source, Instant obtainedAt, String mediaType) {
  public Provenance {
    Objects.requireNonNull(obtainedFrom, "obtainedFrom");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(obtainedAt, "obtainedAt");
    Objects.requireNonNull(mediaType, "mediaType");
  }
}
