package org.cordon.desk;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.desk.Selectors.Identifier;

/**
 * Holds on requests that touch a selector under investigation, and the notes to the owner units.
 * Every method runs inside the caller's transaction.
 */
final class Deconfliction {
  private Deconfliction() {}

  /** Selectors matching any of the identifiers; when {@code investigatedOnly}, only those under investigation. */
  record Match(long selectorId, String unit, SelectorKind kind, String value, String where) {}

  static List<Match> match(Connection c, Set<Identifier> ids, boolean investigatedOnly) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, String> whereFound = new java.util.HashMap<>();
    ids.forEach(i -> whereFound.putIfAbsent(i.kind().name() + "\u0000" + i.normalized(), i.where()));
    return Sql.list(c, """
        SELECT s.id, s.unit, s.kind, s.value, s.normalized FROM desk_selectors s
          JOIN unnest(?::text[], ?::text[]) AS i(kind, value) ON s.kind = i.kind AND s.normalized = i.value
         WHERE (s.under_investigation OR NOT ?) ORDER BY s.id""",
        rs -> new Match(rs.getLong(1), rs.getString(2), SelectorKind.valueOf(rs.getString(3)), rs.getString(4),
            whereFound.getOrDefault(rs.getString(3) + "\u0000" + rs.getString(5), "item")),
        Identifiers.kinds(ids), Identifiers.values(ids), investigatedOnly);
  }

  /** Places a hold for every selector under investigation the (PENDING) request touches, and notifies each owner unit once per hold. */
  static void placeHolds(Connection c, Request request, Instant now) throws SQLException {
    // serialises with DeskRequestStore.appendStatus: a request is either held first or sent first
    Sql.list(c, "SELECT id FROM requests WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), request.id().value());
    String status = Sql.one(c, "SELECT status FROM requests WHERE id = ?", rs -> rs.getString(1), request.id().value()).orElseThrow();
    if (!status.equals("PENDING")) {
      return; // already out: deconfliction can no longer stop it
    }
    for (Match m : match(c, Identifiers.ofStored(c, request.subject(), request.urls()), true)) {
      String reason = String.format(Locale.ROOT, "%s selector '%s' of unit %s is under investigation; it matches the %s of %s",
          m.kind().name().toLowerCase(Locale.ROOT), m.value(), m.unit(), m.where(), request.subject());
      var hold = Sql.one(c, """
          INSERT INTO desk_holds (request_id, selector_id, unit, reason, placed_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (request_id, selector_id) DO NOTHING RETURNING id""", rs -> rs.getLong(1),
          request.id().value(), m.selectorId(), m.unit(), Sql.storable(reason), now);
      if (hold.isPresent()) {
        Sql.update(c, "INSERT INTO desk_notifications (unit, kind, ref_id, message, created_at) VALUES (?, 'HOLD', ?, ?, ?)",
            m.unit(), hold.get(), Sql.storable("request " + request.id() + " to " + request.platform() + " is on hold: " + reason
                + ". Release or keep the hold."), now);
      }
    }
  }

  static List<HoldEntry> holds(Connection c, String where, Object... parameters) throws SQLException {
    record Row(long id, long request, long selector, String unit, String reason, Instant placed) {}
    List<Row> rows = Sql.list(c, "SELECT * FROM desk_holds h WHERE " + where + " ORDER BY h.id",
        rs -> new Row(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("selector_id"), rs.getString("unit"), rs.getString("reason"),
            Sql.instant(rs, "placed_at")), parameters);
    List<HoldEntry> holds = new ArrayList<>();
    for (Row r : rows) {
      List<HoldEntry.Answer> answers = Sql.list(c, "SELECT * FROM desk_hold_answers WHERE hold_id = ? ORDER BY id",
          rs -> new HoldEntry.Answer(HoldEntry.AnswerKind.valueOf(rs.getString("answer")), rs.getString("answered_by"), rs.getString("reason"),
              Sql.instant(rs, "answered_at")), r.id());
      holds.add(new HoldEntry(r.id(), new RequestId(r.request()), r.selector(), r.unit(), r.reason(), r.placed(), answers));
    }
    return holds;
  }
}
