package org.cordon.lineage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.detect.media.pdq.PdqHash;

/**
 * Finds the suspended predecessor of a new account.
 *
 * <p>A first {@link #check} blocks (see {@link SuspendedAccounts}) and scores the profile features of
 * each candidate once: handle, display name, bio, avatar. Those do not change, so they are kept;
 * later checks of the same account, as its first follows and mentions and the shoutouts that
 * announce it arrive, only add the neighbourhood and shoutout features (and candidates a shoutout
 * names). Call {@link #forget} once an account is matched or old enough to stop watching.
 *
 * <p>The score is a logistic of a prior plus the features' weights (log-likelihood ratios chosen
 * by reasoning about how returners behave, then checked on range worlds): a returner keeps a
 * recognisable handle and most of its profile; an unrelated look-alike shares a common name or
 * slogan bio but not the handle's exact stem, nor the neighbourhood. Features shared by many
 * suspended accounts (a common display name, a slogan bio, a default avatar) weigh less.
 *
 * <p>Never a predecessor: an account that is not (or no longer) suspended, one suspended after the
 * new account was created (or first seen, when the platform does not say), another platform's, or
 * another kind of peer (a Telegram channel for a user).
 */
public final class ReturningAccountMatcher {
  /** Tuning of the decision. */
  public record Settings(double prior, double threshold, int maxCandidates) {
    public static final Settings DEFAULT = new Settings(-4.0, 0.9, 48);

    public Settings {
      if (!(threshold > 0 && threshold < 1)) {
        throw new IllegalArgumentException("the threshold is a probability in (0, 1): " + threshold);
      }
      if (maxCandidates < 1) {
        throw new IllegalArgumentException("score at least one candidate: " + maxCandidates);
      }
    }
  }

  private final SuspendedAccounts suspended;
  private final LineageBook book;
  private final Audience audience;
  private final Settings settings;
  private final Map<AccountKey, Pending> pending = new ConcurrentHashMap<>();

  public ReturningAccountMatcher(SuspendedAccounts suspended, LineageBook book, Audience audience, Settings settings) {
    this.suspended = Objects.requireNonNull(suspended, "suspended");
    this.book = Objects.requireNonNull(book, "book");
    this.audience = Objects.requireNonNull(audience, "audience");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public ReturningAccountMatcher(SuspendedAccounts suspended, LineageBook book) {
    this(suspended, book, Audience.unknown(), Settings.DEFAULT);
  }

  public Settings settings() {
    return settings;
  }

  /** Stops keeping state for an account (matched, or watched long enough). */
  public void forget(AccountKey account) {
    pending.remove(account);
  }

  /** Number of new accounts whose profile features are kept for re-checks. */
  public int watching() {
    return pending.size();
  }

  /**
   * Checks a new account against the suspended ones. The first call for an account blocks and
   * scores its profile; later calls with the same profile reuse that work and add what
   * {@code activity} brought since. A changed profile starts again.
   */
  public Check check(AccountProfile account, Activity activity) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(activity, "activity");
    Pending state = pending.get(account.key());
    if (state == null || !state.profile.equals(account)) {
      state = new Pending(account);
      pending.put(account.key(), state);
    }
    Pending current = state;
    long bound = account.createdAt().map(created -> Math.min(created.toEpochMilli(), activity.firstSeen().toEpochMilli()))
        .orElse(activity.firstSeen().toEpochMilli());
    List<Candidate> candidates = suspended.read(view -> {
      synchronized (current) {
        if (!current.blocked) {
          block(view, current, activity);
        }
        addNamedInShoutouts(view, current, activity);
        List<Candidate> scored = new ArrayList<>();
        for (Map.Entry<Integer, Profiled> e : current.profiled.entrySet()) {
          int id = e.getKey();
          if (!view.live(id)) {
            continue; // reinstated since
          }
          SuspendedEntry entry = view.entry(id);
          if (entry.suspendedAtMillis() >= bound || entry.key().equals(account.key())
              || differentPeerKinds(entry.key(), account.key())) {
            continue;
          }
          scored.add(score(entry, e.getValue(), activity, bound));
        }
        // Ties go to the most recent suspension: the newest account of a chain is the one replaced.
        scored.sort(Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparing(Candidate::suspendedAt, Comparator.reverseOrder())
            .thenComparing(c -> c.predecessor().id()));
        return scored;
      }
    });
    return new Check(account.key(), preferNewestOfChain(candidates), settings.threshold);
  }

