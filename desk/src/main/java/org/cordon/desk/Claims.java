package org.cordon.desk;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.triage.CaseId;

/**
 * Who is working on which open case. An analyst claims a case (or takes the next one) before
 * assessing it, so that two people do not spend the same minutes on the same item; the claim is a
 * lease of {@link #LEASE} that its holder renews by claiming again, and that lapses by itself when
 * nobody does. While a claim lasts, another analyst cannot decide the case (a supervisor can: the
 * desk's lead may always act); the holder's decision ends the claim.
 *
 * <pre>
 *   Optional&lt;TriageQueue.Item&gt; mine = desk.claims().next(DeskUser.analyst("ana"));
 * </pre>
 */
public final class Claims {
  /** How long a claim lasts unless renewed: a few decisions' time, short enough that a forgotten claim costs little. */
  public static final Duration LEASE = Duration.ofMinutes(15);

  /** How far down the queue {@link #next} looks for a case nobody holds. */
  private static final int LOOK_AHEAD = 200;

  private final Sql sql;
  private final Clock clock;
  private final TriageQueue queue;

  Claims(Sql sql, Clock clock, TriageQueue queue) {
    this.sql = sql;
    this.clock = clock;
    this.queue = queue;
  }

  /** A live claim. */
  public record Claim(CaseId caseId, String claimedBy, Instant claimedAt, Instant until) {
    public Claim {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(claimedBy, "claimedBy");
      Objects.requireNonNull(claimedAt, "claimedAt");
      Objects.requireNonNull(until, "until");
    }
  }

  /**
   * Claims an open case for the user, or renews the user's own claim.
   *
   * @throws DeskRefusal NOT_FOUND for no such case, CONFLICT when the case is decided or someone else holds it, FORBIDDEN for a liaison officer
   */
  public Claim claim(DeskUser who, CaseId caseId) {
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(caseId, "caseId");
    if (!who.mayDecide()) {
      throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, who.name() + " is a liaison officer: analysts and supervisors claim cases");
    }
    Instant now = clock.instant();
    return sql.inTransaction(c -> {
      String state = Sql.one(c, "SELECT state FROM cases WHERE id = ? FOR UPDATE", rs -> rs.getString(1), caseId.value())
          .orElseThrow(() -> new DeskRefusal(DeskRefusal.Reason.NOT_FOUND, "no case " + caseId.value() + "; check the case number"));
      if (!state.equals("OPEN")) {
        throw new DeskRefusal(DeskRefusal.Reason.CONFLICT, "case " + caseId.value() + " is " + state.toLowerCase(java.util.Locale.ROOT)
            + " already: there is nothing left to claim");
      }
      return tryClaim(c, who, caseId, now).orElseThrow(() -> heldBy(c, caseId, now));
    });
  }

  /**
   * Claims the most urgent open case that nobody else holds (one of the user's own claims first, so a
   * reload does not hand out a second case).
   *
   * @return the claimed item, or empty when every case in reach is held or the queue is empty
   */
  public Optional<TriageQueue.Item> next(DeskUser who) {
    Objects.requireNonNull(who, "who");
    if (!who.mayDecide()) {
      throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, who.name() + " is a liaison officer: analysts and supervisors claim cases");
    }
    TriageQueue.View view = queue.queue(LOOK_AHEAD);
    for (TriageQueue.Item item : view.items()) {
      if (item.claim().filter(c -> c.claimedBy().equals(who.name())).isPresent()) {
        return Optional.of(item);
      }
    }
    for (TriageQueue.Item item : view.items()) {
      if (item.claim().isPresent()) {
        continue;
      }
      Instant now = clock.instant();
      Optional<Claim> claimed = sql.inTransaction(c -> {
        // decided since the queue was read: a decision's transaction holds this row until it commits
        boolean open = Sql.one(c, "SELECT state FROM cases WHERE id = ? FOR UPDATE", rs -> rs.getString(1), item.caseId().value())
            .filter("OPEN"::equals).isPresent();
        return open ? tryClaim(c, who, item.caseId(), now) : Optional.<Claim>empty();
      });
      if (claimed.isPresent()) {
        return Optional.of(item.withClaim(claimed));
      }
      // someone took or decided it between reading the queue and claiming: try the next one
    }
    return Optional.empty();
  }

  /**
   * Gives a claim up: its holder, or a supervisor (who may free a case someone left).
   *
   * @return whether a live claim was released
   */
  public boolean release(DeskUser who, CaseId caseId) {
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(caseId, "caseId");
    Instant now = clock.instant();
    return sql.inTransaction(c -> {
      Optional<Claim> held = live(c, caseId, now);
      if (held.isEmpty()) {
        return false;
      }
      if (!held.get().claimedBy().equals(who.name()) && who.role() != Role.SUPERVISOR) {
        throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, "case " + caseId.value() + " is claimed by " + held.get().claimedBy()
            + "; only they or a supervisor can release it");
      }
      return Sql.update(c, "DELETE FROM desk_claims WHERE case_id = ?", caseId.value()) > 0;
    });
  }

  /** The live claim on a case, if any. */
  public Optional<Claim> holder(CaseId caseId) {
    Objects.requireNonNull(caseId, "caseId");
    Instant now = clock.instant();
    return sql.read(c -> live(c, caseId, now));
  }

  // ---------------------------------------------------------------------------------------------

  /** Inserts the claim, or takes over a lapsed one, or renews the user's own; empty when someone else holds it. */
  private static Optional<Claim> tryClaim(Connection c, DeskUser who, CaseId caseId, Instant now) throws SQLException {
    Instant until = now.plus(LEASE);
    return Sql.one(c, """
        INSERT INTO desk_claims (case_id, claimed_by, claimed_at, until) VALUES (?, ?, ?, ?)
        ON CONFLICT (case_id) DO UPDATE SET claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at, until = EXCLUDED.until
         WHERE desk_claims.until <= EXCLUDED.claimed_at OR desk_claims.claimed_by = EXCLUDED.claimed_by
        RETURNING case_id, claimed_by, claimed_at, until""", Claims::row, caseId.value(), who.name(), now, until);
  }

  private static DeskRefusal heldBy(Connection c, CaseId caseId, Instant now) {
    try {
      return live(c, caseId, now)
          .map(held -> new DeskRefusal(DeskRefusal.Reason.CONFLICT, "case " + caseId.value() + " is claimed by " + held.claimedBy() + " until "
              + held.until() + "; take another case, or ask a supervisor to release it"))
          .orElseGet(() -> new DeskRefusal(DeskRefusal.Reason.CONFLICT, "case " + caseId.value() + " was claimed at the same moment; try again"));
    } catch (SQLException e) {
      return new DeskRefusal(DeskRefusal.Reason.CONFLICT, "case " + caseId.value() + " is claimed by someone else");
    }
  }

  static Optional<Claim> live(Connection c, CaseId caseId, Instant now) throws SQLException {
    return Sql.one(c, "SELECT case_id, claimed_by, claimed_at, until FROM desk_claims WHERE case_id = ? AND until > ?", Claims::row,
        caseId.value(), now);
  }

  private static Claim row(java.sql.ResultSet rs) throws SQLException {
    return new Claim(new CaseId(rs.getLong("case_id")), rs.getString("claimed_by"), Sql.instant(rs, "claimed_at"), Sql.instant(rs, "until"));
  }
}
