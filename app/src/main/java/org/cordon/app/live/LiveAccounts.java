package org.cordon.app.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Post;
import org.cordon.core.port.CaseStore;
import org.cordon.core.port.ObservationStore;
import org.cordon.core.port.RequestStore;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.request.RequestStatus;
import org.cordon.core.request.StatusChange;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.Case;
import org.cordon.core.triage.CaseState;
import org.cordon.desk.DeskPolicy;
import org.cordon.desk.DeskPriority;
import org.cordon.desk.KeyAccounts;
import org.cordon.desk.PriorityInputs;
import org.cordon.lineage.Lineage;
import org.cordon.network.EdgeKind;
import org.cordon.network.NetworkAnalysis;
import org.cordon.network.Standing;
import org.cordon.risk.AccountRisk;
import org.cordon.risk.AccountRiskModel;
import org.cordon.risk.AccountRiskTracker;
import org.cordon.risk.RiskConfig;

/**
 * The live pipeline's knowledge of accounts: their risk, the suspended ones and those that come
 * back, and the network around the flagged ones. Ingest tells it every stored item ({@link
 * #observe}), assessment every assessed post ({@link #assessed}); the pipeline's tick ({@link #tick})
 * propagates risk, opens or updates account cases and re-analyses the network, each at most at its
 * own pace. An account case carries its explanation: the risk model's top reasons with their
 * evidence, and for a returning account the suspended account it looks like and why.
 *
 * <p>State at a restart: account risk and the graph are rebuilt from the stored observations and
 * assessments; suspensions and lineage links are replayed from {@code live/lineage.jsonl} in the
 * data directory (and removals confirmed through requests are re-read from the store).
 */
public final class LiveAccounts implements KeyAccounts {
  private static final Logger LOG = Logger.getLogger(LiveAccounts.class.getName());

  /** How often the slow work runs: risk propagation over every edge, and the network analysis. */
  public record Pace(Duration propagation, Duration analysis) {
    public static final Pace DEFAULT = new Pace(Duration.ofMinutes(1), Duration.ofSeconds(30));

    public Pace {
      Objects.requireNonNull(propagation, "propagation");
      Objects.requireNonNull(analysis, "analysis");
    }
  }

  private final AccountRisks risks;
  private final ReturningAccounts returning;
  private final StoredHistory history;
  private final NetworkWatch network = new NetworkWatch();
  private final CaseStore cases;
  private final ObservationStore observations;
  private final DeskPolicy policy;
  private final Clock clock;
  private final Pace pace;
  private volatile Instant propagatedAt = Instant.MIN;
  private volatile Instant analysedAt = Instant.MIN;

  LiveAccounts(AccountRisks risks, ReturningAccounts returning, StoredHistory history, CaseStore cases, ObservationStore observations, DeskPolicy policy,
      Clock clock, Pace pace) {
    this.risks = risks;
    this.returning = returning;
    this.history = history;
    this.cases = cases;
    this.observations = observations;
    this.policy = policy;
    this.clock = clock;
    this.pace = pace;
  }

  /**
   * Opens the live account state over a runtime's stores and rebuilds it from what they hold.
   *
   * @param dataDirectory holds {@code models/account-risk.json} (the trained model; the hand-set
   *     defaults without it) and {@code live/lineage.jsonl}
   */
  public static LiveAccounts open(DataSource dataSource, CaseStore cases, ObservationStore observations, DeskPolicy policy,
      Clock clock, Path dataDirectory, Pace pace) throws IOException {
    return open(dataSource, cases, observations, policy, clock, dataDirectory, pace, Map::of);
  }

  /**
   * As {@link #open(DataSource, CaseStore, ObservationStore, DeskPolicy, Clock, Path, Pace)}, asking
   * the platforms behind the webhook gateways about the handles new accounts' predecessors plausibly
   * had (the gateways are read at each lookup: they may be configured after start-up).
   */
  public static LiveAccounts open(DataSource dataSource, CaseStore cases, ObservationStore observations, DeskPolicy policy,
      Clock clock, Path dataDirectory, Pace pace, java.util.function.Supplier<Map<org.cordon.core.model.Platform,
      org.cordon.core.request.PlatformGateway>> gateways) throws IOException {
    Path modelFile = dataDirectory.resolve("models").resolve("account-risk.json");
    AccountRiskModel model = Files.isRegularFile(modelFile) ? AccountRiskModel.load(modelFile) : AccountRiskModel.defaults();
    StoredHistory history = new StoredHistory(dataSource);
    ReturningAccounts returning = new ReturningAccounts(observations::account, history::contactsOf,
        Optional.of(dataDirectory.resolve("live").resolve("lineage.jsonl")), new WebhookAccountLookup(gateways, clock));
    LiveAccounts live = new LiveAccounts(new AccountRisks(new AccountRiskTracker(RiskConfig.defaults()), model), returning, history, cases,
        observations, policy, clock, pace);
    live.rebuild(history);
    return live;
  }

