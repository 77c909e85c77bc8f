package org.cordon.ingest;

import java.util.Objects;
import org.cordon.core.ingest.Rejection;

/** Why one record cannot be read; thrown while mapping it and turned into a rejection. */
final class RecordProblem extends RuntimeException {
  private final Rejection.Reason reason;

  RecordProblem(Rejection.Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  static RecordProblem missing(String field) {
    return new RecordProblem(Rejection.Reason.MISSING_FIELD, "'" + field + "' is missing; the record cannot be read without it");
  }

  static RecordProblem invalid(String field, String expected) {
    return new RecordProblem(Rejection.Reason.INVALID_FIELD, "'" + field + "' is not " + expected);
  }

  static RecordProblem unsupported(String detail) {
    return new RecordProblem(Rejection.Reason.UNSUPPORTED, detail);
  }

  Rejection.Reason reason() {
    return reason;
  }
}
