package org.cordon.desk;

import java.util.Objects;
import org.cordon.core.request.Request;

/** Asks whether removed content is still gone: the URL's status, the account still there. A port: the app wires an HTTP checker or the platform's API. */
public interface ContentChecker {
  Check check(Request removed);

  enum Presence {
    /** Gone as it should be. */
    GONE,
    /** Back (or never went): the case reopens. */
    PRESENT,
    /** Could not tell (network, rate limit): asked again on the next run. */
    UNKNOWN
  }

  record Check(Presence presence, String detail) {
    public Check {
      Objects.requireNonNull(presence, "presence");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
