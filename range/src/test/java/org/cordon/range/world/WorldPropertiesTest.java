package org.cordon.range.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Properties of the shared world (seed printed by {@link TestWorlds}). */
class WorldPropertiesTest {

  @Test
  void writesExactlyTheRequestedNumberOfAccountsAndAReasonableNumberOfPosts() {
    assertThat(TestWorlds.truth("accounts.jsonl")).hasSize(TestWorlds.SPEC.accounts());
    long posts = TestWorlds.summary().posts();
    // About 1.4 posts per account and day (docs/range.md).
    assertThat(posts).isBetween(3_000L * 4, 3_000L * 4 * 3);
    assertThat(TestWorlds.truth("posts.jsonl")).hasSize((int) posts);
  }

  @Test
  void roleSharesOfPersonsAreWithinTheStatedRanges() {
    Map<String, Integer> roles = new HashMap<>();
    List<JsonNode> persons = TestWorlds.truth("persons.jsonl");
    persons.forEach(p -> roles.merge(p.get("role").asString(), 1, Integer::sum));
    double n = persons.size();
    assertThat(roles.get("official_outlet")).isEqualTo(Organisation.OUTLETS.size());
    assertThat(roles.get("ordinary_user") / n).isBetween(0.78, 0.90);
    assertThat(roles.get("supporter") / n).isBetween(0.04, 0.08);
    assertThat(roles.get("vulnerable_user") / n).isBetween(0.025, 0.06);
    double hardNegativeVoices = (roles.getOrDefault("journalist", 0) + roles.getOrDefault("researcher", 0)
        + roles.getOrDefault("counter_speech", 0)) / n;
    assertThat(hardNegativeVoices).isBetween(0.02, 0.05);
    assertThat(roles).containsKeys("distributor", "hyperactive_supporter", "recruiter", "bot");
  }

  @Test
  void hardNegativesAreAStatedShareOfPostsNamingTheOrganisation() {
    long hard = 0;
    long extremist = 0;
    for (JsonNode post : TestWorlds.truth("posts.jsonl")) {
      boolean isHard = post.get("hard_negative").asBoolean();
      if (isHard) {
        hard++;
        assertThat(post.get("label").asString()).isEqualTo("benign");
      }
      if (post.get("label").asString().equals("extremist")) {
        extremist++;
      }
    }
    double share = (double) hard / (hard + extremist);
    // docs/range.md states 5-25 % of posts naming the organisation are hard negatives.
    assertThat(share).isBetween(0.05, 0.25);
  }

  @Test
  void everyReturningAccountHasALineageWhosePredecessorWasSuspendedBeforeTheReturn() {
    Map<String, JsonNode> accounts = new HashMap<>();
    for (JsonNode account : TestWorlds.truth("accounts.jsonl")) {
      accounts.put(account.get("platform").asString() + " " + account.get("account_id").asString(), account);
    }
    Map<String, JsonNode> lineage = new HashMap<>();
    for (JsonNode record : TestWorlds.truth("lineage.jsonl")) {
      lineage.put(record.get("platform").asString() + " " + record.get("account_id").asString(), record);
    }
    int returning = 0;
    for (JsonNode account : accounts.values()) {
      if (account.get("predecessor_account_id").isNull()) {
        continue;
      }
      returning++;
      String key = account.get("platform").asString() + " " + account.get("account_id").asString();
      JsonNode record = lineage.get(key);
      assertThat(record).as("lineage of %s", key).isNotNull();
      JsonNode predecessor = accounts.get(account.get("platform").asString() + " " + record.get("predecessor_account_id").asString());
      assertThat(predecessor).isNotNull();
      assertThat(predecessor.get("person_id").asString()).isEqualTo(account.get("person_id").asString());
      assertThat(predecessor.get("suspended_at").isNull()).isFalse();
      assertThat(Instant.parse(predecessor.get("suspended_at").asString()))
          .isBefore(Instant.parse(account.get("created_at").asString()));
      assertThat(account.get("handle").asString()).isNotEqualTo(predecessor.get("handle").asString());
    }
    assertThat(returning).isGreaterThan(20).isEqualTo(lineage.size());
  }

