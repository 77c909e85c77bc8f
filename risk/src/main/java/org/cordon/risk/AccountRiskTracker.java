package org.cordon.risk;

import it.unimi.dsi.fastutil.objects.ObjectOpenHashSet;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;

/**
 * The running picture of every account Cordon has seen: what its posts were judged to be, what its
 * profile looks like, how it behaves and whom it follows and passes material on from. State is a
 * slot per account in primitive arrays (see {@link AccountState}), so a million accounts fit in a
 * few hundred megabytes; only accounts with flagged posts keep a few post keys as evidence.
 *
 * <p>Updates are incremental: each post, profile, interaction or release event changes the
 * account's counters at once, and {@link #assess} reads them. Neighbourhood figures come in two
 * speeds: counts of contacts with risky accounts grow as edges arrive (against the riskiness known
 * at that moment), while the multi-round propagation score and a recount of those contacts against
 * current riskiness are periodic: call {@link #propagate()} (cost: one pass over the edges per
 * round; about a second for ten million edges) every few minutes or before a ranking.
 *
 * <p>Out-of-order input is accepted: every counter is order-free except the burst window (a post
 * more than an hour older than the account's latest counts everywhere but there) and the
 * release clock (a post is compared with the releases reported before it arrives).
 *
 * <p>Thread-safe by one lock: every public method is synchronized (uncontended, it costs little
 * next to the work); {@link #propagate()} holds it for its whole run.
 */
public final class AccountRiskTracker {
  /** Riskiness at or above which a neighbour counts as a risky contact. */
  static final double RISKY = 0.5;
  /** How much of its neighbourhood an account without content evidence takes on in propagation. */
  static final double PROPAGATION_DECAY = 0.7;
  /** Pseudo-edges of riskiness 0 that keep an account with one risky contact from scoring 1. */
  static final double OUT_SMOOTHING = 2;
  static final double IN_SMOOTHING = 4;
  /** Post times outside these are a broken clock or parser, not a post. */
  static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
  /** Posts and interactions remembered for de-duplication, per generation (see {@link Fingerprints}). */
  static final int DEDUPLICATION_WINDOW_MIN = 1 << 20;
  static final int DEDUPLICATION_WINDOW_MAX = 8 << 20;
  /** A known-content signal at least this strong counts as a match. */
  static final double MATCH_STRENGTH = 0.5;
  /** Strengths are compared on the log-odds scale between this and 1 minus this (±9.2). */
  static final double LOG_ODDS_CLAMP = 1e-4;

  private final RiskConfig config;
  private final FeatureSchema schema;
  private final Map<String, Integer> kindSlots = new HashMap<>();
  private final int knownContentMask;
  private final AccountIndex index;
  private final AccountState state;
  private final EdgeTable edges;
  private final Fingerprints fingerprints;
  private final ReleaseClock releases;
  private final EvidenceBook evidence = new EvidenceBook();
  private final Set<String> flaggedHashtags = new ObjectOpenHashSet<>();
  private long rejected;
  private long duplicates;
  private Optional<Instant> lastPropagation = Optional.empty();

  public AccountRiskTracker(RiskConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.schema = new FeatureSchema(config);
    int mask = 0;
    for (int i = 0; i < config.signalKinds().size(); i++) {
      String kind = config.signalKinds().get(i);
      kindSlots.put(kind, i);
      if (config.knownContentKinds().contains(kind)) {
        mask |= 1 << i;
      }
    }
    this.knownContentMask = mask;
    this.index = new AccountIndex(config.expectedAccounts(), config.maxAccounts());
    this.state = new AccountState(config.kindSlots(), config.expectedAccounts());
    this.edges = new EdgeTable(config.expectedAccounts() * 4);
    this.fingerprints = new Fingerprints(config.deduplicate()
        ? (int) Math.min(DEDUPLICATION_WINDOW_MAX, Math.max(DEDUPLICATION_WINDOW_MIN, config.expectedAccounts() * 8L)) : 16);
    this.releases = new ReleaseClock(config.soonAfterRelease());
  }

  public RiskConfig config() {
    return config;
  }

  /** The feature names, in the order {@link AccountFeatures} holds them. */
  public List<String> featureNames() {
    return schema.names;
  }

  // ---------------------------------------------------------------- inputs

