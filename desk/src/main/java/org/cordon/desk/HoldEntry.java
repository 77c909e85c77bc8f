package org.cordon.desk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.cordon.core.request.RequestId;

/**
 * A request held because it touches a selector its owner unit marked "under investigation". It stays
 * held until the owner unit's latest answer is RELEASE.
 */
public record HoldEntry(long id, RequestId request, long selectorId, String unit, String reason, Instant placedAt, List<Answer> answers) {
  public HoldEntry {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(placedAt, "placedAt");
    answers = List.copyOf(answers);
  }

  public boolean active() {
    return answers.isEmpty() || answers.getLast().kind() == AnswerKind.KEEP;
  }

  public enum AnswerKind {
    RELEASE,
    KEEP
  }

  /** The owner unit's answer to a hold, with who gave it, why and when. */
  public record Answer(AnswerKind kind, String by, String reason, Instant at) {
    public Answer {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(at, "at");
    }
  }
}
