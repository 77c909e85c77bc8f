package org.cordon.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the simulator knows of a range world: the URL of every post and account, and which posts
 * belong to which account (so that suspending an account takes its posts down). Read from
 * {@code truth/accounts.jsonl} and {@code truth/posts.jsonl}; extra fields are ignored and a bad
 * line is skipped and counted.
 */
final class World {
  static final World EMPTY = new World(false, Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of(), 0);

  private final boolean loaded;
  private final Optional<Path> directory;
  /** Every URL of the world and the account it belongs to (a post's author, or the profile's owner). */
  private final Map<String, AccountRef> ownerOfUrl;
  private final Map<AccountRef, List<String>> urlsByAccount;
  private final Map<AccountRef, Profile> profiles;
  /** The world's own returns: predecessor to successor. */
  private final Map<AccountRef, AccountRef> successorOf;
  private final long skippedLines;
  /** Accounts and posts made while the simulator runs (live returns), looked up like the world's. */
  private final Map<String, AccountRef> liveOwnerOfUrl = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<AccountRef, List<String>> liveUrlsByAccount = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<AccountRef, Profile> liveProfiles = new java.util.concurrent.ConcurrentHashMap<>();
  private final Set<String> liveHandles = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Set<String> handles;
  private final Map<String, AccountRef> byHandle;
  private final Map<String, AccountRef> liveByHandle = new java.util.concurrent.ConcurrentHashMap<>();

  private World(boolean loaded, Optional<Path> directory, Map<String, AccountRef> ownerOfUrl, Map<AccountRef, List<String>> urlsByAccount,
      Map<AccountRef, Profile> profiles, Map<AccountRef, AccountRef> successorOf, long skippedLines) {
    this.loaded = loaded;
    this.directory = directory;
    this.ownerOfUrl = ownerOfUrl;
    this.urlsByAccount = urlsByAccount;
    this.profiles = profiles;
    this.successorOf = successorOf;
    this.skippedLines = skippedLines;
    Map<String, AccountRef> named = new HashMap<>();
    profiles.values().stream().filter(p -> !p.handle().isBlank())
        .forEach(p -> named.merge(handleKey(p.ref().platform(), p.handle()), p.ref(), (a, b) -> a));
    this.handles = Set.copyOf(named.keySet());
    this.byHandle = Map.copyOf(named);
  }

  record AccountRef(String platform, String accountId) {}

  /**
   * What the ground truth says of an account ({@code truth/accounts.jsonl}); absent fields are
   * empty strings, 0 or empty.
   */
  record Profile(AccountRef ref, String handle, String displayName, String personId, String role, String language,
      Optional<java.time.Instant> createdAt, Optional<java.time.Instant> suspendedAt, int generation, String profileUrl,
      String avatarId, long followers) {}

  static World load(Path directory, JsonMapper json) {
    Path truth = directory.resolve("truth");
    Map<String, AccountRef> urls = new HashMap<>();
    Map<AccountRef, List<String>> byAccount = new HashMap<>();
    Map<AccountRef, Profile> profiles = new HashMap<>();
    Map<AccountRef, AccountRef> successors = new HashMap<>();
    long[] skipped = {0};
    readLines(truth.resolve("accounts.jsonl"), json, skipped, node -> {
      Optional<AccountRef> account = accountOf(node);
      if (account.isEmpty()) {
        skipped[0]++;
        return;
      }
      byAccount.computeIfAbsent(account.get(), a -> new ArrayList<>());
      Optional<String> url = text(node, "url").or(() -> text(node, "profile_url"));
      url.ifPresent(u -> {
        urls.put(u, account.get());
        byAccount.get(account.get()).add(u);
      });
      profiles.put(account.get(), new Profile(account.get(), text(node, "handle").orElse(""), text(node, "display_name").orElse(""),
          text(node, "person_id").orElse(""), text(node, "role").orElse(""), text(node, "language").orElse(""),
          instant(node, "created_at"), instant(node, "suspended_at"), node.path("generation").asInt(0), url.orElse(""),
          text(node, "avatar_id").orElse(""), node.path("followers_count").asLong(0)));
      text(node, "predecessor_account_id").ifPresent(p -> successors.put(new AccountRef(account.get().platform(), p), account.get()));
    });
    readLines(truth.resolve("posts.jsonl"), json, skipped, node -> {
      Optional<AccountRef> account = accountOf(node);
      Optional<String> url = text(node, "url");
      if (account.isEmpty() || url.isEmpty()) {
        skipped[0]++;
        return;
      }
      urls.put(url.get(), account.get());
      byAccount.computeIfAbsent(account.get(), a -> new ArrayList<>()).add(url.get());
    });
    Map<AccountRef, List<String>> frozen = new HashMap<>();
    byAccount.forEach((account, list) -> frozen.put(account, List.copyOf(list)));
    return new World(true, Optional.of(directory), Map.copyOf(urls), Map.copyOf(frozen), Map.copyOf(profiles), Map.copyOf(successors), skipped[0]);
  }