  /**
   * Counts one assessed post of {@code author}. Returns false when the post was counted before
   * (a replay); the first assessment of a post is the one that counts.
   *
   * @param hashtags as written, with or without '#'; compared after NFKC and lower-casing
   * @throws IllegalArgumentException when the assessment is not of a post on the author's platform
   */
  public synchronized boolean observePost(AccountKey author, Instant postedAt, Assessment assessment, Collection<String> hashtags) {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(postedAt, "postedAt");
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(hashtags, "hashtags");
    if (!(assessment.subject() instanceof PostKey post)) {
      rejected++;
      throw new IllegalArgumentException("account risk counts assessments of posts; got one of " + assessment.subject());
    }
    if (!post.platform().equals(author.platform())) {
      rejected++;
      throw new IllegalArgumentException("post " + post + " cannot be by " + author + ": another platform");
    }
    if (postedAt.isBefore(EARLIEST) || postedAt.isAfter(LATEST)) {
      rejected++;
      throw new IllegalArgumentException("post " + post + " is dated " + postedAt + ", outside " + EARLIEST + " .. " + LATEST
          + "; a platform's clock or a parser is wrong");
    }
    if (config.deduplicate() && !fingerprints.firstSight("p", post.platform().name(), post.id())) {
      duplicates++;
      return false;
    }
    int u = account(author);
    float strength = (float) assessment.score();
    state.posts[u]++;
    state.maxStrength[u] = Math.max(state.maxStrength[u], strength);

    int kindMask = 0;
    int base = u * state.kindSlots;
    float[] strongest = new float[state.kindSlots];
    for (Signal s : assessment.signals()) {
      int slot = kindSlots.getOrDefault(s.kind(), config.signalKinds().size());
      strongest[slot] = Math.max(strongest[slot], (float) s.strength());
      if (s.strength() >= MATCH_STRENGTH) {
        kindMask |= 1 << slot;
      }
    }
    for (int slot = 0; slot < strongest.length; slot++) {
      state.kindStrength[base + slot] += strongest[slot];
    }
    if ((kindMask & knownContentMask) != 0) {
      state.knownContent[u]++;
    }
    boolean soon = releases.soonAfterARelease(postedAt);
    if (soon) {
      state.soonAfterRelease[u]++;
    }
    if (assessment.flagged()) {
      state.flagged[u]++;
      state.flaggedStrengthSum[u] += strength;
      assessment.tier().ifPresent(t -> state.tierCounts[u * AccountState.TIERS + t.ordinal()]++);
      if (soon) {
        state.soonAfterReleaseFlagged[u]++;
      }
      evidence.flaggedPost(u, post, strength, kindMask);
    }
    boolean usedFlaggedTag = false;
    for (String tag : flaggedHashtags.isEmpty() ? List.<String>of() : hashtags) {
      String normal = normaliseHashtag(tag);
      if (flaggedHashtags.contains(normal)) {
        usedFlaggedTag = true;
        evidence.hashtag(u, normal);
      }
    }
    if (usedFlaggedTag) {
      state.flaggedHashtagPosts[u]++;
    }
    countForBurst(u, postedAt);
    return true;
  }

  /** {@link #observePost} with the post's own author, time and hashtags. */
  public synchronized boolean observe(Post post, Assessment assessment) {
    Objects.requireNonNull(post, "post");
    if (!post.key().equals(assessment.subject())) {
      rejected++;
      throw new IllegalArgumentException("assessment of " + assessment.subject() + " does not belong to post " + post.key());
    }
    return observePost(post.author(), post.postedAt(), assessment, post.hashtags());
  }

  /** Replaces what is known of the account's profile (profiles change; the latest view counts). */
  public synchronized void observeProfile(AccountKey account, ProfileEvidence profile) {
    Objects.requireNonNull(profile, "profile");
    int u = account(account);
    state.profileScore[u] = (float) profile.nameAndBioScore();
    state.avatarMatch(u, profile.avatarMatch().isPresent());
    evidence.profile(u, profile.nameAndBioScore() > 0 ? Optional.of(profile.reason()) : Optional.empty());
    evidence.avatar(u, profile.avatarMatch());
  }

