package org.cordon.core.ingest;

import java.time.Instant;
import java.util.Objects;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.model.Observed;

/**
 * The envelope of one observation: what was seen, by which source, when, where in the input, and
 * the digest of the raw payload it came from (the evidence).
 */
public record Observation(String source, SourcePosition position, Instant observedAt, Sha256 payloadDigest, Observed item) {
  public Observation {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(payloadDigest, "payloadDigest");
    Objects.requireNonNull(item, "item");
  }
}