  @Test
  void returningAccountsRefollowTheCoreAccountsOfTheirPredecessor() {
    Map<String, String> personOf = new HashMap<>();
    Map<String, String> predecessorOf = new HashMap<>();
    for (JsonNode account : TestWorlds.truth("accounts.jsonl")) {
      String key = account.get("platform").asString() + " " + account.get("account_id").asString();
      personOf.put(key, account.get("person_id").asString());
      if (!account.get("predecessor_account_id").isNull()) {
        predecessorOf.put(key, account.get("platform").asString() + " " + account.get("predecessor_account_id").asString());
      }
    }
    Map<String, Set<String>> followedPersons = new HashMap<>();
    for (JsonNode edge : TestWorlds.follows()) {
      String from = edge.get("platform").asString() + " " + edge.get("from_id").asString();
      followedPersons.computeIfAbsent(from, k -> new HashSet<>())
          .add(personOf.get(edge.get("platform").asString() + " " + edge.get("to_id").asString()));
    }
    int compared = 0;
    for (Map.Entry<String, String> pair : predecessorOf.entrySet()) {
      Set<String> now = followedPersons.getOrDefault(pair.getKey(), Set.of());
      Set<String> before = followedPersons.getOrDefault(pair.getValue(), Set.of());
      if (before.size() < 3) {
        continue;
      }
      compared++;
      Set<String> common = new HashSet<>(now);
      common.retainAll(before);
      assertThat(common.size()).as("persons re-followed by %s", pair.getKey()).isGreaterThanOrEqualTo(before.size() / 2);
    }
    assertThat(compared).isPositive();
  }

  @Test
  void supportersLoseFollowersWhenTheyReturn() {
    List<Long> first = new ArrayList<>();
    List<Long> returned = new ArrayList<>();
    for (JsonNode account : TestWorlds.truth("accounts.jsonl")) {
      if (account.get("role").asString().equals("supporter")) {
        (account.get("generation").asInt() == 0 ? first : returned).add(account.get("followers_count").asLong());
      }
    }
    double firstMean = first.stream().mapToLong(Long::longValue).average().orElseThrow();
    assertThat(firstMean).isBetween(500.0, 2_000.0);
    if (returned.size() >= 10) {
      assertThat(returned.stream().mapToLong(Long::longValue).average().orElseThrow()).isLessThan(firstMean * 0.6);
    }
  }

  @Test
  void theFollowGraphIsHeavyTailed() {
    Map<String, Integer> inDegree = new HashMap<>();
    for (JsonNode edge : TestWorlds.follows()) {
      inDegree.merge(edge.get("platform").asString() + " " + edge.get("to_id").asString(), 1, Integer::sum);
    }
    long xAccounts = TestWorlds.truth("accounts.jsonl").stream()
        .filter(a -> !a.get("platform").asString().equals("telegram") && !a.get("platform").asString().equals("video")).count();
    double mean = inDegree.values().stream().mapToInt(Integer::intValue).sum() / (double) xAccounts;
    int max = inDegree.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    assertThat(max).isGreaterThan((int) (20 * mean));
  }

  @Test
  void everyPostIsMadeByAnAccountAliveAtThatTime() {
    Map<String, JsonNode> accounts = new HashMap<>();
    for (JsonNode account : TestWorlds.truth("accounts.jsonl")) {
      accounts.put(account.get("platform").asString() + " " + account.get("account_id").asString(), account);
    }
    Set<String> postIds = new HashSet<>();
    for (JsonNode post : TestWorlds.truth("posts.jsonl")) {
      JsonNode account = accounts.get(post.get("platform").asString() + " " + post.get("account_id").asString());
      assertThat(account).as("author of %s", post).isNotNull();
      Instant at = Instant.parse(post.get("posted_at").asString());
      assertThat(at).isAfterOrEqualTo(Instant.parse(account.get("created_at").asString()));
      if (!account.get("suspended_at").isNull()) {
        assertThat(at).isBefore(Instant.parse(account.get("suspended_at").asString()));
      }
      assertThat(postIds.add(post.get("platform").asString() + " " + post.get("post_id").asString())).isTrue();
    }
  }

  @Test
  void releasesArePublishedFirstByTheirOutletAndSpreadWithinMinutes() {
    Map<String, Instant> firstPost = new HashMap<>();
    Map<String, String> firstRole = new HashMap<>();
    Map<String, String> roleOfAccount = new HashMap<>();
    for (JsonNode account : TestWorlds.truth("accounts.jsonl")) {
      roleOfAccount.put(account.get("platform").asString() + " " + account.get("account_id").asString(),
          account.get("role").asString());
    }
    int distributorSharesWithinAnHour = 0;
    Map<String, Instant> published = new HashMap<>();
    for (JsonNode release : TestWorlds.truth("releases.jsonl")) {
      published.put(release.get("release_id").asString(), Instant.parse(release.get("published_at").asString()));
    }
    for (JsonNode post : TestWorlds.truth("posts.jsonl")) {
      if (post.get("release_id").isNull() || post.get("hard_negative").asBoolean()) {
        continue;
      }
      String release = post.get("release_id").asString();
      Instant at = Instant.parse(post.get("posted_at").asString());
      String role = roleOfAccount.get(post.get("platform").asString() + " " + post.get("account_id").asString());
      if (!firstPost.containsKey(release) || at.isBefore(firstPost.get(release))) {
        firstPost.put(release, at);
        firstRole.put(release, role);
      }
      if (role.equals("distributor") && at.isBefore(published.get(release).plusSeconds(3600))) {
        distributorSharesWithinAnHour++;
      }
    }
    assertThat(firstRole.values()).isNotEmpty().allMatch(role -> role.equals("official_outlet"));
    assertThat(distributorSharesWithinAnHour).isGreaterThan(published.size());
  }