  private void rebuild(StoredHistory history) {
    long started = System.nanoTime();
    int replayed = returning.restore();
    history.removals(r -> returning.suspended(r.account(), r.at(), r.tier(), "request answered removed"));
    history.accounts(returning::known);
    Set<AccountKey> marked = new HashSet<>();
    history.assessedPosts(post -> {
      risks.observe(post);
      if (post.assessment().flagged()) {
        marked.add(post.author());
      }
    });
    history.accountsWithOpenCases(marked::add);
    marked.forEach(account -> network.mark(account, Standing.FLAGGED));
    for (ReturningAccounts.Suspension s : returning.suspensions()) {
      network.mark(s.account(), Standing.CONFIRMED);
      risks.confirmed(s.account());
      marked.add(s.account());
    }
    // Two passes, so that the bound sees every account one hop from a marked one before the edges
    // one hop further arrive: first the edges touching a marked account, then the rest.
    history.interactions(interaction -> {
      risks.observe(interaction);
      if (touches(interaction, marked)) {
        network.accept(interaction);
      }
    });
    history.interactions(interaction -> {
      if (!touches(interaction, marked)) {
        network.accept(interaction);
      }
    });
    LOG.info(String.format("live account state rebuilt in %.1f s: %d accounts scored, %d in the graph (%d edges), %d suspended, "
            + "%d lineage log lines", (System.nanoTime() - started) / 1e9, risks.tracker().size(), network.accounts(), network.edges(),
        returning.suspensions().size(), replayed));
  }

  private static boolean touches(Interaction interaction, Set<AccountKey> marked) {
    if (marked.contains(interaction.from())) {
      return true;
    }
    Optional<AccountKey> to = switch (interaction) {
      case Interaction.Follow f -> Optional.of(f.to());
      case Interaction.Mention m -> m.to();
      case Interaction.Reply r -> r.to();
      case Interaction.Share s -> s.originalAuthor();
    };
    return to.filter(marked::contains).isPresent();
  }

  // ---------------------------------------------------------------- inputs

  /** Every item ingest stored. A failure here is logged; it never fails the ingest. */
  public void observe(Observed item) {
    try {
      Instant now = clock.instant();
      switch (item) {
        case Interaction interaction -> {
          risks.observe(interaction);
          if (interaction instanceof Interaction.Follow) {
            network.backfill(interaction); // a follow is a state: the backfill of a just-flagged account may hold it already
          } else {
            network.accept(interaction);
          }
          returning.observed(interaction, now).ifPresent(match -> returned(match, now));
        }
        case Account account -> {
          network.accept(account);
          returning.observed(account, now).ifPresent(match -> returned(match, now));
        }
        case Post post -> {
          network.accept(post);
          returning.observed(post, now).ifPresent(match -> returned(match, now));
        }
        case org.cordon.core.model.Media media -> { }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "live account state could not take an observed item; ingest goes on", e);
    }
  }

  /** A post and its assessment, as recorded. */
  public void assessed(Post post, Assessment assessment) {
    try {
      risks.observe(post, assessment);
      if (assessment.flagged()) {
        anchor(post.author(), Standing.FLAGGED);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "live account state could not take an assessed post; assessment goes on", e);
    }
  }

  /**
   * The unit learnt that a platform suspended or removed the account (a request's answer, or a
   * platform's notice). It becomes a possible predecessor of every new account, and a confirmed
   * member of the network. Returns false when it was known already.
   *
   * @param tier what the account was removed for, when known (a returning account inherits it)
   */
  public boolean suspended(AccountKey account, Instant at, Optional<Tier> tier, String cause) {
    boolean added = returning.suspended(account, at, tier.or(() -> risks.tracker().tier(account)), cause);
    anchor(account, Standing.CONFIRMED);
    risks.confirmed(account);
    return added;
  }

  /**
   * A request store that also tells this state when a platform answers "removed" for an account:
   * give it to the status tracker.
   */
  public RequestStore tellingRemovals(RequestStore requests) {
    return new RequestStore() {
      @Override
      public Request create(Request draft) {
        return requests.create(draft);
      }

      @Override
      public Optional<Request> find(RequestId id) {
        return requests.find(id);
      }

      @Override
      public Request appendStatus(RequestId id, StatusChange change) {
        Request updated = requests.appendStatus(id, change);
        if (change.status() == RequestStatus.REMOVED && updated.subject() instanceof AccountKey account) {
          Optional<Tier> tier = cases.find(updated.caseId()).flatMap(Case::tier);
          suspended(account, change.at(), tier, "request " + id.value() + " answered removed");
        }
        return updated;
      }

      @Override
      public List<Request> withStatus(RequestStatus status, int limit) {
        return requests.withStatus(status, limit);
      }
    };
  }

