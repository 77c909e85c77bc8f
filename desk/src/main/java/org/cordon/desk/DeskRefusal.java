package org.cordon.desk;

import java.util.Objects;

/** The desk refused an operation; the reason says which kind of problem (a REST layer maps it to a status) and the message how to fix it. */
public final class DeskRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Kinds of refusal. */
  public enum Reason {
    /** No such case, decision, selector, hold or unit. (404) */
    NOT_FOUND,
    /** The user's role or unit may not do this. (403) */
    FORBIDDEN,
    /** Four-eyes: self-approval, or an analyst where a supervisor is required. (403) */
    FOUR_EYES,
    /** The input is incomplete or malformed. (400) */
    INVALID,
    /** The state does not allow it (already approved, superseded by a correction). (409) */
    CONFLICT
  }

  private final Reason reason;

  public DeskRefusal(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
