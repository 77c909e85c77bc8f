package org.cordon.detect.media.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cordon.detect.media.index.PdqIndex.CorruptIndexException;
import org.cordon.detect.media.index.PdqIndex.Match;
import org.cordon.detect.media.pdq.PdqHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PdqIndexTest {
  /** Run with -Dpdqindex.seed=N to replay a failure; every assertion message names the seed. */
  private static final long SEED = Long.getLong("pdqindex.seed", System.nanoTime());

  @TempDir Path dir;

  /** The reference the index must agree with: a scan over a plain map, sorted as search sorts. */
  private static List<Match> scan(Map<Long, PdqHash> entries, PdqHash query, int radius) {
    List<Match> hits = new ArrayList<>();
    entries.forEach((id, hash) -> {
      int d = hash.distance(query);
      if (d <= radius) {
        hits.add(new Match(id, hash, d));
      }
    });
    hits.sort(Comparator.comparingInt(Match::distance).thenComparingLong(Match::id));
    return hits;
  }

  /** chunks 0: let the index choose by size. */
  private static PdqIndex build(Map<Long, PdqHash> entries, int chunks) {
    PdqIndex.Builder builder = PdqIndex.builder();
    if (chunks > 0) {
      builder.chunks(chunks);
    }
    entries.forEach(builder::add);
    return builder.build();
  }

  /** Uniform hashes plus planted near-duplicates, so radii up to 31 have hits to find. */
  private static Map<Long, PdqHash> uniformEntries(HashGenerator gen, int n) {
    Map<Long, PdqHash> entries = new LinkedHashMap<>();
    List<PdqHash> added = new ArrayList<>();
    for (long id = 0; id < n; id++) {
      PdqHash h = id % 4 == 3 ? gen.flip(added.get(gen.nextInt(added.size())), gen.nextInt(0, 41)) : gen.uniform();
      added.add(h);
      entries.put(id * 7919 % 1_000_003, h); // ids out of order, to exercise the sort
    }
    return entries;
  }

  /** A few base hashes, each with many variants 0..40 bits away: crowds at the 31/32 boundary. */
  private static Map<Long, PdqHash> clusteredEntries(HashGenerator gen, int bases, int variantsPerBase) {
    Map<Long, PdqHash> entries = new LinkedHashMap<>();
    long id = 0;
    for (int b = 0; b < bases; b++) {
      PdqHash base = gen.realistic();
      for (int v = 0; v < variantsPerBase; v++) {
        entries.put(id++, gen.flip(base, gen.nextInt(0, 41)));
      }
    }
    return entries;
  }

  private static void assertAgreesWithScan(PdqIndex index, Map<Long, PdqHash> entries, HashGenerator gen, int queries, String what) {
    List<PdqHash> hashes = new ArrayList<>(entries.values());
    for (int i = 0; i < queries; i++) {
      PdqHash query = hashes.isEmpty() || i % 3 == 0
          ? gen.realistic()
          : gen.flip(hashes.get(gen.nextInt(hashes.size())), gen.nextInt(0, 41));
      int radius = i % 32;
      assertThat(index.search(query, radius))
          .as("%s: seed %d, query %d (%s), radius %d", what, SEED, i, query, radius)
          .isEqualTo(scan(entries, query, radius));
    }
  }

  @ParameterizedTest(name = "{0} chunks")
  @ValueSource(ints = {11, 12, 16, 32})
  void findsExactlyWhatAScanFindsOnUniformHashesForEveryRadiusUpTo31(int chunks) {
    HashGenerator gen = new HashGenerator(SEED);
    Map<Long, PdqHash> entries = uniformEntries(gen, 20_000);
    PdqIndex index = build(entries, chunks);

    assertAgreesWithScan(index, entries, gen, 1_500, "uniform");
  }

  @ParameterizedTest(name = "{0} chunks")
  @ValueSource(ints = {11, 12, 16, 32})
  void findsExactlyWhatAScanFindsOnClusteredNearDuplicates(int chunks) {
    HashGenerator gen = new HashGenerator(SEED + 1);
    Map<Long, PdqHash> entries = clusteredEntries(gen, 100, 100);
    PdqIndex index = build(entries, chunks);

    assertAgreesWithScan(index, entries, gen, 1_500, "clustered");
  }

  @Test
  void staysExactThroughInsertsDeletesReplacementsAndCompaction() {
    HashGenerator gen = new HashGenerator(SEED + 2);
    SplittableRandom random = new SplittableRandom(SEED + 2);
    Map<Long, PdqHash> entries = clusteredEntries(gen, 50, 100);
    PdqIndex index = build(entries, 0);
    List<Long> ids = new ArrayList<>(entries.keySet());

    for (int round = 0; round < 4; round++) {
      for (int op = 0; op < 1_000; op++) {
        int kind = random.nextInt(3);
        if (kind == 0 && !ids.isEmpty()) {
          long id = ids.remove(random.nextInt(ids.size()));
          assertThat(index.remove(id)).as("seed %d: removing live id %d", SEED, id).isTrue();
          entries.remove(id);
        } else if (kind == 1 && !ids.isEmpty()) {
          long id = ids.get(random.nextInt(ids.size()));
          PdqHash replacement = gen.flip(entries.get(id), random.nextInt(0, 41));
          index.add(id, replacement);
          entries.put(id, replacement);
        } else {
          long id = 1_000_000L + round * 10_000L + op;
          PdqHash hash = gen.flip(entries.values().iterator().next(), random.nextInt(0, 41));
          index.add(id, hash);
          entries.put(id, hash);
          ids.add(id);
        }
      }
      assertThat(index.size()).as("seed %d", SEED).isEqualTo(entries.size());
      assertAgreesWithScan(index, entries, gen, 300, "round " + round + " before compaction");
      index.compact();
      assertThat(index.size()).as("seed %d", SEED).isEqualTo(entries.size());
      assertAgreesWithScan(index, entries, gen, 300, "round " + round + " after compaction");
    }
  }

  @Test
  void answersTheSameAfterAWriteAndReadRoundTripIncludingPendingChanges() throws IOException {
    HashGenerator gen = new HashGenerator(SEED + 3);
    Map<Long, PdqHash> entries = uniformEntries(gen, 5_000);
    PdqIndex index = build(entries, 0);
    long removed = entries.keySet().iterator().next();
    index.remove(removed);
    entries.remove(removed);
    PdqHash added = gen.uniform();
    index.add(-5L, added);
    entries.put(-5L, added);
    Path file = dir.resolve("pdq.idx");

    index.writeTo(file);
    PdqIndex loaded = PdqIndex.readFrom(file);

    assertThat(loaded.size()).isEqualTo(entries.size());
    assertThat(loaded.contains(removed)).isFalse();
    assertThat(loaded.contains(-5L)).isTrue();
    assertAgreesWithScan(loaded, entries, gen, 500, "loaded");
  }

  @Test
  void rejectsAFileWithOneFlippedByteByItsChecksum() throws IOException {
    Path file = writtenIndex();
    long middle = Files.size(file) / 2;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      channel.read(b, middle);
      b.put(0, (byte) (b.get(0) ^ 0x10)).rewind();
      channel.write(b, middle);
    }

    assertThatThrownBy(() -> PdqIndex.readFrom(file))
        .isInstanceOf(CorruptIndexException.class)
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void rejectsATruncatedFileBeforeReadingIt() throws IOException {
    Path file = writtenIndex();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(file) - 100);
    }

    assertThatThrownBy(() -> PdqIndex.readFrom(file))
        .isInstanceOf(CorruptIndexException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void rejectsAFileThatIsNotAnIndex() throws IOException {
    Path file = dir.resolve("not-an-index");
    Files.writeString(file, "ceci n'est pas un index, but it is long enough to hold a header");
    Path empty = Files.createFile(dir.resolve("empty"));

    assertThatThrownBy(() -> PdqIndex.readFrom(file))
        .isInstanceOf(CorruptIndexException.class)
        .hasMessageContaining("bad magic");
    assertThatThrownBy(() -> PdqIndex.readFrom(empty))
        .isInstanceOf(CorruptIndexException.class)
        .hasMessageContaining("shorter than the header");
  }

  @Test
  void rejectsAHeaderWithAnEntryCountThatDoesNotMatchTheLength() throws IOException {
    Path file = writtenIndex();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer count = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 1_000_000);
      channel.write(count, 16);
    }

    assertThatThrownBy(() -> PdqIndex.readFrom(file))
        .isInstanceOf(CorruptIndexException.class)
        .hasMessageContaining("header promises");
  }

  @Test
  void anEmptyIndexFindsNothingAndSurvivesARoundTrip() throws IOException {
    PdqIndex index = PdqIndex.builder().build();
    PdqHash query = new HashGenerator(SEED).uniform();
    Path file = dir.resolve("empty.idx");

    index.writeTo(file);
    PdqIndex loaded = PdqIndex.readFrom(file);

    assertThat(index.size()).isZero();
    assertThat(index.search(query, 31)).isEmpty();
    assertThat(index.search(query, 256)).isEmpty();
    assertThat(loaded.size()).isZero();
    assertThat(loaded.search(query, 31)).isEmpty();
  }

  @Test
  void returnsEveryIdThatSharesAHash() {
    PdqHash hash = new HashGenerator(SEED).uniform();
    PdqIndex index = PdqIndex.builder().add(3, hash).add(1, hash).build();
    index.add(2, hash);

    assertThat(index.search(hash, 0)).extracting(Match::id).as("seed %d", SEED).containsExactly(1L, 2L, 3L);
  }

  @Test
  void findsEveryMemberOfACrowdLargerThanOneCandidateBatch() {
    HashGenerator gen = new HashGenerator(SEED + 7);
    PdqHash hash = gen.uniform();
    PdqIndex.Builder builder = PdqIndex.builder();
    for (long id = 0; id < 70_000; id++) {
      builder.add(id, id % 2 == 0 ? hash : gen.flip(hash, 1 + (int) (id % 40)));
    }
    PdqIndex index = builder.build();

    List<Match> hits = index.search(hash, 31);

    assertThat(hits).as("seed %d", SEED).hasSize(35_000 + (int) java.util.stream.LongStream.range(0, 70_000)
        .filter(id -> id % 2 == 1 && 1 + id % 40 <= 31).count());
    assertThat(hits.stream().map(Match::id).distinct().count()).isEqualTo(hits.size());
  }

  @Test
  void removingAnUnknownIdChangesNothing() {
    PdqHash hash = new HashGenerator(SEED).uniform();
    PdqIndex index = PdqIndex.builder().add(1, hash).build();

    assertThat(index.remove(99)).isFalse();
    assertThat(index.remove(1)).isTrue();
    assertThat(index.remove(1)).isFalse();
    assertThat(index.size()).isZero();
    assertThat(index.search(hash, 31)).isEmpty();
  }

  @Test
  void addingAnExistingIdReplacesItsHash() {
    HashGenerator gen = new HashGenerator(SEED);
    PdqHash before = gen.uniform();
    PdqHash after = gen.uniform();
    PdqIndex index = PdqIndex.builder().add(7, before).build();

    index.add(7, after);

    assertThat(index.size()).isEqualTo(1);
    assertThat(index.search(before, 31)).as("seed %d", SEED).isEmpty();
    assertThat(index.search(after, 0)).containsExactly(new Match(7, after, 0));
  }

  @Test
  void theBuilderRejectsDuplicateIds() {
    PdqHash hash = new HashGenerator(SEED).uniform();
    PdqIndex.Builder builder = PdqIndex.builder().add(5, hash).add(4, hash).add(5, hash);

    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate entry id 5");
  }

  @Test
  void radiiAbove31AreAnsweredExactlyByAScan() {
    HashGenerator gen = new HashGenerator(SEED + 4);
    Map<Long, PdqHash> entries = clusteredEntries(gen, 20, 50);
    PdqIndex index = build(entries, 0);

    for (int radius : new int[] {32, 40, 64, 128, 256}) {
      PdqHash query = gen.flip(entries.get(0L), radius / 2);
      assertThat(index.search(query, radius)).as("seed %d, radius %d", SEED, radius).isEqualTo(scan(entries, query, radius));
    }
    assertThatThrownBy(() -> index.search(gen.uniform(), -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void chunkCountsOutsideTheSupportedRangeAreRefused() {
    assertThatThrownBy(() -> PdqIndex.builder().chunks(8)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11..32");
    assertThatThrownBy(() -> PdqIndex.builder().chunks(33)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void choosesNarrowChunksForSmallIndexesAndWideOnesForLargeOnes() {
    assertThat(PdqIndex.chunksFor(0)).isEqualTo(16);
    assertThat(PdqIndex.chunksFor(PdqIndex.LARGE_INDEX - 1)).isEqualTo(16);
    assertThat(PdqIndex.chunksFor(PdqIndex.LARGE_INDEX)).isEqualTo(11);
    assertThat(PdqIndex.builder().build().describeLayout()).startsWith("16 chunks");
  }

  @Test
  void concurrentSearchesKeepFindingUntouchedEntriesWhileOthersChange() throws InterruptedException {
    HashGenerator gen = new HashGenerator(SEED + 6);
    Map<Long, PdqHash> stable = clusteredEntries(gen, 20, 50);
    PdqIndex index = build(stable, 0);
    List<PdqHash> stableHashes = new ArrayList<>(stable.values());
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread[] searchers = new Thread[2];
    for (int t = 0; t < searchers.length; t++) {
      long threadSeed = SEED + 100 + t;
      searchers[t] = new Thread(() -> {
        SplittableRandom random = new SplittableRandom(threadSeed);
        try {
          for (int i = 0; i < 2_000; i++) {
            long id = random.nextInt(stableHashes.size());
            assertThat(index.search(stable.get(id), 0)).extracting(Match::id).as("seed %d", SEED).contains(id);
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      searchers[t].start();
    }

    for (int i = 0; i < 3_000; i++) {
      long churnId = 5_000_000L + i % 500;
      if (!index.remove(churnId)) {
        index.add(churnId, gen.flip(stableHashes.get(i % stableHashes.size()), 3));
      }
      if (i % 1_000 == 999) {
        index.compact();
      }
    }
    for (Thread t : searchers) {
      t.join();
    }

    assertThat(failures).as("seed %d", SEED).isEmpty();
  }

  private Path writtenIndex() throws IOException {
    HashGenerator gen = new HashGenerator(SEED + 5);
    Path file = dir.resolve("index.idx");
    build(uniformEntries(gen, 2_000), 0).writeTo(file);
    return file;
  }
}
