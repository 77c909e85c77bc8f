package org.cordon.core.signal;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.Subject;

/**
 * One piece of evidence about a post or an account: what kind of detector saw it, how strong it
 * is, the tier it points to, and a reason an analyst can read ("media SHA-256 equals entry 42 of
 * list 'range-releases'").
 *
 * @param kind the detector's persisted name ("lexicon", "media-hash")
 * @param strength in [0, 1]
 * @param evidence machine-readable details (list, entry, term, distance), for the explanation view
 */
public record Signal(Subject subject, String kind, double strength, Optional<Tier> tier, String reason, Map<String, String> evidence) {
  public Signal {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(reason, "reason");
    if (!(strength >= 0 && strength <= 1)) {
      throw new IllegalArgumentException("signal strength is in [0, 1]: " + strength);
    }
    evidence = Map.copyOf(evidence);
  }
}
