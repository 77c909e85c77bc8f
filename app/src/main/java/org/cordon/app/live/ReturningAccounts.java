package org.cordon.app.live;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.lineage.AccountProfile;
import org.cordon.lineage.Activity;
import org.cordon.lineage.Candidate;
import org.cordon.lineage.Check;
import org.cordon.lineage.Lineage;
import org.cordon.lineage.LineageBook;
import org.cordon.lineage.PlatformAccounts;
import org.cordon.lineage.PredecessorProbe;
import org.cordon.lineage.ReturningAccountMatcher;
import org.cordon.lineage.Shoutout;
import org.cordon.lineage.ShoutoutReader;
import org.cordon.lineage.SuspendedAccounts;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Suspended accounts and the accounts that come back: every account seen for the first time is
 * checked against the suspended ones; one with candidates but no match yet is watched for
 * {@value #WATCH_HOURS} hours and re-checked as its first follows and mentions arrive, and any new
 * account is checked again when a post announces it under a suspended account's handle (a
 * shoutout). A new account whose handle ends in a counter makes the platform be asked about the
 * handles its predecessor plausibly had ({@link PredecessorProbe}). A match links it into a lineage.
 *
 * <p>Suspensions and links are appended to a log file in the data directory ({@code
 * live/lineage.jsonl}) and replayed at start-up; removals a platform confirmed through a request are
 * also re-read from the store, so the log is the only record of suspension notices and links. A
 * damaged log line is skipped with a warning.
 */
final class ReturningAccounts {
  private static final Logger LOG = Logger.getLogger(ReturningAccounts.class.getName());
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final int WATCH_HOURS = 48;
  static final int MAX_WATCHED = 50_000;
  static final int NEIGHBOURHOOD = 256;
  /** Shoutouts kept per announced handle: a few say it; a hundred say no more. */
  static final int MAX_SHOUTOUTS = 8;

  /** A new account linked to its suspended predecessor, with the evidence of the link. */
  record Match(AccountKey successor, AccountKey predecessor, double score, Signal signal, Optional<Tier> tier, Instant at) {
    Match {
      Objects.requireNonNull(successor, "successor");
      Objects.requireNonNull(predecessor, "predecessor");
      Objects.requireNonNull(signal, "signal");
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(at, "at");
    }
  }

  /** A suspended account as the unit knows it. */
  record Suspension(AccountKey account, Instant at, Optional<Tier> tier, String cause) {}

  private record Watch(AccountProfile profile, Instant firstSeen, Set<AccountKey> contacts) {}