  /**
   * A person's chain is replaced by its newest account: when the best candidate already returned
   * once and that successor (or its own successor) is suspended too and also passes, the newest
   * such account is the predecessor, not its ancestor.
   */
  private List<Candidate> preferNewestOfChain(List<Candidate> candidates) {
    if (candidates.size() < 2) {
      return candidates;
    }
    Candidate best = candidates.getFirst();
    Candidate newest = best;
    Map<AccountKey, Candidate> byKey = new HashMap<>();
    candidates.forEach(c -> byKey.put(c.predecessor(), c));
    java.util.Set<AccountKey> visited = new java.util.HashSet<>();
    for (boolean moved = true; moved; ) {
      moved = false;
      for (AccountKey successor : book.successorsOf(newest.predecessor())) {
        Candidate next = byKey.get(successor);
        if (next != null && next.score() >= settings.threshold && visited.add(successor)) {
          newest = next;
          moved = true;
          break;
        }
      }
    }
    if (newest == best) {
      return candidates;
    }
    List<Candidate> reordered = new ArrayList<>(candidates.size());
    reordered.add(newest);
    for (Candidate c : candidates) {
      if (c != newest) {
        reordered.add(c);
      }
    }
    return reordered;
  }

  private static final String CHANNEL = "channel";
  private static final java.util.regex.Pattern TYPED_ID = java.util.regex.Pattern.compile("([a-z]+)[0-9]+");

  /**
   * The kind of peer an id names where the platform's ids say it ("user123", "channel456" on
   * Telegram): a channel returns as a channel, a person as a person. Ids without a kind give "".
   */
  static String peerKind(AccountKey key) {
    java.util.regex.Matcher matcher = TYPED_ID.matcher(key.id());
    return matcher.matches() ? matcher.group(1) : "";
  }

  /** Only ids that both name a kind are compared; plain numbers, URLs and paths name none. */
  static boolean differentPeerKinds(AccountKey a, AccountKey b) {
    String kindA = peerKind(a);
    String kindB = peerKind(b);
    return !kindA.isEmpty() && !kindB.isEmpty() && !kindA.equals(kindB);
  }

  /** Per new account: its folded profile and the profile evidence of each candidate. */
  private static final class Pending {
    final AccountProfile profile;
    final Optional<HandleKeys> keys;
    final Optional<String> name;
    final int[] bio;
    final long nameKey;
    boolean blocked;
    int avatarCrowd;
    final Map<Integer, Profiled> profiled = new LinkedHashMap<>();

    Pending(AccountProfile profile) {
      this.profile = profile;
      this.keys = SuspendedAccounts.hasChosenHandle(profile.key(), profile.handle())
          ? Optional.of(HandleKeys.of(profile.handle())) : Optional.empty();
      this.name = profile.displayName().map(Names::plain).filter(n -> !n.isBlank());
      this.bio = profile.bio().map(Bios::shingles).orElse(new int[0]);
      this.nameKey = name.map(n -> SuspendedAccounts.nameKey(profile.key().platform(), n)).orElse(0L);
    }
  }

  /** The profile features of one candidate, computed once. */
  private record Profiled(List<Evidence> evidence, double weight) {}

  private void block(SuspendedAccounts.View view, Pending state, Activity activity) {
    List<Long> interacted = activity.interactedWith().stream().limit(64).map(Neighbourhood::fingerprint).toList();
    SuspendedAccounts.Candidates found = new SuspendedAccounts.Candidates(entry -> quickRank(state, interacted, entry));
    view.block(state.profile.key().platform(), state.keys, state.name, state.bio, state.profile.avatar(), found);
    state.avatarCrowd = found.avatarCrowd;
    for (int i = 0; i < found.ids.size() && state.profiled.size() < settings.maxCandidates; i++) {
      profile(view, state, found.ids.getInt(i));
    }
    state.blocked = true;
  }

