package org.cordon.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cordon.core.ingest.Connector;

/**
 * The connectors for real input formats, in one explicit list. Format names are persisted: a name
 * here is never renamed, only added.
 */
public final class Connectors {
  /** The default largest record a connector reads: 16 MiB. Larger ones are rejected TOO_LARGE. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

  private Connectors() {}

  /** Every connector, with the default record size limit. */
  public static List<Connector> all() {
    return all(DEFAULT_MAX_RECORD_BYTES);
  }

  /**
   * Every connector, rejecting records over {@code maxRecordBytes} as TOO_LARGE.
   *
   * @throws IllegalArgumentException if the limit is not positive
   */
  public static List<Connector> all(int maxRecordBytes) {
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("the maximum record size is a positive number of bytes: " + maxRecordBytes);
    }
    List<Connector> all = List.of(
        new XV2Connector(maxRecordBytes),
        new XV1Connector(maxRecordBytes),
        new TelegramExportConnector(maxRecordBytes),
        new MastodonConnector(maxRecordBytes),
        new ActivityStreamsConnector(maxRecordBytes),
        new CordonJsonlConnector(maxRecordBytes));
    Set<String> names = new HashSet<>();
    for (Connector connector : all) {
      if (!names.add(connector.format().name())) {
        throw new IllegalStateException("two connectors claim the format '" + connector.format() + "'");
      }
    }
    return all;
  }

  /** The persisted format names, in the order of {@link #all()}. */
  public static List<String> names() {
    return all().stream().map(connector -> connector.format().name()).toList();
  }

  /**
   * The connector for a format name ("x-v2", "telegram-export", ...).
   *
   * @throws IllegalArgumentException naming the known formats when none has this name
   */
  public static Connector forFormat(String name) {
    return forFormat(name, DEFAULT_MAX_RECORD_BYTES);
  }

  /** As {@link #forFormat(String)}, rejecting records over {@code maxRecordBytes} as TOO_LARGE. */
  public static Connector forFormat(String name, int maxRecordBytes) {
    List<Connector> all = all(maxRecordBytes);
    return all.stream()
        .filter(connector -> connector.format().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no connector reads the format '" + name + "'; known formats: "
            + all.stream().map(connector -> connector.format().name()).collect(Collectors.joining(", "))));
  }
}
