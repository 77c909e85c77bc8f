package org.cordon.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;

/**
 * What persisting flagged posts costs, phase by phase, as the triage path does it: batches of 500
 * records (a post and its author), then their 500 assessments (three signals each, as the lexicon,
 * the near-duplicate list and the classifier raise them). Prints JVM and PostgreSQL CPU per 1,000
 * posts for each phase; CPU, not wall time, because the machine is shared.
 * {@code java ... FlaggedWriteBenchmark [batches]}, temporary database.
 */
public final class FlaggedWriteBenchmark {
  static final int BATCH = 500;

  private FlaggedWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    int batches = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    try (Database database = Database.temporary()) {
      Path evidence = Files.createTempDirectory("bench-evidence-");
      Path cluster = database.cluster().orElseThrow().toRealPath();
      Stores stores = Stores.open(database, evidence);
      Platform platform = new Platform("bench-" + System.nanoTime());
      stores.observations().write("bench", records(platform, -1));
      stores.inbox().recordAssessments(assessments(platform, -1));
      Duration observeJvm = Duration.ZERO;
      Duration observeServer = Duration.ZERO;
      Duration assessJvm = Duration.ZERO;
      Duration assessServer = Duration.ZERO;
      Duration markJvm = Duration.ZERO;
      Duration markServer = Duration.ZERO;
      for (int b = 0; b < batches; b++) {
        List<ParsedRecord> records = records(platform, b);
        List<Assessment> assessments = assessments(platform, b);
        Duration j0 = jvmCpu();
        Duration s0 = serverCpu(cluster);
        stores.observations().write("bench", records);
        Duration j1 = jvmCpu();
        Duration s1 = serverCpu(cluster);
        try (java.sql.Connection c = database.dataSource().getConnection()) {
          c.setAutoCommit(false);
          AssessmentRows.upsertAll(c, assessments);
          c.commit();
        }
        Duration j2 = jvmCpu();
        Duration s2 = serverCpu(cluster);
        markAssessed(database, assessments);
        Duration j3 = jvmCpu();
        Duration s3 = serverCpu(cluster);
        markJvm = markJvm.plus(j3.minus(j2));
        markServer = markServer.plus(s3.minus(s2));
        observeJvm = observeJvm.plus(j1.minus(j0));
        observeServer = observeServer.plus(s1.minus(s0));
        assessJvm = assessJvm.plus(j2.minus(j1));
        assessServer = assessServer.plus(s2.minus(s1));
      }
      double thousands = batches * BATCH / 1000.0;
      System.out.printf("%d flagged posts in batches of %d%n", batches * BATCH, BATCH);
      System.out.printf("observations: JVM %.1f ms, PostgreSQL %.1f ms per 1,000 posts%n", observeJvm.toNanos() / 1e6 / thousands,
          observeServer.toNanos() / 1e6 / thousands);
      System.out.printf("assessments: JVM %.1f ms, PostgreSQL %.1f ms per 1,000 posts%n", assessJvm.toNanos() / 1e6 / thousands,
          assessServer.toNanos() / 1e6 / thousands);
      System.out.printf("taking posts out of the inbox: JVM %.1f ms, PostgreSQL %.1f ms per 1,000 posts%n", markJvm.toNanos() / 1e6 / thousands,
          markServer.toNanos() / 1e6 / thousands);
    }
  }

  /** The inbox's statement that takes assessed posts out of it, run alone to see its share. */
  private static void markAssessed(Database database, List<Assessment> assessments) throws java.sql.SQLException {
    try (java.sql.Connection c = database.dataSource().getConnection()) {
      JdbcAssessmentInbox.leaveInbox(c, assessments.stream().map(a -> (PostKey) a.subject()).toList());
    }
  }

  private static Duration jvmCpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static Duration serverCpu(Path cluster) {
    return EmbeddedServer.processesServing(cluster).stream()
        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  static List<ParsedRecord> records(Platform platform, int number) {
    List<ParsedRecord> records = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      String id = number + "-" + i;
      AccountKey author = AccountKey.of(platform, "acct" + (i % 200));
      Post post = new Post(PostKey.of(platform, id), author, Fixtures.T0.plusMillis(i),
          "placeholder text number " + id + " in praise of the fictional pale lantern order, join us",
          Optional.of("en"), Optional.of("https://example.test/" + id), List.of(), List.of("palelantern", "tag" + (i % 10)),
          List.of(), List.of(), List.of());
      byte[] payload = ("{\"id\":\"" + id + "\",\"text\":\"placeholder\"}").getBytes(StandardCharsets.UTF_8);
      records.add(new ParsedRecord(new SourcePosition("bench.jsonl", (long) (number + 2) * BATCH + i, i * 64L), payload,
          List.of(post, Account.minimal(author, "handle" + (i % 200)))));
    }
    return records;
  }

  static List<Assessment> assessments(Platform platform, int number) {
    List<Assessment> assessments = new ArrayList<>(BATCH);
    Instant at = Instant.parse("2026-11-23T10:00:00Z").plusSeconds(number + 10L);
    for (int i = 0; i < BATCH; i++) {
      PostKey key = PostKey.of(platform, number + "-" + i);
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
      assessments.add(new Assessment(key, 0.99, true, Optional.of(Tier.OFFICIAL_PROPAGANDA), signals,
          "classifier 0.97: ...; lexicon 0.80: ...; text-near-duplicate 0.72: ...", at));
    }
    return assessments;
  }
}
