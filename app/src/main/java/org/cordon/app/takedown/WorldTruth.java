package org.cordon.app.takedown;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Tier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the range knows of its world ({@code truth/}): which posts are extremist and in which tier,
 * who wrote them, which accounts belong to the organisation. Only the simulated analysts, the
 * simulated national units and the figures read it; the pipeline never does.
 */
final class WorldTruth {
  /** Roles of accounts that act for the organisation (the rest are ordinary users, journalists, researchers...). */
  static final Set<String> ORGANISATION_ROLES = Set.of("official_outlet", "distributor", "supporter", "hyperactive_supporter",
      "recruiter", "bot");

  record PostTruth(PostKey key, boolean extremist, Optional<Tier> tier, Instant postedAt, Optional<String> url, AccountKey author) {}

  record AccountTruth(AccountKey key, String handle, String role) {
    boolean organisation() {
      return ORGANISATION_ROLES.contains(role);
    }
  }

  private final Map<PostKey, PostTruth> posts;
  private final List<PostTruth> postsInOrder;
  private final Map<AccountKey, AccountTruth> accounts;

  private WorldTruth(List<PostTruth> posts, Map<AccountKey, AccountTruth> accounts) {
    this.postsInOrder = List.copyOf(posts);
    this.posts = new HashMap<>();
    posts.forEach(p -> this.posts.put(p.key(), p));
    this.accounts = Map.copyOf(accounts);
  }

  static WorldTruth load(Path world) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    List<PostTruth> posts = new ArrayList<>();
    for (JsonNode n : lines(world.resolve("truth/posts.jsonl"), json)) {
      Platform platform = new Platform(n.get("platform").asString());
      JsonNode tier = n.get("tier");
      JsonNode url = n.get("url");
      posts.add(new PostTruth(new PostKey(platform, n.get("post_id").asString()), "extremist".equals(n.get("label").asString()),
          tier == null || tier.isNull() ? Optional.empty() : Optional.of(Tier.valueOf(tier.asString().toUpperCase(java.util.Locale.ROOT))),
          Instant.parse(n.get("posted_at").asString()), url == null || url.isNull() ? Optional.empty() : Optional.of(url.asString()),
          new AccountKey(platform, n.get("account_id").asString())));
    }
    posts.sort(java.util.Comparator.comparing(PostTruth::postedAt).thenComparing(p -> p.key().platform().name()).thenComparing(p -> p.key().id()));
    Map<AccountKey, AccountTruth> accounts = new HashMap<>();
    for (JsonNode n : lines(world.resolve("truth/accounts.jsonl"), json)) {
      AccountKey key = new AccountKey(new Platform(n.get("platform").asString()), n.get("account_id").asString());
      accounts.put(key, new AccountTruth(key, n.path("handle").asString(""), n.path("role").asString("")));
    }
    return new WorldTruth(posts, accounts);
  }

  private static List<JsonNode> lines(Path file, JsonMapper json) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          nodes.add(json.readTree(line));
        }
      }
    }
    return nodes;
  }

  Optional<PostTruth> post(PostKey key) {
    return Optional.ofNullable(posts.get(key));
  }

  Optional<AccountTruth> account(AccountKey key) {
    return Optional.ofNullable(accounts.get(key));
  }

  /** Posts in time order. */
  List<PostTruth> posts() {
    return postsInOrder;
  }
}
