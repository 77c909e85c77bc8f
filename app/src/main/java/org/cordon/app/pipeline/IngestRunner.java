package org.cordon.app.pipeline;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.cordon.core.evidence.Provenance;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.ingest.Connector;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.RecordSink;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.Media;
import org.cordon.core.port.EvidenceStore;
import org.cordon.core.port.ObservationStore;
import org.cordon.core.port.ObservationStore.WriteCounts;
import org.cordon.core.port.QuarantineStore;

/**
 * Reads one input with its connector into the store: the input archived whole as evidence first,
 * then records written in batches (one transaction each, idempotent on platform and native id),
 * media archived and fingerprinted, rejections quarantined. A crash at any point loses nothing and
 * duplicates nothing: running the same input again stores only what was missing.
 */
public final class IngestRunner {
  public static final int DEFAULT_BATCH = 1000;
  /** Inputs larger than this are read but not archived whole (their records' digests still are). */
  static final long MAX_ARCHIVED_INPUT = 4L * 1024 * 1024 * 1024;

  private final ObservationStore observations;
  private final QuarantineStore quarantine;
  private final EvidenceStore evidence;
  private final Optional<MediaArchiver> media;
  private final int batchSize;
  private final Clock clock;

  private final java.util.function.Consumer<org.cordon.core.model.Observed> stored;
  /** Applied to every parsed record before it is stored (the live pipeline fills in posts' languages). */
  private final java.util.function.UnaryOperator<ParsedRecord> enrich;

  public IngestRunner(ObservationStore observations, QuarantineStore quarantine, EvidenceStore evidence,
      Optional<MediaArchiver> media, int batchSize, Clock clock) {
    this(observations, quarantine, evidence, media, batchSize, clock, item -> {});
  }

  /**
   * @param stored told of every observed item once its batch is stored (the desk matches national
   *     units' watch-list selectors against them); it must not throw
   */
  public IngestRunner(ObservationStore observations, QuarantineStore quarantine, EvidenceStore evidence,
      Optional<MediaArchiver> media, int batchSize, Clock clock, java.util.function.Consumer<org.cordon.core.model.Observed> stored) {
    this(observations, quarantine, evidence, media, batchSize, clock, stored, java.util.function.UnaryOperator.identity());
  }

  private IngestRunner(ObservationStore observations, QuarantineStore quarantine, EvidenceStore evidence,
      Optional<MediaArchiver> media, int batchSize, Clock clock, java.util.function.Consumer<org.cordon.core.model.Observed> stored,
      java.util.function.UnaryOperator<ParsedRecord> enrich) {
    this.stored = java.util.Objects.requireNonNull(stored, "stored");
    this.enrich = java.util.Objects.requireNonNull(enrich, "enrich");
    this.observations = observations;
    this.quarantine = quarantine;
    this.evidence = evidence;
    this.media = media;
    this.batchSize = batchSize;
    this.clock = clock;
  }

  /**
   * This runner, with every parsed record passed through {@code step} before it is stored (what is
   * stored is what the step returns; the raw payload stays the evidence). The step must not throw.
   */
  public IngestRunner enriching(java.util.function.UnaryOperator<ParsedRecord> step) {
    java.util.function.UnaryOperator<ParsedRecord> before = enrich;
    return new IngestRunner(observations, quarantine, evidence, media, batchSize, clock, stored,
        record -> step.apply(before.apply(record)));
  }

  /** This runner, also telling {@code listener} of every stored item, after the listeners it had. */
  public IngestRunner alsoTelling(java.util.function.Consumer<org.cordon.core.model.Observed> listener) {
    return new IngestRunner(observations, quarantine, evidence, media, batchSize, clock, stored.andThen(listener), enrich);
  }

  /** Ingests a file; {@code progress} is told the bytes read so far. */
  public IngestSummary ingest(Connector connector, Path file, LongConsumer progress) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    String origin = absolute.toString();
    Sha256 inputDigest;
    if (Files.size(absolute) <= MAX_ARCHIVED_INPUT) {
      try (InputStream in = Files.newInputStream(absolute)) {
        inputDigest = evidence.put(in, MAX_ARCHIVED_INPUT, provenance(origin, connector, "input"));
      }
    } else {
      try (InputStream in = Files.newInputStream(absolute)) {
        inputDigest = Sha256.of(in);
      }
    }
    try (InputStream in = Files.newInputStream(absolute)) {
      return read(connector, origin, source(connector, origin, inputDigest), in, Optional.ofNullable(absolute.getParent()), progress);
    }
  }

  /** Ingests bytes received over the API; archived whole as evidence first. */
  public IngestSummary ingest(Connector connector, String origin, byte[] body) throws IOException {
    Sha256 digest = evidence.put(body, provenance(origin, connector, "input"));
    return read(connector, origin, source(connector, origin, digest), new java.io.ByteArrayInputStream(body), Optional.empty(), bytes -> {});
  }

  private static String source(Connector connector, String origin, Sha256 digest) {
    return connector.format().name() + " " + origin + " sha256:" + digest.hex();
  }

  private Provenance provenance(String origin, Connector connector, String what) {
    return new Provenance(origin, connector.format().name() + " " + what, clock.instant(), "application/json");
  }

  private IngestSummary read(Connector connector, String origin, String source, InputStream raw, Optional<Path> exportDirectory, LongConsumer progress)
      throws IOException {
    long started = System.nanoTime();
    CountingStream in = new CountingStream(raw, progress);
    BatchingSink sink = new BatchingSink(source, exportDirectory);
    connector.read(origin, in, sink);
    sink.flush();
    return new IngestSummary(origin, sink.records, sink.written, sink.rejected, sink.mediaArchived, sink.mediaUnavailable, in.count,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private final class BatchingSink implements RecordSink {
    private final String source;
    private final Optional<Path> exportDirectory;
    private final List<ParsedRecord> batch = new ArrayList<>();
    private final Map<Rejection.Reason, Long> rejected = new EnumMap<>(Rejection.Reason.class);
    private long records;
    private long mediaArchived;
    private long mediaUnavailable;
    private WriteCounts written = WriteCounts.NONE;

    BatchingSink(String source, Optional<Path> exportDirectory) {
      this.source = source;
      this.exportDirectory = exportDirectory;
    }

    @Override
    public void accept(ParsedRecord record) {
      records++;
      batch.add(enrich.apply(record));
      if (batch.size() >= batchSize) {
        flush();
      }
    }

    @Override
    public void reject(Rejection rejection) {
      records++;
      rejected.merge(rejection.reason(), 1L, Long::sum);
      quarantine.quarantine(source, rejection);
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      written = written.plus(observations.write(source, batch));
      batch.forEach(r -> r.items().forEach(stored));
      media.ifPresent(archiver -> {
        List<Media> items = batch.stream().flatMap(r -> r.items().stream())
            .filter(Media.class::isInstance).map(Media.class::cast).toList();
        if (!items.isEmpty()) {
          MediaArchiver.Result result = archiver.archive(items, exportDirectory, source);
          mediaArchived += result.archived();
          mediaUnavailable += result.unavailable();
        }
      });
      batch.clear();
    }
  }

  /** Counts bytes read, for the progress bar and the summary. */
  private static final class CountingStream extends FilterInputStream {
    private final LongConsumer progress;
    long count;

    CountingStream(InputStream in, LongConsumer progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        progress.accept(++count);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
        progress.accept(count);
      }
      return n;
    }
  }
}
