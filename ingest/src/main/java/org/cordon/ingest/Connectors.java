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
        new ActivityStreamsConnector(maxRecordBytes, org.cordon.core.model.Platform.MASTODON),
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

  /**
   * The connector for a format, keying what it reads under {@code platform}. ActivityStreams is
   * spoken by many services (Mastodon, PeerTube, …), so its platform is the caller's to name; every
   * other format belongs to one platform and accepts only that one.
   *
   * @throws IllegalArgumentException for an unknown format, or a platform the format cannot carry
   */
  public static Connector forFormat(String name, org.cordon.core.model.Platform platform) {
    if (name.equals(ActivityStreamsConnector.FORMAT.name())) {
      return new ActivityStreamsConnector(DEFAULT_MAX_RECORD_BYTES, platform);
    }
    Connector connector = forFormat(name);
    org.cordon.core.model.Platform fixed = switch (name) {
      case "x-v1", "x-v2" -> org.cordon.core.model.Platform.X;
      case "telegram-export" -> org.cordon.core.model.Platform.TELEGRAM;
      case "mastodon" -> org.cordon.core.model.Platform.MASTODON;
      default -> platform; // cordon-jsonl names the platform in every line
    };
    if (!fixed.equals(platform)) {
      throw new IllegalArgumentException("the format '" + name + "' is read as platform '" + fixed + "', not '" + platform + "'");
    }
    return connector;
  }
}
