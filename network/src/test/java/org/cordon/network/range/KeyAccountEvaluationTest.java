package org.cordon.network.range;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyAccountEvaluationTest {
  private static final String AT = "2014-09-01T06:00:00.000Z";
  private static final KeyAccountEvaluation.FlagSource TRUTH = new KeyAccountEvaluation.TruthLabels();

  /**
   * A world small enough to reason about: outlet o1 posts a release's canonical image; six
   * supporters share it and follow each other, the outlet and the recruiter r1; a journalist j1 is
   * followed by everyone, supporters included; ten ordinary users follow each other and j1.
   */
  private static Path tinyWorld(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    List<String> ids = new ArrayList<>(List.of("o1", "r1", "j1"));
    for (int i = 1; i <= 6; i++) {
      ids.add("s" + i);
    }
    for (int i = 1; i <= 10; i++) {
      ids.add("n" + i);
    }
    for (String id : ids) {
      lines.add("{\"kind\":\"account\",\"platform\":\"x\",\"id\":\"" + id + "\",\"handle\":\"handle_" + id + "\"}");
    }
    lines.add("{\"kind\":\"media\",\"platform\":\"x\",\"id\":\"m1\",\"media_type\":\"image\","
        + "\"location\":\"https://media.range.invalid/media/releases/rel-1/img0.jpg\"}");
    lines.add(post("p1", "o1", "[\"m1\"]"));
    for (int i = 1; i <= 6; i++) {
      String s = "s" + i;
      lines.add(post("rt" + i, s, "[]"));
      lines.add("{\"kind\":\"share\",\"platform\":\"x\",\"from_id\":\"" + s + "\",\"share_kind\":\"repost\",\"post_id\":\"rt" + i
          + "\",\"original_post_id\":\"p1\",\"at\":\"" + AT + "\"}");
      lines.add(follow(s, "o1"));
      lines.add(follow(s, "r1"));
      lines.add(follow(s, "j1"));
      lines.add(follow(s, "s" + (i % 6 + 1)));
    }
    for (int i = 1; i <= 10; i++) {
      lines.add(follow("n" + i, "j1"));
      lines.add(follow("n" + i, "n" + (i % 10 + 1)));
    }
    Files.createDirectories(dir.resolve("graph"));
    Files.createDirectories(dir.resolve("truth"));
    Files.write(dir.resolve("graph/all.jsonl"), lines);
    Files.writeString(dir.resolve("manifest.json"),
        "{\"files\":[{\"path\":\"graph/all.jsonl\",\"format\":\"cordon-jsonl\",\"platform\":\"x\"}]}");
    Files.writeString(dir.resolve("truth/releases.jsonl"), "{\"release_id\":\"rel-1\",\"canonical_media\":"
        + "[{\"media_id\":\"rel-1-img0\",\"path\":\"media/releases/rel-1/img0.jpg\"}]}\n");
    List<String> persons = new ArrayList<>();
    persons.add("{\"person_id\":\"person-0\",\"role\":\"official_outlet\",\"account_ids\":[\"o1\"]}");
    persons.add("{\"person_id\":\"person-1\",\"role\":\"recruiter\",\"account_ids\":[\"r1\"]}");
    persons.add("{\"person_id\":\"person-2\",\"role\":\"journalist\",\"account_ids\":[\"j1\"]}");
    Files.write(dir.resolve("truth/persons.jsonl"), persons);
    return dir;
  }

  private static String post(String id, String author, String media) {
    return "{\"kind\":\"post\",\"platform\":\"x\",\"id\":\"" + id + "\",\"author_id\":\"" + author + "\",\"posted_at\":\"" + AT
        + "\",\"text\":\"placeholder\",\"media_ids\":" + media
        + ",\"hashtags\":[],\"mentions\":[],\"links\":[],\"references\":[]}";
  }

  private static String follow(String from, String to) {
    return "{\"kind\":\"follow\",\"platform\":\"x\",\"from_id\":\"" + from + "\",\"to_id\":\"" + to + "\",\"at\":\"" + AT + "\"}";
  }

  @Test
  void findsTheOutletAndTheRecruiterButNotTheWidelyFollowedJournalist(@TempDir Path dir) throws IOException {
    Path world = tinyWorld(dir);

    KeyAccountEvaluation.Figures figures = KeyAccountEvaluation.run(world, 2, 7, TRUTH);

    assertThat(figures.rejectedRecords()).isZero();
    assertThat(figures.outletsFound()).isEqualTo(1);
    assertThat(figures.ringleadersFound()).isEqualTo(1);
    assertThat(figures.recallAtK()).isEqualTo(1.0);
    assertThat(figures.topAccounts()).noneSatisfy(line -> assertThat(line).contains("x:account:j1 "));
    // Seeds: the outlet's post and six shares of it.
    assertThat(figures.seedAccounts()).isEqualTo(7);
    assertThat(figures.knownContentPosts()).isEqualTo(1);
  }

  @Test
  void theDisruptionPlanIsComparedWithBothBaselinesInTheSameRun(@TempDir Path dir) throws IOException {
    KeyAccountEvaluation.Figures figures = KeyAccountEvaluation.run(tinyWorld(dir), 2, 7, TRUTH);

    assertThat(figures.reachBefore()).isPositive();
    assertThat(figures.planReachAfter()).isLessThanOrEqualTo(figures.degreeReachAfter());
    assertThat(figures.planReachAfter()).isLessThanOrEqualTo(figures.randomReachAfter());
    assertThat(figures.planReduction()).isBetween(0.0, 1.0);
    assertThat(figures.reachDefinition()).contains("follower steps");
  }

  /**
   * The tiny world plus a second recruiter r2 whom almost nobody follows: one supporter does, as
   * one supporter also follows the distributor d1. Both post flagged propaganda; r2 also mentions
   * two ordinary users (outsiders) in public, which d1 never does.
   */
  private static Path worldWithAQuietRecruiter(Path dir) throws IOException {
    Path world = tinyWorld(dir);
    List<String> lines = new ArrayList<>(Files.readAllLines(world.resolve("graph/all.jsonl")));
    for (String id : List.of("r2", "d1")) {
      lines.add("{\"kind\":\"account\",\"platform\":\"x\",\"id\":\"" + id + "\",\"handle\":\"handle_" + id + "\"}");
      lines.add(post("flagged-" + id, id, "[]"));
      lines.add(post("flagged-again-" + id, id, "[]"));
    }
    lines.add(follow("s1", "r2"));
    lines.add(follow("s2", "d1"));
    for (String outsider : List.of("n1", "n2")) {
      lines.add("{\"kind\":\"mention\",\"platform\":\"x\",\"from_id\":\"r2\",\"to_handle\":\"handle_" + outsider
          + "\",\"to_id\":\"" + outsider + "\",\"post_id\":\"flagged-r2\",\"at\":\"" + AT + "\"}");
    }
    Files.write(world.resolve("graph/all.jsonl"), lines);
    Files.write(world.resolve("truth/posts.jsonl"), List.of(
        label("x", "flagged-r2", "r2", "extremist", "\"promotional\""),
        label("x", "flagged-again-r2", "r2", "extremist", "\"promotional\""),
        label("x", "flagged-d1", "d1", "extremist", "\"promotional\""),
        label("x", "flagged-again-d1", "d1", "extremist", "\"promotional\"")));
    List<String> persons = new ArrayList<>(Files.readAllLines(world.resolve("truth/persons.jsonl")));
    persons.add("{\"person_id\":\"person-3\",\"role\":\"recruiter\",\"account_ids\":[\"r2\"]}");
    persons.add("{\"person_id\":\"person-4\",\"role\":\"distributor\",\"account_ids\":[\"d1\"]}");
    Files.write(world.resolve("truth/persons.jsonl"), persons);
    return world;
  }

  private static String label(String platform, String post, String account, String label, String tier) {
    return "{\"platform\":\"" + platform + "\",\"post_id\":\"" + post + "\",\"account_id\":\"" + account
        + "\",\"label\":\"" + label + "\",\"tier\":" + tier + "}";
  }

  @Test
  void aFlaggedAccountThatReachesOutsidersIsFoundThoughAlmostNobodyFollowsIt(@TempDir Path dir) throws IOException {
    Path world = worldWithAQuietRecruiter(dir);

    // Four places: the outlet, the recruiter everyone follows, the journalist everyone follows, one more.
    KeyAccountEvaluation.Figures figures = KeyAccountEvaluation.run(world, 4, 7, TRUTH);

    assertThat(figures.ringleaders()).isEqualTo(2);
    assertThat(figures.ringleadersFound()).isEqualTo(2);
    assertThat(figures.topAccounts()).anySatisfy(line -> assertThat(line).contains("x:account:r2 ")
        .contains("reaches outside the community").contains("2 account(s) outside it"));
    assertThat(figures.topAccounts()).noneSatisfy(line -> assertThat(line).contains("x:account:d1 "));
    // The flags make seeds; the disruption plan's sources stay the known-content spreaders.
    assertThat(figures.seedAccounts()).isEqualTo(9);
    assertThat(figures.seedEvidence()).contains("2 accounts with 2 or more posts flagged as propaganda");
    assertThat(figures.seedSource()).isEqualTo("truth");
    assertThat(figures.flaggedAccounts()).isEqualTo(2);
  }

  @Test
  void onlyTwoOrMorePropagandaLabelsFlagAnAccountNotGroomingConversationsOrBenignPosts(@TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("truth"));
    Files.write(dir.resolve("truth/posts.jsonl"), List.of(
        label("x", "p1", "propagandist", "extremist", "\"official_propaganda\""),
        label("x", "p2", "propagandist", "extremist", "\"promotional\""),
        label("x", "p3", "once", "extremist", "\"promotional\""),
        label("telegram", "c/1", "user7", "extremist", "null"),
        label("telegram", "c/2", "user7", "extremist", "null"),
        label("x", "p4", "journalist", "benign", "null"),
        label("x", "p5", "journalist", "benign", "null"),
        "{\"platform\":\"x\",\"post_id\":\"p6\",\"label\":\"extremist\",\"tier\":\"promotional\"}",
        "{\"platform\":\"x\",\"post_id\":\"p7\",\"label\":\"extremist\",\"tier\":\"promotional\"}"));

    assertThat(KeyAccountEvaluation.Flags.of(TRUTH, dir).accounts())
        .containsExactly(org.cordon.core.model.AccountKey.of(org.cordon.core.model.Platform.X, "propagandist"));
    assertThat(KeyAccountEvaluation.Flags.of(TRUTH, dir.resolve("no-such-world")).accounts()).isEmpty();
  }

  @Test
  void seedsFromAFlaggedPostsFileFindTheQuietRecruiterAndSayWhereTheFlagsCameFrom(@TempDir Path dir) throws IOException {
    Path world = worldWithAQuietRecruiter(dir);
    // Detection's verdicts, not the labels: the labels are removed so that they cannot leak in.
    Files.delete(world.resolve("truth/posts.jsonl"));
    Path flagged = dir.resolve("flagged.jsonl");
    Files.write(flagged, List.of(
        flag("flagged-r2", "r2", "\"promotional\"", 0.97),
        flag("flagged-again-r2", "r2", "\"graphic_violence\"", 0.91),
        flag("flagged-d1", "d1", "\"official_propaganda\"", 0.99),
        flag("flagged-again-d1", "d1", "\"promotional\"", 0.88),
        "{\"platform\":\"x\",\"post_id\":\"broken\"",
        flag("p1", "o1", "\"no-such-tier\"", 0.5)));

    KeyAccountEvaluation.Figures figures = KeyAccountEvaluation.run(world, 4, 7, new KeyAccountEvaluation.FlaggedFile(flagged, false));

    assertThat(figures.seedSource()).isEqualTo("file");
    assertThat(figures.flaggedPosts()).isEqualTo(4);
    assertThat(figures.flaggedAccounts()).isEqualTo(2);
    assertThat(figures.flagLinesRejected()).isEqualTo(2);
    assertThat(figures.flagRejections()).anySatisfy(r -> assertThat(r).startsWith("line 5: MALFORMED_JSON"))
        .anySatisfy(r -> assertThat(r).startsWith("line 6: INVALID_FIELD").contains("unknown tier 'no-such-tier'"));
    assertThat(figures.ringleadersFound()).isEqualTo(2);
    assertThat(figures.seedEvidence()).contains("2 accounts with 2 or more posts flagged as propaganda").contains("a flagged-posts file");
  }

  @Test
  void onlyConfidentFlagsWithATierCountTowardsASeed(@TempDir Path dir) throws IOException {
    Path world = worldWithAQuietRecruiter(dir);
    Path flagged = dir.resolve("flagged.jsonl");
    // r2: one confident flag and one just over the flag threshold; d1: two confident flags without a tier;
    // j1: two confident propaganda flags, so the journalist does seed (detection's mistake, taken at its word).
    Files.write(flagged, List.of(
        flag("flagged-r2", "r2", "\"promotional\"", 0.97),
        flag("flagged-again-r2", "r2", "\"official_propaganda\"", 0.53),
        flag("flagged-d1", "d1", "null", 0.99),
        flag("flagged-again-d1", "d1", "null", 0.95),
        flag("j1-report", "j1", "\"official_propaganda\"", 0.9),
        flag("j1-report-2", "j1", "\"official_propaganda\"", KeyAccountEvaluation.CONFIDENT_FLAG_SCORE)));

    KeyAccountEvaluation.Figures figures = KeyAccountEvaluation.run(world, 4, 7, new KeyAccountEvaluation.FlaggedFile(flagged, false));

    assertThat(figures.flaggedPosts()).isEqualTo(6);
    assertThat(figures.confidentFlaggedPosts()).isEqualTo(3);
    assertThat(figures.flaggedAccounts()).isEqualTo(1);
    assertThat(KeyAccountEvaluation.Flags.of(new KeyAccountEvaluation.FlaggedFile(flagged, false), world).accounts())
        .containsExactly(org.cordon.core.model.AccountKey.of(org.cordon.core.model.Platform.X, "j1"));
  }

  @Test
  void aFileWrittenByThisRunsDetectionIsReportedAsDetection(@TempDir Path dir) throws IOException {
    Path world = tinyWorld(dir);
    Path flagged = Files.writeString(dir.resolve("flagged.jsonl"), "");

    KeyAccountEvaluation.Figures figures = KeyAccountEvaluation.run(world, 2, 7, new KeyAccountEvaluation.FlaggedFile(flagged, true));

    assertThat(figures.seedSource()).isEqualTo("detection");
    assertThat(figures.flaggedPosts()).isZero();
    assertThat(figures.seedEvidence()).contains("Cordon's detection");
  }

  @Test
  void aMissingFlaggedPostsFileIsAnErrorThatSaysHowToMakeOne(@TempDir Path dir) throws IOException {
    Path world = tinyWorld(dir);

    assertThatThrownBy(() -> KeyAccountEvaluation.run(world, 2, 7, new KeyAccountEvaluation.FlaggedFile(dir.resolve("absent.jsonl"), false)))
        .hasMessageContaining("absent.jsonl").hasMessageContaining("--flagged-out");
  }

  private static String flag(String post, String account, String tier, double score) {
    return "{\"platform\":\"x\",\"post_id\":\"" + post + "\",\"account\":\"" + account + "\",\"tier\":" + tier + ",\"score\":" + score + "}";
  }

  @Test
  void aListOfNoAccountsIsRefused(@TempDir Path dir) throws IOException {
    Path world = tinyWorld(dir);

    assertThatThrownBy(() -> KeyAccountEvaluation.run(world, 0, 7, TRUTH)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
