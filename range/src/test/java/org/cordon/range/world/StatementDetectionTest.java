package org.cordon.range.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cordon.core.model.Post;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.detect.text.KnownTextDetector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates the text near-duplicate detector on the range's statements: a world is generated, the
 * detector is built from its canonical statements at the default threshold, and every post is read
 * back through Cordon's connectors (the text a deployment would see) and checked against the truth.
 */
class StatementDetectionTest {
  /** Per statement_variant: posts, and posts on which the detector named the right statement / any statement. */
  record Tally(int posts, int rightStatement, int anyStatement) {
    Tally add(boolean right, boolean any) {
      return new Tally(posts + 1, rightStatement + (right ? 1 : 0), anyStatement + (any ? 1 : 0));
    }

    double recall() {
      return posts == 0 ? 0 : (double) rightStatement / posts;
    }

    double anyRate() {
      return posts == 0 ? 0 : (double) anyStatement / posts;
    }
  }

  /** A world of its own, larger than the shared one, so that every variant is frequent enough to measure. */
  private static final double SCORE_FLOOR = 0.2;
  static final WorldSpec SPEC = new WorldSpec(20_141_001L, 4_000, 6, WorldSpec.DEFAULT_START, MediaMode.NONE, 1);

  private static List<JsonNode> statements;
  private static List<JsonNode> truth;
  private static Map<String, Tally> tallies;
  /** Posts with no statement variant, benign and the organisation's own (slogans, releases, chatter). */
  private static Tally unrelatedBenign;
  private static Tally unrelatedExtremist;
  private static final Map<String, Integer> extremistMatchesByKind = new TreeMap<>();

  @BeforeAll
  static void evaluate() {
    Path world = TestWorlds.temporaryDirectory("cordon-range-statements");
    System.out.println("statement evaluation world: seed " + SPEC.seed() + ", " + SPEC.accounts() + " accounts, "
        + SPEC.days() + " days, media none, in " + world);
    WorldGenerator.generate(SPEC, world);
    statements = TestWorlds.lines(world.resolve("truth/statements.jsonl"));
    truth = TestWorlds.lines(world.resolve("truth/posts.jsonl"));
    List<KnownTextDetector.Statement> known = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      JsonNode s = statements.get(i);
      known.add(new KnownTextDetector.Statement("range", s.get("text").asString(), s.get("statement_id").asString(),
          Tier.OFFICIAL_PROPAGANDA, i + 1));
    }
    KnownTextDetector detector = new KnownTextDetector(known, KnownTextDetector.DEFAULT_THRESHOLD);
    // A permissive twin shows how far from the threshold each variant's scores lie.
    KnownTextDetector permissive = new KnownTextDetector(known, SCORE_FLOOR);
    Map<String, double[]> scores = new TreeMap<>();
    Map<String, Post> posts = TestWorlds.connectorPosts(world);
    tallies = new TreeMap<>();
    unrelatedBenign = new Tally(0, 0, 0);
    unrelatedExtremist = new Tally(0, 0, 0);
    for (JsonNode t : truth) {
      Post post = posts.get(t.get("platform").asString() + " " + t.get("post_id").asString());
      List<Signal> signals = detector.detect(new PostContext(post, Optional.empty(), List.of()));
      boolean any = !signals.isEmpty();
      if (t.get("statement_variant").isNull()) {
        if (t.get("label").asString().equals("benign")) {
          unrelatedBenign = unrelatedBenign.add(false, any);
        } else {
          unrelatedExtremist = unrelatedExtremist.add(false, any);
          if (any) {
            extremistMatchesByKind.merge(t.get("release_id").isNull() ? "slogans and other" : "release posts", 1, Integer::sum);
          }
        }
        continue;
      }
      String id = t.get("statement_id").isNull() ? "" : t.get("statement_id").asString();
      double best = permissive.detect(new PostContext(post, Optional.empty(), List.of())).stream()
          .filter(sig -> id.isEmpty() || sig.evidence().get("entry").equals(id)).mapToDouble(Signal::strength).max().orElse(0);
      scores.merge(t.get("statement_variant").asString(), new double[] {best, best},
          (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
      boolean right = signals.stream().anyMatch(s -> s.evidence().get("entry").equals(id));
      tallies.merge(t.get("statement_variant").asString(), new Tally(1, right ? 1 : 0, any ? 1 : 0),
          (a, b) -> new Tally(a.posts() + b.posts(), a.rightStatement() + b.rightStatement(), a.anyStatement() + b.anyStatement()));
    }
    tallies.forEach((variant, tally) -> System.out.printf(Locale.ROOT,
        "statement_variant %-14s posts %5d  right statement %5d (%.3f)  any %5d (%.3f)  score vs its statement min %.2f max %.2f%n",
        variant, tally.posts(), tally.rightStatement(), tally.recall(), tally.anyStatement(), tally.anyRate(),
        scores.get(variant)[0], scores.get(variant)[1]));
    System.out.println("(scores below " + SCORE_FLOOR + " are shown as 0; lookalike scores are against any statement)");
    System.out.printf(Locale.ROOT, "no statement variant, benign: posts %d, matched any statement %d (%.5f)%n",
        unrelatedBenign.posts(), unrelatedBenign.anyStatement(), unrelatedBenign.anyRate());
    System.out.printf(Locale.ROOT, "no statement variant, extremist: posts %d, matched any statement %d (%.5f)%n",
        unrelatedExtremist.posts(), unrelatedExtremist.anyStatement(), unrelatedExtremist.anyRate());
    System.out.println("  of which " + extremistMatchesByKind);
  }

  private static Tally tally(String variant) {
    return tallies.getOrDefault(variant, new Tally(0, 0, 0));
  }

  @Test
  void everyVariantOccursOftenEnoughToMeasure() {
    assertThat(tallies).containsKeys("original", "verbatim", "small_edits", "script_variant", "excerpt", "split", "quote",
        "lookalike");
    for (String variant : List.of("verbatim", "small_edits", "script_variant", "excerpt", "split", "quote", "lookalike")) {
      assertThat(tally(variant).posts()).as("posts of variant %s", variant).isGreaterThanOrEqualTo(20);
    }
  }

  @Test
  void wholeAndLightlyEditedRepostsAreFoundAtTheDefaultThreshold() {
    assertThat(tally("original").recall()).isEqualTo(1.0);
    assertThat(tally("verbatim").recall()).isEqualTo(1.0);
    assertThat(tally("small_edits").recall()).as("small_edits recall").isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void scriptVariantsAndExcerptsAreFoundAtTheDefaultThreshold() {
    assertThat(tally("script_variant").recall()).as("script_variant recall").isGreaterThanOrEqualTo(0.8);
    assertThat(tally("excerpt").recall()).as("excerpt recall").isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void eachPartOfASplitStatementIsFoundOnItsOwn() {
    assertThat(tally("split").recall()).as("per-part split recall").isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void journalistsQuotingOneSentenceAreMostlyNotTakenForReposts() {
    assertThat(tally("quote").anyRate()).as("false-match rate of quotes").isLessThanOrEqualTo(0.1);
  }

  @Test
  void lookAlikeLongPostsAndEverythingElseAreNotTakenForStatements() {
    assertThat(tally("lookalike").anyRate()).as("false-match rate of look-alikes").isLessThanOrEqualTo(0.02);
    assertThat(unrelatedBenign.anyRate()).as("false-match rate of benign posts unrelated to statements").isLessThanOrEqualTo(0.001);
  }
}
