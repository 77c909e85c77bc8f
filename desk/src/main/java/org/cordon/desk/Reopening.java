package org.cordon.desk;

import java.time.Instant;
import java.util.Objects;
import org.cordon.core.request.RequestId;
import org.cordon.core.triage.CaseId;

/** Removed content that came back, or its media re-posted elsewhere: a case opened again, linked to the request that removed it. */
public record Reopening(long id, Kind kind, RequestId request, CaseId reopenedCase, String detail, Instant at) {
  public Reopening {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(reopenedCase, "reopenedCase");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
  }

  public enum Kind {
    CONTENT_BACK,
    REPOST
  }
}
