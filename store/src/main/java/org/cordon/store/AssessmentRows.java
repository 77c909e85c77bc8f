package org.cordon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Subject;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import tools.jackson.databind.JsonNode;

/**
 * Assessments as rows, their signals as a json array (read whole, or matched with {@code @>} after a
 * cast by the desk's copies; see V6__signals_as_json.sql). A signal about the assessment's own subject, the usual case, is stored
 * without its subject, which reading fills in; rows written before that carry it and read the same.
 */
final class AssessmentRows {
  private AssessmentRows() {}

  /** Stores the assessment, or finds it if this judgement (subject, instant) is stored already; returns its id. */
  static long upsert(Connection c, Assessment a) throws SQLException {
    String sql = """
        INSERT INTO assessments (subject_kind, platform, subject_id, score, flagged, tier, explanation, signals, assessed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?::json, ?)
        ON CONFLICT ON CONSTRAINT assessments_once DO UPDATE
          SET score = EXCLUDED.score, flagged = EXCLUDED.flagged, tier = EXCLUDED.tier,
              explanation = EXCLUDED.explanation, signals = EXCLUDED.signals
        RETURNING id""";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, a);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Stores many assessments in one round trip, with the same
   * once-per-(subject, instant) rule as {@link #upsert}; for the pipeline, which needs no ids back.
   */
  static void upsertAll(Connection c, List<Assessment> assessments) throws SQLException {
    writeWithStatement(c, lastOfEachJudgement(assessments), INSERT_ALL + UPDATE_CHANGED);
  }

  /**
   * {@link #upsertAll} for judgements the caller takes to be new (those of posts its transaction
   * stored): a plain insert, without the speculative insertion of {@code ON CONFLICT} (see
   * {@link OptimisticInserts}). One recorded before fails the transaction with a unique violation,
   * for the caller to run it again with {@link #upsertAll}.
   */
  static void insertAll(Connection c, List<Assessment> assessments) throws SQLException {
    writeWithStatement(c, lastOfEachJudgement(assessments), INSERT_ALL);
  }

  /**
   * One command cannot update the same row twice: the last assessment of each (subject, instant), as
   * one-by-one upserts would keep. The instant as stored: PostgreSQL keeps microseconds, so two
   * judgements a few nanoseconds apart are one row.
   */
  private static java.util.Collection<Assessment> lastOfEachJudgement(List<Assessment> assessments) {
    Map<List<Object>, Assessment> last = new java.util.LinkedHashMap<>();
    for (Assessment a : assessments) {
      last.put(List.of(a.subject().kind(), a.subject().platform().name(), a.subject().id(), stored(a.assessedAt())), a);
    }
    return last.values();
  }

  /** An instant as a timestamptz column keeps it: cut to the microsecond here, never rounded by the driver or the server. */
  private static java.time.Instant stored(java.time.Instant instant) {
    return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  private static final String INSERT_ALL = """
      INSERT INTO assessments (subject_kind, platform, subject_id, score, flagged, tier, explanation, signals, assessed_at)
      SELECT u.kind, u.platform, u.id, u.score, u.flagged, u.tier, u.explanation, u.signals::json, u.assessed_at
      FROM unnest(?::text[], ?::text[], ?::text[], ?::float8[], ?::bool[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
        AS u(kind, platform, id, score, flagged, tier, explanation, signals, assessed_at)""";

  private static final String UPDATE_CHANGED = """

      ON CONFLICT ON CONSTRAINT assessments_once DO UPDATE
        SET score = EXCLUDED.score, flagged = EXCLUDED.flagged, tier = EXCLUDED.tier,
            explanation = EXCLUDED.explanation, signals = EXCLUDED.signals
        WHERE (assessments.score, assessments.flagged, assessments.tier, assessments.explanation, assessments.signals::text)
              IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.flagged, EXCLUDED.tier, EXCLUDED.explanation, EXCLUDED.signals::text)""";

  /**
   * One statement over {@code unnest} of column arrays, as the observation writes do. The JDBC batch
   * it replaces was rewritten by the driver into multi-row VALUES statements of 256, 128, 64, ...
   * rows, six statements for a batch of 500, each parsed and planned with its thousands of
   * parameters. A COPY into a staging table and one INSERT ... SELECT cost the server as much or
   * more than the VALUES form (index upkeep and JSON parsing are the same either way), so COPY was
   * not kept. The same judgement recorded again (a post seen in two payloads, a replay) leaves the
   * row as it is: an update would write a new version of the row, its 1 kB of signals and its
   * index entries for nothing.
   */
  private static void writeWithStatement(Connection c, java.util.Collection<Assessment> distinct, String sql) throws SQLException {
    if (distinct.isEmpty()) {
      return;
    }
    int n = distinct.size();
    String[] kinds = new String[n];
    String[] platforms = new String[n];
    String[] ids = new String[n];
    Double[] scores = new Double[n];
    Boolean[] flags = new Boolean[n];
    String[] tiers = new String[n];
    String[] explanations = new String[n];
    String[] signals = new String[n];
    String[] times = new String[n];
    int i = 0;
    for (Assessment a : distinct) {
      kinds[i] = a.subject().kind().name();
      platforms[i] = a.subject().platform().name();
      ids[i] = a.subject().id();
      scores[i] = a.score();
      flags[i] = a.flagged();
      tiers[i] = a.tier().map(Tier::name).orElse(null);
      explanations[i] = Columns.storable(a.explanation());
      signals[i] = signalsJson(a.subject(), a.signals());
      times[i] = stored(a.assessedAt()).toString();
      i++;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", kinds));
      ps.setArray(2, c.createArrayOf("text", platforms));
      ps.setArray(3, c.createArrayOf("text", ids));
      ps.setArray(4, c.createArrayOf("float8", scores));
      ps.setArray(5, c.createArrayOf("bool", flags));
      ps.setArray(6, c.createArrayOf("text", tiers));
      ps.setArray(7, c.createArrayOf("text", explanations));
      ps.setArray(8, c.createArrayOf("text", signals));
      ps.setArray(9, c.createArrayOf("text", times));
      ps.executeUpdate();
    }
  }

  /** The nine values of an assessment row, in the order {@link #upsert} lists them. */
  private static void bind(PreparedStatement ps, Assessment a) throws SQLException {
    ps.setString(1, a.subject().kind().name());
    ps.setString(2, a.subject().platform().name());
    ps.setString(3, a.subject().id());
    ps.setDouble(4, a.score());
    ps.setBoolean(5, a.flagged());
    setTier(ps, 6, a.tier());
    ps.setString(7, Columns.storable(a.explanation()));
    ps.setString(8, signalsJson(a.subject(), a.signals()));
    ps.setTimestamp(9, Columns.timestamp(stored(a.assessedAt())));
  }

  static void setTier(PreparedStatement ps, int index, Optional<Tier> tier) throws SQLException {
    if (tier.isPresent()) {
      ps.setString(index, tier.get().name());
    } else {
      ps.setNull(index, Types.VARCHAR);
    }
  }

  static Optional<Tier> tier(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column)).map(Tier::valueOf);
  }

