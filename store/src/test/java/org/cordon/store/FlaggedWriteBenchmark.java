package org.cordon.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.PostReference;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;

/**
 * What persisting flagged posts costs, as the triage path does it: {@code writeAssessed} of batches
 * of 500 records shaped like the range world's X records (a post with its author's full profile,
 * mentions, a reply now and then, a repost carrying its original and that original's author) and
 * their 500 assessments (three signals each, as the lexicon, the near-duplicate list and the
 * classifier raise them); three posts in ten were written and judged in the batch before, as the
 * range world's X posts come twice (two formats). Prints the writing thread's CPU and the PostgreSQL server's CPU per
 * 1,000 posts, and the server's time per statement from {@code pg_stat_statements}; CPU, not wall
 * time, because the machine is shared. The server is durable (fsync, synchronous commit) as the
 * application's is.
 * {@code java -cp ... org.cordon.store.FlaggedWriteBenchmark [batches] [seed]}, temporary database.
 */
public final class FlaggedWriteBenchmark {
  static final int BATCH = 500;
  static final int AUTHORS = 3_000;
  static final int WARM_UP_BATCHES = 20;

  private FlaggedWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    int batches = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 515151L;
    Path directory = Files.createTempDirectory("flagged-bench-");
    try {
      // pg_stat_statements must be preloaded: set it, then restart the server on the same cluster
      try (Database first = Database.embedded(directory); Connection c = first.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
        s.execute("ALTER SYSTEM SET pg_stat_statements.track_utility = off");
      }
      try (Database database = Database.embedded(directory)) {
        run(database, directory.resolve(EmbeddedServer.CLUSTER).toRealPath(), batches, seed);
      }
    } finally {
      try (var paths = Files.walk(directory)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(Database database, Path cluster, int batches, long seed) throws Exception {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
    Stores stores = Stores.open(database, Files.createTempDirectory("bench-evidence-"));
    Platform platform = new Platform("bench");
    Random random = new Random(seed);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int b = 0; b < WARM_UP_BATCHES; b++) {
      Batch batch = batch(platform, random, b);
      stores.observations().writeAssessed("bench", batch.records(), batch.assessments());
    }
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("SELECT pg_stat_statements_reset()");
    }
    long jvm = 0;
    Duration server = Duration.ZERO;
    Map<String, Duration> byRoleBefore = serverCpuByRole(cluster);
    long walBefore = walPosition(database);
    long items = 0;
    for (int b = WARM_UP_BATCHES; b < WARM_UP_BATCHES + batches; b++) {
      Batch batch = batch(platform, random, b);
      items += batch.records().stream().mapToLong(r -> r.items().size()).sum();
      long j0 = threads.getCurrentThreadCpuTime();
      Duration s0 = serverCpu(cluster);
      stores.observations().writeAssessed("bench", batch.records(), batch.assessments());
      jvm += threads.getCurrentThreadCpuTime() - j0;
      server = server.plus(serverCpu(cluster).minus(s0));
    }
    int posts = batches * BATCH;
    long wal = walPosition(database) - walBefore;
    Map<String, Duration> byRole = serverCpuByRole(cluster);
    System.out.printf(Locale.ROOT, "%,d flagged posts in batches of %d (%.2f items per record), seed %d%n", posts, BATCH, items / (double) posts, seed);
    System.out.printf(Locale.ROOT, "writing thread CPU %.1f µs, PostgreSQL server CPU %.1f µs per flagged post%n", jvm / 1e3 / posts,
        server.toNanos() / 1e3 / posts);
    System.out.printf(Locale.ROOT, "WAL %.0f bytes per flagged post; server CPU by process (µs per flagged post):", wal / (double) posts);
    byRole.forEach((role, cpu) -> System.out.printf(Locale.ROOT, " %s %.1f", role,
        cpu.minus(byRoleBefore.getOrDefault(role, Duration.ZERO)).toNanos() / 1e3 / posts));
    System.out.println();
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("""
            SELECT total_exec_time + total_plan_time, calls, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 90)
            FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY 1 DESC LIMIT 12""");
        ResultSet rs = ps.executeQuery()) {
      List<String[]> rows = new ArrayList<>();
      double total = 0;
      while (rs.next()) {
        total += rs.getDouble(1);
        rows.add(new String[] {Double.toString(rs.getDouble(1)), Long.toString(rs.getLong(2)), Long.toString(rs.getLong(3)), rs.getString(4)});
      }
      System.out.printf(Locale.ROOT, "statement time (pg_stat_statements, plan + execute, commit not included): %.1f µs per flagged post%n",
          total * 1e3 / posts);
      for (String[] row : rows) {
        double ms = Double.parseDouble(row[0]);
        System.out.printf(Locale.ROOT, "  %5.1f %%  %6.1f µs/post  %6.2f rows/post  %s%n", 100 * ms / total, ms * 1e3 / posts,
            Long.parseLong(row[2]) / (double) posts, row[3]);
      }
    }
  }

  private static Duration serverCpu(Path cluster) {
    return EmbeddedServer.processesServing(cluster).stream()
        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  private static long walPosition(Database database) throws java.sql.SQLException {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Server CPU by process title ("checkpointer", "walwriter", a backend's user name...); a process that ended is not counted. */
  private static Map<String, Duration> serverCpuByRole(Path cluster) {
    Map<String, Duration> byRole = new java.util.TreeMap<>();
    for (ProcessHandle p : EmbeddedServer.processesServing(cluster)) {
      String title;
      try {
        title = new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').trim();
      } catch (java.io.IOException e) {
        continue;
      }
      String[] words = title.split(" ");
      String role = words.length > 1 && words[0].equals("postgres:") ? words[1] : "postmaster";
      byRole.merge(role, p.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus);
    }
    return byRole;
  }

  record Batch(List<ParsedRecord> records, List<Assessment> assessments) {}

  /** 500 records, each with one flagged post; a quarter reply, a fifth repost an unflagged original. */
  static Batch batch(Platform platform, Random random, int number) {
    List<ParsedRecord> records = new ArrayList<>(BATCH);
    List<Assessment> assessments = new ArrayList<>(BATCH);
    Instant at = Instant.parse("2026-11-23T10:00:00Z").plusSeconds(number * 1000L);
    for (int i = 0; i < BATCH; i++) {
      // as in the range world, where X posts come in two formats: three in ten were judged before
      int from = number > 0 && random.nextInt(10) < 3 ? number - 1 : number;
      String id = from + "-" + i;
      PostKey key = PostKey.of(platform, id);
      Account author = account(platform, random.nextInt(AUTHORS));
      List<Observed> items = new ArrayList<>();
      List<PostReference> references = new ArrayList<>();
      List<String> mentions = new ArrayList<>();
      Instant postedAt = at.plusMillis(i);
      for (int m = random.nextInt(3) - 1; m > 0 || (m == 0 && random.nextBoolean()); m--) {
        Account mentioned = account(platform, random.nextInt(AUTHORS));
        mentions.add(mentioned.handle());
        items.add(new Interaction.Mention(author.key(), mentioned.handle(), Optional.of(mentioned.key()), key, postedAt));
      }
      if (random.nextInt(4) == 0) {
        PostKey parent = PostKey.of(platform, "parent-" + id);
        references.add(new PostReference(PostReference.Kind.REPLY_TO, parent));
        items.add(new Interaction.Reply(author.key(), Optional.of(AccountKey.of(platform, "acct" + random.nextInt(AUTHORS))), key, parent, postedAt));
      }
      if (random.nextInt(5) == 0) {
        Account originalAuthor = account(platform, random.nextInt(AUTHORS));
        Post original = new Post(PostKey.of(platform, "original-" + id), originalAuthor.key(), postedAt.minusSeconds(600),
            "placeholder original text number " + id + " about the fictional pale lantern order", Optional.of("en"),
            Optional.of("https://example.test/original-" + id), List.of(), List.of("palelantern"), List.of(), List.of(), List.of());
        items.add(original);
        items.add(originalAuthor);
        references.add(new PostReference(PostReference.Kind.REPOST_OF, original.key()));
        items.add(new Interaction.Share(author.key(), Interaction.Share.Kind.REPOST, key, Optional.of(original.key()),
            Optional.of(originalAuthor.key()), Optional.empty(), postedAt));
      }
      Post post = new Post(key, author.key(), postedAt,
          "placeholder text number " + id + " in praise of the fictional pale lantern order, join us",
          Optional.of("en"), Optional.of("https://example.test/" + id), List.of(), List.of("palelantern", "tag" + (i % 10)),
          mentions, List.of("https://example.test/link/" + (i % 50)), references);
      items.addFirst(author);
      items.addFirst(post);
      byte[] payload = ("{\"id\":\"" + id + "\",\"text\":\"placeholder\"}").getBytes(StandardCharsets.UTF_8);
      records.add(new ParsedRecord(new SourcePosition("bench.jsonl", (long) number * BATCH + i + 1, i * 640L), payload, List.copyOf(items)));
      assessments.add(assessment(key, Instant.parse("2026-11-23T10:00:00Z").plusSeconds(from * 1000L)));
    }
    return new Batch(records, assessments);
  }

  private static Account account(Platform platform, int n) {
    return new Account(AccountKey.of(platform, "acct" + n), "handle" + n, Optional.of("Display name " + n),
        Optional.of("placeholder biography of account " + n), Optional.of(Instant.parse("2012-01-01T00:00:00Z").plusSeconds(n * 3600L)),
        OptionalLong.of(n % 700), OptionalLong.of(n % 300), Optional.of("https://example.test/avatar-" + n + ".jpg"), Optional.empty(), List.of());
  }

  static Assessment assessment(PostKey key, Instant at) {
    List<Signal> signals = List.of(
        new Signal(key, "lexicon", 0.8, Optional.of(Tier.PROMOTIONAL),
            "text matches 2 entries of lexicon 'range' v3: 'pale lantern' (en, 0.60), 'join us' (en, 0.50)",
            Map.of("lexicon", "range", "lexicon_version", "3", "terms", "pale lantern | join us", "written", "pale lantern | join us",
                "spans", "40-52,63-70", "hits", "2")),
        new Signal(key, "text-near-duplicate", 0.72, Optional.of(Tier.OFFICIAL_PROPAGANDA),
            "text repeats known statement 'release-7' (line 12 of list 'statements'): 0.72",
            Map.of("list", "statements", "entry", "release-7", "entry_line", "12", "jaccard", "0.720", "containment", "0.800")),
        new Signal(key, "classifier", 0.97, Optional.empty(),
            "classifier 0123456789ab gives 'extremist' probability 0.97; strongest: \"lantern\" +0.210, ‹lant› +0.120",
            Map.of("model_id", "0123456789abcdef", "label", "extremist", "probability", "0.9700",
                "top_features", "\"lantern\" +0.210, ‹lant› +0.120")));
    return new Assessment(key, 0.99, true, Optional.of(Tier.OFFICIAL_PROPAGANDA), signals,
        "classifier 0.97: ...; lexicon 0.80: ...; text-near-duplicate 0.72: ...", at);
  }
}
