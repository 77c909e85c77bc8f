package org.cordon.detect.media;

import java.util.Objects;
import org.cordon.core.signal.Tier;

/**
 * One known media item of a hash list.
 *
 * @param hash lowercase hex of the type's length
 * @param label what an analyst reads ("range release 12, still 3")
 * @param line the file line it came from, to find it again
 */
public record HashListEntry(HashType type, String hash, String label, Tier tier, int line) {
  public HashListEntry {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(tier, "tier");
    if (hash.length() != type.hexLength() || !hash.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new IllegalArgumentException("a " + type.key() + " hash is " + type.hexLength() + " lowercase hex digits: '" + hash + "'");
    }
  }
}
