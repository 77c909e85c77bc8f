package org.cordon.app.pipeline;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.port.ObservationStore.WriteCounts;

/**
 * What one ingest run did: records read, posts new and already known, other items, rejections by
 * reason, media archived.
 */
public record IngestSummary(
    String input, long records, WriteCounts written, Map<Rejection.Reason, Long> rejected, long mediaArchived, long mediaUnavailable, long bytes, Duration took) {

  public IngestSummary {
    rejected = Map.copyOf(rejected);
  }

  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  public double postsPerSecond() {
    double seconds = Math.max(took.toNanos() / 1e9, 1e-9);
    return (written.newPosts() + written.duplicatePosts()) / seconds;
  }

  public IngestSummary plus(IngestSummary o) {
    Map<Rejection.Reason, Long> merged = new EnumMap<>(Rejection.Reason.class);
    merged.putAll(rejected);
    o.rejected.forEach((k, v) -> merged.merge(k, v, Long::sum));
    return new IngestSummary("(all inputs)", records + o.records, written.plus(o.written), merged,
        mediaArchived + o.mediaArchived, mediaUnavailable + o.mediaUnavailable, bytes + o.bytes, took.plus(o.took));
  }

  public static IngestSummary empty(String input) {
    return new IngestSummary(input, 0, WriteCounts.NONE, Map.of(), 0, 0, 0, Duration.ZERO);
  }
}
