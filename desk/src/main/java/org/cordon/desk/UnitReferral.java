package org.cordon.desk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.Subject;
import org.cordon.core.signal.Tier;

/** A referral a national unit submits: the content (a post or an account), its URLs, the request type, the TCO category, a tier and a note. */
public record UnitReferral(Subject subject, List<String> urls, RequestType requestType, Category category, Optional<Tier> tier, String note) {
  public UnitReferral {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(requestType, "requestType");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(note, "note");
    urls = List.copyOf(urls);
    if (note.isBlank()) {
      throw new DeskRefusal(DeskRefusal.Reason.INVALID, "a referral needs a note saying why: add one and resubmit");
    }
  }
}
