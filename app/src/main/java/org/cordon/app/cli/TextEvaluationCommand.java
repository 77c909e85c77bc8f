package org.cordon.app.cli;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.cordon.app.world.WorldObservations;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.cordon.detect.text.KnownTextDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cordon eval text --world DIR}: how well the near-duplicate text detector finds re-posts of
 * the range's known statements, per kind of variation (verbatim, small edits, script variants,
 * excerpts, splits across a thread), and how often it fires on posts that are no re-post (a
 * journalist quoting one sentence, long look-alike posts, everything else). The statement list is
 * the one a unit would hold: the outlets' canonical statements from {@code truth/statements.jsonl};
 * posts are read through the connectors, as ingest reads them.
 */
@Command(name = "text", mixinStandardHelpOptions = true,
    description = "Near-duplicate text recall per variant and false-match rate on a range world's statements.")
final class TextEvaluationCommand implements Callable<Integer> {
  @Option(names = "--world", required = true, paramLabel = "DIR", description = "A world from 'cordon range generate'.")
  Path world;

  @Option(names = "--threshold", defaultValue = "" + KnownTextDetector.DEFAULT_THRESHOLD,
      description = "Similarity (Jaccard or containment) at which a post counts as a repeat (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--json", description = "Print one JSON object of the figures.")
  boolean json;

  /** A post's statement truth. */
  record Truth(String statementId, String variant, String accountId) {}

  static final class Tally {
    long posts;
    long found;
    long wrongStatement;
  }

