package org.cordon.app.takedown;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.cordon.app.pipeline.AssessmentStage;
import org.cordon.app.pipeline.IngestRunner;
import org.cordon.app.world.WorldManifest;
import org.cordon.core.ingest.Connector;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.Subject;
import org.cordon.core.port.CaseStore;
import org.cordon.core.signal.Tier;
import org.cordon.core.triage.CaseId;
import org.cordon.desk.Approval;
import org.cordon.desk.Category;
import org.cordon.desk.DecisionDraft;
import org.cordon.desk.DecisionEntry;
import org.cordon.desk.DecisionKind;
import org.cordon.desk.Desk;
import org.cordon.desk.DeskRefusal;
import org.cordon.desk.DeskUser;
import org.cordon.desk.Outcome;
import org.cordon.desk.RequestType;
import org.cordon.desk.TriageQueue;
import org.cordon.desk.UnitReferral;
import org.cordon.ingest.Connectors;
import org.cordon.referral.desk.Dispatcher;
import org.cordon.referral.desk.StatusTracker;

/**
 * The discrete-event loop of one simulated day at the desk. Events (arrivals of the world's data,
 * analysts finishing a decision, second persons finishing an approval, national units' referrals,
 * status polls) wait in a queue ordered by simulated time; the loop moves the shared clock to the
 * next one and lets the real components act at that instant. Nothing sleeps, so a day takes as
 * long as the work the components do, not a day.
 *
 * <p>Determinism: one thread; ties in time are broken by the order events were scheduled; every
 * draw comes from generators seeded from the options' seed.
 */
final class DeskDay {
  /** The unit whose investigations hold referrals, and the unit that refers content itself. */
  static final String INVESTIGATING_UNIT = "NU-Alpha";
  static final String REFERRING_UNIT = "NU-Bravo";
  static final DeskUser INVESTIGATING_LIAISON = DeskUser.liaison("simulated-liaison-alpha", INVESTIGATING_UNIT);
  static final DeskUser REFERRING_LIAISON = DeskUser.liaison("simulated-liaison-bravo", REFERRING_UNIT);

  private sealed interface Event permits Arrival, DecisionDone, CopiesDone, ApprovalDone, UnitReferralDue, Poll {}

  private record Arrival(List<ReplayUnit> units) implements Event {}

  private record DecisionDone(Staff.Member analyst, Claim claim) implements Event {}

  /** An analyst has looked at each open copy of a decided case's known content. */
  private record CopiesDone(Staff.Member analyst, CaseId lead, List<CaseId> copies, Instant taken, Duration drawn) implements Event {}

  private record ApprovalDone(Staff.Member approver, Proposal proposal) implements Event {}

  private record UnitReferralDue(WorldTruth.PostTruth post) implements Event {}

  private record Poll() implements Event {}

  private record Scheduled(Instant at, long sequence, Event event) {}

  /** A case an analyst is working on. */
  private record Claim(CaseId caseId, Subject subject, Optional<Tier> tier, Instant taken, Duration drawn) {}

  /** A referral waiting for a second person. */
  private record Proposal(long decisionId, CaseId caseId, Subject subject, Optional<Tier> tier, String proposer, boolean supervisorOnly,
      boolean claimed) {}

  private final TakedownOptions options;
  private final SimulatedTime clock;
  private final Desk desk;
  private final CaseStore cases;
  private final IngestRunner ingest;
  private final AssessmentStage assessment;
  private final Dispatcher dispatcher;
  private final StatusTracker tracker;
  private final WorldTruth truth;
  private final Map<String, WorldManifest.Entry> files = new HashMap<>();
  private final Map<String, Connector> connectors = new HashMap<>();
  private final java.nio.file.Path world;
  private final Staff staff;
  private final PrintStream progress;

  /** Real time spent per kind of event, for the progress log: where a slow run goes. */
  private final Map<String, Long> spent = new java.util.TreeMap<>();
  private final PriorityQueue<Scheduled> events = new PriorityQueue<>(Comparator.comparing(Scheduled::at).thenComparingLong(Scheduled::sequence));
  private long sequence;
  private final Set<CaseId> claimed = new HashSet<>();
  /** Cases decided in this run: a page of the queue read a moment ago may still list them. */
  private final Set<CaseId> settled = new HashSet<>();
  /**
   * How long a page of the queue serves before it is read again (unless used up): reading the
   * queue ranks every open case, which is what a slow run spends its time on when a backlog builds.
   * A minute is about how often an analyst's console view refreshes.
   */
  private static final Duration QUEUE_REFRESH = Duration.ofMinutes(1);
  private List<TriageQueue.Item> page = List.of();
  private Instant pageAt = Instant.MIN;
  private final Deque<Proposal> proposals = new ArrayDeque<>();
  private final Random decisionTimes;
  private final Random approvalTimes;
  private final Random judgements;