  private final SuspendedAccounts suspended = new SuspendedAccounts();
  private final LineageBook book = new LineageBook();
  private final ReturningAccountMatcher matcher = new ReturningAccountMatcher(suspended, book);
  private final LongOpenHashSet seen = new LongOpenHashSet();
  private final Map<AccountKey, Watch> watching = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<AccountKey, Watch> eldest) {
      boolean drop = size() > MAX_WATCHED;
      if (drop) {
        matcher.forget(eldest.getKey());
      }
      return drop;
    }
  };
  /**
   * New accounts not matched, by platform and handle, so that a shoutout announcing one ("back:
   * @new, was @old") re-checks it even if its first check found no candidate.
   */
  private final Map<String, Watch> recentByHandle = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Watch> eldest) {
      return size() > MAX_WATCHED;
    }
  };
  /** Shoutouts by the handle they announce, kept for accounts not seen yet (bounded, newest kept). */
  private final Map<String, List<Shoutout>> announced = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<Shoutout>> eldest) {
      return size() > MAX_WATCHED;
    }
  };
  private final ShoutoutReader shoutoutReader = new ShoutoutReader(suspended);
  private final Map<AccountKey, Match> matches = new HashMap<>();
  private final Map<AccountKey, Suspension> suspensions = new HashMap<>();
  private final Function<AccountKey, Optional<Account>> accounts;
  private final BiFunction<AccountKey, Integer, List<AccountKey>> contacts;
  private final Optional<Path> log;
  private final PredecessorProbe probe;

  ReturningAccounts(Function<AccountKey, Optional<Account>> accounts, BiFunction<AccountKey, Integer, List<AccountKey>> contacts,
      Optional<Path> log) {
    this(accounts, contacts, log, PlatformAccounts.none());
  }

  /**
   * @param accounts the stored profile of an account (its last view before a suspension)
   * @param contacts the stored follows and mentions of an account, at most the given number
   * @param log where suspensions and links are appended; empty keeps them in memory only
   * @param platforms asked about the handles a new account's predecessor plausibly had
   */
  ReturningAccounts(Function<AccountKey, Optional<Account>> accounts, BiFunction<AccountKey, Integer, List<AccountKey>> contacts,
      Optional<Path> log, PlatformAccounts platforms) {
    this.accounts = accounts;
    this.contacts = contacts;
    this.log = log;
    this.probe = new PredecessorProbe(platforms, suspended);
  }

  /** Replays the log; returns how many lines were applied. */
  synchronized int restore() {
    if (log.isEmpty() || !Files.isRegularFile(log.get())) {
      return 0;
    }
    int applied = 0;
    List<String> lines;
    try {
      lines = Files.readAllLines(log.get(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + log.get() + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode n = JSON.readTree(line);
        Platform platform = new Platform(n.get("platform").asString());
        Optional<Tier> tier = n.path("tier").isString() ? Optional.of(Tier.parse(n.get("tier").asString())) : Optional.empty();
        Instant at = Instant.parse(n.get("at").asString());
        switch (n.get("event").asString()) {
          case "suspended" -> {
            AccountKey account = new AccountKey(platform, n.get("account").asString());
            suspendedLocked(account, at, tier, n.path("cause").asString("notice"),
                n.path("handle").isString() ? Optional.of(n.get("handle").asString()) : Optional.empty(), false);
          }
          case "linked" -> {
            AccountKey successor = new AccountKey(platform, n.get("successor").asString());
            AccountKey predecessor = new AccountKey(platform, n.get("predecessor").asString());
            Map<String, String> evidence = new LinkedHashMap<>();
            n.path("evidence").properties().forEach(e -> evidence.put(e.getKey(), e.getValue().asString()));
            double score = n.get("score").asDouble();
            Signal signal = new Signal(successor, Candidate.SIGNAL_KIND, score, Optional.empty(), n.get("reason").asString(), evidence);
            linkLocked(new Match(successor, predecessor, score, signal, tier, at), false);
          }
          default -> throw new IllegalArgumentException("unknown event " + n.get("event"));
        }
        applied++;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, log.get() + " line " + (i + 1) + " skipped: " + e.getMessage());
      }
    }
    return applied;
  }

  /** Marks an account known (not new), as after a restart for every stored account. */
  synchronized void known(AccountKey account) {
    seen.add(fingerprint(account));
  }

  /**
   * The unit learnt that the account was suspended or removed. Its last stored profile and contacts
   * enter the index; returns false when it was already there.
   */
  synchronized boolean suspended(AccountKey account, Instant at, Optional<Tier> tier, String cause) {
    return suspendedLocked(account, at, tier, cause, Optional.empty(), true);
  }

  /**
   * @param handle the handle a platform named it by, kept for an account Cordon never stored (so
   *     never saw post): without it such an account could not be found by its handle
   */
  private boolean suspendedLocked(AccountKey account, Instant at, Optional<Tier> tier, String cause, Optional<String> handle,
      boolean append) {
    if (suspended.contains(account)) {
      return false;
    }
    Account profile = accounts.apply(account).orElse(Account.minimal(account, handle.orElse(account.id())));
    suspended.add(AccountProfile.of(profile, Optional.empty()), contacts.apply(account, NEIGHBOURHOOD), at);
    suspensions.put(account, new Suspension(account, at, tier, cause));
    seen.add(fingerprint(account));
    if (append) {
      ObjectNode line = JSON.createObjectNode().put("event", "suspended").put("platform", account.platform().name())
          .put("account", account.id()).put("at", at.toString()).put("cause", cause);
      handle.ifPresent(h -> line.put("handle", h));
      tier.ifPresent(t -> line.put("tier", t.name()));
      append(line);
    }
    return true;
  }

  /**
   * An account was observed. The first sight of an account is checked; a watched account whose
   * profile changed is checked again. Returns a match made now.
   */
  synchronized Optional<Match> observed(Account account, Instant now) {
    Watch watch = watching.get(account.key());
    if (watch != null) {
      AccountProfile profile = AccountProfile.of(account, Optional.empty());
      if (!profile.equals(watch.profile())) {
        probeLocked(profile);
        return check(new Watch(profile, watch.firstSeen(), watch.contacts()), now);
      }
      return Optional.empty();
    }
    if (!seen.add(fingerprint(account.key()))) {
      return Optional.empty();
    }
    AccountProfile profile = AccountProfile.of(account, Optional.empty());
    probeLocked(profile);
    Watch first = new Watch(profile, now, Set.of());
    recentByHandle.put(profile.key().platform().handleKey(profile.handle()), first);
    if (suspended.size() == 0) {
      return Optional.empty();
    }
    return check(first, now);
  }

  /**
   * A post that announces an account under a suspended account's handle ("back again: @new (was
   * @old)"): the announced account is checked again with the shoutout as evidence, or, if not seen
   * yet, when it appears.
   */
  synchronized Optional<Match> observed(Post post, Instant now) {
    if (suspended.size() == 0) {
      return Optional.empty();
    }
    Optional<Match> made = Optional.empty();
    for (ShoutoutReader.Announcement announcement : shoutoutReader.read(post)) {
      String handle = post.platform().handleKey(announcement.announcedHandle());
      List<Shoutout> list = announced.computeIfAbsent(handle, h -> new ArrayList<>());
      if (list.size() >= MAX_SHOUTOUTS) {
        continue;
      }
      list.add(announcement.shoutout());
      Watch recent = recentByHandle.get(handle);
      if (recent != null && !matches.containsKey(recent.profile().key())) {
        Watch watched = watching.getOrDefault(recent.profile().key(), recent);
        Optional<Match> match = check(watched, now);
        if (match.isPresent()) {
          made = match;
        }
      }
    }
    return made;
  }

  private List<Shoutout> shoutoutsAbout(AccountProfile profile) {
    return announced.getOrDefault(profile.key().platform().handleKey(profile.handle()), List.of());
  }


  /**
   * Asks the platform about the handles the new account's predecessor plausibly had; a gone account
   * Cordon never stored enters the index with its handle and whatever contacts the store holds.
   */
  private void probeLocked(AccountProfile profile) {
    for (PlatformAccounts.GoneAccount gone : probe.probe(profile)) {
      suspendedLocked(gone.key(), gone.since(), Optional.empty(), "found by a handle lookup", Optional.of(gone.handle()), true);
    }
  }

  /** Handles asked about at the platforms so far. */
  synchronized long handleLookups() {
    return probe.lookups();
  }

  /** A watched account followed or mentioned someone: its neighbourhood may now tell who it is. */
  synchronized Optional<Match> observed(Interaction interaction, Instant now) {
    Watch watch = watching.get(interaction.from());
    if (watch == null || watch.contacts().size() >= Activity.MAX_COMPARED) {
      return Optional.empty();
    }
    Optional<AccountKey> to = switch (interaction) {
      case Interaction.Follow f -> Optional.of(f.to());
      case Interaction.Mention m -> m.to();
      case Interaction.Reply r -> r.to();
      case Interaction.Share s -> s.originalAuthor();
    };
    if (to.isEmpty() || watch.contacts().contains(to.get())) {
      return Optional.empty();
    }
    Set<AccountKey> grown = new LinkedHashSet<>(watch.contacts());
    grown.add(to.get());
    return check(new Watch(watch.profile(), watch.firstSeen(), grown), now);
  }

  private Optional<Match> check(Watch watch, Instant now) {
    AccountKey key = watch.profile().key();
    if (Duration.between(watch.firstSeen(), now).toHours() >= WATCH_HOURS) {
      watching.remove(key);
      matcher.forget(key);
      return Optional.empty();
    }
    Check check = matcher.check(watch.profile(), new Activity(watch.firstSeen(), watch.contacts(), shoutoutsAbout(watch.profile())));
    Optional<Candidate> best = check.match();
    if (best.isEmpty()) {
      if (check.candidates().isEmpty()) {
        watching.remove(key);
        matcher.forget(key);
      } else {
        watching.put(key, watch);
      }
      return Optional.empty();
    }
    watching.remove(key);
    recentByHandle.remove(key.platform().handleKey(watch.profile().handle()));
    matcher.forget(key);
    Candidate c = best.get();
    Optional<Tier> tier = Optional.ofNullable(suspensions.get(c.predecessor())).flatMap(Suspension::tier);
    Match match = new Match(key, c.predecessor(), c.score(), c.toSignal(key), tier, now);
    try {
      linkLocked(match, true);
    } catch (IllegalStateException e) {
      LOG.log(Level.WARNING, "not linking " + key + " to " + c.predecessor() + ": " + e.getMessage());
      return Optional.empty();
    }
    return Optional.of(match);
  }

  private void linkLocked(Match match, boolean append) {
    book.link(match.predecessor(), match.successor(), match.score(), match.at());
    matches.put(match.successor(), match);
    seen.add(fingerprint(match.successor()));
    if (append) {
      ObjectNode line = JSON.createObjectNode().put("event", "linked").put("platform", match.successor().platform().name())
          .put("predecessor", match.predecessor().id()).put("successor", match.successor().id()).put("score", match.score())
          .put("at", match.at().toString()).put("reason", match.signal().reason());
      match.tier().ifPresent(t -> line.put("tier", t.name()));
      ObjectNode evidence = line.putObject("evidence");
      match.signal().evidence().forEach(evidence::put);
      append(line);
    }
  }

  synchronized Optional<Match> match(AccountKey successor) {
    return Optional.ofNullable(matches.get(successor));
  }

  synchronized boolean isReturning(AccountKey account) {
    return matches.containsKey(account);
  }

  synchronized Optional<Suspension> suspension(AccountKey account) {
    return Optional.ofNullable(suspensions.get(account));
  }

  synchronized List<Suspension> suspensions() {
    return List.copyOf(suspensions.values());
  }

  synchronized Lineage lineage(AccountKey account) {
    return book.lineageOf(account);
  }

  synchronized int watched() {
    return watching.size();
  }

  private void append(ObjectNode line) {
    if (log.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(log.get().getParent());
      try (BufferedWriter out = Files.newBufferedWriter(log.get(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
      }
    } catch (IOException | JacksonException e) {
      throw new IllegalStateException("cannot append to " + log.get() + ": " + e.getMessage(), e);
    }
  }

  /** 64 bits of the key: a set of every account seen costs 8 bytes an account, not an object. */
  static long fingerprint(AccountKey account) {
    long h = 0xcbf29ce484222325L;
    for (String part : new String[] {account.platform().name(), "\u0000", account.id()}) {
      for (int i = 0; i < part.length(); i++) {
        h ^= part.charAt(i);
        h *= 0x100000001b3L;
      }
    }
    return h ^ (h >>> 29);
  }
}