  /**
   * Counts one edge. Mentions and replies whose target account is unknown (only a handle) are
   * skipped, as are shares whose original author is unknown. Returns false when skipped or when
   * the same interaction was counted before.
   */
  public synchronized boolean observe(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction");
    return switch (interaction) {
      case Interaction.Follow f ->
          edge(f.from(), f.to(), EdgeTable.Kind.FOLLOW, "f", "");
      case Interaction.Mention m -> m.to().isPresent()
          && edge(m.from(), m.to().get(), EdgeTable.Kind.MENTION, "m", m.post().id());
      case Interaction.Reply r -> r.to().isPresent()
          && edge(r.from(), r.to().get(), EdgeTable.Kind.REPLY, "r", r.post().id());
      case Interaction.Share s -> s.originalAuthor().isPresent()
          && edge(s.from(), s.originalAuthor().get(), shareKind(s.kind()), "s", s.post().id());
    };
  }

  /** A release (an outlet's new product) first appeared at {@code at}; the earliest report wins. */
  public synchronized void releaseSeen(String releaseId, Instant at) {
    Objects.requireNonNull(at, "at");
    if (releaseId == null || releaseId.isBlank()) {
      throw new IllegalArgumentException("a release needs an id (the same release is often reported several times)");
    }
    releases.seen(releaseId, at);
  }

  /** Posts that use this hashtag count as using a flagged hashtag from now on. */
  public synchronized void flagHashtag(String hashtag) {
    String normal = normaliseHashtag(hashtag);
    if (normal.isEmpty()) {
      throw new IllegalArgumentException("an empty hashtag cannot be flagged: '" + hashtag + "'");
    }
    flaggedHashtags.add(normal);
  }

  /** An analyst's (or a trusted list's) word on an account; it seeds the next propagation. */
  public synchronized void mark(AccountKey account, AccountStatus status) {
    Objects.requireNonNull(status, "status");
    state.status(account(account), status);
  }

  // ---------------------------------------------------------------- propagation

  /**
   * Recounts each account's contacts with risky accounts and spreads riskiness over the edges for
   * {@link RiskConfig#propagationRounds()} rounds. An account's riskiness starts from what is
   * known of it alone (1 when confirmed, 0 when cleared, else its own flagged posts and known
   * content); each round it becomes the larger of that and {@value #PROPAGATION_DECAY} times the
   * weighted mean riskiness of the accounts it follows, shares, quotes, mentions and replies to.
   */
  public synchronized void propagate() {
    int n = index.size();
    float[] seed = new float[n];
    for (int u = 0; u < n; u++) {
      seed[u] = (float) seed(u);
    }
    java.util.Arrays.fill(state.followsRisky, 0, n, 0);
    java.util.Arrays.fill(state.repostsRisky, 0, n, 0);
    java.util.Arrays.fill(state.engagesRisky, 0, n, 0);
    java.util.Arrays.fill(state.followersRisky, 0, n, 0);
    java.util.Arrays.fill(state.riskyNeighbours, 0, n * AccountState.NEIGHBOUR_SLOTS, -1);
    // the rounds run over flat copies of the edges (12 bytes each, dropped at the end): a map
    // iterator and the weight's arithmetic per edge and round would cost several times more
    int m = edges.size();
    int[] froms = new int[m];
    int[] tos = new int[m];
    float[] weights = new float[m];
    int[] next = {0};
    edges.forEach((from, to, packed) -> {
      int e = next[0]++;
      froms[e] = from;
      tos[e] = to;
      weights[e] = (float) EdgeTable.weight(packed);
      if (seed[to] >= RISKY) {
        countRiskyContact(from, to, packed);
      }
      if (seed[from] >= RISKY && EdgeTable.Kind.FOLLOW.count(packed) > 0) {
        state.followersRisky[to]++;
      }
    });

    float[] x = seed.clone();
    float[] outSum = new float[n];
    float[] outWeight = new float[n];
    float[] inSum = new float[n];
    float[] inWeight = new float[n];
    for (int round = 0; round < config.propagationRounds(); round++) {
      java.util.Arrays.fill(outSum, 0);
      java.util.Arrays.fill(outWeight, 0);
      java.util.Arrays.fill(inSum, 0);
      java.util.Arrays.fill(inWeight, 0);
      for (int e = 0; e < m; e++) {
        int from = froms[e];
        int to = tos[e];
        float w = weights[e];
        outSum[from] += w * x[to];
        outWeight[from] += w;
        inSum[to] += w * x[from];
        inWeight[to] += w;
      }
      float[] updated = new float[n];
      for (int u = 0; u < n; u++) {
        float out = (float) (outSum[u] / (outWeight[u] + OUT_SMOOTHING));
        state.propagationOut[u] = out;
        state.propagationIn[u] = (float) (inSum[u] / (inWeight[u] + IN_SMOOTHING));
        updated[u] = switch (state.status(u)) {
          case CONFIRMED -> 1f;
          case CLEARED -> 0f;
          case UNKNOWN -> Math.max(seed[u], (float) (PROPAGATION_DECAY * out));
        };
      }
      x = updated;
    }
    lastPropagation = Optional.of(Instant.now());
  }

