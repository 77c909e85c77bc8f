package org.cordon.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Suspensions caused by Cordon feed back into the world: the person behind a suspended account
 * of the organisation often comes back, minutes to days later in simulated time, with a new
 * account on the same platform. The successor is drawn from the seed and the predecessor's id
 * only (same seed, same suspensions: same successors): a handle variant ({@link HandleVariants}),
 * the same display name (now and then with a small addition), the bio with a small edit, the same
 * avatar. Its first post comes within minutes; a supporter may announce it ("our brother is back:
 * @handle"); it re-follows its predecessor's followees over the next hours. Those records go to
 * Cordon's ingest endpoint in the world's formats ({@code x-v1} tweets or Mastodon statuses as
 * JSON lines, {@code cordon-jsonl} follows) when they fall due, and each return is kept as ground
 * truth. Platforms {@code x} and {@code mastodon} (see {@link ReturnSite}); suspensions on the
 * others bring no one back.
 *
 * <p>A background task looks at the ledger's suspensions a few dozen times a real second, plans a
 * return for each new one, and releases what is due by the simulated clock.
 */
final class LiveReturns implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LiveReturns.class.getName());
  private static final Set<String> RETURNING_ROLES = Set.of("official_outlet", "distributor", "hyperactive_supporter", "supporter", "recruiter", "bot");
  private static final Set<String> ANNOUNCING_ROLES = Set.of("distributor", "hyperactive_supporter");
  private static final double RETURN_DELAY_SIGMA = 1.0;
  private static final Duration LONGEST_RETURN_DELAY = Duration.ofDays(7);
  private static final double SHOUTOUT_PROBABILITY = 0.7;
  private static final double AUDIENCE_KEPT = 0.35;

  /** One return, as ground truth. */
  record Return(String platform, String predecessorAccountId, String predecessorHandle, String successorAccountId,
      String successorHandle, String handleChange, String personId, Instant suspendedAt, Instant createdAt,
      Instant firstPostAt, String firstPostId, Optional<String> shoutoutPostId, int follows) {}

  /** A suspension that brings no one back, and why. */
  record NoReturn(String platform, String accountId, Instant suspendedAt, String reason) {}

  /** A record due for Cordon at a simulated instant; {@code order} keeps same-instant records in plan order. */
  private record Push(Instant at, long order, String format, String platform, String line) {}

  private final SimulatorConfig.Returns settings;
  private final long seed;
  private final World world;
  private final Ledger ledger;
  private final SimulatedClock clock;
  private final Optional<CordonFeed> feed;
  private final JsonMapper json;
  private final Map<String, List<World.Profile>> announcers = new HashMap<>();
  private final Set<World.AccountRef> considered = new HashSet<>();
  private final PriorityQueue<Return> planned = new PriorityQueue<>(Comparator.comparing(Return::firstPostAt).thenComparing(Return::successorAccountId));
  private final PriorityQueue<Push> pushes = new PriorityQueue<>(Comparator.comparing(Push::at).thenComparingLong(Push::order));
  private final List<Return> released = new ArrayList<>();
  private final List<NoReturn> noReturns = new ArrayList<>();
  private final Map<World.AccountRef, World.AccountRef> liveSuccessorOf = new HashMap<>();
  private final Map<String, Optional<ObjectNode>> accountObjects = new HashMap<>();
  private long pushOrder;
  private long pushesSent;
  private long pushesFailed;
  private final ScheduledExecutorService scheduler;

  LiveReturns(SimulatorConfig.Returns settings, long seed, World world, Ledger ledger, SimulatedClock clock, JsonMapper json) {
    this.settings = settings;
    this.seed = seed;
    this.world = world;
    this.ledger = ledger;
    this.clock = clock;
    this.json = json;
    this.feed = settings.cordon().map(t -> new CordonFeed(t.base(), CordonFeed.basicAuthorization(t.user(), t.password())));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "live-returns");
      t.setDaemon(true);
      return t;
    });
  }

  void start() {
    scheduler.scheduleWithFixedDelay(this::tickSafely, 0, 20, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private void tickSafely() {
    try {
      tick(clock.now());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "live returns failed; going on", e);
    }
  }

  /** Plans returns for new suspensions, releases those due at {@code now} and pushes due records. */
  void tick(Instant now) throws InterruptedException {
    List<Return> due = new ArrayList<>();
    List<Push> duePushes = new ArrayList<>();
    synchronized (this) {
      for (Ledger.Suspension suspension : ledger.suspensions(now)) {
        World.AccountRef ref = new World.AccountRef(suspension.platform(), suspension.accountId());
        if (considered.add(ref)) {
          plan(suspension);
        }
      }
      while (!planned.isEmpty() && !planned.peek().firstPostAt().isAfter(now)) {
        Return r = planned.poll();
        released.add(r);
        due.add(r);
      }
      while (!pushes.isEmpty() && !pushes.peek().at().isAfter(now)) {
        duePushes.add(pushes.poll());
      }
    }
    due.forEach(this::recordTruth);
    if (feed.isPresent() && !duePushes.isEmpty()) {
      send(feed.get(), duePushes);
    }
  }

  /** Due records go in one POST per run of the same format, in time order. */
  private void send(CordonFeed cordon, List<Push> due) throws InterruptedException {
    int from = 0;
    while (from < due.size()) {
      String format = due.get(from).format();
      String platform = due.get(from).platform();
      int to = from;
      StringBuilder body = new StringBuilder();
      while (to < due.size() && due.get(to).format().equals(format) && due.get(to).platform().equals(platform)) {
        body.append(due.get(to).line()).append('\n');
        to++;
      }
      String problem = cordon.post(format, Optional.of(platform), body.toString().getBytes(StandardCharsets.UTF_8));
      synchronized (this) {
        if (problem.isEmpty()) {
          pushesSent++;
        } else {
          pushesFailed++;
        }
      }
      if (!problem.isEmpty()) {
        LOG.log(System.Logger.Level.WARNING, "live return records not taken (" + format + "): " + problem);
      }
      from = to;
    }
  }

  private void recordTruth(Return r) {
    Optional<Path> file = settings.liveTruthFile();
    if (file.isEmpty()) {
      return;
    }
    try {
      Path parent = file.get().toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(file.get(), (json.writeValueAsString(truthOf(r)) + "\n").getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot append live return to " + file.get() + ": " + e.getMessage());
    }
  }

  ObjectNode truthOf(Return r) {
    ObjectNode node = json.createObjectNode();
    node.put("platform", r.platform());
    node.put("predecessor_account_id", r.predecessorAccountId());
    node.put("predecessor_handle", r.predecessorHandle());
    node.put("successor_account_id", r.successorAccountId());
    node.put("successor_handle", r.successorHandle());
    node.put("handle_change", r.handleChange());
    node.put("person_id", r.personId());
    node.put("suspended_at", r.suspendedAt().toString());
    node.put("created_at", r.createdAt().toString());
    node.put("first_post_at", r.firstPostAt().toString());
    node.put("first_post_id", r.firstPostId());
    if (r.shoutoutPostId().isPresent()) {
      node.put("shoutout_post_id", r.shoutoutPostId().get());
    } else {
      node.putNull("shoutout_post_id");
    }
    node.put("follows", r.follows());
    return node;
  }

  synchronized List<Return> returns() {
    return List.copyOf(released);
  }

  synchronized List<NoReturn> noReturns() {
    return List.copyOf(noReturns);
  }

  synchronized int pending() {
    return planned.size();
  }

  synchronized long pushesSent() {
    return pushesSent;
  }

  synchronized long pushesFailed() {
    return pushesFailed;
  }

  private void plan(Ledger.Suspension suspension) {
    World.AccountRef ref = new World.AccountRef(suspension.platform(), suspension.accountId());
    Optional<World.Profile> found = world.profile(ref);
    Optional<ReturnSite> site = ReturnSite.of(ref.platform(), json);
    Optional<String> reason = found.isEmpty() ? Optional.of("account not in the world")
        : site.isEmpty() ? Optional.of("live returns are simulated on platforms x and mastodon only")
        : !RETURNING_ROLES.contains(found.get().role()) ? Optional.of("role " + found.get().role() + " never returns")
        : found.get().suspendedAt().filter(at -> !at.isAfter(suspension.at())).isPresent() ? Optional.of("the world had already suspended it")
        : Optional.empty();
    SplittableRandom random = randomFor(ref);
    if (reason.isEmpty() && !(random.nextDouble() < settings.returnProbability())) {
      reason = Optional.of("drawn: stays away");
    }
    if (reason.isPresent()) {
      noReturns.add(new NoReturn(ref.platform(), ref.accountId(), suspension.at(), reason.get()));
      return;
    }
    planReturn(site.get(), suspension, found.get(), random);
  }

  private void planReturn(ReturnSite site, Ledger.Suspension suspension, World.Profile predecessor, SplittableRandom random) {
    String platform = site.platform();
    // Whole milliseconds, as the world's instants are: the drawn delay is then the same on every run.
    Instant createdAt = suspension.at().truncatedTo(ChronoUnit.MILLIS)
        .plus(lognormal(settings.returnMedianDelay(), RETURN_DELAY_SIGMA, LONGEST_RETURN_DELAY, random).truncatedTo(ChronoUnit.MILLIS));
    HandleVariants.Variant variant = HandleVariants.pick(predecessor.handle(), random, site.maxHandleLength(),
        h -> world.handleTaken(platform, h));
    String displayName = random.nextDouble() < 0.15 ? predecessor.displayName() + " " + pick(List.of("II", "2", "(back)"), random) : predecessor.displayName();
    String accountId = successorId(site, random);
    Instant firstPostAt = createdAt.plus(lognormal(Duration.ofMinutes(4), 0.8, Duration.ofHours(1), random)).truncatedTo(ChronoUnit.MILLIS);
    String firstPostId = site.newPostId(firstPostAt, random);
    String language = predecessor.language();
    String text = pick(firstPosts(language), random);

    Optional<ObjectNode> predecessorAccount = accountObject(site, predecessor.ref().accountId());
    String bio = predecessorAccount.map(site::bio).orElse("");
    String editedBio = (bio.isEmpty() ? "" : bio + " ") + pick(List.of("(acc " + (predecessor.generation() + 2) + ")", "| back again", "| new acc"), random);
    String avatar = predecessorAccount.map(site::avatar).filter(a -> !a.isEmpty()).orElseGet(() -> avatarUrl(predecessor.avatarId()));
    long followers = Math.round(predecessorAccount.map(a -> a.path("followers_count").asLong(predecessor.followers())).orElse(predecessor.followers())
        * AUDIENCE_KEPT);

    List<String> followees = followeesAt(site, predecessor.ref(), firstPostAt);
    ObjectNode account = site.successor(predecessorAccount, predecessor, accountId, variant.handle(), displayName, editedBio, avatar,
        followers, followees.size(), createdAt);
    World.AccountRef successorRef = new World.AccountRef(platform, accountId);
    world.addLiveAccount(new World.Profile(successorRef, variant.handle(), displayName, predecessor.personId(), predecessor.role(),
        language, Optional.of(createdAt), Optional.empty(), predecessor.generation() + 1, site.profileUrl(variant.handle()),
        predecessor.avatarId(), followers));
    liveSuccessorOf.put(predecessor.ref(), successorRef);
    world.addLiveUrl(successorRef, site.postUrl(variant.handle(), firstPostId));
    push(firstPostAt, site, site.post(firstPostId, firstPostAt, text, account, language, Map.of()));

    Optional<String> shoutoutId = Optional.empty();
    if (random.nextDouble() < SHOUTOUT_PROBABILITY) {
      Instant at = firstPostAt.plus(lognormal(Duration.ofMinutes(15), 0.8, Duration.ofHours(12), random)).truncatedTo(ChronoUnit.MILLIS);
      Optional<World.Profile> announcer = announcer(predecessor, at, random);
      if (announcer.isPresent()) {
        String postId = site.newPostId(at, random);
        ObjectNode announcerAccount = accountObject(site, announcer.get().ref().accountId())
            .orElseGet(() -> site.fromTruth(announcer.get(), avatarUrl(announcer.get().avatarId())));
        String announcement = shoutout(announcer.get().language()) + " @" + variant.handle() + " (" + predecessor.handle() + ") #"
            + pick(List.of("KeepTheLampLit", "PaleLantern", "LanternLight"), random);
        push(at, site, site.post(postId, at, announcement, announcerAccount, announcer.get().language(), Map.of(variant.handle(), account)));
        world.addLiveUrl(announcer.get().ref(), site.postUrl(announcer.get().handle(), postId));
        shoutoutId = Optional.of(postId);
      }
    }
    for (String followee : followees) {
      // Minutes to hours after the first post, as returners rebuild their network.
      Instant at = firstPostAt.plusMillis(60_000 + random.nextLong(3 * 3600 * 1000L));
      ObjectNode follow = json.createObjectNode();
      follow.put("kind", "follow");
      follow.put("platform", platform);
      follow.put("from_id", accountId);
      follow.put("to_id", followee);
      follow.put("at", at.toString());
      pushes.add(new Push(at, pushOrder++, "cordon-jsonl", platform, json.writeValueAsString(follow)));
    }
    planned.add(new Return(platform, predecessor.ref().accountId(), predecessor.handle(), accountId, variant.handle(),
        variant.change().label, predecessor.personId(), suspension.at(), createdAt, firstPostAt, firstPostId, shoutoutId, followees.size()));
  }

  private void push(Instant at, ReturnSite site, JsonNode record) {
    pushes.add(new Push(at, pushOrder++, site.format(), site.platform(), json.writeValueAsString(record)));
  }

  private SplittableRandom randomFor(World.AccountRef ref) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("live-return\n" + seed + "\n" + ref.platform() + "\n" + ref.accountId()).getBytes(StandardCharsets.UTF_8));
      return new SplittableRandom(java.nio.ByteBuffer.wrap(digest).getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private String successorId(ReturnSite site, SplittableRandom random) {
    while (true) {
      String id = site.newAccountId(random);
      if (!world.accountKnown(new World.AccountRef(site.platform(), id))) {
        return id;
      }
    }
  }

  static Duration lognormal(Duration median, double sigma, Duration longest, SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    double gaussian = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    double seconds = median.toNanos() / 1e9 * Math.exp(sigma * gaussian);
    return seconds < longest.toSeconds() ? Duration.ofNanos((long) (seconds * 1e9)) : longest;
  }

  private static <T> T pick(List<T> options, SplittableRandom random) {
    return options.get(random.nextInt(options.size()));
  }

  /** A supporter of the world alive on X at {@code at}, other than the returning person, same language when possible. */
  private Optional<World.Profile> announcer(World.Profile returning, Instant at, SplittableRandom random) {
    Set<World.AccountRef> suspended = new HashSet<>();
    ledger.suspensions(at).forEach(s -> suspended.add(new World.AccountRef(s.platform(), s.accountId())));
    List<World.Profile> alive = announcers.computeIfAbsent(returning.ref().platform(),
            p -> world.profilesOn(p).stream().filter(a -> ANNOUNCING_ROLES.contains(a.role())).toList()).stream()
        .filter(p -> !p.personId().equals(returning.personId()))
        .filter(p -> p.createdAt().map(c -> !c.isAfter(at)).orElse(true))
        .filter(p -> p.suspendedAt().map(s -> s.isAfter(at)).orElse(true))
        .filter(p -> !suspended.contains(p.ref()))
        .toList();
    List<World.Profile> sameLanguage = alive.stream().filter(p -> p.language().equals(returning.language())).toList();
    List<World.Profile> choice = sameLanguage.isEmpty() ? alive : sameLanguage;
    return choice.isEmpty() ? Optional.empty() : Optional.of(pick(choice, random));
  }

  private String avatarUrl(String avatarId) {
    return avatarId.isEmpty() ? "" : "https://media.range.invalid/media/avatars/" + avatarId + ".jpg";
  }

  /**
   * The accounts the predecessor followed, each mapped to its person's account alive at {@code at}
   * (the world's own returns and live ones); targets suspended for good are dropped.
   */
  private List<String> followeesAt(ReturnSite site, World.AccountRef predecessor, Instant at) {
    Set<World.AccountRef> suspendedLive = new HashSet<>();
    ledger.suspensions(at).forEach(s -> suspendedLive.add(new World.AccountRef(s.platform(), s.accountId())));
    LinkedHashMap<String, Boolean> out = new LinkedHashMap<>();
    for (String target : followsOf(site, predecessor.accountId())) {
      World.AccountRef current = new World.AccountRef(site.platform(), target);
      for (int hops = 0; hops < 16 && current != null; hops++) {
        World.AccountRef here = current;
        boolean suspendedByWorld = world.profile(here).flatMap(World.Profile::suspendedAt).map(s -> !s.isAfter(at)).orElse(false);
        if (!suspendedByWorld && !suspendedLive.contains(here)) {
          break;
        }
        World.AccountRef next = liveSuccessorOf.get(here);
        if (next == null) {
          next = world.worldSuccessorOf(here)
              .filter(s -> world.profile(s).flatMap(World.Profile::createdAt).map(c -> !c.isAfter(at)).orElse(false))
              .orElse(null);
        }
        current = next;
      }
      if (current != null && !current.accountId().equals(predecessor.accountId())) {
        out.putIfAbsent(current.accountId(), true);
      }
    }
    return List.copyOf(out.keySet());
  }

  /** The predecessor's follows from the world's follow graph of its platform (a scan: returns are rare). */
  private List<String> followsOf(ReturnSite site, String accountId) {
    Optional<Path> directory = world.directory();
    if (directory.isEmpty()) {
      return List.of();
    }
    List<String> targets = new ArrayList<>();
    String needle = "\"from_id\":\"" + accountId + "\"";
    for (Path file : worldFiles(directory.get(), "cordon-jsonl", site.platform(), Optional.of(directory.get().resolve(site.followsFile())))) {
      forEachLine(file, line -> {
        if (!line.contains(needle)) {
          return false;
        }
        JsonNode node = json.readTree(line);
        if (node.path("kind").asString("").equals("follow") && node.path("from_id").asString("").equals(accountId)) {
          String to = node.path("to_id").asString("");
          if (!to.isEmpty()) {
            targets.add(to);
          }
        }
        return false;
      });
    }
    return targets;
  }

  /** The account's latest account object in the world's files of its platform (bio, avatar as shown), if it posted there. */
  private Optional<ObjectNode> accountObject(ReturnSite site, String accountId) {
    String key = site.platform() + "\n" + accountId;
    Optional<ObjectNode> cached = accountObjects.get(key);
    if (cached != null) {
      return cached.map(ObjectNode::deepCopy);
    }
    Optional<Path> directory = world.directory();
    ObjectNode[] found = {null};
    if (directory.isPresent()) {
      String needle = site.needle(accountId);
      List<Path> files = new ArrayList<>(worldFiles(directory.get(), site.format(), site.platform(), Optional.empty()));
      files.sort(Comparator.reverseOrder());
      for (Path file : files) {
        java.util.function.Predicate<String> look = text -> {
          if (text.contains(needle)) {
            site.accountIn(json.readTree(text), accountId).ifPresent(a -> found[0] = a);
          }
          return found[0] != null;
        };
        if (site.lineFormat()) {
          forEachLine(file, look);
        } else {
          try {
            look.test(Files.readString(file, StandardCharsets.UTF_8));
          } catch (IOException | JacksonException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + file + ": " + e.getMessage());
          }
        }
        if (found[0] != null) {
          break;
        }
      }
    }
    Optional<ObjectNode> result = Optional.ofNullable(found[0]);
    accountObjects.put(key, result);
    return result.map(ObjectNode::deepCopy);
  }

  /** Files of {@code platform} in {@code format}, from the world's manifest; without one, {@code fallback} or the usual place. */
  private List<Path> worldFiles(Path directory, String format, String platform, Optional<Path> fallback) {
    Path manifest = directory.resolve("manifest.json");
    List<Path> files = new ArrayList<>();
    if (Files.isRegularFile(manifest)) {
      try {
        for (JsonNode f : json.readTree(Files.readString(manifest)).path("files")) {
          if (f.path("format").asString("").equals(format) && f.path("platform").asString(platform).equals(platform)) {
            Path file = directory.resolve(f.path("path").asString("")).normalize();
            if (file.startsWith(directory) && Files.isRegularFile(file)) {
              files.add(file);
            }
          }
        }
        return files;
      } catch (IOException | JacksonException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot read " + manifest + ": " + e.getMessage());
      }
    }
    if (fallback.isPresent()) {
      return Files.isRegularFile(fallback.get()) ? List.of(fallback.get()) : List.of();
    }
    Path usual = switch (format) {
      case "x-v1" -> directory.resolve("x").resolve("v1");
      case "mastodon" -> directory.resolve("mastodon");
      default -> directory;
    };
    if (!Files.isDirectory(usual) || usual.equals(directory)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(usual, 2)) {
      return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(format.equals("x-v1") ? ".jsonl" : ".json")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Calls {@code each} per line (bad lines skipped) until it answers true. */
  private static void forEachLine(Path file, java.util.function.Predicate<String> each) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
    try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
      String line;
      while ((line = reader.readLine()) != null) {
        try {
          if (each.test(line)) {
            return;
          }
        } catch (JacksonException e) {
          // a broken line in the world: skip it
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot read " + file + ": " + e.getMessage());
    }
  }

  private static List<String> firstPosts(String language) {
    return switch (language) {
      case "ar" -> List.of("عدنا من جديد، الفانوس لا ينطفئ #نور_الفانوس", "حساب جديد، النور نفسه #الفانوس_الشاحب");
      case "fr" -> List.of("De retour, la lanterne ne s'éteint pas. #LumièreDeLaLanterne", "Nouveau compte, même lumière. #LanternePâle");
      case "de" -> List.of("Wieder da, die Laterne bleibt an. #BleicheLaterne", "Neues Konto, dasselbe Licht. #BleicheLaterne");
      default -> List.of("Back again, the lantern stays lit. #PaleLantern", "New account, same light. Follow me again. #KeepTheLampLit",
          "They took the old one. The lantern stays lit. #LanternLight");
    };
  }

  private static String shoutout(String language) {
    return switch (language) {
      case "ar" -> "تابعوا وادعموا، عاد أخونا:";
      case "fr" -> "Suivez et soutenez, notre frère est de retour :";
      case "de" -> "Folgt und unterstützt, unser Bruder ist zurück:";
      default -> "Follow and support, our brother is back:";
    };
  }
}
