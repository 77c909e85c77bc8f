package org.cordon.lineage.evaluation;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.detect.media.pdq.PdqHash;
import org.cordon.detect.media.pdq.PdqHasher;
import org.cordon.detect.media.pdq.PdqResult;
import org.cordon.lineage.AccountProfile;
import org.cordon.lineage.Activity;
import org.cordon.lineage.Check;
import org.cordon.lineage.LineageBook;
import org.cordon.lineage.PlatformAccounts;
import org.cordon.lineage.PredecessorProbe;
import org.cordon.lineage.ReturningAccountMatcher;
import org.cordon.lineage.Shoutout;
import org.cordon.lineage.ShoutoutReader;
import org.cordon.lineage.SuspendedAccounts;
import tools.jackson.databind.JsonNode;

/**
 * Measures returning-account matching on a range world by replaying what Cordon would observe, in
 * time order: profiles as the connectors deliver them with posts, follows (the world's cordon-jsonl
 * follow graph), mentions, replies and shares, shoutouts in posts, and suspensions.
 *
 * <p>Suspensions come from {@code truth/accounts.jsonl} ({@code suspended_at}): in production they
 * are what removal verification observes (the platform answers that the account is gone), which
 * the range does not replay as files. Nothing else is read from the truth until scoring.
 *
 * <p>Every account seen for the first time is checked, then re-checked whenever its follows,
 * mentions or shoutouts grow (all changes at one instant in one re-check), for
 * {@value #WATCH_HOURS} hours or until matched. Avatars are hashed from the world's files when
 * {@code --media full} wrote them; otherwise the avatar feature is absent (URLs are never compared).
 *
 * <p>Scored against {@code truth/lineage.jsonl}: a match is correct when it names the true
 * predecessor; recall counts the returns whose new account was observed (it posted).
 */
public final class ReturningAccountEvaluation {
  static final int WATCH_HOURS = 48;
  private static final boolean DEBUG = Boolean.getBoolean("lineage.debug");
  /** The first interactions of a new account are what its re-checks compare. */
  static final int FIRST_INTERACTIONS = 64;
  private static final int MAX_NEIGHBOURHOOD = 2_048;
  private static final int MAX_CHATS = 64;
  private static final int MAX_HASHTAGS = 32;
  private static final java.util.regex.Pattern HANDLE_TOKEN = java.util.regex.Pattern.compile("([\\p{L}\\p{N}_.]{3,40})");
  /** Telegram peer ids as the export connector keys them: "user123", "channel456", "chat789". */
  private static final java.util.regex.Pattern TELEGRAM_PEER = java.util.regex.Pattern.compile("[a-z]+([0-9]+)");

  private ReturningAccountEvaluation() {}

