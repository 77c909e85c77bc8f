package org.cordon.core.triage;

import java.util.Objects;

/** What an analyst decides about a case. Later desks add escalate and hold. */
public sealed interface Decision {
  /** Persisted: never renamed. */
  default String kind() {
    return switch (this) {
      case Refer r -> "refer";
      case Dismiss d -> "dismiss";
    };
  }

  /** Send a referral to the platform, under {@code category} (e.g. "glorifies", "incites"). */
  record Refer(String category) implements Decision {
    public Refer {
      Objects.requireNonNull(category, "category");
    }
  }

  /** Not actionable. */
  record Dismiss() implements Decision {}
}
