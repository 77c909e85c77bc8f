package org.cordon.store;

import org.cordon.core.triage.CaseId;
import org.cordon.core.triage.CaseState;

/** A decision on a case that is already decided. Reload the case: someone else decided it first. */
public final class CaseNotOpenException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  CaseNotOpenException(CaseId id, CaseState state) {
    super("case " + id + " is " + state + ", not OPEN: it was decided already and takes no further decision; reload it");
  }
}