  public static Figures run(Path world) {
    try {
      return new Replay(world).run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the world at " + world + ": " + e.getMessage(), e);
    }
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ReturningAccountEvaluation WORLD_DIR");
      System.exit(2);
    }
    long start = System.nanoTime();
    Figures figures = run(Path.of(args[0]));
    System.out.print(figures.describe());
    System.out.printf(Locale.ROOT, "replayed in %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  private record MatchMade(AccountKey predecessor, long atMillis, double score) {}

  private static final class Replay {
    private final Path world;
    private final SuspendedAccounts suspended = new SuspendedAccounts();
    private final LineageBook book = new LineageBook();
    private final Object2IntOpenHashMap<AccountKey> followers = new Object2IntOpenHashMap<>();
    private final ReturningAccountMatcher matcher;
    private final ShoutoutReader shoutouts;
    private final Map<AccountKey, Account> profiles = new HashMap<>();
    private final Map<AccountKey, Long> firstSeen = new HashMap<>();
    private final Map<AccountKey, Long> firstPost = new HashMap<>();
    private final Map<AccountKey, LinkedHashSet<AccountKey>> interactions = new HashMap<>();
    private final Map<String, AccountKey> byHandle = new HashMap<>();
    /** Messenger chats by the number their posts are keyed with, and the chats each account wrote in. */
    private final Map<String, AccountKey> chatByNumber = new HashMap<>();
    private final Map<AccountKey, LinkedHashSet<AccountKey>> chats = new HashMap<>();
    private final Map<AccountKey, LinkedHashSet<String>> hashtags = new HashMap<>();
    /** Suspended accounts Cordon never saw: the platform says they are gone only when asked by name. */
    private final Map<AccountKey, Long> unseenSuspensions = new HashMap<>();
    /** Where a platform's account ids are profile URLs, their common prefixes ("https://host/accounts/"). */
    private final Map<Platform, Set<String>> profileUrlPrefixes = new HashMap<>();
    private final Map<String, List<Shoutout>> announced = new HashMap<>();
    private final Map<AccountKey, Long> watched = new LinkedHashMap<>();
    private final Set<AccountKey> dirty = new LinkedHashSet<>();
    private final Map<AccountKey, MatchMade> matches = new LinkedHashMap<>();
    private final Map<String, Optional<PdqHash>> avatarHashes = new HashMap<>();
    private final PdqHasher hasher = new PdqHasher();
    private final String mediaPrefix;
    private final Map<AccountKey, Check> lastCheck = new HashMap<>();
    private final Set<AccountKey> indexed = new java.util.HashSet<>();
    private final Map<AccountKey, AccountKey> debugTruth = new HashMap<>();
    private final Map<String, Double> nearMisses = new HashMap<>();
    private int suspensions;
    private int neverSeen;
    private int learnedByLookup;
    private int learnedFromMentions;
    private int learnedByProbe;
    private final RangePlatformAccounts platformAccounts;
    private final PredecessorProbe probe;
    private final Map<AccountKey, String> mentionedHandles = new HashMap<>();
    private long checks;
    private long checkNanos;

    Replay(Path world) throws IOException {
      this.world = world;
      this.matcher = new ReturningAccountMatcher(suspended, book, followers::getInt, ReturningAccountMatcher.Settings.DEFAULT);
      this.shoutouts = new ShoutoutReader(suspended);
      this.platformAccounts = RangePlatformAccounts.read(world);
      this.probe = new PredecessorProbe(platformAccounts, suspended);
      JsonNode manifest = WorldEvents.JSON.readTree(world.resolve("manifest.json").toFile());
      JsonNode prefix = manifest.get("media_url_prefix");
      this.mediaPrefix = prefix == null || prefix.isNull() ? "" : prefix.asString();
    }

    Figures run() throws IOException {
      if (DEBUG) {
        debugTruth.putAll(truth());
      }
      long clock = Long.MIN_VALUE;
      for (WorldEvents.Event event : WorldEvents.read(world)) {
        if (event.at() > clock) {
          flush(clock);
          clock = event.at();
          platformAccounts.now(clock);
        }
        switch (event) {
          case WorldEvents.Seen seen -> seen(seen);
          case WorldEvents.Suspension suspension -> suspend(suspension);
        }
      }
      flush(clock);
      return score();
    }

    private void seen(WorldEvents.Seen seen) {
      switch (seen.item()) {
        case Account account -> {
          AccountKey key = account.key();
          profiles.put(key, account);
          int lastSlash = key.id().lastIndexOf('/');
          if (key.id().startsWith("https://") && lastSlash > "https://".length()) {
            profileUrlPrefixes.computeIfAbsent(key.platform(), p -> new java.util.HashSet<>()).add(key.id().substring(0, lastSlash + 1));
          }
          java.util.regex.Matcher peer = TELEGRAM_PEER.matcher(key.id());
          if (key.platform().equals(Platform.TELEGRAM) && peer.matches()) {
            chatByNumber.putIfAbsent(peer.group(1), key);
          }
          byHandle.put(account.platform().handleKey(account.handle()), key);
          if (firstSeen.putIfAbsent(key, seen.at()) == null && !suspended.contains(key)) {
            watched.put(key, seen.at());
          }
          if (watched.containsKey(key)) {
            probeHandles(account); // once per handle: a profile first known only by its id is probed when its handle shows
          }
          touch(key);
        }
        case Post post -> {
          if (!profiles.containsKey(post.author())) {
            // Some formats name the author only by id (an ActivityPub actor IRI): its last path
            // segment is the username, as a fetch of the actor would confirm.
            seen(new WorldEvents.Seen(seen.at(), Account.minimal(post.author(), handleFromId(post.author().id()))));
          }
          firstPost.merge(post.author(), post.postedAt().toEpochMilli(), Math::min);
          wroteIn(post);
          wroteHashtags(post);
          lookUpNamedAccounts(post);
          for (ShoutoutReader.Announcement announcement : shoutouts.read(post)) {
            String handle = post.platform().handleKey(announcement.announcedHandle());
            announced.computeIfAbsent(handle, h -> new ArrayList<>()).add(announcement.shoutout());
            AccountKey target = byHandle.get(handle);
            if (target != null) {
              touch(target);
            }
          }
        }
        case Interaction.Follow follow -> {
          interacted(follow.from(), Optional.of(follow.to()));
          followers.addTo(follow.to(), 1);
        }
        case Interaction.Mention mention -> {
          // A mention that names both the id and the handle (X's entities do) tells Cordon an
          // account's handle even if that account never posts where Cordon reads.
          mention.to().filter(to -> !profiles.containsKey(to) && !mention.toHandle().isBlank())
              .ifPresent(to -> mentionedHandles.putIfAbsent(to, Platform.bareHandle(mention.toHandle())));
          interacted(mention.from(),
              mention.to().or(() -> Optional.ofNullable(byHandle.get(mention.platform().handleKey(mention.toHandle())))));
        }
        case Interaction.Reply reply -> interacted(reply.from(), reply.to());
        case Interaction.Share share -> interacted(share.from(), share.originalAuthor());
        case org.cordon.core.model.Media media -> { }
      }
    }

    private void interacted(AccountKey from, Optional<AccountKey> to) {
      if (to.isEmpty() || to.get().equals(from)) {
        return;
      }
      LinkedHashSet<AccountKey> set = interactions.computeIfAbsent(from, k -> new LinkedHashSet<>());
      if (set.size() < MAX_NEIGHBOURHOOD && set.add(to.get())) {
        touch(from);
      }
    }

    /**
     * A Telegram post is keyed "chat/message" (the export's chat id): writing in a group (or a
     * conversation) other than one's own channel is a messenger's neighbourhood.
     */
    private void wroteIn(Post post) {
      if (!post.platform().equals(Platform.TELEGRAM)) {
        return;
      }
      String id = post.key().id();
      int slash = id.indexOf('/');
      AccountKey chat = slash < 0 ? null : chatByNumber.get(id.substring(0, slash));
      if (chat == null || chat.equals(post.author())) {
        return;
      }
      LinkedHashSet<AccountKey> set = chats.computeIfAbsent(post.author(), k -> new LinkedHashSet<>());
      if (set.size() < MAX_CHATS && set.add(chat)) {
        followers.addTo(chat, 1); // writers seen in the chat: how crowded it is
        touch(post.author());
      }
    }

    /** The first hashtags an account writes: what its first posts are about. */
    private void wroteHashtags(Post post) {
      if (post.hashtags().isEmpty() || post.reference(org.cordon.core.model.PostReference.Kind.REPOST_OF).isPresent()) {
        return;
      }
      LinkedHashSet<String> set = hashtags.computeIfAbsent(post.author(), k -> new LinkedHashSet<>());
      boolean grew = false;
      for (String tag : post.hashtags()) {
        if (set.size() < MAX_HASHTAGS && set.add(tag.toLowerCase(Locale.ROOT))) {
          grew = true;
        }
      }
      if (grew) {
        touch(post.author());
      }
    }

    /**
     * A post that links a profile and names other handles ("back: https://host/accounts/new (old)")
     * makes an analyst look the named accounts up. Where a platform's account ids are profile URLs,
     * a named handle is an account id; if the platform says that account is gone, Cordon learns of a
     * suspension it never saw (only its handle: it never posted where Cordon reads).
     */
    private void lookUpNamedAccounts(Post post) {
      Set<String> prefixes = profileUrlPrefixes.getOrDefault(post.platform(), Set.of());
      if (unseenSuspensions.isEmpty() || prefixes.isEmpty()) {
        return;
      }
      Set<String> linkedPrefixes = new java.util.HashSet<>();
      for (String link : post.links()) {
        int slash = link.lastIndexOf('/');
        if (slash > 0 && prefixes.contains(link.substring(0, slash + 1))) {
          linkedPrefixes.add(link.substring(0, slash + 1));
        }
      }
      if (linkedPrefixes.isEmpty()) {
        return;
      }
      java.util.regex.Matcher token = HANDLE_TOKEN.matcher(post.text().length() > 4_000 ? post.text().substring(0, 4_000) : post.text());
      for (int read = 0; token.find() && read < 64; read++) {
        for (String prefix : linkedPrefixes) {
          AccountKey named = AccountKey.of(post.platform(), prefix + token.group(1));
          Long suspendedAt = unseenSuspensions.remove(named);
          if (suspendedAt != null) {
            indexed.add(named);
            learnedByLookup++;
            suspended.add(AccountProfile.of(Account.minimal(named, token.group(1)), Optional.empty()), List.of(), List.of(),
                Instant.ofEpochMilli(suspendedAt));
          }
        }
      }
    }

    /**
     * A new account's handle names the handles its predecessor plausibly had: the platform is asked
     * about them, and a gone account Cordon never saw post is indexed with its handle and the follows
     * Cordon saw it make.
     */
    private void probeHandles(Account account) {
      for (PlatformAccounts.GoneAccount gone : probe.probe(AccountProfile.of(account, Optional.empty()))) {
        unseenSuspensions.remove(gone.key());
        indexed.add(gone.key());
        learnedByProbe++;
        LinkedHashSet<AccountKey> neighbourhood = new LinkedHashSet<>(chats.getOrDefault(gone.key(), new LinkedHashSet<>()));
        neighbourhood.addAll(interactions.getOrDefault(gone.key(), new LinkedHashSet<>()));
        suspended.add(AccountProfile.of(Account.minimal(gone.key(), gone.handle()), Optional.empty()), neighbourhood,
            hashtags.getOrDefault(gone.key(), new LinkedHashSet<>()), gone.since());
      }
    }

    private void touch(AccountKey key) {
      if (watched.containsKey(key)) {
        dirty.add(key);
      }
    }

    private void suspend(WorldEvents.Suspension suspension) {
      suspensions++;
      AccountKey key = suspension.account();
      watched.remove(key);
      dirty.remove(key);
      matcher.forget(key);
      Account profile = profiles.get(key);
      if (profile == null) {
        neverSeen++;
        String mentioned = mentionedHandles.get(key);
        if (mentioned == null) {
          unseenSuspensions.put(key, suspension.at());
          return;
        }
        // Known by its id, its handle (from mentions) and its follows, though it never posted.
        learnedFromMentions++;
        profile = Account.minimal(key, mentioned);
      }
      indexed.add(key);
      LinkedHashSet<AccountKey> neighbourhood = new LinkedHashSet<>(chats.getOrDefault(key, new LinkedHashSet<>()));
      neighbourhood.addAll(interactions.getOrDefault(key, new LinkedHashSet<>()));
      suspended.add(AccountProfile.of(profile, avatar(profile)), neighbourhood, hashtags.getOrDefault(key, new LinkedHashSet<>()),
          Instant.ofEpochMilli(suspension.at()));
    }

    private void flush(long clock) {
      if (dirty.isEmpty()) {
        return;
      }
      for (AccountKey key : dirty) {
        Long seenAt = watched.get(key);
        if (seenAt == null) {
          continue;
        }
        if (clock - seenAt > WATCH_HOURS * 3_600_000L) {
          watched.remove(key);
          matcher.forget(key);
          continue;
        }
        Account account = profiles.get(key);
        List<AccountKey> first = interactions.getOrDefault(key, new LinkedHashSet<>()).stream()
            .limit(FIRST_INTERACTIONS).toList();
        List<Shoutout> about = announced.getOrDefault(key.platform().handleKey(account.handle()), List.of());
        Activity activity = new Activity(Instant.ofEpochMilli(seenAt), Set.copyOf(first), about,
            chats.getOrDefault(key, new LinkedHashSet<>()), hashtags.getOrDefault(key, new LinkedHashSet<>()));
        long start = System.nanoTime();
        Check check = matcher.check(AccountProfile.of(account, avatar(account)), activity);
        checkNanos += System.nanoTime() - start;
        checks++;
        if (DEBUG) {
          lastCheck.put(key, check);
          for (var candidate : check.candidates()) {
            if (candidate.score() > 0.3 && !candidate.predecessor().equals(debugTruth.get(key))) {
              nearMisses.merge(key + " <- " + candidate.predecessor() + " @" + account.handle() + " <- @"
                  + candidate.predecessorHandle() + " " + candidate.evidence().stream()
                  .map(ev -> String.format(Locale.ROOT, "%+.1f %s", ev.weight(), ev.explain())).toList(), candidate.score(), Math::max);
            }
          }
        }
        check.match().ifPresent(match -> {
          book.link(match.predecessor(), key, match.score(), Instant.ofEpochMilli(clock));
          matches.put(key, new MatchMade(match.predecessor(), clock, match.score()));
          matcher.forget(key);
        });
      }
      matches.keySet().forEach(watched::remove);
      dirty.clear();
    }

    private Optional<PdqHash> avatar(Account account) {
      Optional<String> url = account.avatarUrl().filter(u -> !mediaPrefix.isEmpty() && u.startsWith(mediaPrefix));
      if (url.isEmpty()) {
        return Optional.empty();
      }
      return avatarHashes.computeIfAbsent(url.get(), u -> {
        Path file = world.resolve(u.substring(mediaPrefix.length())).normalize();
        if (!file.startsWith(world) || !Files.isRegularFile(file)) {
          return Optional.empty(); // not fetched: --media none or thumbs
        }
        try {
          BufferedImage image = ImageIO.read(file.toFile());
          if (image == null) {
            return Optional.empty();
          }
          PdqResult result = hasher.hash(image);
          return result.isUseful() ? Optional.of(result.hash()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
          return Optional.empty();
        }
      });
    }


    private static String handleFromId(String id) {
      if (!id.contains("://")) {
        return id;
      }
      String trimmed = id.replaceAll("/+$", "");
      String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
      return Platform.bareHandle(last);
    }


    /** Prints every miss and wrong match with the best candidate's evidence, for tuning. */
    private void debug(Map<AccountKey, AccountKey> truth) {
      for (Map.Entry<AccountKey, AccountKey> e : truth.entrySet()) {
        MatchMade made = matches.get(e.getKey());
        if (made != null && made.predecessor().equals(e.getValue()) || !firstSeen.containsKey(e.getKey())) {
          continue;
        }
        Account account = profiles.get(e.getKey());
        Account predecessor = profiles.get(e.getValue());
        System.out.printf("MISS %s @%s '%s' pred %s @%s '%s' suspended %s%n", e.getKey(), account.handle(),
            account.displayName().orElse(""), e.getValue(), predecessor == null ? "?" : predecessor.handle(),
            predecessor == null ? "" : predecessor.displayName().orElse(""), suspended.suspendedAt(e.getValue()));
        Check check = lastCheck.get(e.getKey());
        if (check != null) {
          check.candidates().stream().limit(3).forEach(c -> System.out.printf("   cand %s @%s %.3f %s%n", c.predecessor(),
              c.predecessorHandle(), c.score(), c.evidence().stream().map(ev -> String.format(Locale.ROOT, "%+.1f %s",
                  ev.weight(), ev.explain())).toList()));
        }
      }
      matches.forEach((key, made) -> {
        if (!made.predecessor().equals(truth.get(key))) {
          Check check = lastCheck.get(key);
          System.out.printf("WRONG %s @%s -> %s (true %s)%n", key, profiles.get(key).handle(), made.predecessor(), truth.get(key));
          check.candidates().stream().limit(2).forEach(c -> System.out.printf("   cand %s @%s %.3f %s%n", c.predecessor(),
              c.predecessorHandle(), c.score(), c.evidence().stream().map(ev -> String.format(Locale.ROOT, "%+.1f %s",
                  ev.weight(), ev.explain())).toList()));
        }
      });
    }

    private static AccountKey rootOf(Map<AccountKey, AccountKey> truth, AccountKey account) {
      AccountKey current = account;
      for (int steps = 0; truth.containsKey(current) && steps < 1_000; steps++) {
        current = truth.get(current);
      }
      return current;
    }

    private Map<AccountKey, AccountKey> truth() throws IOException {
      Map<AccountKey, AccountKey> truth = new HashMap<>();
      try (var lines = Files.lines(world.resolve("truth/lineage.jsonl"))) {
        for (String line : (Iterable<String>) lines::iterator) {
          JsonNode record = WorldEvents.JSON.readTree(line);
          Platform platform = new Platform(record.get("platform").asString());
          truth.put(AccountKey.of(platform, record.get("account_id").asString()),
              AccountKey.of(platform, record.get("predecessor_account_id").asString()));
        }
      }
      return truth;
    }

    private Figures score() throws IOException {
      Map<AccountKey, AccountKey> truth = truth();
      Map<String, Tally> tallies = new TreeMap<>();
      Tally overall = new Tally();
      for (Map.Entry<AccountKey, AccountKey> e : truth.entrySet()) {
        Tally tally = tallies.computeIfAbsent(e.getKey().platform().name(), p -> new Tally());
        boolean observed = firstSeen.containsKey(e.getKey());
        boolean predecessorIndexed = indexed.contains(e.getValue());
        MatchMade made = matches.get(e.getKey());
        boolean correct = made != null && made.predecessor().equals(e.getValue());
        for (Tally t : List.of(tally, overall)) {
          if (observed) {
            t.returns++;
            if (predecessorIndexed) {
              t.knownPredecessor++;
              t.correctKnownPredecessor += correct ? 1 : 0;
            }
          } else {
            t.unobserved++;
          }
        }
      }
      for (Map.Entry<AccountKey, MatchMade> e : matches.entrySet()) {
        Tally tally = tallies.computeIfAbsent(e.getKey().platform().name(), p -> new Tally());
        AccountKey expected = truth.get(e.getKey());
        long first = firstPost.getOrDefault(e.getKey(), firstSeen.get(e.getKey()));
        for (Tally t : List.of(tally, overall)) {
          t.matched++;
          if (expected == null) {
            t.notReturning++;
          } else if (expected.equals(e.getValue().predecessor())) {
            t.correct++;
            t.delays.add(Math.max(0, e.getValue().atMillis() - first) / 60_000.0);
          } else {
            t.wrong++;
            t.samePerson += rootOf(truth, expected).equals(rootOf(truth, e.getValue().predecessor())) ? 1 : 0;
          }
        }
      }
      if (DEBUG) {
        debug(truth);
        nearMisses.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(15)
            .forEach(e -> System.out.printf(Locale.ROOT, "NEAR %.3f %s%n", e.getValue(), e.getKey()));
      }
      List<Figures.PlatformFigures> rows = new ArrayList<>();
      tallies.forEach((platform, tally) -> rows.add(tally.figures(platform)));
      return new Figures(rows, overall.figures("all"), suspensions, neverSeen, learnedFromMentions, learnedByLookup, learnedByProbe,
          probe.lookups(), checks,
          checks == 0 ? 0 : checkNanos / 1e3 / checks);
    }
  }

  private static final class Tally {
    int returns;
    int unobserved;
    int matched;
    int correct;
    int wrong;
    int notReturning;
    int knownPredecessor;
    int correctKnownPredecessor;
    int samePerson;
    final List<Double> delays = new ArrayList<>();

    Figures.PlatformFigures figures(String platform) {
      List<Double> sorted = delays.stream().sorted().toList();
      return new Figures.PlatformFigures(platform, returns, unobserved, matched, correct, wrong, samePerson,
          notReturning, matched == 0 ? Double.NaN : (double) correct / matched, returns == 0 ? Double.NaN : (double) correct / returns,
          matched == 0 ? Double.NaN : (double) (correct + samePerson) / matched,
          returns == 0 ? Double.NaN : (double) (correct + samePerson) / returns,
          knownPredecessor, knownPredecessor == 0 ? Double.NaN : (double) correctKnownPredecessor / knownPredecessor,
          quantile(sorted, 0.5), quantile(sorted, 0.9));
    }

    private static double quantile(List<Double> sorted, double q) {
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(q * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
  }
}
