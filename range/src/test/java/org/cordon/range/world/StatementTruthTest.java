package org.cordon.range.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cordon.core.model.Post;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Statements and their re-posts in the shared world (seed printed by {@link TestWorlds}) are what the truth says. */
class StatementTruthTest {

  private static Map<String, JsonNode> statementsById() {
    Map<String, JsonNode> byId = new HashMap<>();
    TestWorlds.truth("statements.jsonl").forEach(s -> byId.put(s.get("statement_id").asString(), s));
    return byId;
  }

  private static String key(JsonNode post) {
    return post.get("platform").asString() + " " + post.get("post_id").asString();
  }

  @Test
  void statementsAreDistinctLongTextsWhoseOriginalIsTheOutletsCompletePostAndSomeAccompanyARelease() {
    List<JsonNode> statements = TestWorlds.truth("statements.jsonl");
    assertThat(statements).hasSizeGreaterThanOrEqualTo(8);
    Map<String, JsonNode> posts = new HashMap<>();
    TestWorlds.truth("posts.jsonl").forEach(p -> posts.put(key(p), p));
    Map<String, Post> read = TestWorlds.connectorPosts();
    Set<String> texts = new HashSet<>();
    Map<String, JsonNode> releases = new HashMap<>();
    TestWorlds.truth("releases.jsonl").forEach(r -> releases.put(r.get("release_id").asString(), r));
    int withRelease = 0;
    for (JsonNode s : statements) {
      String text = s.get("text").asString();
      assertThat(texts.add(text)).as("distinct text of %s", s.get("statement_id")).isTrue();
      assertThat(StatementProse.words(text)).isBetween(40, 150).isEqualTo(s.get("words").asInt());
      assertThat(s.get("language").asString()).isIn("en", "ar", "fr", "de");
      assertThat(s.get("post_id").isNull()).isFalse();
      String original = s.get("platform").asString() + " " + s.get("post_id").asString();
      JsonNode post = posts.get(original);
      assertThat(post.get("statement_variant").asString()).isEqualTo("original");
      assertThat(post.get("statement_id").asString()).isEqualTo(s.get("statement_id").asString());
      assertThat(post.get("person_id").asString()).isEqualTo(s.get("outlet_person_id").asString());
      assertThat(post.get("posted_at").asString()).isEqualTo(s.get("published_at").asString());
      assertThat(read.get(original).text()).isEqualTo(text);
      if (!s.get("release_id").isNull()) {
        JsonNode release = releases.get(s.get("release_id").asString());
        assertThat(release.get("outlet").asString()).isEqualTo(s.get("outlet").asString());
        assertThat(release.get("language").asString()).isEqualTo(s.get("language").asString());
        assertThat(text).contains(release.get("title").asString());
        assertThat(Instant.parse(s.get("published_at").asString())).isAfter(Instant.parse(release.get("published_at").asString()));
        withRelease++;
      }
    }
    assertThat(withRelease).isPositive().isLessThan(statements.size());
  }

  @Test
  void everyStatementPostHasConsistentTruthFields() {
    Map<String, JsonNode> statements = statementsById();
    Set<String> variants = Set.of("original", "verbatim", "small_edits", "script_variant", "excerpt", "split", "quote", "lookalike");
    int seen = 0;
    for (JsonNode post : TestWorlds.truth("posts.jsonl")) {
      assertThat(post.has("statement_id") && post.has("statement_variant") && post.has("statement_part")).isTrue();
      if (post.get("statement_variant").isNull()) {
        assertThat(post.get("statement_id").isNull()).isTrue();
        continue;
      }
      seen++;
      String variant = post.get("statement_variant").asString();
      assertThat(variants).contains(variant);
      assertThat(post.get("statement_part").isNull()).isEqualTo(!variant.equals("split"));
      switch (variant) {
        case "lookalike" -> {
          assertThat(post.get("statement_id").isNull()).isTrue();
          assertThat(post.get("label").asString()).isEqualTo("benign");
          assertThat(post.get("hard_negative").asBoolean()).isFalse();
        }
        case "quote" -> {
          assertThat(statements).containsKey(post.get("statement_id").asString());
          assertThat(post.get("label").asString()).isEqualTo("benign");
          assertThat(post.get("hard_negative").asBoolean()).isTrue();
        }
        default -> {
          JsonNode statement = statements.get(post.get("statement_id").asString());
          assertThat(statement).isNotNull();
          assertThat(post.get("label").asString()).isEqualTo("extremist");
          assertThat(post.get("tier").asString()).isEqualTo("official_propaganda");
          assertThat(post.get("language").asString()).isEqualTo(statement.get("language").asString());
          assertThat(Instant.parse(post.get("posted_at").asString()))
              .isAfterOrEqualTo(Instant.parse(statement.get("published_at").asString()));
        }
      }
    }
    assertThat(seen).isGreaterThan(100);
  }

