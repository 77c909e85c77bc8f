package org.cordon.range.stats;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shape of a generated world, read back from its ground truth: role counts, degree
 * distributions, language mix, suspensions and returns. Sections keep a fixed order, so the table
 * and the JSON are stable for the same world.
 */
public final class WorldStats {
  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Map<String, Map<String, Object>> sections;

  private WorldStats(Map<String, Map<String, Object>> sections) {
    this.sections = sections;
  }

  /** Figures by section, in display order. */
  public Map<String, Map<String, Object>> sections() {
    return sections;
  }

  public static WorldStats read(Path dir) {
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    TreeMap<String, Long> personsByRole = new TreeMap<>();
    lines(dir.resolve("truth/persons.jsonl"), n -> personsByRole.merge(n.get("role").asString(), 1L, Long::sum));
    sections.put("persons by role", new LinkedHashMap<>(personsByRole));

    TreeMap<String, Long> accountsByRole = new TreeMap<>();
    TreeMap<String, Long> accountsByPlatform = new TreeMap<>();
    TreeMap<String, Long> accountsByLanguage = new TreeMap<>();
    long[] suspension = new long[2];
    LongArrayList supporterFirst = new LongArrayList();
    LongArrayList supporterReturned = new LongArrayList();
    Object2IntOpenHashMap<String> accountIndex = new Object2IntOpenHashMap<>();
    accountIndex.defaultReturnValue(-1);
    lines(dir.resolve("truth/accounts.jsonl"), n -> {
      String role = n.get("role").asString();
      accountsByRole.merge(role, 1L, Long::sum);
      accountsByPlatform.merge(n.get("platform").asString(), 1L, Long::sum);
      accountsByLanguage.merge(n.get("language").asString(), 1L, Long::sum);
      if (!n.get("suspended_at").isNull()) {
        suspension[0]++;
      }
      if (!n.get("predecessor_account_id").isNull()) {
        suspension[1]++;
      }
      if (role.equals("supporter") && n.get("platform").asString().equals("x")) {
        (n.get("generation").asInt() == 0 ? supporterFirst : supporterReturned).add(n.get("followers_count").asLong());
      }
      String platform = n.get("platform").asString();
      if (platform.equals("x") || platform.equals("mastodon")) {
        accountIndex.put(platform + " " + n.get("account_id").asString(), accountIndex.size());
      }
    });
    sections.put("accounts by role", new LinkedHashMap<>(accountsByRole));
    sections.put("accounts by platform", new LinkedHashMap<>(accountsByPlatform));
    sections.put("accounts by language", new LinkedHashMap<>(accountsByLanguage));

    LongArrayList delays = new LongArrayList();
    lines(dir.resolve("truth/lineage.jsonl"), n -> delays.add(n.get("return_delay_seconds").asLong()));
    Map<String, Object> moderation = new LinkedHashMap<>();
    moderation.put("suspended accounts", suspension[0]);
    moderation.put("returning accounts", suspension[1]);
    moderation.put("lineage records", (long) delays.size());
    long[] sortedDelays = delays.toLongArray();
    Arrays.sort(sortedDelays);
    moderation.put("return delay median (min)", percentile(sortedDelays, 0.5) / 60);
    moderation.put("return delay p90 (min)", percentile(sortedDelays, 0.9) / 60);
    moderation.put("supporter followers mean, first accounts", round(mean(supporterFirst)));
    moderation.put("supporter followers mean, returned accounts", round(mean(supporterReturned)));
    sections.put("suspensions and returns", moderation);

    TreeMap<String, Long> postsByPlatform = new TreeMap<>();
    TreeMap<String, Long> postsByLanguage = new TreeMap<>();
    TreeMap<String, Long> postsByLabel = new TreeMap<>();
    TreeMap<String, Long> postsByTier = new TreeMap<>();
    TreeMap<String, Long> postsByStatementVariant = new TreeMap<>();
    long[] postFigures = new long[4];
    lines(dir.resolve("truth/posts.jsonl"), n -> {
      postFigures[0]++;
      postsByPlatform.merge(n.get("platform").asString(), 1L, Long::sum);
      postsByLanguage.merge(n.get("language").asString(), 1L, Long::sum);
      postsByLabel.merge(n.get("label").asString(), 1L, Long::sum);
      if (!n.get("tier").isNull()) {
        postsByTier.merge(n.get("tier").asString(), 1L, Long::sum);
      }
      if (n.get("hard_negative").asBoolean()) {
        postFigures[1]++;
      }
      if (n.get("media").size() > 0) {
        postFigures[2]++;
      }
      if (!n.get("outreach_id").isNull()) {
        postFigures[3]++;
      }
      if (n.has("statement_variant") && !n.get("statement_variant").isNull()) {
        postsByStatementVariant.merge(n.get("statement_variant").asString(), 1L, Long::sum);
      }
    });
    Map<String, Object> posts = new LinkedHashMap<>();
    posts.put("posts", postFigures[0]);
    posts.put("hard negatives", postFigures[1]);
    long extremist = postsByLabel.getOrDefault("extremist", 0L);
    posts.put("hard negative share of posts naming the organisation",
        round((double) postFigures[1] / Math.max(1, postFigures[1] + extremist)));
    posts.put("posts with media", postFigures[2]);
    posts.put("outreach conversation posts", postFigures[3]);
    sections.put("posts", posts);
    sections.put("posts by label", new LinkedHashMap<>(postsByLabel));
    sections.put("posts by tier", new LinkedHashMap<>(postsByTier));
    sections.put("posts by platform", new LinkedHashMap<>(postsByPlatform));
    sections.put("posts by language", new LinkedHashMap<>(postsByLanguage));

    int[] in = new int[accountIndex.size()];
    int[] out = new int[accountIndex.size()];
    Consumer<JsonNode> edge = n -> {
      String platform = n.get("platform").asString();
      int from = accountIndex.getInt(platform + " " + n.get("from_id").asString());
      int to = accountIndex.getInt(platform + " " + n.get("to_id").asString());
      if (from >= 0) {
        out[from]++;
      }
      if (to >= 0) {
        in[to]++;
      }
    };
    lines(dir.resolve("graph/follows-x.jsonl"), edge);
    lines(dir.resolve("graph/follows-mastodon.jsonl"), edge);
    Map<String, Object> degrees = new LinkedHashMap<>();
    describe(degrees, "in-degree", in);
    describe(degrees, "out-degree", out);
    sections.put("follow graph (microblog and fediverse)", degrees);

    long[] releaseFigures = new long[2];
    lines(dir.resolve("truth/releases.jsonl"), n -> {
      releaseFigures[0]++;
      releaseFigures[1] += n.get("variants").size();
    });
    long[] conversations = new long[2];
    lines(dir.resolve("truth/outreach.jsonl"), n -> conversations[n.get("grooming").asBoolean() ? 0 : 1]++);
    Map<String, Object> releases = new LinkedHashMap<>();
    releases.put("releases", releaseFigures[0]);
    releases.put("variants used", releaseFigures[1]);
    releases.put("grooming conversations", conversations[0]);
    releases.put("ordinary look-alike conversations", conversations[1]);
    sections.put("releases and outreach", releases);
    Map<String, Object> statements = new LinkedHashMap<>();
    long[] statementCount = new long[1];
    // Worlds written before statements existed have no statements file.
    if (java.nio.file.Files.exists(dir.resolve("truth/statements.jsonl"))) {
      lines(dir.resolve("truth/statements.jsonl"), n -> statementCount[0]++);
    }
    statements.put("statements", statementCount[0]);
    postsByStatementVariant.forEach((variant, n) -> statements.put("posts " + variant, n));
    sections.put("statements", statements);
    return new WorldStats(sections);
  }