  private void addNamedInShoutouts(SuspendedAccounts.View view, Pending state, Activity activity) {
    Platform platform = state.profile.key().platform();
    for (Shoutout shoutout : activity.shoutouts()) {
      for (String handle : shoutout.namedHandles()) {
        int id = view.byHandle(platform, handle);
        if (id >= 0 && !state.profiled.containsKey(id)) {
          profile(view, state, id);
        }
      }
    }
  }

  private void profile(SuspendedAccounts.View view, Pending state, int id) {
    SuspendedEntry entry = view.entry(id);
    Platform platform = entry.key().platform();
    List<Evidence> evidence = new ArrayList<>(4);
    if (state.keys.isPresent() && SuspendedAccounts.hasChosenHandle(entry.key(), entry.handle())) {
      evidence.add(handleEvidence(view, platform, state.profile.handle(), state.keys.get(), entry.handle(),
          suspendedRelatives(view, entry.key())));
    }
    if (state.name.isPresent() && entry.displayName().filter(n -> !n.isBlank()).isPresent()) {
      boolean noHandles = state.keys.isEmpty() && !SuspendedAccounts.hasChosenHandle(entry.key(), entry.handle());
      boolean channelTitles = noHandles && peerKind(entry.key()).equals(CHANNEL) && peerKind(state.profile.key()).equals(CHANNEL);
      evidence.add(nameEvidence(view, platform, state.name.get(), entry.displayName().get(), noHandles, channelTitles,
          suspendedRelatives(view, entry.key())));
    }
    if (state.bio.length > 0 && entry.bioShingles().length > 0) {
      double similarity = Bios.similarity(state.bio, entry.bioShingles());
      int alike = similarity > 0.5 ? view.bioBucketMin(entry.bioShingles()) : 0;
      double weight = 3 * similarity - 1;
      if (weight > 0) {
        // A slogan many suspended accounts share is no sign of one of them in particular.
        weight = Math.max(0, weight - 0.4 * Math.log(Math.max(1, alike)));
      }
      evidence.add(new Evidence.Bio(similarity, alike, weight));
    }
    if (state.profile.avatar().isPresent() && entry.avatar().isPresent()) {
      evidence.add(avatarEvidence(state.profile.avatar().get(), entry.avatar().get(), state.avatarCrowd));
    }
    double weight = evidence.stream().mapToDouble(Evidence::weight).sum();
    state.profiled.put(id, new Profiled(evidence, weight));
  }

  /** A cheap ordering of the accounts behind a crowded blocking key: the features that set one apart. */
  private static double quickRank(Pending state, List<Long> interacted, SuspendedEntry entry) {
    double rank = Bios.similarity(state.bio, entry.bioShingles());
    if (state.nameKey != 0 && state.nameKey == entry.nameKey()) {
      rank += 1;
    }
    if (state.profile.avatar().isPresent() && entry.avatar().isPresent()
        && state.profile.avatar().get().distance(entry.avatar().get()) <= SuspendedAccounts.AVATAR_RADIUS) {
      rank += 2;
    }
    int hits = 0;
    for (long fingerprint : interacted) {
      hits += Neighbourhood.mayContain(entry.neighbourhood(), fingerprint) ? 1 : 0;
    }
    return rank + (interacted.isEmpty() ? 0 : 2.0 * hits / interacted.size());
  }

  /**
   * Suspended accounts of the candidate's own lineage (its earlier or later accounts, already
   * linked). They share its handle stem and name because they are the same person: they are no
   * crowd that makes the stem or name less telling.
   */
  private int suspendedRelatives(SuspendedAccounts.View view, AccountKey key) {
    int relatives = 0;
    for (AccountKey account : book.lineageOf(key).accounts()) {
      int id = view.idOf(account);
      if (!account.equals(key) && id >= 0 && view.live(id)) {
        relatives++;
      }
    }
    return relatives;
  }

