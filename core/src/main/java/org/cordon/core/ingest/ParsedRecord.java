package org.cordon.core.ingest;

import java.util.List;
import java.util.Objects;
import org.cordon.core.model.Observed;

/**
 * One record of an input, parsed: everything observed in it and the raw payload it was parsed from,
 * kept as evidence. An X API response carries a post, its author, media and quoted posts at once,
 * so one record gives several observations.
 *
 * @param payload the record's bytes as read (or, for formats nested in one big document, the
 *     record's JSON re-serialised); archived by its SHA-256
 */
public record ParsedRecord(SourcePosition position, byte[] payload, List<Observed> items) {
  public ParsedRecord {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(payload, "payload");
    items = List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a parsed record observes something; reject it instead: " + position);
    }
  }
}