  @Test
  void groomingConversationsPassThroughAllFourStagesInOrderAndHaveOrdinaryLookAlikes() {
    List<JsonNode> conversations = TestWorlds.truth("outreach.jsonl");
    long grooming = conversations.stream().filter(c -> c.get("grooming").asBoolean()).count();
    assertThat(grooming).isPositive();
    assertThat(conversations.size() - grooming).isPositive();
    for (JsonNode conversation : conversations) {
      JsonNode stages = conversation.get("stages");
      assertThat(stages).hasSize(4);
      Instant previous = Instant.MIN;
      for (JsonNode stage : stages) {
        Instant started = Instant.parse(stage.get("started_at").asString());
        assertThat(started).isAfterOrEqualTo(previous);
        previous = Instant.parse(stage.get("ended_at").asString());
      }
      if (conversation.get("grooming").asBoolean()) {
        assertThat(conversation.get("initiator_role").asString()).isEqualTo("recruiter");
        assertThat(conversation.get("target_role").asString()).isEqualTo("vulnerable_user");
      }
    }
    long withAllStages = conversations.stream().filter(c -> {
      for (JsonNode stage : c.get("stages")) {
        if (stage.get("post_ids").isEmpty()) {
          return false;
        }
      }
      return true;
    }).count();
    assertThat(withAllStages).isGreaterThan(conversations.size() / 2);
  }

  @Test
  void arabicTextCarriesTheSpellingVariantsRealTextHas() {
    boolean tatweel = false;
    boolean diacritics = false;
    boolean transliterated = false;
    Path world = TestWorlds.shared();
    for (Path file : TestWorlds.files(world, "x-v2")) {
      for (JsonNode line : TestWorlds.lines(file)) {
        String text = line.get("data").get("text").asString();
        tatweel |= text.indexOf('\u0640') >= 0;
        diacritics |= text.chars().anyMatch(c -> c >= 0x064B && c <= 0x0652);
        transliterated |= text.contains("alFanus") || text.contains("Fanoos") || text.contains("ElFanous");
      }
    }
    assertThat(tatweel).isTrue();
    assertThat(diacritics).isTrue();
    assertThat(transliterated).isTrue();
  }

  @Test
  void theReplayIndexIsChronologicalAndEveryLineUnitIsOneJsonLine() throws IOException {
    Path world = TestWorlds.shared();
    List<JsonNode> units = TestWorlds.lines(world.resolve("replay/index.jsonl"));
    assertThat(units).isNotEmpty();
    Instant previous = Instant.MIN;
    int checked = 0;
    for (JsonNode unit : units) {
      Instant at = Instant.parse(unit.get("at").asString());
      assertThat(at).isAfterOrEqualTo(previous);
      previous = at;
      Path file = world.resolve(unit.get("path").asString());
      assertThat(file).exists();
      if (checked++ % 50 == 0) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
          byte[] bytes = new byte[(int) unit.get("length").asLong()];
          raf.seek(unit.get("offset").asLong());
          raf.readFully(bytes);
          JsonNode parsed = TestWorlds.JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
          assertThat(parsed.isObject() || parsed.isArray()).isTrue();
        }
      }
    }
    long postsInUnits = units.stream().filter(u -> u.get("format").asString().startsWith("x-")).count();
    long xPosts = TestWorlds.truth("posts.jsonl").stream().filter(p -> p.get("platform").asString().equals("x")).count();
    assertThat(postsInUnits).isEqualTo(xPosts);
  }

  @Test
  void theManifestNamesEveryFormatFileAndTheMediaPrefix() throws IOException {
    Path world = TestWorlds.shared();
    JsonNode manifest = TestWorlds.document(world.resolve("manifest.json"));
    assertThat(manifest.get("seed").asLong()).isEqualTo(TestWorlds.SEED);
    assertThat(manifest.get("media_url_prefix").asString()).isEqualTo("https://media.range.invalid/");
    Set<String> formats = new HashSet<>();
    for (JsonNode file : manifest.get("files")) {
      formats.add(file.get("format").asString());
      assertThat(world.resolve(file.get("path").asString())).exists();
    }
    assertThat(formats).contains("x-v1", "x-v2", "telegram-export", "mastodon", "activitystreams");
    for (JsonNode post : TestWorlds.truth("posts.jsonl")) {
      for (JsonNode media : post.get("media")) {
        assertThat(world.resolve(media.get("path").asString())).exists();
      }
    }
    assertThat(Files.exists(world.resolve("media/outlets/lantern-light/logo.jpg"))).isTrue();
  }
}