  static Evidence.Handle handleEvidence(SuspendedAccounts.View view, Platform platform, String newHandle,
      HandleKeys keys, String oldHandle) {
    return handleEvidence(view, platform, newHandle, keys, oldHandle, 0);
  }

  static Evidence.Handle handleEvidence(SuspendedAccounts.View view, Platform platform, String newHandle,
      HandleKeys keys, String oldHandle, int relatives) {
    HandleKeys old = HandleKeys.of(oldHandle);
    double similarity = Names.similarity(keys.base(), old.base());
    HandlePattern pattern;
    double weight;
    if (!keys.plain().isEmpty() && keys.plain().equals(old.plain())) {
      pattern = HandlePattern.SAME_HANDLE;
      weight = 5.0;
    } else if (!keys.base().isEmpty() && Names.joined(keys.plain()).equals(Names.joined(old.plain()))) {
      pattern = HandlePattern.UNDERSCORES;
      weight = 4.5;
    } else if (!keys.base().isEmpty() && keys.base().equals(old.base())) {
      pattern = HandlePattern.NUMERIC_SUFFIX;
      weight = 4.5;
    } else if (!keys.phoneticBase().isEmpty() && keys.phoneticBase().equals(old.phoneticBase())) {
      pattern = HandlePattern.TRANSLITERATION;
      weight = 3.5;
    } else if (keys.letters().length() >= 4 && keys.letters().equals(old.letters())) {
      pattern = HandlePattern.DIGITS_CHANGED;
      weight = 2.5;
    } else if (keys.phoneticLetters().length() >= 3 && keys.phoneticLetters().equals(old.phoneticLetters())) {
      pattern = HandlePattern.TRANSLITERATION;
      weight = 2.0;
    } else if (similarity >= 0.7) {
      pattern = HandlePattern.EDITED;
      weight = similarity >= 0.85 ? 1.0 : -0.5;
    } else {
      // Some returners pick a new name altogether, so an unrelated handle argues against, not forbids.
      pattern = HandlePattern.UNRELATED;
      weight = -1.5;
    }
    int sharedBy = Math.max(1, view.keyCount(SuspendedAccounts.KIND_BASE, platform, old.base()) - relatives);
    if (weight > 0) {
      // Short or crowded stems ("ali", "abuhamza" shared by dozens) say less; a long stem that no
      // other suspended account shares says more.
      if (old.base().length() < 4) {
        weight /= 2;
      } else if (old.base().length() >= 8 && sharedBy <= 1 && pattern.compareTo(HandlePattern.TRANSLITERATION) <= 0) {
        weight += old.base().length() >= 10 ? 1.5 : 1.0;
      }
      // Crowding weakens a handle's pattern but never turns it into evidence against.
      weight = Math.max(0.5, weight - 0.5 * Math.log(Math.max(1, sharedBy)));
    }
    return new Evidence.Handle(pattern, oldHandle, newHandle, similarity, sharedBy, weight);
  }

  /**
   * The display name. Where neither account shows a handle (Telegram group members and channels in
   * an export), the name is the identifier the person chose, and returners keep it ("Ember Wire",
   * "Ember Wire 2") as they keep a handle: it then weighs like one.
   */
  private static Evidence.DisplayName nameEvidence(SuspendedAccounts.View view, Platform platform, String name,
      String oldName, boolean standsForHandle, boolean channelTitles, int relatives) {
    String a = Names.joined(name);
    String b = Names.joined(oldName);
    double similarity = Names.similarity(a, b);
    boolean same = !a.isEmpty() && a.equals(b);
    boolean sameBase = !a.isEmpty() && Names.base(name).equals(Names.base(oldName));
    boolean samePhonetic = !a.isEmpty() && Names.phonetic(a).equals(Names.phonetic(b));
    int sharedBy = Math.max(1, view.nameCount(platform, oldName) - relatives);
    double weight;
    if (channelTitles) {
      // A broadcast channel's title is how its audience finds it again (a messenger's search is by
      // title), so a returning channel keeps it exactly, as a returner keeps a handle.
      weight = same ? 5.0 : sameBase ? 4.0 : samePhonetic ? 3.0 : similarity >= 0.85 ? 0.5 : -1.5;
    } else if (standsForHandle) {
      // Weaker than a handle: names are not unique on a platform, so a stranger can carry the same one.
      weight = same ? 3.0 : sameBase ? 2.5 : samePhonetic ? 2.0 : similarity >= 0.85 ? 0.5 : -1.5;
      if (weight > 1.5 && a.length() >= 8 && sharedBy <= 1) {
        weight += 0.5;
      }
    } else {
      weight = same ? 2.0 : samePhonetic ? 1.5 : similarity >= 0.8 ? 0.5 : -1.0;
    }
    if (weight > 0) {
      weight = Math.max(0, weight - 0.5 * Math.log(Math.max(1, sharedBy)));
    }
    return new Evidence.DisplayName(similarity, sharedBy, weight);
  }