  private static void describe(Map<String, Object> into, String name, int[] degrees) {
    int[] sorted = degrees.clone();
    Arrays.sort(sorted);
    long sum = 0;
    for (int d : sorted) {
      sum += d;
    }
    into.put(name + " mean", round((double) sum / Math.max(1, sorted.length)));
    into.put(name + " median", sorted.length == 0 ? 0 : sorted[sorted.length / 2]);
    into.put(name + " p99", sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)]);
    into.put(name + " max", sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    // Log-binned counts: the shape of the tail at a glance.
    long[] bins = new long[32];
    for (int d : sorted) {
      bins[d == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(d)]++;
    }
    for (int bin = 0; bin < bins.length; bin++) {
      if (bins[bin] > 0) {
        String range = bin == 0 ? "0" : bin == 1 ? "1" : (1 << (bin - 1)) + "-" + ((1 << bin) - 1);
        into.put(name + " accounts with " + range, bins[bin]);
      }
    }
  }

  private static long percentile(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * q)];
  }

  private static double mean(LongArrayList values) {
    long sum = 0;
    for (int i = 0; i < values.size(); i++) {
      sum += values.getLong(i);
    }
    return values.isEmpty() ? 0 : (double) sum / values.size();
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static void lines(Path file, Consumer<JsonNode> each) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(file + " is missing: is this a world directory written by 'cordon range generate'?");
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isEmpty()) {
          each.accept(MAPPER.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A readable table: one block per section. */
  public String table() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Map<String, Object>> section : sections.entrySet()) {
      out.append(section.getKey()).append('\n');
      for (Map.Entry<String, Object> row : section.getValue().entrySet()) {
        out.append(String.format(Locale.ROOT, "  %-52s %14s%n", row.getKey(), row.getValue()));
      }
    }
    return out.toString();
  }

  public String json() {
    return MAPPER.writeValueAsString(sections);
  }

}
