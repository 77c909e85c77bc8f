package org.cordon.app.world;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.cordon.core.ingest.Connector;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.RecordSink;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.ingest.Connectors;

/**
 * Everything a world's files let Cordon observe, read through the same connectors as live ingest
 * (so an evaluation sees what production would, not the generator's truth). Rejections are counted;
 * a world written by the range has none.
 */
public final class WorldObservations {
  private WorldObservations() {}

  /** Counts of what was read. */
  public record Counts(long records, long items, long rejections) {}

  /** Calls {@code sink} with every observed item of every file, file by file in manifest order. */
  public static Counts forEach(Path world, Consumer<Observed> sink) throws IOException {
    return forEach(world, (file, item) -> sink.accept(item));
  }

  /** The same, telling which file each item came from (a Telegram photo's path is relative to its export). */
  public static Counts forEach(Path world, BiConsumer<WorldManifest.Entry, Observed> sink) throws IOException {
    WorldManifest manifest = WorldManifest.read(world);
    long[] counts = new long[3];
    for (WorldManifest.Entry file : manifest.files()) {
      Connector connector = Connectors.forFormat(file.format(), new Platform(file.platform()));
      try (InputStream in = Files.newInputStream(world.resolve(file.path()))) {
        connector.read(file.path(), in, new RecordSink() {
          @Override
          public void accept(ParsedRecord record) {
            counts[0]++;
            for (Observed item : record.items()) {
              counts[1]++;
              sink.accept(file, item);
            }
          }

          @Override
          public void reject(Rejection rejection) {
            counts[2]++;
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return new Counts(counts[0], counts[1], counts[2]);
  }
}
