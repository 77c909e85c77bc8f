package org.cordon.lineage;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.PostKey;

/**
 * A post that points at a new account (mention or profile link) and names other handles with it,
 * as "back again: @new (was @old)". Which named handle is a suspended predecessor is the matcher's
 * to decide.
 */
public record Shoutout(PostKey post, AccountKey announcer, Set<String> namedHandles, Instant at) {
  public Shoutout {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(announcer, "announcer");
    Objects.requireNonNull(at, "at");
    namedHandles = Set.copyOf(namedHandles);
  }
}
