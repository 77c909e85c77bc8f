package org.cordon.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.port.ObservationStore;

/**
 * Writes batches of 1,000 records (a post, its author, every fourth with a media item) and prints
 * posts per second. {@code java ... ObservationWriteBenchmark [batches] [writers] [data-directory]}: without a
 * directory it uses a temporary database (synchronous_commit off); with one, the durable embedded
 * setup.
 */
public final class ObservationWriteBenchmark {
  static final int BATCH = 1000;

  private ObservationWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    int batches = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int writers = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    try (Database database = args.length > 2 ? Database.embedded(Path.of(args[2])) : Database.temporary()) {
      Path evidence = Files.createTempDirectory("bench-evidence-");
      Path cluster = database.cluster().orElseThrow().toRealPath();
      Duration jvmBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
      Duration serverBefore = serverCpu(cluster);
      double rate = run(Stores.open(database, evidence).observations(), batches, new Platform("bench-" + System.nanoTime()), writers);
      Duration jvm = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).minus(jvmBefore);
      Duration server = serverCpu(cluster).minus(serverBefore);
      System.out.printf("%d posts in batches of %d, %d writer(s): %,.0f posts/s (wall clock)%n", batches * BATCH, BATCH, writers, rate);
      // on a shared machine the wall clock includes waiting for a core; CPU time per post does not
      System.out.printf("CPU per 1,000 posts: JVM %.1f ms, PostgreSQL %.1f ms%n",
          jvm.toNanos() / 1e6 / (batches + 1), server.toNanos() / 1e6 / (batches + 1));
    }
  }

  private static Duration serverCpu(Path cluster) {
    return EmbeddedServer.processesServing(cluster).stream()
        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  /** Posts per second over {@code batches} writes shared by {@code writers} threads, after one warm-up batch. */
  static double run(ObservationStore store, int batches, Platform platform, int writers) throws Exception {
    store.write("bench", batch(platform, -1));
    AtomicInteger next = new AtomicInteger();
    AtomicLong posts = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        done.add(pool.submit(() -> {
          for (int b; (b = next.getAndIncrement()) < batches; ) {
            posts.addAndGet(store.write("bench", batch(platform, b)).newPosts());
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return posts.get() / seconds;
  }

  static List<ParsedRecord> batch(Platform platform, int number) {
    List<ParsedRecord> records = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      String id = number + "-" + i;
      AccountKey author = AccountKey.of(platform, "acct" + (i % 200));
      List<MediaKey> media = i % 4 == 0 ? List.of(MediaKey.of(platform, "m" + id)) : List.of();
      Post post = new Post(PostKey.of(platform, id), author, Fixtures.T0.plusMillis(i), "placeholder text number " + id + " about the fictional group",
          Optional.of("en"), Optional.of("https://example.test/" + id), media, List.of("fictionalgroup", "tag" + (i % 10)), List.of("acct" + (i % 7)),
          List.of(), List.of());
      byte[] payload = ("{\"id\":\"" + id + "\",\"text\":\"placeholder\"}").getBytes(StandardCharsets.UTF_8);
      records.add(new ParsedRecord(new SourcePosition("bench.jsonl", (long) (number + 2) * BATCH + i, i * 64L), payload,
          List.of(post, Account.minimal(author, "handle" + (i % 200)))));
    }
    return records;
  }
}
