package org.cordon.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Subject;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;

/**
 * The open cases, most urgent first, with their clocks and who is working on them: priority from
 * {@link DeskPriority}, re-computed at every read. A case whose referral waits for a second person
 * is not in the queue: it is in the approvals list ({@link Decisions#awaitingApproval}) until
 * approved, or back here if refused.
 */
public final class TriageQueue {
  private static final int CANDIDATES = 5000;

  private final Sql sql;
  private final DeskPolicy policy;
  private final Clock clock;
  private final KeyAccounts keyAccounts;

  TriageQueue(Sql sql, DeskPolicy policy, Clock clock, KeyAccounts keyAccounts) {
    this.sql = sql;
    this.policy = policy;
    this.clock = clock;
    this.keyAccounts = keyAccounts;
  }

  /**
   * @param claim who is working on the case now, if anyone ({@link Claims})
   */
  public record Item(CaseId caseId, Subject subject, Optional<Tier> tier, double risk, DeskPriority.Result priority, Optional<Claims.Claim> claim) {
    public Item {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(priority, "priority");
      Objects.requireNonNull(claim, "claim");
    }

    Item withClaim(Optional<Claims.Claim> value) {
      return new Item(caseId, subject, tier, risk, priority, value);
    }
  }

  /**
   * @param items the most urgent open cases
   * @param open open cases considered (at most 5000, by stored priority)
   * @param nearing of those, how many are nearing their target
   * @param breached of those, how many are past it
   */
  public record View(List<Item> items, long open, long nearing, long breached) {
    public View {
      items = List.copyOf(items);
    }
  }

  /** A rank outside [0, 1] from the port is taken at the nearest bound rather than failing the whole queue. */
  private static java.util.OptionalDouble clamped(java.util.OptionalDouble rank) {
    return rank.isPresent() ? java.util.OptionalDouble.of(Math.max(0, Math.min(1, rank.getAsDouble()))) : rank;
  }

  public View queue(int limit) {
    Instant now = clock.instant();
    record Row(long id, Subject subject, Optional<Tier> tier, Instant firstSeen, double risk, long followers, long spread,
        Optional<Instant> releasedAt, Optional<AccountKey> account, Optional<Claims.Claim> claim) {}
    List<Row> rows = sql.read(c -> Sql.list(c, """
        SELECT k.id, k.subject_kind, k.platform, k.subject_id, k.tier, k.first_seen, a.score,
               CASE k.subject_kind
                 WHEN 'ACCOUNT' THEN (SELECT ac.followers FROM accounts ac WHERE ac.platform = k.platform AND ac.native_id = k.subject_id)
                 ELSE (SELECT ac.followers FROM posts p JOIN accounts ac ON ac.platform = p.platform AND ac.native_id = p.author_native_id
                        WHERE p.platform = k.platform AND p.native_id = k.subject_id) END AS followers,
               CASE k.subject_kind WHEN 'POST' THEN (SELECT count(*) FROM shares s WHERE s.platform = k.platform AND s.original_id = k.subject_id)
                 ELSE 0 END AS spread,
               CASE k.subject_kind
                 WHEN 'ACCOUNT' THEN (SELECT ac.created_at FROM accounts ac WHERE ac.platform = k.platform AND ac.native_id = k.subject_id)
                 ELSE (SELECT p.posted_at FROM posts p WHERE p.platform = k.platform AND p.native_id = k.subject_id) END AS released_at,
               CASE k.subject_kind WHEN 'ACCOUNT' THEN k.subject_id
                 ELSE (SELECT p.author_native_id FROM posts p WHERE p.platform = k.platform AND p.native_id = k.subject_id) END AS account_id,
               cl.claimed_by, cl.claimed_at, cl.until
          FROM cases k JOIN assessments a ON a.id = k.assessment_id
          LEFT JOIN desk_claims cl ON cl.case_id = k.id AND cl.until > ?
         WHERE k.state = 'OPEN'
           AND """ + " " + Decisions.NO_PROPOSAL_WAITING + """

         ORDER BY k.priority DESC, k.first_seen, k.id LIMIT ?""", rs -> {
      Platform platform = new Platform(rs.getString("platform"));
      String accountId = rs.getString("account_id");
      String claimedBy = rs.getString("claimed_by");
      Optional<Claims.Claim> claim = claimedBy == null ? Optional.empty()
          : Optional.of(new Claims.Claim(new CaseId(rs.getLong("id")), claimedBy, Sql.instant(rs, "claimed_at"), Sql.instant(rs, "until")));
      return new Row(rs.getLong("id"), Subject.of(Subject.SubjectKind.valueOf(rs.getString("subject_kind")), platform, rs.getString("subject_id")),
          Optional.ofNullable(rs.getString("tier")).map(Tier::valueOf), Sql.instant(rs, "first_seen"), rs.getDouble("score"),
          Math.max(0, rs.getLong("followers")), rs.getLong("spread"), Sql.optionalInstant(rs, "released_at"),
          accountId == null ? Optional.empty() : Optional.of(new AccountKey(platform, accountId)), claim);
    }, now, CANDIDATES));
    List<Item> items = rows.stream().map(r -> {
      boolean fresh = r.releasedAt().map(t -> Duration.between(t, now).compareTo(policy.freshRelease()) <= 0).orElse(false);
      PriorityInputs in = new PriorityInputs(r.tier(), r.risk(), r.followers(), r.spread(),
          r.account().map(keyAccounts::rank).map(TriageQueue::clamped).orElse(java.util.OptionalDouble.empty()), r.account().map(keyAccounts::returning).orElse(false),
          fresh, r.firstSeen());
      return new Item(new CaseId(r.id()), r.subject(), r.tier(), r.risk(), DeskPriority.of(in, now, policy), r.claim());
    }).sorted(Comparator.comparingDouble((Item i) -> i.priority().priority()).reversed()).toList();
    long nearing = items.stream().filter(i -> i.priority().clock() == DeskPriority.ClockState.NEARING).count();
    long breached = items.stream().filter(i -> i.priority().clock() == DeskPriority.ClockState.BREACHED).count();
    return new View(items.stream().limit(limit).toList(), items.size(), nearing, breached);
  }
}