  // what happened, for the report
  /** When an analyst took each case it decided, and the decision time drawn. */
  record Taken(Instant at, Duration drawn) {}

  final Map<Long, Taken> taken = new HashMap<>();
  long unitsReplayed;
  long unitsSkipped;
  long postsIngested;
  long decisions;
  long wrongDecisions;
  long approvals;
  long refusals;
  long unitReferrals;
  long dedupesSeen;
  /** Copies decided with the case whose known content they share, and the decisions that looked at them together. */
  long copiesDecided;
  long copyBatches;
  Instant workEnd;

  DeskDay(TakedownOptions options, SimulatedTime clock, Desk desk, CaseStore cases, IngestRunner ingest, AssessmentStage assessment,
      Dispatcher dispatcher, StatusTracker tracker, WorldTruth truth, WorldManifest manifest, PrintStream progress) {
    this.options = options;
    this.clock = clock;
    this.desk = desk;
    this.cases = cases;
    this.ingest = ingest;
    this.assessment = assessment;
    this.dispatcher = dispatcher;
    this.tracker = tracker;
    this.truth = truth;
    this.world = options.world();
    manifest.files().forEach(f -> files.put(f.path(), f));
    this.staff = new Staff(options.analysts(), options.supervisors());
    this.progress = progress;
    this.decisionTimes = new Random(options.seed() * 31 + 1);
    this.approvalTimes = new Random(options.seed() * 31 + 2);
    this.judgements = new Random(options.seed() * 31 + 3);
  }

  Staff staff() {
    return staff;
  }

  private void schedule(Instant at, Event event) {
    events.add(new Scheduled(at, sequence++, event));
  }

  /** Schedules the window's arrivals (grouped by ingest tick) and the units' referrals, then runs the loop to the end. */
  void run(List<ReplayUnit> windowUnits, List<WorldTruth.PostTruth> unitReferred, Instant windowStart, Instant windowEnd) {
    List<ReplayUnit> group = new ArrayList<>();
    Instant groupEnd = Instant.MIN;
    for (ReplayUnit unit : windowUnits) {
      if (!group.isEmpty() && !unit.at().isBefore(groupEnd)) {
        schedule(group.getLast().at(), new Arrival(List.copyOf(group)));
        group.clear();
      }
      if (group.isEmpty()) {
        groupEnd = unit.at().plus(options.ingestTick());
      }
      group.add(unit);
    }
    if (!group.isEmpty()) {
      schedule(group.getLast().at(), new Arrival(List.copyOf(group)));
    }
    Random unitDelays = new Random(options.seed() * 31 + 4);
    for (WorldTruth.PostTruth post : unitReferred) {
      Instant at = post.postedAt().plus(options.unitDelay().draw(unitDelays));
      if (at.isBefore(windowEnd)) {
        schedule(at, new UnitReferralDue(post));
      }
    }
    schedule(windowStart.plus(options.pollInterval()), new Poll());
    Instant stop = windowEnd.plus(options.backlogLimit());
    Instant nextProgress = windowStart.plus(Duration.ofHours(1));
    workEnd = windowStart;
    while (!events.isEmpty()) {
      Scheduled next = events.poll();
      if (next.at().isAfter(stop)) {
        break;
      }
      clock.advanceTo(next.at());
      if (!next.at().isBefore(nextProgress)) {
        progress.printf(java.util.Locale.ROOT, "  %s  decisions %d, open claims %d, proposals waiting %d%n", next.at(), decisions, claimed.size(),
            proposals.size());
        nextProgress = nextProgress.plus(Duration.ofHours(1));
      }
      long t0 = System.nanoTime();
      switch (next.event()) {
        case Arrival a -> arrive(a);
        case DecisionDone d -> decided(d);
        case CopiesDone c -> copiesDecided(c);
        case ApprovalDone a -> approved(a);
        case UnitReferralDue u -> unitRefers(u.post());
        case Poll p -> {
          tracker.pollOpen();
          // keep polling while anything else may still happen
          if (!events.isEmpty()) {
            schedule(clock.instant().plus(options.pollInterval()), new Poll());
          }
        }
      }
      spent.merge(next.event().getClass().getSimpleName(), System.nanoTime() - t0, Long::sum);
      long t1 = System.nanoTime();
      if (!(next.event() instanceof Poll)) {
        workEnd = clock.instant().isAfter(workEnd) ? clock.instant() : workEnd;
      }
      assignWork(!clock.instant().isBefore(windowEnd));
      spent.merge("assignWork", System.nanoTime() - t1, Long::sum);
    }
    spent.forEach((k, v) -> progress.printf(java.util.Locale.ROOT, "  real time in %s: %.1f s%n", k, v / 1e9));
    if (workEnd.isBefore(windowEnd)) {
      workEnd = windowEnd;
    }
  }

