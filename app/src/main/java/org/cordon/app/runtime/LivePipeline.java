package org.cordon.app.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cordon.app.live.LiveAccounts;
import org.cordon.app.live.PostLanguages;
import org.cordon.app.pipeline.AssessmentStage;
import org.cordon.app.pipeline.IngestRunner;
import org.cordon.app.pipeline.IngestSummary;
import org.cordon.app.pipeline.MediaResolver;
import org.cordon.core.ingest.Connector;
import org.cordon.language.CombinedIdentifier;
import org.cordon.referral.desk.Dispatcher;
import org.cordon.referral.desk.StatusTracker;

/**
 * The embedded runner's moving part while serving: input pushed over the API is ingested and
 * assessed at once; a tick assesses anything left over (after a restart, say), sends pending
 * requests and asks platforms how earlier ones stand. One lock orders ingest and assessment so a
 * post is never assessed before its media's fingerprints are recorded.
 */
public final class LivePipeline implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LivePipeline.class.getName());

  private final IngestRunner ingest;
  private final AssessmentStage assessment;
  private final Dispatcher dispatcher;
  private final StatusTracker tracker;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "cordon-pipeline");
    t.setDaemon(true);
    return t;
  });
  private final Object lock = new Object();
  private final org.cordon.desk.Desk desk;
  /** When the desk's slow duties (re-checking removed content, retention) last ran; at most once a minute. */
  private volatile long deskDutiesAt = Long.MIN_VALUE;

  private final PostLanguages languages = new PostLanguages(CombinedIdentifier::standard);
  private final LiveAccounts accounts;

  /**
   * Language ID fills in posts whose platform names no language before they are stored; every
   * stored item and assessed post updates the live account state (risk, returning accounts, the
   * bounded graph), which the tick turns into account cases and network analyses; the status
   * tracker tells it of accounts a platform removed.
   */
  public LivePipeline(CordonRuntime runtime, MediaResolver resolver) throws IOException {
    this.desk = runtime.deskService();
    this.accounts = LiveAccounts.open(runtime.database().dataSource(), runtime.stores().cases(), runtime.stores().observations(),
        desk.policy(), runtime.clock(), runtime.settings().dataDirectory(), LiveAccounts.Pace.DEFAULT, runtime::gateways);
    runtime.keyAccounts().use(accounts);
    this.ingest = runtime.liveIngestRunner(resolver).enriching(languages::fill).alsoTelling(accounts::observe);
    this.assessment = runtime.assessmentStage().alsoTelling(accounts::assessed);
    this.dispatcher = runtime.dispatcher();
    this.tracker = new StatusTracker(accounts.tellingRemovals(desk.requests()), runtime.gateways());
  }

  /** The live account state: risk, lineages, the bounded network and its analysis. */
  public LiveAccounts accounts() {
    return accounts;
  }

  public IngestSummary ingest(Connector connector, String origin, byte[] body) throws IOException {
    synchronized (lock) {
      IngestSummary summary = ingest.ingest(connector, origin, body);
      assessment.drain(1000);
      return summary;
    }
  }

  public void start(Duration tick) {
    ticker.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One round of the background work; failures are logged and the next tick tries again. */
  public void tick() {
    try {
      synchronized (lock) {
        assessment.drain(1000);
      }
      // Outside the lock: propagation and the network analysis take their time, and the account
      // state guards itself; ingest goes on meanwhile.
      try {
        accounts.tick();
      } catch (RuntimeException e) {
        // account cases and the network analysis wait for the next tick; sending requests does not
        LOG.log(Level.WARNING, "live account state tick failed; retrying on the next tick", e);
      }
      dispatcher.sendPending();
      tracker.pollOpen();
      long now = System.nanoTime();
      if (deskDutiesAt == Long.MIN_VALUE || now - deskDutiesAt > TimeUnit.MINUTES.toNanos(1)) {
        deskDutiesAt = now;
        desk.verification().verifyDue();
        desk.retention().purgeDue();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "pipeline tick failed; retrying on the next tick", e);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    // The language identifier is left open: Lingua shares its models across the process, and
    // closing them here would pull them from under another pipeline of the same JVM (tests run several).
  }
}
