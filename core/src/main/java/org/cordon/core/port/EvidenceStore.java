package org.cordon.core.port;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.cordon.core.evidence.Provenance;
import org.cordon.core.evidence.Sha256;

/**
 * Content-addressed archive of raw payloads and media. Storing the same bytes twice keeps one copy
 * and adds a provenance record (when and from where it was obtained again).
 */
public interface EvidenceStore {
  Sha256 put(byte[] bytes, Provenance provenance);

  /** Streams {@code in} into the archive, refusing more than {@code maxBytes}. */
  Sha256 put(InputStream in, long maxBytes, Provenance provenance) throws IOException;

  Optional<InputStream> open(Sha256 digest) throws IOException;

  boolean contains(Sha256 digest);
}