  private void arrive(Arrival arrival) {
    unitsReplayed += arrival.units().size();
    for (ReplayUnit unit : mergedContiguous(arrival.units())) {
      WorldManifest.Entry file = files.get(unit.path());
      if (file == null) {
        unitsSkipped++;
        unitsReplayed--; // a unit of a file the manifest does not list: no platform to read it as
        continue;
      }
      Connector connector = connectors.computeIfAbsent(unit.format() + "\u0000" + file.platform(),
          k -> Connectors.forFormat(unit.format(), new Platform(file.platform())));
      try {
        postsIngested += ingest.ingest(connector, unit.path(), unit.bytes(world)).written().newPosts();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot replay " + unit.path() + " at offset " + unit.offset(), e);
      }
    }
    long t = System.nanoTime();
    assessment.drain(1000);
    spent.merge("assessment (within Arrival)", System.nanoTime() - t, Long::sum);
  }

  /**
   * Units of one tick that continue each other in the same file (one X post after another) are read
   * in one ingest call, as a platform's feed delivers a page of posts: fewer round trips, same records.
   */
  private static final Set<String> LINE_FORMATS = Set.of("x-v1", "x-v2", "cordon-jsonl");

  static List<ReplayUnit> mergedContiguous(List<ReplayUnit> units) {
    List<ReplayUnit> merged = new ArrayList<>();
    for (ReplayUnit unit : units) {
      if (!merged.isEmpty()) {
        ReplayUnit last = merged.getLast();
        long gap = unit.offset() - (last.offset() + last.length());
        // in a line-delimited file only the newline lies between one post and the next
        boolean continues = last.path().equals(unit.path()) && last.format().equals(unit.format())
            && (gap == 0 || (gap == 1 && LINE_FORMATS.contains(unit.format())))
            && unit.offset() + unit.length() - last.offset() < (16L << 20);
        if (continues) {
          merged.set(merged.size() - 1, new ReplayUnit(unit.at(), last.format(), last.path(), last.offset(),
              (int) (unit.offset() + unit.length() - last.offset())));
          continue;
        }
      }
      merged.add(unit);
    }
    return merged;
  }

  /** Gives idle people work: proposals to approve first (they hold a request back), then the top of the queue. */
  private void assignWork(boolean windowClosed) {
    Iterator<Proposal> waiting = proposals.iterator();
    while (waiting.hasNext()) {
      Proposal p = waiting.next();
      List<Staff.Member> approvers = staff.idleApprovers(p.proposer(), p.supervisorOnly());
      if (approvers.isEmpty()) {
        continue;
      }
      waiting.remove();
      Staff.Member approver = approvers.getFirst();
      approver.start(clock.instant());
      schedule(clock.instant().plus(options.approval().draw(approvalTimes)), new ApprovalDone(approver, p));
    }
    List<Staff.Member> idle = staff.idleAnalysts();
    if (idle.isEmpty()) {
      return;
    }
    boolean stale = !clock.instant().isBefore(pageAt.plus(QUEUE_REFRESH));
    if (stale || page.stream().noneMatch(i -> !claimed.contains(i.caseId()) && !settled.contains(i.caseId()))) {
      page = desk.queue().queue(claimed.size() + Math.max(idle.size(), 2 * options.analysts())).items();
      pageAt = clock.instant();
    }
    Iterator<Staff.Member> analysts = idle.iterator();
    for (TriageQueue.Item item : page) {
      if (!analysts.hasNext()) {
        break;
      }
      if (claimed.contains(item.caseId()) || settled.contains(item.caseId())) {
        continue;
      }
      Staff.Member analyst = analysts.next();
      Duration drawn = options.decision().draw(decisionTimes);
      Claim claim = new Claim(item.caseId(), item.subject(), item.tier(), clock.instant(), drawn);
      claimed.add(item.caseId());
      analyst.start(clock.instant());
      schedule(clock.instant().plus(drawn), new DecisionDone(analyst, claim));
    }
  }