  private static Optional<java.time.Instant> instant(JsonNode node, String field) {
    try {
      return text(node, field).map(java.time.Instant::parse);
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String handleKey(String platform, String handle) {
    return platform + "\n" + handle.toLowerCase(java.util.Locale.ROOT);
  }

  private static Optional<AccountRef> accountOf(JsonNode node) {
    Optional<String> platform = text(node, "platform");
    Optional<String> account = text(node, "account_id");
    if (platform.isEmpty() || account.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AccountRef(platform.get(), account.get()));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainer()) {
      return Optional.empty();
    }
    // Ids are sometimes written as numbers; read both.
    String text = value.asString();
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  private static void readLines(Path file, JsonMapper json, long[] skipped, Consumer<JsonNode> each) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = json.readTree(line);
        } catch (JacksonException e) {
          skipped[0]++;
          continue;
        }
        if (node == null || !node.isObject()) {
          skipped[0]++;
          continue;
        }
        each.accept(node);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read world file " + file + ": " + e.getMessage(), e);
    }
  }

  boolean loaded() {
    return loaded;
  }

  Optional<Path> directory() {
    return directory;
  }

  boolean knows(String url) {
    return ownerOfUrl.containsKey(url) || liveOwnerOfUrl.containsKey(url);
  }

  /** The account a URL belongs to: the author of a post, or the owner of a profile. */
  Optional<AccountRef> ownerOf(String url) {
    return Optional.ofNullable(ownerOfUrl.get(url)).or(() -> Optional.ofNullable(liveOwnerOfUrl.get(url)));
  }

  /** Whether the URL is an account's own (its profile), not one of its posts. */
  boolean isProfileUrl(String url) {
    return ownerOf(url).flatMap(this::profile).map(p -> p.profileUrl().equals(url)).orElse(false);
  }

  /** The account's own URL and the URLs of its posts. */
  List<String> urlsOf(String platform, String accountId) {
    AccountRef ref = new AccountRef(platform, accountId);
    List<String> live = liveUrlsByAccount.getOrDefault(ref, List.of());
    List<String> given = urlsByAccount.getOrDefault(ref, List.of());
    if (live.isEmpty()) {
      return given;
    }
    List<String> all = new ArrayList<>(given);
    all.addAll(live);
    return all;
  }

  Optional<Profile> profile(AccountRef ref) {
    return Optional.ofNullable(profiles.get(ref)).or(() -> Optional.ofNullable(liveProfiles.get(ref)));
  }

  /** The account holding {@code handle} on {@code platform} (case ignored), the world's or one made live. */
  Optional<Profile> byHandle(String platform, String handle) {
    String key = handleKey(platform, org.cordon.core.model.Platform.bareHandle(handle));
    return Optional.ofNullable(byHandle.get(key)).or(() -> Optional.ofNullable(liveByHandle.get(key))).flatMap(this::profile);
  }

  /** Accounts of the world on {@code platform} (not those made live). */
  List<Profile> profilesOn(String platform) {
    return profiles.values().stream().filter(p -> p.ref().platform().equals(platform))
        .sorted(java.util.Comparator.comparing(p -> p.ref().accountId())).toList();
  }

  Optional<AccountRef> worldSuccessorOf(AccountRef ref) {
    return Optional.ofNullable(successorOf.get(ref));
  }

  boolean handleTaken(String platform, String handle) {
    String key = handleKey(platform, handle);
    return handles.contains(key) || liveHandles.contains(key);
  }

  boolean accountKnown(AccountRef ref) {
    return profiles.containsKey(ref) || liveProfiles.containsKey(ref);
  }

  /** Registers an account made while the simulator runs, so referrals of it are answered like the world's. */
  void addLiveAccount(Profile profile) {
    liveProfiles.put(profile.ref(), profile);
    liveHandles.add(handleKey(profile.ref().platform(), profile.handle()));
    liveByHandle.putIfAbsent(handleKey(profile.ref().platform(), profile.handle()), profile.ref());
    addLiveUrl(profile.ref(), profile.profileUrl());
  }

  void addLiveUrl(AccountRef owner, String url) {
    liveOwnerOfUrl.put(url, owner);
    liveUrlsByAccount.computeIfAbsent(owner, a -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(url);
  }

  long skippedLines() {
    return skippedLines;
  }

  int size() {
    return ownerOfUrl.size() + liveOwnerOfUrl.size();
  }
}