  @Override
  public Integer call() throws Exception {
    JsonMapper mapper = JsonMapper.builder().build();
    Path statementsFile = world.resolve("truth/statements.jsonl");
    if (!Files.isRegularFile(statementsFile)) {
      System.err.println("cordon eval text: " + world + " has no truth/statements.jsonl (a world from an older range?)");
      return 2;
    }
    List<KnownTextDetector.Statement> statements = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(statementsFile, StandardCharsets.UTF_8)) {
      int line = 0;
      for (String s; (s = r.readLine()) != null; ) {
        line++;
        if (!s.isBlank()) {
          JsonNode n = mapper.readTree(s);
          statements.add(new KnownTextDetector.Statement("range-statements", n.get("text").asString(), n.get("statement_id").asString(),
              Tier.OFFICIAL_PROPAGANDA, line));
        }
      }
    }
    Map<PostKey, Truth> truth = new HashMap<>();
    long hardNegativePosts = 0;
    Set<PostKey> hardNegatives = new HashSet<>();
    Set<PostKey> extremist = new HashSet<>();
    try (BufferedReader r = Files.newBufferedReader(world.resolve("truth/posts.jsonl"), StandardCharsets.UTF_8)) {
      for (String s; (s = r.readLine()) != null; ) {
        if (s.isBlank()) {
          continue;
        }
        JsonNode n = mapper.readTree(s);
        PostKey key = new PostKey(new Platform(n.get("platform").asString()), n.get("post_id").asString());
        JsonNode variant = n.get("statement_variant");
        if (variant != null && !variant.isNull()) {
          JsonNode id = n.get("statement_id");
          truth.put(key, new Truth(id == null || id.isNull() ? "" : id.asString(), variant.asString(), n.get("account_id").asString()));
        }
        if ("extremist".equals(n.path("label").asString(""))) {
          extremist.add(key);
        }
        if (n.path("hard_negative").asBoolean(false)) {
          hardNegatives.add(key);
          hardNegativePosts++;
        }
      }
    }
    KnownTextDetector detector = new KnownTextDetector(statements, threshold);
    Map<String, Tally> byVariant = new TreeMap<>();
    Tally others = new Tally();
    Tally otherExtremist = new Tally();
    // X v2 lines carry the posts they quote or repost again in "includes": judge each post once
    Set<PostKey> seen = new HashSet<>();
    Tally hardNegative = new Tally();
    // A split statement counts as found when any of its parts is (one account, one statement).
    Map<String, Boolean> splits = new TreeMap<>();
    long started = System.nanoTime();
    WorldObservations.forEach(world, item -> {
      if (!(item instanceof Post post) || !seen.add(post.key())) {
        return;
      }
      Set<String> matched = new HashSet<>();
      for (Signal s : detector.detect(new PostContext(post, Optional.empty(), List.of()))) {
        matched.add(s.evidence().get("entry"));
      }
      Truth t = truth.get(post.key());
      boolean repost = t != null && !t.statementId().isEmpty() && !t.variant().equals("quote") && !t.variant().equals("lookalike");
      if (repost) {
        Tally tally = byVariant.computeIfAbsent(t.variant(), k -> new Tally());
        tally.posts++;
        tally.found += matched.contains(t.statementId()) ? 1 : 0;
        tally.wrongStatement += matched.stream().anyMatch(m -> !m.equals(t.statementId())) ? 1 : 0;
        if (t.variant().equals("split")) {
          splits.merge(t.accountId() + "/" + t.statementId(), matched.contains(t.statementId()), Boolean::logicalOr);
        }
        return;
      }
      Tally tally = t != null ? byVariant.computeIfAbsent(t.variant(), k -> new Tally())
          : hardNegatives.contains(post.key()) ? hardNegative
          : extremist.contains(post.key()) ? otherExtremist : others;
      tally.posts++;
      tally.found += matched.isEmpty() ? 0 : 1;
    });
    double elapsed = (System.nanoTime() - started) / 1e9;
    long reposts = 0;
    long found = 0;
    for (var e : byVariant.entrySet()) {
      if (!e.getKey().equals("quote") && !e.getKey().equals("lookalike")) {
        reposts += e.getValue().posts;
        found += e.getValue().found;
      }
    }
    long splitStatements = splits.size();
    long splitFound = splits.values().stream().filter(b -> b).count();
    // extremist posts that are no re-post (slogans, releases) matching a statement that shares their
    // words are reported apart: not false alarms, but not re-posts either
    long negatives = others.posts + hardNegative.posts;
    for (String k : List.of("quote", "lookalike")) {
      if (byVariant.containsKey(k)) {
        negatives += byVariant.get(k).posts;
      }
    }
    long falseMatches = others.found + hardNegative.found + (byVariant.containsKey("quote") ? byVariant.get("quote").found : 0)
        + (byVariant.containsKey("lookalike") ? byVariant.get("lookalike").found : 0);
    if (json) {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
          "{\"evaluation\":\"text\",\"threshold\":%.3f,\"statements\":%d,\"reposts\":%d,\"recall\":%.4f,\"split_statements\":%d,"
              + "\"split_statement_recall\":%.4f,\"negative_posts\":%d,\"false_match_rate\":%.5f,\"hard_negative_posts\":%d,"
              + "\"hard_negative_false_match_rate\":%.5f,\"other_extremist_posts\":%d,\"other_extremist_match_rate\":%.4f,\"seconds\":%.2f,\"variants\":{",
          threshold, statements.size(), reposts, ratio(found, reposts), splitStatements, ratio(splitFound, splitStatements), negatives,
          ratio(falseMatches, negatives), hardNegativePosts, ratio(hardNegative.found + quoteFound(byVariant), hardNegativePosts), otherExtremist.posts,
          ratio(otherExtremist.found, otherExtremist.posts), elapsed));
      int i = 0;
      for (var e : byVariant.entrySet()) {
        Tally t = e.getValue();
        boolean negative = e.getKey().equals("quote") || e.getKey().equals("lookalike");
        b.append(i++ > 0 ? "," : "").append(String.format(Locale.ROOT, "\"%s\":{\"posts\":%d,\"%s\":%.4f,\"wrong_statement_rate\":%.4f}",
            e.getKey(), t.posts, negative ? "false_match_rate" : "recall", ratio(t.found, t.posts), ratio(t.wrongStatement, t.posts)));
      }
      System.out.println(b.append("}}"));
      return 0;
    }
    System.out.printf(Locale.ROOT, "Known statements: %d; threshold %.2f; %d posts read in %.1f s%n%n", statements.size(), threshold,
        seen.size(), elapsed);
    Table table = new Table("posts", "count", "found / matched", "rate", "wrong statement");
    for (var e : byVariant.entrySet()) {
      Tally t = e.getValue();
      boolean negative = e.getKey().equals("quote") || e.getKey().equals("lookalike");
      table.row((negative ? "negative: " : "re-post: ") + e.getKey(), t.posts, t.found,
          String.format(Locale.ROOT, "%.3f %s", ratio(t.found, t.posts), negative ? "false-match" : "recall"),
          String.format(Locale.ROOT, "%.3f", ratio(t.wrongStatement, t.posts)));
    }
    table.row("split statements (any part)", splitStatements, splitFound, String.format(Locale.ROOT, "%.3f recall", ratio(splitFound, splitStatements)), "");
    table.row("hard negatives (other)", hardNegative.posts, hardNegative.found, String.format(Locale.ROOT, "%.4f false-match", ratio(hardNegative.found, hardNegative.posts)), "");
    table.row("other benign posts", others.posts, others.found, String.format(Locale.ROOT, "%.5f false-match", ratio(others.found, others.posts)), "");
    table.row("other extremist posts (slogans, releases)", otherExtremist.posts, otherExtremist.found,
        String.format(Locale.ROOT, "%.4f match a statement", ratio(otherExtremist.found, otherExtremist.posts)), "");
    table.row("all re-posts", reposts, found, String.format(Locale.ROOT, "%.3f recall", ratio(found, reposts)), "");
    table.print(System.out);
    return 0;
  }

  private static long quoteFound(Map<String, Tally> byVariant) {
    return byVariant.containsKey("quote") ? byVariant.get("quote").found : 0;
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
