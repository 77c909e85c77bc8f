package org.cordon.core.signal;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.MediaKey;

/**
 * The hashes Cordon computed over one media item's archived bytes, by hash type ("sha256", "md5",
 * "pdq"), in each type's canonical text form. Empty when the bytes could not be obtained.
 */
public record MediaFingerprint(MediaKey media, Map<String, String> hashes) {
  public static final String SHA256 = "sha256";
  public static final String MD5 = "md5";
  public static final String PDQ = "pdq";

  public MediaFingerprint {
    Objects.requireNonNull(media, "media");
    hashes = Map.copyOf(hashes);
  }

  public Optional<String> hash(String type) {
    return Optional.ofNullable(hashes.get(type));
  }
}