  // ---------------------------------------------------------------- the tick

  /** The slow work, each part at its own pace: propagation, account cases, network analysis. */
  public void tick() {
    Instant now = clock.instant();
    if (!now.isBefore(propagatedAt.plus(pace.propagation()))) {
      propagatedAt = now;
      risks.propagate();
    }
    for (AccountRisk risk : risks.dueForCases()) {
      writeAccountCase(risk.account(), Optional.of(risk), returning.match(risk.account()), false, now);
    }
    if (network.changedSinceAnalysis() && !now.isBefore(analysedAt.plus(pace.analysis()))) {
      analysedAt = now;
      network.analyse(now);
    }
  }

  /** Propagates risk, writes account cases and analyses the network now, whatever the pace. */
  public void runNow() {
    Instant now = clock.instant();
    propagatedAt = now;
    risks.propagate();
    for (AccountRisk risk : risks.dueForCases()) {
      writeAccountCase(risk.account(), Optional.of(risk), returning.match(risk.account()), false, now);
    }
    analysedAt = now;
    if (network.accounts() > 0) {
      network.analyse(now);
    }
  }

  private void returned(ReturningAccounts.Match match, Instant now) {
    network.linkIdentity(match.predecessor(), match.successor(), match.score(), now);
    anchor(match.successor(), Standing.FLAGGED);
    Optional<AccountRisk> risk = risks.assess(match.successor()).filter(AccountRisk::flagged);
    writeAccountCase(match.successor(), risk, Optional.of(match), true, now);
    LOG.info("returning account " + match.successor() + " linked to suspended " + match.predecessor() + ": " + match.signal().reason());
  }

  /**
   * Opens or updates the account's case: one open case per account, re-assessed as observations
   * arrive. A case an analyst already decided is not reopened by risk alone; a new lineage link is
   * new evidence and opens one.
   */
  private void writeAccountCase(AccountKey account, Optional<AccountRisk> risk, Optional<ReturningAccounts.Match> match,
      boolean newEvidence, Instant now) {
    Optional<Case> existing = cases.findBySubject(account);
    if (existing.isPresent() && existing.get().state() != CaseState.OPEN && !newEvidence) {
      risk.ifPresent(r -> risks.caseWritten(account, r.probability()));
      return;
    }
    Assessment assessment = accountAssessment(account, risk, match, now);
    Instant firstSeen = existing.filter(c -> c.state() == CaseState.OPEN).map(Case::firstSeen).orElse(now);
    double priority = DeskPriority.of(new PriorityInputs(assessment.tier(), assessment.score(), followers(account), 0, rank(account),
        match.isPresent(), false, firstSeen), now, policy).priority();
    cases.openOrUpdate(assessment, priority, firstSeen);
    risk.ifPresent(r -> risks.caseWritten(account, r.probability()));
    anchor(account, Standing.FLAGGED);
  }

  /** Per kind of stored interaction, how many a newly marked account brings into the graph at most. */
  static final int BACKFILL = 1_000;

  /**
   * Marks an account in the graph. One marked only now had its interactions left out while it was
   * outside the bound: they are read back from the store.
   */
  private void anchor(AccountKey account, Standing standing) {
    if (network.mark(account, standing)) {
      history.around(account, BACKFILL).forEach(network::backfill);
    }
  }

  /** The account's judgement: the lineage link's signal first, then the risk model's reasons. */
  static Assessment accountAssessment(AccountKey account, Optional<AccountRisk> risk, Optional<ReturningAccounts.Match> match,
      Instant now) {
    List<Signal> signals = new ArrayList<>();
    List<String> explanation = new ArrayList<>();
    double score = 0;
    Optional<Tier> tier = Optional.empty();
    if (match.isPresent()) {
      signals.add(match.get().signal());
      explanation.add("returning account: " + match.get().signal().reason() + " (suspended " + match.get().predecessor() + ")");
      score = match.get().score();
      tier = match.get().tier();
    }
    if (risk.isPresent()) {
      Assessment fromRisk = risk.get().toAssessment(now);
      signals.addAll(fromRisk.signals());
      explanation.add(risk.get().summary());
      score = Math.max(score, risk.get().probability());
      tier = mostSevere(tier, risk.get().tier());
    }
    return new Assessment(account, score, true, tier, signals, String.join("; ", explanation), now);
  }