  /** Whether the content is what the organisation publishes, judged against the truth, wrong with the error rate. */
  private Judgement judge(Subject subject) {
    boolean extremist = switch (subject) {
      case PostKey post -> truth.post(post).map(WorldTruth.PostTruth::extremist).orElse(false);
      case AccountKey account -> truth.account(account).map(WorldTruth.AccountTruth::organisation).orElse(false);
    };
    boolean wrong = judgements.nextDouble() < options.errorRate();
    return new Judgement(extremist != wrong, wrong);
  }

  private record Judgement(boolean refer, boolean wrong) {}

  private Optional<Tier> tierOf(Subject subject, Optional<Tier> caseTier) {
    if (caseTier.isPresent()) {
      return caseTier;
    }
    return subject instanceof PostKey post ? truth.post(post).flatMap(WorldTruth.PostTruth::tier) : Optional.empty();
  }

  private RequestType requestType(Optional<Tier> tier) {
    return tier.filter(options.removalOrderTiers()::contains).isPresent() ? RequestType.REMOVAL_ORDER : RequestType.REFERRAL;
  }

  /** The TCO Art. 2(7) ground an analyst picks by default for a tier. */
  static Category category(Optional<Tier> tier) {
    return switch (tier.orElse(Tier.PROMOTIONAL)) {
      case THREAT_TO_LIFE -> Category.THREATENS;
      case GRAPHIC_VIOLENCE -> Category.GLORIFIES;
      case OFFICIAL_PROPAGANDA -> Category.SOLICITS_PARTICIPATION;
      case PROMOTIONAL -> Category.GLORIFIES;
    };
  }

  /** Most copies an analyst takes on with one case: a release's re-posts within one look. */
  private static final int MAX_COPIES = 200;

  private void decided(DecisionDone done) {
    done.analyst().finish(clock.instant());
    if (decideLead(done) && !options.copyCheck().isZero()) {
      takeCopies(done.analyst(), done.claim().caseId());
    }
  }

  /** @return whether the case was decided */
  private boolean decideLead(DecisionDone done) {
    Claim claim = done.claim();
    Staff.Member analyst = done.analyst();
    Judgement judgement = judge(claim.subject());
    Optional<Tier> tier = tierOf(claim.subject(), claim.tier());
    DecisionDraft draft = judgement.refer()
        ? DecisionDraft.refer(claim.caseId(), requestType(tier), category(tier), Optional.empty(), "simulated analyst: refers (range evaluation)")
        : DecisionDraft.of(claim.caseId(), DecisionKind.DISMISS, "simulated analyst: dismisses (range evaluation)");
    Outcome outcome;
    try {
      outcome = desk.decisions().decide(analyst.user, draft);
    } catch (DeskRefusal e) {
      claimed.remove(claim.caseId());
      return false;
    }
    recordDecision(analyst, claim.caseId(), claim.subject(), tier, judgement, outcome, new Taken(claim.taken(), claim.drawn()));
    return true;
  }

  private void recordDecision(Staff.Member analyst, CaseId caseId, Subject subject, Optional<Tier> tier, Judgement judgement, Outcome outcome,
      Taken when) {
    decisions++;
    settled.add(caseId);
    if (judgement.wrong()) {
      wrongDecisions++;
    }
    taken.put(caseId.value(), when);
    if (outcome.decision().state() == DecisionEntry.State.AWAITING_APPROVAL) {
      // the case stays open while it waits: it stays claimed so no one else takes it up again
      proposals.add(new Proposal(outcome.decision().id(), caseId, subject, tier, analyst.user.name(),
          outcome.decision().approval() == Approval.SUPERVISOR, true));
      return;
    }
    claimed.remove(caseId);
    submitted(outcome);
  }