  static Map<Long, Assessment> byIds(Connection c, List<Long> ids) throws SQLException {
    Map<Long, Assessment> assessments = new HashMap<>();
    if (ids.isEmpty()) {
      return assessments;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM assessments WHERE id = ANY(?)")) {
      ps.setArray(1, c.createArrayOf("int8", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          assessments.put(rs.getLong("id"), read(rs));
        }
      }
    }
    return assessments;
  }

  static Assessment read(ResultSet rs) throws SQLException {
    return new Assessment(
        subject(rs, "subject_kind", "platform", "subject_id"),
        rs.getDouble("score"),
        rs.getBoolean("flagged"),
        tier(rs, "tier"),
        signals(rs.getString("signals"), subject(rs, "subject_kind", "platform", "subject_id")),
        rs.getString("explanation"),
        Columns.instant(rs, "assessed_at"));
  }

  static Subject subject(ResultSet rs, String kind, String platform, String id) throws SQLException {
    return Subject.of(Subject.SubjectKind.valueOf(rs.getString(kind)), new Platform(rs.getString(platform)), rs.getString(id));
  }

  /**
   * The signals as the json array the table holds, written by a streaming generator: building a
   * tree first cost more than the rest of the row. A signal about {@code owner} (the assessment's
   * subject) leaves its subject out.
   */
  static String signalsJson(Subject owner, List<Signal> signals) {
    java.io.StringWriter out = new java.io.StringWriter(256 * Math.max(1, signals.size()));
    try (tools.jackson.core.JsonGenerator g = ObservationRows.JSON.createGenerator(out)) {
      g.writeStartArray();
      for (Signal s : signals) {
        g.writeStartObject();
        if (!s.subject().equals(owner)) {
          g.writeName("subject");
          g.writeStartObject();
          g.writeStringProperty("kind", s.subject().kind().name());
          g.writeStringProperty("platform", s.subject().platform().name());
          g.writeStringProperty("id", s.subject().id());
          g.writeEndObject();
        }
        g.writeStringProperty("kind", Columns.storable(s.kind()));
        g.writeNumberProperty("strength", s.strength());
        if (s.tier().isPresent()) {
          g.writeStringProperty("tier", s.tier().get().name());
        }
        g.writeStringProperty("reason", Columns.storable(s.reason()));
        g.writeName("evidence");
        g.writeStartObject();
        for (Map.Entry<String, String> e : s.evidence().entrySet()) {
          g.writeStringProperty(Columns.storable(e.getKey()), Columns.storable(e.getValue()));
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    return out.toString();
  }

  /** Reads {@link #signalsJson}; a signal stored without a subject is about {@code owner}. */
  static List<Signal> signals(String json, Subject owner) {
    List<Signal> signals = new ArrayList<>();
    for (JsonNode node : ObservationRows.JSON.readTree(json)) {
      JsonNode subject = node.get("subject");
      Map<String, String> evidence = new HashMap<>();
      node.get("evidence").properties().forEach(e -> evidence.put(e.getKey(), e.getValue().asString()));
      signals.add(new Signal(
          subject == null ? owner : Subject.of(Subject.SubjectKind.valueOf(subject.get("kind").asString()),
              new Platform(subject.get("platform").asString()), subject.get("id").asString()),
          node.get("kind").asString(),
          node.get("strength").asDouble(),
          node.has("tier") ? Optional.of(Tier.valueOf(node.get("tier").asString())) : Optional.empty(),
          node.get("reason").asString(),
          evidence));
    }
    return signals;
  }
}
