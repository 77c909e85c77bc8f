package org.cordon.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.cordon.core.port.AssessmentInbox;
import org.cordon.core.port.CaseStore;
import org.cordon.core.port.EvidenceStore;
import org.cordon.core.port.ObservationStore;
import org.cordon.core.port.QuarantineStore;
import org.cordon.core.port.RequestStore;

/** The core ports, implemented on one {@link Database} and an evidence directory. */
public final class Stores {
  private final ObservationStore observations;
  private final QuarantineStore quarantine;
  private final FileEvidenceStore evidence;
  private final AssessmentInbox inbox;
  private final CaseStore cases;
  private final RequestStore requests;

  private Stores(Database database, Path evidenceDirectory, Clock clock) {
    Transactions transactions = new Transactions(database.dataSource());
    this.observations = new JdbcObservationStore(transactions, clock);
    this.quarantine = new JdbcQuarantineStore(transactions, clock);
    this.evidence = new FileEvidenceStore(evidenceDirectory, transactions);
    this.inbox = new JdbcAssessmentInbox(transactions, clock);
    this.cases = new JdbcCaseStore(transactions);
    this.requests = new JdbcRequestStore(transactions, clock);
  }

  public static Stores open(Database database, Path evidenceDirectory) {
    return open(database, evidenceDirectory, Clock.systemUTC());
  }

  /** With the clock that stamps observation, quarantine, fingerprint and request-creation times. */
  public static Stores open(Database database, Path evidenceDirectory, Clock clock) {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(evidenceDirectory, "evidenceDirectory");
    Objects.requireNonNull(clock, "clock");
    return new Stores(database, evidenceDirectory, clock);
  }

  /**
   * Removes the bytes of evidence whose retention period is over (see the desk's retention job);
   * the provenance rows are kept as the audit of what was held. Returns whether there were bytes.
   */
  public boolean disposeEvidence(org.cordon.core.evidence.Sha256 digest) {
    try {
      return evidence.delete(digest);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot delete evidence " + digest.hex(), e);
    }
  }

  public ObservationStore observations() {
    return observations;
  }

  /**
   * Observation writes run a second time since these stores opened: each first tried inserting
   * the rows it took for new without {@code ON CONFLICT} and met one stored (see
   * {@code OptimisticInserts}). A figure for benchmarks and operators: a few after a replay are
   * expected, a steady stream means the guess is wrong for this input.
   */
  public long observationWritesRedone() {
    return ((JdbcObservationStore) observations).writesRedone();
  }

  public QuarantineStore quarantine() {
    return quarantine;
  }

  public EvidenceStore evidence() {
    return evidence;
  }

  public AssessmentInbox inbox() {
    return inbox;
  }

  public CaseStore cases() {
    return cases;
  }

  public RequestStore requests() {
    return requests;
  }
}