  /**
   * Riskiness from the account alone: 1 when confirmed, 0 when cleared; otherwise the larger of a
   * flagged-post term (grows with the number of flagged posts, scaled by their share) and a
   * known-content term.
   */
  double seed(int u) {
    return switch (state.status(u)) {
      case CONFIRMED -> 1;
      case CLEARED -> 0;
      case UNKNOWN -> {
        double flagged = state.flagged[u];
        double share = flagged / (state.posts[u] + 2.0);
        double fromFlagged = (1 - Math.exp(-flagged / 3)) * Math.min(1, 2 * share);
        double fromKnown = 0.9 * (1 - Math.exp(-state.knownContent[u] / 3.0));
        yield Math.max(fromFlagged, fromKnown);
      }
    };
  }

  public synchronized Optional<Instant> lastPropagation() {
    return lastPropagation;
  }

  // ---------------------------------------------------------------- reading

  public synchronized int size() {
    return index.size();
  }

  public synchronized int edgeCount() {
    return edges.size();
  }

  /** Inputs refused with an exception, and replays ignored. */
  public synchronized long rejected() {
    return rejected;
  }

  public synchronized long duplicates() {
    return duplicates;
  }

  public synchronized boolean tracks(AccountKey account) {
    return index.find(account) != AccountIndex.ABSENT;
  }

  public synchronized void forEachAccount(Consumer<AccountKey> action) {
    for (int u = 0, n = index.size(); u < n; u++) {
      action.accept(index.key(u));
    }
  }

  public synchronized Optional<AccountStatus> status(AccountKey account) {
    return index.lookup(account).map(state::status);
  }

  /**
   * The most severe tier with enough support among the account's flagged posts: the most severe
   * tier T such that at least {@link RiskConfig#tierSupport()} flagged posts are of tier T or
   * graver (one suffices for threat to life). Empty for an unknown account or too little support.
   */
  public synchronized Optional<Tier> tier(AccountKey account) {
    int u = index.find(account);
    return u == AccountIndex.ABSENT ? Optional.empty() : tier(u);
  }