  private static Evidence.Avatar avatarEvidence(PdqHash mine, PdqHash theirs, int crowd) {
    int distance = mine.distance(theirs);
    double weight = distance <= 10 ? 5.0 : distance <= SuspendedAccounts.AVATAR_RADIUS ? 3.5 : distance <= 60 ? 0 : -1.5;
    if (weight > 0 && crowd > 1) {
      // A default or stock avatar is worn by many.
      weight -= 0.7 * Math.log(crowd);
    }
    return new Evidence.Avatar(distance, crowd, weight);
  }

  private Candidate score(SuspendedEntry entry, Profiled profiled, Activity activity, long bound) {
    List<Evidence> evidence = new ArrayList<>(profiled.evidence());
    double logit = settings.prior + profiled.weight();
    java.time.Duration gap = java.time.Duration.ofMillis(bound - entry.suspendedAtMillis());
    Evidence recency = new Evidence.Recency(gap,
        gap.toHours() < 24 ? 1.0 : gap.toDays() < 7 ? 0.5 : gap.toDays() < 60 ? 0 : -0.5);
    evidence.add(recency);
    logit += recency.weight();
    Optional<Evidence.Neighbourhood> neighbourhood = neighbourhoodEvidence(entry, activity);
    if (neighbourhood.isPresent()) {
      evidence.add(neighbourhood.get());
      logit += neighbourhood.get().weight();
    }
    Optional<Evidence.Chats> chats = chatEvidence(entry, activity);
    if (chats.isPresent()) {
      evidence.add(chats.get());
      logit += chats.get().weight();
    }
    Optional<Evidence.Writing> writing = writingEvidence(entry, activity);
    if (writing.isPresent()) {
      evidence.add(writing.get());
      logit += writing.get().weight();
    }
    Optional<Evidence.Shoutout> shoutout = shoutoutEvidence(entry, activity);
    if (shoutout.isPresent()) {
      evidence.add(shoutout.get());
      logit += shoutout.get().weight();
    }
    List<AccountKey> successors = book.successorsOf(entry.key());
    if (!successors.isEmpty()) {
      Evidence claimed = new Evidence.AlreadyReturned(successors.getLast(), -2.0);
      evidence.add(claimed);
      logit += claimed.weight();
    }
    double score = 1 / (1 + Math.exp(-logit));
    return new Candidate(entry.key(), entry.handle(), Instant.ofEpochMilli(entry.suspendedAtMillis()), score, evidence);
  }

  /** Fewer known contacts than this make a predecessor's neighbourhood too thin to argue against a match. */
  static final int SPARSE_NEIGHBOURHOOD = 4;

