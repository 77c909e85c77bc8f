package org.cordon.desk;

import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.cordon.core.port.CaseStore;

/**
 * The referral desk, assembled on one database (the store's schema, migrated with V2__desk.sql):
 * each part is a small service with its own role. Give {@link #requests()} to the referral
 * module's {@code Dispatcher} and {@code StatusTracker}: it lists only requests that may go out.
 *
 * <pre>
 *   Desk desk = Desk.open(database.dataSource(), stores.cases(), DeskPolicy.defaults("Unit X"), clock, ports);
 *   desk.decisions().decide(DeskUser.analyst("ana"), DecisionDraft.refer(caseId, RequestType.REFERRAL, Category.INCITES, tier, "why"));
 *   new Dispatcher(desk.requests(), gateways, clock).sendPending();
 * </pre>
 */
public final class Desk {
  private final DeskPolicy policy;
  private final Decisions decisions;
  private final Intelligence intelligence;
  private final UnitFiles unitFiles;
  private final Verification verification;
  private final Retention retention;
  private final DeskStatistics statistics;
  private final TriageQueue queue;
  private final DeskRequestStore requests;
  private final OrderClocks orderClocks;
  private final Claims claims;
  private final Copies copies;

  /** The desk's ports: how to check removed content, how to delete purged evidence, what network analysis says about accounts. */
  public record Ports(ContentChecker checker, EvidenceDisposal disposal, KeyAccounts keyAccounts) {
    public Ports {
      Objects.requireNonNull(checker, "checker");
      Objects.requireNonNull(disposal, "disposal");
      Objects.requireNonNull(keyAccounts, "keyAccounts");
    }
  }

  private Desk(DataSource dataSource, CaseStore cases, DeskPolicy policy, Clock clock, Ports ports) {
    Sql sql = new Sql(dataSource);
    this.policy = policy;
    this.decisions = new Decisions(sql, cases, policy, clock);
    this.intelligence = new Intelligence(sql, clock);
    this.unitFiles = new UnitFiles(intelligence, decisions);
    this.verification = new Verification(sql, cases, policy, clock, ports.checker());
    this.retention = new Retention(sql, policy, clock, ports.disposal());
    this.statistics = new DeskStatistics(sql, policy, clock);
    this.queue = new TriageQueue(sql, policy, clock, ports.keyAccounts());
    this.requests = new DeskRequestStore(sql);
    this.orderClocks = new OrderClocks(sql, clock);
    this.claims = new Claims(sql, clock, queue);
    this.copies = new Copies(sql, cases, decisions, clock);
  }

  /**
   * @param dataSource the store's database ({@code Database.dataSource()}), migrated
   * @param cases the store's case store ({@code Stores.cases()}) on the same database
   */
  public static Desk open(DataSource dataSource, CaseStore cases, DeskPolicy policy, Clock clock, Ports ports) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ports, "ports");
    return new Desk(dataSource, cases, policy, clock, ports);
  }

  public DeskPolicy policy() {
    return policy;
  }

  public Decisions decisions() {
    return decisions;
  }

  public Intelligence intelligence() {
    return intelligence;
  }

  public UnitFiles unitFiles() {
    return unitFiles;
  }

  public Verification verification() {
    return verification;
  }

  public Retention retention() {
    return retention;
  }

  public DeskStatistics statistics() {
    return statistics;
  }

  public TriageQueue queue() {
    return queue;
  }

  /** For {@code Dispatcher} and {@code StatusTracker}: lists only requests cleared by four-eyes and not held. */
  public DeskRequestStore requests() {
    return requests;
  }

  /** Who is working on which case: claims with a lease, and the next case for an analyst. */
  public Claims claims() {
    return claims;
  }

  /** The copies of one piece of known content, decided together. */
  public Copies copies() {
    return copies;
  }

  /** The one-hour clocks of removal orders, started at the platform's confirmed receipt. */
  public OrderClocks orderClocks() {
    return orderClocks;
  }
}