  private static Optional<Tier> mostSevere(Optional<Tier> a, Optional<Tier> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.filter(t -> t.moreSevereThan(a.get())).or(() -> a);
  }

  private long followers(AccountKey account) {
    return observations.account(account).flatMap(a -> a.followers().isPresent() ? Optional.of(a.followers().getAsLong()) : Optional.empty())
        .map(f -> Math.max(0, f)).orElse(0L);
  }

  // ---------------------------------------------------------------- reading

  /** One analysis: when, of how big a graph, and its key accounts (rank 1 first). */
  public record Analysis(Instant at, NetworkAnalysis analysis, List<NetworkAnalysis.KeyAccount> keyAccounts, Map<AccountKey, Integer> ranks) {}

  /** An edge of a neighbourhood with how often it was seen. */
  public record Edge(AccountKey from, AccountKey to, EdgeKind kind, int count, Optional<Instant> first, Optional<Instant> last) {}

  /** The accounts within some hops of one account, with the edges between them. */
  public record Neighbourhood(AccountKey account, int hops, Map<AccountKey, Integer> distances, Map<AccountKey, Standing> standings,
      List<Edge> edges, Map<EdgeKind, Integer> edgesByKind, boolean truncated) {}


  @Override
  public OptionalDouble rank(AccountKey account) {
    return network.rank(account);
  }

  @Override
  public boolean returning(AccountKey account) {
    return returning.isReturning(account);
  }

  /** The account's risk now, explained; empty for an account never seen. */
  public Optional<AccountRisk> risk(AccountKey account) {
    return risks.assess(account);
  }

  public AccountRiskModel riskModel() {
    return risks.model();
  }

  /** One link of a lineage with its evidence (the returning-account signal), when the link was made here. */
  public record LineageLink(AccountKey predecessor, AccountKey successor, double score, Instant linkedAt, Optional<Signal> evidence) {}

  /** The chain of accounts the account belongs to, oldest first, with each account's suspension if any. */
  public record LineageView(List<AccountKey> accounts, Map<AccountKey, Instant> suspendedAt, List<LineageLink> links) {}

  public LineageView lineage(AccountKey account) {
    Lineage lineage = returning.lineage(account);
    Map<AccountKey, Instant> suspendedAt = new java.util.LinkedHashMap<>();
    for (AccountKey a : lineage.accounts()) {
      returning.suspension(a).ifPresent(s -> suspendedAt.put(a, s.at()));
    }
    List<LineageLink> links = lineage.links().stream().map(l -> new LineageLink(l.predecessor(), l.successor(), l.score(), l.linkedAt(),
        returning.match(l.successor()).map(ReturningAccounts.Match::signal))).toList();
    return new LineageView(lineage.accounts(), suspendedAt, links);
  }

  /** The accounts around one account in the bounded graph; empty when it is not in it. */
  public Optional<Neighbourhood> neighbourhood(AccountKey account, int hops, int limit) {
    return network.neighbourhood(account, hops, limit);
  }

  /** The community of an account in the last analysis. */
  public record CommunityView(Instant analysedAt, int community, int size, List<AccountKey> members, boolean membersTruncated,
      List<NetworkAnalysis.KeyAccount> keyAccounts) {}

  public Optional<CommunityView> community(AccountKey account, int memberLimit) {
    Optional<Analysis> last = network.lastAnalysis();
    if (last.isEmpty()) {
      return Optional.empty();
    }
    NetworkAnalysis analysis = last.get().analysis();
    var node = analysis.graph().nodeOf(account);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    int community = analysis.community(node.getAsInt());
    List<AccountKey> members = new ArrayList<>();
    int size = 0;
    for (int v = 0; v < analysis.graph().nodes(); v++) {
      if (analysis.community(v) == community) {
        size++;
        if (members.size() < memberLimit) {
          members.add(analysis.graph().account(v));
        }
      }
    }
    List<NetworkAnalysis.KeyAccount> key = last.get().keyAccounts().stream()
        .filter(k -> analysis.graph().nodeOf(k.account()).stream().anyMatch(v -> analysis.community(v) == community)).toList();
    return Optional.of(new CommunityView(last.get().at(), community, size, members, size > members.size(), key));
  }

  /** The key accounts of the last analysis, best first; empty before the first analysis. */
  public Optional<Analysis> lastAnalysis() {
    return network.lastAnalysis();
  }

  /** Accounts and edges the bounded graph holds now. */
  public int graphAccounts() {
    return network.accounts();
  }

  public int graphEdges() {
    return network.edges();
  }

  /** Accounts the risk tracker scores. */
  public int scoredAccounts() {
    return risks.tracker().size();
  }
}