  private Optional<Evidence.Neighbourhood> neighbourhoodEvidence(SuspendedEntry entry, Activity activity) {
    if (entry.neighbourhoodSize() == 0 || activity.interactedWith().size() < 2) {
      return Optional.empty();
    }
    int shared = 0;
    double sharedWeight = 0;
    double totalWeight = 0;
    int compared = 0;
    for (AccountKey target : activity.interactedWith()) {
      if (compared++ == Activity.MAX_COMPARED) {
        break;
      }
      double w = 1 / (1 + Math.log1p(Math.max(0, audience.followersSeen(target))));
      totalWeight += w;
      // The target may itself have returned since: any account of its lineage counts.
      for (AccountKey alias : book.lineageOf(target).accounts()) {
        if (Neighbourhood.mayContain(entry.neighbourhood(), Neighbourhood.fingerprint(alias))) {
          shared++;
          sharedWeight += w;
          break;
        }
      }
    }
    double share = sharedWeight / totalWeight;
    int observed = Math.min(activity.interactedWith().size(), Activity.MAX_COMPARED);
    double weight;
    if (share >= 0.6 && shared >= 2) {
      weight = shared >= 4 ? 4.0 : 3.0;
    } else if (share >= 0.35 && shared >= 2) {
      weight = 1.5;
    } else if (share < 0.1 && observed >= 4) {
      weight = -2.0;
    } else if (shared >= 1 && entry.neighbourhoodSize() < SPARSE_NEIGHBOURHOOD) {
      // Of a predecessor Cordon barely saw (a few follows in a follower graph, never a post) a
      // shared contact is all the overlap there could be: no argument against.
      weight = 0;
    } else {
      weight = -0.5;
    }
    return Optional.of(new Evidence.Neighbourhood(shared, observed, share, weight));
  }

  /**
   * The group chats a messenger user wrote in, against the predecessor's. A returner goes back to
   * its groups; a stranger who happens to carry the same name mostly writes elsewhere. A shared
   * group of hundreds of writers says less than a small one.
   */
  private Optional<Evidence.Chats> chatEvidence(SuspendedEntry entry, Activity activity) {
    if (activity.chats().isEmpty() || entry.neighbourhoodSize() == 0) {
      return Optional.empty();
    }
    int shared = 0;
    int members = 0;
    for (AccountKey chat : activity.chats()) {
      if (Neighbourhood.mayContain(entry.neighbourhood(), Neighbourhood.fingerprint(chat))) {
        shared++;
        members = Math.max(members, audience.followersSeen(chat));
      }
    }
    double weight = shared == 0 ? -0.5 : Math.max(1.0, Math.min(3.0, 3.0 - 0.25 * Math.log1p(members)));
    return Optional.of(new Evidence.Chats(shared, activity.chats().size(), members, weight));
  }

  /**
   * The hashtags of its first posts against the predecessor's. A returner keeps its slogans; a
   * stranger who carries the same name writes about other things. Weak on its own (a community
   * shares its tags), it separates a returner from a namesake outside the community.
   */
  private static Optional<Evidence.Writing> writingEvidence(SuspendedEntry entry, Activity activity) {
    if (activity.hashtags().isEmpty() || entry.hashtags().length == 0) {
      return Optional.empty();
    }
    int[] mine = SuspendedAccounts.hashtagHashes(activity.hashtags());
    int shared = 0;
    for (int tag : mine) {
      shared += java.util.Arrays.binarySearch(entry.hashtags(), tag) >= 0 ? 1 : 0;
    }
    double weight;
    if (shared > 0 && 2 * shared >= mine.length) {
      weight = 1.0;
    } else if (shared > 0) {
      weight = 0.5;
    } else if (shared == 0 && mine.length >= 3 && entry.hashtags().length >= 3) {
      weight = -1.0;
    } else {
      weight = 0;
    }
    return Optional.of(new Evidence.Writing(shared, mine.length, weight));
  }

  private static Optional<Evidence.Shoutout> shoutoutEvidence(SuspendedEntry entry, Activity activity) {
    String handle = HandleKeys.of(entry.handle()).plain();
    List<PostKey> posts = new ArrayList<>();
    Map<AccountKey, Boolean> announcers = new HashMap<>();
    for (Shoutout shoutout : activity.shoutouts()) {
      for (String named : shoutout.namedHandles()) {
        if (!handle.isEmpty() && HandleKeys.of(named).plain().equals(handle)) {
          posts.add(shoutout.post());
          announcers.put(shoutout.announcer(), true);
          break;
        }
      }
    }
    if (posts.isEmpty()) {
      return Optional.empty();
    }
    double weight = 7.0 + Math.min(2, announcers.size() - 1);
    return Optional.of(new Evidence.Shoutout(posts, List.copyOf(announcers.keySet()), weight));
  }
}
