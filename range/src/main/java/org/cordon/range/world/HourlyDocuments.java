package org.cordon.range.world;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Document formats (a JSON array of Mastodon statuses, an ActivityStreams collection page) cut
 * into one small file per hour, so a replay unit is a whole file and no file grows without bound.
 */
final class HourlyDocuments {
  interface Frame {
    /** The document around the items; must end with the two characters "]}" or be exactly "[]". */
    byte[] empty(String relativePath);
  }

  private final Path dir;
  private final String directory;
  private final String format;
  private final String platform;
  private final ReplayIndex replay;
  private final List<Manifest.Entry> files;
  private final Frame frame;
  private final ByteArrayOutputStream[] hours = new ByteArrayOutputStream[24];
  private final long[] lastMs = new long[24];
  private long dayStartMs;

  HourlyDocuments(Path dir, String directory, String format, String platform, ReplayIndex replay,
      List<Manifest.Entry> files, Frame frame) {
    this.dir = dir;
    this.directory = directory;
    this.format = format;
    this.platform = platform;
    this.replay = replay;
    this.files = files;
    this.frame = frame;
  }

  void startDay(long dayStartMs) {
    this.dayStartMs = dayStartMs;
  }

  /** Items arrive in time order, so an earlier hour is complete once a later one starts: write it. */
  void add(long atMs, byte[] item) {
    int hour = (int) Math.min(23, Math.max(0, (atMs - dayStartMs) / 3_600_000L));
    for (int earlier = 0; earlier < hour; earlier++) {
      flush(earlier);
    }
    if (hours[hour] == null) {
      hours[hour] = new ByteArrayOutputStream();
    } else {
      hours[hour].write(',');
    }
    hours[hour].writeBytes(item);
    lastMs[hour] = atMs;
  }

  void endDay() {
    for (int hour = 0; hour < 24; hour++) {
      flush(hour);
    }
  }

  private void flush(int hour) {
    if (hours[hour] == null) {
      return;
    }
    String date = Json.day(dayStartMs);
    String relative = directory + "/" + date + "/" + (hour < 10 ? "0" : "") + hour + ".json";
    byte[] empty = frame.empty(relative);
    int keep = empty.length == 2 ? 1 : empty.length - 2;
    try {
      Path target = dir.resolve(relative);
      Files.createDirectories(target.getParent());
      try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(target))) {
        out.write(empty, 0, keep);
        hours[hour].writeTo(out);
        out.write(empty, keep, empty.length - keep);
      }
      replay.add(lastMs[hour], format, relative, 0, Files.size(target));
      files.add(new Manifest.Entry(relative, format, platform));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + relative, e);
    }
    hours[hour] = null;
  }
}
