package org.cordon.desk;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.Account;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;

/**
 * National units and their intelligence: watch-list selectors, hits when a selector is seen again,
 * and deconfliction holds, which only the owner unit releases or keeps.
 */
public final class Intelligence {
  private final Sql sql;
  private final Clock clock;

  Intelligence(Sql sql, Clock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  /** Registers a national unit (again: no change). Names: 1-63 letters, digits, space, '.', '_', '-'. */
  public void registerUnit(String name) {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}")) {
      throw new DeskRefusal(DeskRefusal.Reason.INVALID, "a unit name is 1-63 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit: '" + name + "'");
    }
    Instant now = clock.instant();
    sql.inTransaction(c -> Sql.update(c, "INSERT INTO desk_units (name, registered_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", name, now));
  }

  public List<String> units() {
    return sql.read(c -> Sql.list(c, "SELECT name FROM desk_units ORDER BY name", rs -> rs.getString(1)));
  }

  /**
   * Adds a selector for the liaison's unit, or updates the one it has with the same normal form
   * (its investigation flag and note). A selector under investigation holds every unsent request
   * touching it at once.
   */
  public Selector addSelector(DeskUser liaison, SelectorDraft draft) {
    String unit = unitOf(liaison);
    String normalized = Selectors.normalize(draft.kind(), draft.value());
    Instant now = clock.instant();
    return sql.inTransaction(c -> {
      requireUnit(c, unit);
      long id = Sql.insert(c, """
          INSERT INTO desk_selectors (unit, kind, value, normalized, under_investigation, note, added_by, added_at, changed_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (unit, kind, normalized) DO UPDATE SET under_investigation = EXCLUDED.under_investigation, note = EXCLUDED.note,
            changed_at = EXCLUDED.changed_at
          RETURNING id""", unit, draft.kind().name(), Sql.storable(draft.value().strip()), normalized, draft.underInvestigation(),
          Sql.storable(draft.note()), liaison.name(), now, now);
      if (draft.underInvestigation()) {
        holdPendingRequests(c, now);
      }
      return selector(c, id);
    });
  }

  /** Marks a selector of the liaison's own unit under investigation, or no longer (existing holds stay until the unit answers them). */
  public Selector setUnderInvestigation(DeskUser liaison, long selectorId, boolean underInvestigation) {
    String unit = unitOf(liaison);
    Instant now = clock.instant();
    return sql.inTransaction(c -> {
      Selector s = selector(c, selectorId);
      if (!s.unit().equals(unit)) {
        throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, "selector " + selectorId + " belongs to unit " + s.unit() + ", not " + unit);
      }
      Sql.update(c, "UPDATE desk_selectors SET under_investigation = ?, changed_at = ? WHERE id = ?", underInvestigation, now, selectorId);
      if (underInvestigation) {
        holdPendingRequests(c, now);
      }
      return selector(c, selectorId);
    });
  }

  public List<Selector> selectors(String unit) {
    return sql.read(c -> Sql.list(c, "SELECT * FROM desk_selectors WHERE unit = ? ORDER BY id", Intelligence::selectorRow, unit));
  }

  /**
   * Matches an observed item against every unit's selectors and records a hit (and a notification)
   * for each owner unit the first time the item matches one of its selectors. Returns the new hits.
   */
  public List<Hit> observe(Observed observed) {
    Objects.requireNonNull(observed, "observed");
    record Item(String kind, Platform platform, String id) {}
    Optional<Item> observedItem = switch (observed) {
      case Post p -> Optional.of(new Item("POST", p.platform(), p.key().id()));
      case Account a -> Optional.of(new Item("ACCOUNT", a.platform(), a.key().id()));
      case Media m -> Optional.of(new Item("MEDIA", m.platform(), m.key().id()));
      case Interaction i -> Optional.empty(); // an edge carries no identifier of its own
    };
    if (observedItem.isEmpty()) {
      return List.of();
    }
    Item item = observedItem.get();
    Instant now = clock.instant();
    return sql.inTransaction(c -> {
      List<Hit> hits = new ArrayList<>();
      for (Deconfliction.Match m : Deconfliction.match(c, Identifiers.ofObserved(c, observed), false)) {
        var id = Sql.one(c, """
            INSERT INTO desk_hits (selector_id, unit, subject_kind, platform, subject_id, matched, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (selector_id, subject_kind, platform, subject_id) DO NOTHING RETURNING id""", rs -> rs.getLong(1),
            m.selectorId(), m.unit(), item.kind(), item.platform().name(), item.id(), m.where(), now);
        if (id.isPresent()) {
          Sql.update(c, "INSERT INTO desk_notifications (unit, kind, ref_id, message, created_at) VALUES (?, 'HIT', ?, ?, ?)", m.unit(), id.get(),
              Sql.storable(String.format(Locale.ROOT, "%s selector '%s' seen again: %s %s:%s (%s)", m.kind().name().toLowerCase(Locale.ROOT),
                  m.value(), item.kind().toLowerCase(Locale.ROOT), item.platform(), item.id(), m.where())), now);
          hits.add(new Hit(id.get(), m.selectorId(), m.unit(), item.kind(), item.platform(), item.id(), m.where(), now));
        }
      }
      return hits;
    });
  }

  /** A unit's hits, newest first. */
  public List<Hit> hits(String unit, int limit) {
    return sql.read(c -> Sql.list(c, "SELECT * FROM desk_hits WHERE unit = ? ORDER BY id DESC LIMIT ?", rs -> new Hit(rs.getLong("id"),
        rs.getLong("selector_id"), rs.getString("unit"), rs.getString("subject_kind"), new Platform(rs.getString("platform")),
        rs.getString("subject_id"), rs.getString("matched"), Sql.instant(rs, "seen_at")), unit, limit));
  }

  /** A unit's notifications, newest first. */
  public List<Notification> notifications(String unit, int limit) {
    return sql.read(c -> Sql.list(c, "SELECT * FROM desk_notifications WHERE unit = ? ORDER BY id DESC LIMIT ?",
        rs -> new Notification(rs.getLong("id"), rs.getString("unit"), Notification.Kind.valueOf(rs.getString("kind")), rs.getLong("ref_id"),
            rs.getString("message"), Sql.instant(rs, "created_at")), unit, limit));
  }

  /** Holds on a unit's selectors, oldest first; {@code activeOnly} leaves out released ones. */
  public List<HoldEntry> holds(String unit, boolean activeOnly) {
    List<HoldEntry> all = sql.read(c -> Deconfliction.holds(c, "h.unit = ?", unit));
    return activeOnly ? all.stream().filter(HoldEntry::active).toList() : all;
  }

  public List<HoldEntry> holdsOn(RequestId request) {
    return sql.read(c -> Deconfliction.holds(c, "h.request_id = ?", request.value()));
  }

  /**
   * The owner unit releases a hold (the request may go out, unless another hold stays) or keeps
   * it. Only a liaison officer of the unit that owns the selector may answer.
   */
  public HoldEntry answerHold(DeskUser liaison, long holdId, HoldEntry.AnswerKind answer, String reason) {
    String unit = unitOf(liaison);
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new DeskRefusal(DeskRefusal.Reason.INVALID, "say why the hold is released or kept: add a reason and resubmit");
    }
    Instant now = clock.instant();
    return sql.inTransaction(c -> {
      HoldEntry hold = Deconfliction.holds(c, "h.id = ?", holdId).stream().findFirst()
          .orElseThrow(() -> new DeskRefusal(DeskRefusal.Reason.NOT_FOUND, "no hold " + holdId + "; check the hold number"));
      if (!hold.unit().equals(unit)) {
        throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, "hold " + holdId + " is unit " + hold.unit() + "'s to answer, not " + unit + "'s");
      }
      Sql.update(c, "INSERT INTO desk_hold_answers (hold_id, answer, answered_by, reason, answered_at) VALUES (?, ?, ?, ?, ?)",
          holdId, answer.name(), liaison.name(), Sql.storable(reason.strip()), now);
      return Deconfliction.holds(c, "h.id = ?", holdId).getFirst();
    });
  }

  private static void holdPendingRequests(Connection c, Instant now) throws SQLException {
    for (Request r : RequestRows.load(c, "r.status = 'PENDING'", Integer.MAX_VALUE)) {
      Deconfliction.placeHolds(c, r, now);
    }
  }

  private static String unitOf(DeskUser liaison) {
    Objects.requireNonNull(liaison, "liaison");
    if (liaison.role() != Role.LIAISON) {
      throw new DeskRefusal(DeskRefusal.Reason.FORBIDDEN, liaison.name() + " is not a liaison officer of a national unit");
    }
    return liaison.unit().orElseThrow();
  }

  private static void requireUnit(Connection c, String unit) throws SQLException {
    if (Sql.count(c, "SELECT count(*) FROM desk_units WHERE name = ?", unit) == 0) {
      throw new DeskRefusal(DeskRefusal.Reason.NOT_FOUND, "unit '" + unit + "' is not registered; register it first");
    }
  }

  private static Selector selector(Connection c, long id) throws SQLException {
    return Sql.one(c, "SELECT * FROM desk_selectors WHERE id = ?", Intelligence::selectorRow, id)
        .orElseThrow(() -> new DeskRefusal(DeskRefusal.Reason.NOT_FOUND, "no selector " + id + "; check the selector number"));
  }

  private static Selector selectorRow(ResultSet rs) throws SQLException {
    return new Selector(rs.getLong("id"), rs.getString("unit"), SelectorKind.valueOf(rs.getString("kind")), rs.getString("value"),
        rs.getString("normalized"), rs.getBoolean("under_investigation"), rs.getString("note"), rs.getString("added_by"), Sql.instant(rs, "added_at"));
  }
}