  @Test
  void splitStatementsAreCompleteThreadsOfConsecutivePostsOfOneAccount() {
    Map<String, JsonNode> statements = statementsById();
    Map<String, Post> read = TestWorlds.connectorPosts();
    // Every post of each account in time order, to check that a thread's parts are consecutive.
    Map<String, List<JsonNode>> byAccount = new HashMap<>();
    for (JsonNode post : TestWorlds.truth("posts.jsonl")) {
      byAccount.computeIfAbsent(post.get("platform").asString() + " " + post.get("account_id").asString(), k -> new ArrayList<>()).add(post);
    }
    int threads = 0;
    for (List<JsonNode> posts : byAccount.values()) {
      posts.sort((a, b) -> a.get("posted_at").asString().compareTo(b.get("posted_at").asString()));
      for (int i = 0; i < posts.size(); i++) {
        JsonNode first = posts.get(i);
        if (!"split".equals(first.get("statement_variant").asString(null)) || !first.get("statement_part").asString().startsWith("1/")) {
          continue;
        }
        int parts = Integer.parseInt(first.get("statement_part").asString().substring(2));
        assertThat(parts).isBetween(2, 3);
        assertThat(i + parts).isLessThanOrEqualTo(posts.size());
        StringBuilder joined = new StringBuilder();
        for (int p = 0; p < parts; p++) {
          JsonNode part = posts.get(i + p);
          assertThat(part.get("statement_part").asString()).isEqualTo((p + 1) + "/" + parts);
          assertThat(part.get("statement_id").asString()).isEqualTo(first.get("statement_id").asString());
          String text = read.get(key(part)).text().replaceFirst(" \\(\\d/\\d\\)$", "");
          joined.append(p == 0 ? "" : " ").append(text);
        }
        assertThat(joined.toString()).isEqualTo(statements.get(first.get("statement_id").asString()).get("text").asString());
        threads++;
      }
    }
    assertThat(threads).isGreaterThan(10);
  }

  @Test
  void statementPostsOnXFitTheWeightedLengthAndExcerptsKeepAtLeastFortyPercent() {
    Map<String, JsonNode> statements = statementsById();
    Map<String, Post> read = TestWorlds.connectorPosts();
    int excerpts = 0;
    for (JsonNode post : TestWorlds.truth("posts.jsonl")) {
      if (post.get("statement_variant").isNull()) {
        continue;
      }
      Post p = read.get(key(post));
      if (post.get("platform").asString().equals("x")) {
        String text = p.text();
        int length = 0;
        for (String link : p.links()) {
          text = text.replace(link, "");
          length += 23;
        }
        length += text.codePoints().map(c -> c <= 4351 || (c >= 8192 && c <= 8205) || (c >= 8208 && c <= 8223) ? 1 : 2).sum();
        assertThat(length).as("weighted length of %s", post.get("post_id")).isLessThanOrEqualTo(280);
      }
      if (post.get("statement_variant").asString().equals("excerpt")) {
        String statement = statements.get(post.get("statement_id").asString()).get("text").asString();
        String body = p.text().replaceAll(" #\\S+$", "").replace("…", "");
        assertThat(statement).contains(body);
        assertThat(body.codePointCount(0, body.length())).isGreaterThanOrEqualTo((int) Math.ceil(0.4 * statement.codePointCount(0, statement.length())));
        excerpts++;
      }
    }
    assertThat(excerpts).isPositive();
  }
}
