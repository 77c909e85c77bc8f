package org.cordon.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cordon.core.port.CaseStore;
import org.cordon.core.signal.Signal;
import org.cordon.core.triage.CaseId;
import tools.jackson.databind.json.JsonMapper;

/**
 * The copies of one piece of known content: open cases whose assessment matched the same entry of
 * the same list (a release's image in a hash list, a statement, a listed URL) as a case an analyst
 * is looking at. A release is re-posted hundreds of times within the hour it comes out; an analyst
 * who has judged one copy can decide the others in one go, leaving out any that differ (a
 * journalist's report that shows the image, say). Each copy still gets its own decision record,
 * under the same four-eyes rules, with a note naming the case it was decided with.
 *
 * <pre>
 *   Copies.Result r = desk.copies().decideAll(DeskUser.analyst("ana"), draft, Set.of(), 500);
 * </pre>
 */
public final class Copies {
  /** The detectors whose signals name a list entry, and so a piece of content that has copies. */
  static final Set<String> KNOWN_CONTENT = Set.of("media-hash", "text-near-duplicate", "url-list");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** At most this many distinct entries of the lead case are followed: a post matching many is rare and its copies few. */
  private static final int MAX_KEYS = 8;

  private final Sql sql;
  private final CaseStore cases;
  private final Decisions decisions;
  private final Clock clock;

  Copies(Sql sql, CaseStore cases, Decisions decisions, Clock clock) {
    this.sql = sql;
    this.cases = cases;
    this.decisions = decisions;
    this.clock = clock;
  }

  /** One list entry a signal matched: what makes two posts copies of each other. */
  public record Key(String detector, String list, String entry) {
    public Key {
      Objects.requireNonNull(detector, "detector");
      Objects.requireNonNull(list, "list");
      Objects.requireNonNull(entry, "entry");
    }

    /** The jsonb a signal containing this key contains, for {@code @>}. */
    String containment() {
      return JSON.writeValueAsString(List.of(Map.of("kind", detector, "evidence", Map.of("list", list, "entry", entry))));
    }
  }

  /**
   * @param lead the outcome of the decision on the case the analyst looked at
   * @param copies the outcomes on its copies, in the order decided
   * @param keys the known content the copies share with it
   * @param skipped copies that could not be decided (decided or claimed by someone else meanwhile)
   */
  public record Result(Outcome lead, List<Outcome> copies, List<Key> keys, int skipped) {
    public Result {
      Objects.requireNonNull(lead, "lead");
      copies = List.copyOf(copies);
      keys = List.copyOf(keys);
    }
  }

  /** The known content a case's assessment matched; empty for a case flagged otherwise (lexicon, classifier). */
  public List<Key> keys(CaseId caseId) {
    Objects.requireNonNull(caseId, "caseId");
    var kase = cases.find(caseId)
        .orElseThrow(() -> new DeskRefusal(DeskRefusal.Reason.NOT_FOUND, "no case " + caseId.value() + "; check the case number"));
    Set<Key> keys = new LinkedHashSet<>();
    for (Signal s : kase.assessment().signals()) {
      String list = s.evidence().get("list");
      String entry = s.evidence().get("entry");
      if (KNOWN_CONTENT.contains(s.kind()) && list != null && entry != null && keys.size() < MAX_KEYS) {
        keys.add(new Key(s.kind(), list, entry));
      }
    }
    return List.copyOf(keys);
  }

  /**
   * Open cases sharing known content with {@code caseId}, oldest first: not the case itself, not
   * one another analyst holds, not one whose referral waits for a second person.
   */
  public List<CaseId> of(DeskUser who, CaseId caseId, int limit) {
    Objects.requireNonNull(who, "who");
    return of(who, caseId, keys(caseId), limit);
  }

  private List<CaseId> of(DeskUser who, CaseId caseId, List<Key> keys, int limit) {
    if (keys.isEmpty() || limit <= 0) {
      return List.of();
    }
    Instant now = clock.instant();
    StringBuilder match = new StringBuilder();
    List<Object> parameters = new ArrayList<>(List.of(now, caseId.value(), who.name()));
    for (Key key : keys) {
      match.append(match.isEmpty() ? "" : " OR ").append("a.signals::jsonb @> ?::jsonb");
      parameters.add(key.containment());
    }
    parameters.add(limit);
    return sql.read(c -> Sql.list(c, """
        SELECT k.id FROM cases k JOIN assessments a ON a.id = k.assessment_id
          LEFT JOIN desk_claims cl ON cl.case_id = k.id AND cl.until > ?
         WHERE k.state = 'OPEN' AND k.id <> ? AND (cl.claimed_by IS NULL OR cl.claimed_by = ?)
           AND """ + " " + Decisions.NO_PROPOSAL_WAITING + """

           AND (""" + match + """
        ) ORDER BY k.first_seen, k.id LIMIT ?""", rs -> new CaseId(rs.getLong(1)), parameters.toArray()));
  }

  /**
   * Decides the draft's case, then every copy of it (up to {@code limit}) but those left out, with
   * the same decision.
   *
   * @param leaveOut copies the analyst judged otherwise: they stay in the queue
   */
  public Result decideAll(DeskUser who, DecisionDraft draft, Set<CaseId> leaveOut, int limit) {
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(leaveOut, "leaveOut");
    List<Key> keys = keys(draft.caseId());
    List<CaseId> copies = of(who, draft.caseId(), keys, limit + leaveOut.size()).stream().filter(c -> !leaveOut.contains(c)).limit(limit).toList();
    Outcome lead = decisions.decide(who, draft);
    List<Outcome> outcomes = new ArrayList<>();
    int skipped = 0;
    String note = draft.note().strip() + " (decided with case " + draft.caseId().value() + ": same known content)";
    for (CaseId copy : copies) {
      try {
        outcomes.add(decisions.decide(who, new DecisionDraft(copy, draft.kind(), draft.requestType(), draft.category(), draft.tier(), note)));
      } catch (DeskRefusal e) {
        skipped++; // decided or claimed by someone else since the list was read
      }
    }
    return new Result(lead, outcomes, keys, skipped);
  }
}