  /**
   * The desk's "decide with copies": having judged a case, the analyst looks at each open copy of
   * its known content (a glance each: same image or text, who posted it) and decides it too, on its
   * own merits, instead of leaving the copies to wait their turn in the queue.
   */
  private void takeCopies(Staff.Member analyst, CaseId lead) {
    List<CaseId> copies = desk.copies().of(analyst.user, lead, MAX_COPIES).stream()
        .filter(c -> !claimed.contains(c) && !settled.contains(c)).toList();
    if (copies.isEmpty()) {
      return;
    }
    claimed.addAll(copies);
    Duration drawn = options.copyCheck().multipliedBy(copies.size());
    analyst.start(clock.instant());
    schedule(clock.instant().plus(drawn), new CopiesDone(analyst, lead, copies, clock.instant(), drawn));
  }

  private void copiesDecided(CopiesDone done) {
    Staff.Member analyst = done.analyst();
    analyst.finish(clock.instant());
    copyBatches++;
    for (CaseId copy : done.copies()) {
      Optional<org.cordon.core.triage.Case> kase = cases.find(copy);
      if (kase.isEmpty() || settled.contains(copy)) {
        claimed.remove(copy);
        continue;
      }
      Subject subject = kase.get().subject();
      Judgement judgement = judge(subject);
      Optional<Tier> tier = tierOf(subject, kase.get().tier());
      String note = "simulated analyst: checked as a copy of case " + done.lead().value() + " (range evaluation)";
      DecisionDraft draft = judgement.refer()
          ? DecisionDraft.refer(copy, requestType(tier), category(tier), Optional.empty(), note)
          : DecisionDraft.of(copy, DecisionKind.DISMISS, note);
      Outcome outcome;
      try {
        outcome = desk.decisions().decide(analyst.user, draft);
      } catch (DeskRefusal e) {
        claimed.remove(copy); // decided by someone else meanwhile (a unit's referral joins instead)
        continue;
      }
      copiesDecided++;
      recordDecision(analyst, copy, subject, tier, judgement, outcome, new Taken(done.taken(), done.drawn()));
    }
  }

  private void approved(ApprovalDone done) {
    Proposal p = done.proposal();
    Staff.Member approver = done.approver();
    approver.finish(clock.instant());
    Judgement judgement = judge(p.subject());
    try {
      if (judgement.refer()) {
        Outcome outcome = desk.decisions().approve(approver.user, p.decisionId(), "simulated second person: agrees (range evaluation)");
        approvals++;
        submitted(outcome);
      } else {
        desk.decisions().refuse(approver.user, p.decisionId(), "simulated second person: disagrees (range evaluation)");
        refusals++;
        // the second person's view closes the case; otherwise it would come back to the queue
        desk.decisions().decide(approver.user, DecisionDraft.of(p.caseId(), DecisionKind.DISMISS,
            "simulated second person: dismisses after refusing the proposal (range evaluation)"));
      }
    } catch (DeskRefusal e) {
      // e.g. the case was referred by a unit meanwhile and is no longer open to a dismissal: nothing more to do
    } finally {
      if (p.claimed()) {
        claimed.remove(p.caseId());
      }
    }
  }

  private void unitRefers(WorldTruth.PostTruth post) {
    Optional<Tier> tier = post.tier();
    UnitReferral referral = new UnitReferral(post.key(), post.url().map(List::of).orElse(List.of()), requestType(tier), category(tier), tier,
        "simulated national unit referral (range evaluation)");
    Outcome outcome;
    try {
      outcome = desk.decisions().submitUnitReferral(REFERRING_LIAISON, referral);
    } catch (DeskRefusal e) {
      return;
    }
    unitReferrals++;
    if (outcome.decision().state() == DecisionEntry.State.AWAITING_APPROVAL) {
      proposals.add(new Proposal(outcome.decision().id(), outcome.decision().caseId(), post.key(), tier, REFERRING_LIAISON.name(),
          outcome.decision().approval() == Approval.SUPERVISOR, false));
      return;
    }
    submitted(outcome);
  }

  /** A cleared referral: count a dedupe if it joined a request, and send what may go out now, as the live pipeline's tick would. */
  private void submitted(Outcome outcome) {
    if (outcome.request().isEmpty()) {
      return;
    }
    if (outcome.joinedExisting()) {
      dedupesSeen++;
    }
    if (outcome.dispatchable()) {
      dispatcher.sendPending();
    }
  }
}