  private Optional<Tier> tier(int u) {
    int atLeast = 0;
    for (Tier t : Tier.values()) {
      atLeast += state.tierCounts[u * AccountState.TIERS + t.ordinal()];
      int needed = t == Tier.THREAT_TO_LIFE ? 1 : config.tierSupport();
      if (atLeast >= needed) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The account's features now, without evidence; empty when the account was never seen. */
  public synchronized Optional<AccountFeatures> features(AccountKey account) {
    int u = index.find(account);
    return u == AccountIndex.ABSENT ? Optional.empty()
        : Optional.of(new AccountFeatures(account, schema.names, values(u), Map.of()));
  }

  /** The account's features with the evidence behind each, as an explanation reads them. */
  synchronized Optional<AccountFeatures> explainedFeatures(AccountKey account) {
    int u = index.find(account);
    return u == AccountIndex.ABSENT ? Optional.empty()
        : Optional.of(new AccountFeatures(account, schema.names, values(u), evidence(u)));
  }

  /** Scores the account with the model and explains the score; empty when it was never seen. */
  public synchronized Optional<AccountRisk> assess(AccountKey account, AccountRiskModel model) {
    Objects.requireNonNull(model, "model");
    int u = index.find(account);
    if (u == AccountIndex.ABSENT) {
      return Optional.empty();
    }
    AccountFeatures features = new AccountFeatures(account, schema.names, values(u), evidence(u));
    return Optional.of(model.assess(features, tier(u)));
  }

  /** The probability alone, for ranking every account; NaN for an account never seen. */
  public synchronized double probability(AccountKey account, AccountRiskModel model) {
    int u = index.find(account);
    return u == AccountIndex.ABSENT ? Double.NaN
        : model.probability(new AccountFeatures(account, schema.names, values(u), Map.of()));
  }

  /** Labelled examples for {@link AccountRiskModel#train}; labels of accounts never seen are skipped. */
  public synchronized List<TrainingExample> trainingExamples(Map<AccountKey, Boolean> labels) {
    List<TrainingExample> examples = new ArrayList<>(labels.size());
    labels.forEach((account, positive) -> features(account)
        .ifPresent(f -> examples.add(new TrainingExample(f, positive))));
    return examples;
  }

  // ---------------------------------------------------------------- internals

  private int account(AccountKey key) {
    Objects.requireNonNull(key, "account");
    int u = index.idOf(key);
    state.ensure(u);
    return u;
  }

  private boolean edge(AccountKey from, AccountKey to, EdgeTable.Kind kind, String tag, String post) {
    if (from.equals(to)) {
      return false; // talking to oneself says nothing about one's neighbourhood
    }
    if (config.deduplicate() && !fingerprints.firstSight(tag, from.platform().name(), from.id(), to.platform().name(), to.id(), post)) {
      duplicates++;
      return false;
    }
    int u = account(from);
    int v = account(to);
    int before = edges.add(u, v, kind);
    if (kind == EdgeTable.Kind.FOLLOW && before > 0) {
      return false; // a follow is a state, not an event
    }
    switch (kind) {
      case FOLLOW -> state.follows[u]++;
      case REPOST -> state.reposts[u]++;
      case QUOTE, MENTION, REPLY -> { }
    }
    if (seed(v) >= RISKY) {
      countRiskyContact(u, v, 1 << kind.shift);
    }
    if (kind == EdgeTable.Kind.FOLLOW && seed(u) >= RISKY) {
      state.followersRisky[v]++;
    }
    return true;
  }

  private void countRiskyContact(int from, int to, int packed) {
    int follow = EdgeTable.Kind.FOLLOW.count(packed);
    int reposts = EdgeTable.Kind.REPOST.count(packed);
    state.followsRisky[from] += follow;
    state.repostsRisky[from] += reposts;
    state.engagesRisky[from] += EdgeTable.Kind.QUOTE.count(packed) + EdgeTable.Kind.MENTION.count(packed)
        + EdgeTable.Kind.REPLY.count(packed);
    if (follow > 0 || reposts > 0) {
      noteRiskyNeighbour(from, to);
    }
  }

  /** Keeps up to three, confirmed accounts before merely risky ones. */
  private void noteRiskyNeighbour(int u, int v) {
    int base = u * AccountState.NEIGHBOUR_SLOTS;
    int[] slots = state.riskyNeighbours;
    for (int i = 0; i < AccountState.NEIGHBOUR_SLOTS; i++) {
      if (slots[base + i] == v) {
        return;
      }
      if (slots[base + i] < 0) {
        slots[base + i] = v;
        return;
      }
    }
    if (state.status(v) == AccountStatus.CONFIRMED) {
      for (int i = 0; i < AccountState.NEIGHBOUR_SLOTS; i++) {
        if (state.status(slots[base + i]) != AccountStatus.CONFIRMED) {
          slots[base + i] = v;
          return;
        }
      }
    }
  }

  private static EdgeTable.Kind shareKind(Interaction.Share.Kind kind) {
    return switch (kind) {
      case REPOST, FORWARD -> EdgeTable.Kind.REPOST;
      case QUOTE -> EdgeTable.Kind.QUOTE;
    };
  }

  /**
   * Posts per sliding hour, estimated from two fixed hour buckets (the current one and the one
   * before, weighted by how much of it the sliding hour still covers): two ints an account
   * instead of a list of times.
   */
  private void countForBurst(int u, Instant at) {
    long seconds = at.getEpochSecond();
    int hour = (int) Math.floorDiv(seconds, 3600L);
    int current = state.burstHour[u];
    if (state.burstCurrent[u] == 0 && state.burstPrevious[u] == 0) {
      state.burstHour[u] = hour;
      state.burstCurrent[u] = 1;
    } else if (hour == current) {
      state.burstCurrent[u]++;
    } else if (hour == current + 1) {
      state.burstPrevious[u] = state.burstCurrent[u];
      state.burstCurrent[u] = 1;
      state.burstHour[u] = hour;
    } else if (hour > current + 1) {
      state.burstPrevious[u] = 0;
      state.burstCurrent[u] = 1;
      state.burstHour[u] = hour;
    } else if (hour == current - 1) {
      state.burstPrevious[u]++;
    } else {
      return; // too late for the window
    }
    double elapsed = Math.floorMod(seconds, 3600L) / 3600.0;
    double inWindow = hour == state.burstHour[u]
        ? state.burstCurrent[u] + state.burstPrevious[u] * (1 - elapsed)
        : state.burstCurrent[u] + state.burstPrevious[u];
    if (inWindow > state.maxBurst[u]) {
      state.maxBurst[u] = (float) inWindow;
      state.maxBurstHour[u] = state.burstHour[u];
    }
  }

  static String normaliseHashtag(String tag) {
    String t = Normalizer.normalize(Objects.requireNonNull(tag, "hashtag"), Normalizer.Form.NFKC).strip();
    while (t.startsWith("#")) {
      t = t.substring(1);
    }
    return t.toLowerCase(Locale.ROOT);
  }

  double[] values(int u) {
    double[] f = new double[schema.size()];
    AccountState s = state;
    double posts = s.posts[u];
    double flagged = s.flagged[u];
    int i = 0;
    f[i++] = Math.log1p(posts);
    f[i++] = flagged / (posts + 1);
    f[i++] = Math.log1p(flagged);
    f[i++] = s.maxStrength[u];
    f[i++] = flagged > 0 ? s.flaggedStrengthSum[u] / flagged : 0;
    f[i++] = Math.log1p(s.knownContent[u]);
    f[i++] = s.profileScore[u];
    f[i++] = s.avatarMatch(u) ? 1 : 0;
    f[i++] = Math.log1p(s.maxBurst[u]);
    f[i++] = s.soonAfterRelease[u] / (posts + 1);
    f[i++] = Math.log1p(s.soonAfterReleaseFlagged[u]);
    f[i++] = s.flaggedHashtagPosts[u] / (posts + 1);
    f[i++] = Math.log1p(s.follows[u]);
    f[i++] = Math.min(1, s.followsRisky[u] / (s.follows[u] + OUT_SMOOTHING));
    f[i++] = Math.log1p(s.followsRisky[u]);
    f[i++] = Math.log1p(s.repostsRisky[u]);
    f[i++] = Math.min(1, s.repostsRisky[u] / (s.reposts[u] + 1.0));
    f[i++] = Math.log1p(s.engagesRisky[u]);
    f[i++] = Math.log1p(s.followersRisky[u]);
    f[i++] = s.propagationOut[u];
    f[i++] = s.propagationIn[u];
    f[i++] = s.engagesRisky[u] / (s.engagesRisky[u] + s.repostsRisky[u] + 1.0);
    f[i++] = logOdds(s.maxStrength[u]);
    f[i++] = flagged > 0 ? logOdds(s.flaggedStrengthSum[u] / flagged) : logOdds(0);
    for (int k = 0; k < s.kindSlots; k++) {
      f[schema.firstKind + k] = Math.min(1, s.kindStrength[u * s.kindSlots + k] / (posts + 1));
    }
    return f;
  }

  /**
   * Near 1 the strength scale hides what matters: a post scored 0.98 is wrong one time in fifty, one
   * scored 0.9999 one time in ten thousand. On the log-odds scale the model can tell an account that
   * never posts anything unambiguous, however much it posts about the organisation (a critic, a
   * reporter), from one whose strongest posts leave no doubt. Clamped so 0 and 1 stay finite.
   */
  static double logOdds(double strength) {
    double p = Math.min(1 - LOG_ODDS_CLAMP, Math.max(LOG_ODDS_CLAMP, strength));
    return Math.log(p / (1 - p));
  }

  private Map<String, List<String>> evidence(int u) {
    Map<String, List<String>> e = new LinkedHashMap<>();
    List<String> strongest = evidence.posts(u, 0);
    String flaggedCount = state.flagged[u] + " of " + state.posts[u] + " posts flagged";
    List<String> postEvidence = new ArrayList<>();
    postEvidence.add(flaggedCount);
    postEvidence.addAll(strongest);
    e.put(FeatureSchema.FLAGGED_SHARE, postEvidence);
    e.put(FeatureSchema.FLAGGED, postEvidence);
    e.put(FeatureSchema.MAX_STRENGTH, strongest.isEmpty() ? List.of() : List.of(strongest.get(0)));
    e.put(FeatureSchema.MEAN_FLAGGED_STRENGTH, strongest);
    e.put(FeatureSchema.MAX_STRENGTH_LOGIT, strongest.isEmpty() ? List.of("no flagged post") : List.of("strongest post " + strongest.get(0)));
    e.put(FeatureSchema.MEAN_FLAGGED_STRENGTH_LOGIT, strongest.isEmpty() ? List.of("no flagged post") : strongest);
    e.put(FeatureSchema.POSTS, List.of(state.posts[u] + " posts"));
    List<String> known = new ArrayList<>();
    known.add(state.knownContent[u] + " posts with known material");
    known.addAll(evidence.posts(u, knownContentMask));
    e.put(FeatureSchema.KNOWN_CONTENT, known);
    for (int k = 0; k < config.signalKinds().size(); k++) {
      e.put(FeatureSchema.kindShare(config.signalKinds().get(k)), evidence.posts(u, 1 << k));
    }
    e.put(FeatureSchema.kindShare(RiskConfig.OTHER_KIND), evidence.posts(u, 1 << config.signalKinds().size()));
    evidence.find(u).ifPresent(entry -> {
      if (entry.profileReason != null) {
        e.put(FeatureSchema.PROFILE, List.of(entry.profileReason));
      }
      if (entry.avatarReason != null) {
        e.put(FeatureSchema.AVATAR, List.of(entry.avatarReason));
      }
      List<String> tags = new ArrayList<>();
      tags.add(state.flaggedHashtagPosts[u] + " posts with flagged hashtags");
      for (String t : entry.hashtags) {
        if (t != null) {
          tags.add("#" + t);
        }
      }
      e.put(FeatureSchema.FLAGGED_HASHTAG_SHARE, tags);
    });
    if (state.maxBurst[u] > 0) {
      e.put(FeatureSchema.BURST, List.of(String.format(Locale.ROOT, "about %.0f posts in the hour from %s",
          state.maxBurst[u], Instant.ofEpochSecond(state.maxBurstHour[u] * 3600L))));
    }
    String soon = state.soonAfterRelease[u] + " posts (" + state.soonAfterReleaseFlagged[u]
        + " flagged) within " + config.soonAfterRelease().toMinutes() + " min of a release";
    e.put(FeatureSchema.SOON_AFTER_RELEASE_SHARE, List.of(soon));
    e.put(FeatureSchema.SOON_AFTER_RELEASE_FLAGGED, List.of(soon));
    List<String> neighbours = new ArrayList<>();
    for (int i = 0; i < AccountState.NEIGHBOUR_SLOTS; i++) {
      int v = state.riskyNeighbours[u * AccountState.NEIGHBOUR_SLOTS + i];
      if (v >= 0) {
        neighbours.add(index.key(v) + (state.status(v) == AccountStatus.CONFIRMED ? " (confirmed)" : " (risky)"));
      }
    }
    List<String> follows = new ArrayList<>();
    follows.add("follows " + state.followsRisky[u] + " risky of " + state.follows[u]);
    follows.addAll(neighbours);
    e.put(FeatureSchema.FOLLOWS_RISKY_SHARE, follows);
    e.put(FeatureSchema.FOLLOWS_RISKY, follows);
    e.put(FeatureSchema.FOLLOWS, List.of("follows " + state.follows[u]));
    List<String> reposts = new ArrayList<>();
    reposts.add(state.repostsRisky[u] + " of " + state.reposts[u] + " reposts from risky accounts");
    reposts.addAll(neighbours);
    e.put(FeatureSchema.REPOSTS_RISKY, reposts);
    e.put(FeatureSchema.REPOSTS_RISKY_SHARE, reposts);
    e.put(FeatureSchema.ENGAGES_RISKY, List.of(state.engagesRisky[u] + " quotes, mentions and replies to risky accounts"));
    e.put(FeatureSchema.ENGAGES_NOT_AMPLIFIES_SHARE, List.of(state.engagesRisky[u] + " quotes, mentions and replies to risky accounts against "
        + state.repostsRisky[u] + " reposts of them"));
    e.put(FeatureSchema.FOLLOWERS_RISKY, List.of("followed by " + state.followersRisky[u] + " risky accounts"));
    String propagated = lastPropagation.map(t -> "propagated at " + t).orElse("not propagated yet");
    List<String> out = new ArrayList<>(neighbours);
    out.add(propagated);
    e.put(FeatureSchema.PROPAGATION_OUT, out);
    e.put(FeatureSchema.PROPAGATION_IN, List.of(propagated));
    return e;
  }
}
