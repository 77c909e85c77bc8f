package org.cordon.range.world;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * replay/index.jsonl: one line per replay unit in time order. A day's units are collected, sorted
 * (stably, so equal times keep writing order) and written when the day ends.
 */
final class ReplayIndex implements AutoCloseable {
  record Unit(long atMs, String format, String path, long offset, long length) {}

  private final LineFile file;
  private final List<Unit> day = new ArrayList<>();

  ReplayIndex(Path dir) {
    this.file = new LineFile(dir, "replay/index.jsonl");
  }

  void add(long atMs, String format, String path, long offset, long length) {
    day.add(new Unit(atMs, format, path, offset, length));
  }

  /** Follow lines, replayed in time order alongside the posts. */
  void follows(FollowGraph.Units units) {
    int n = units.at.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    long[] at = units.at.toLongArray();
    it.unimi.dsi.fastutil.ints.IntArrays.mergeSort(order, (a, b) -> Long.compare(at[a], at[b]));
    this.followOrder = order;
    this.followUnits = units;
  }

  private int[] followOrder = new int[0];
  private FollowGraph.Units followUnits;
  private int followCursor;

  /** Ends a day: its units, and every follow before {@code dayEndMs}, in time order. */
  void endDay(long dayEndMs) {
    while (followCursor < followOrder.length && followUnits.at.getLong(followOrder[followCursor]) < dayEndMs) {
      int i = followOrder[followCursor++];
      day.add(new Unit(followUnits.at.getLong(i), "cordon-jsonl",
          FollowGraph.path(Site.ALL[followUnits.site.getByte(i)]), followUnits.offset.getLong(i),
          followUnits.length.getInt(i)));
    }
    day.sort(Comparator.comparingLong(Unit::atMs));
    for (Unit unit : day) {
      file.append(Json.bytes(g -> {
        g.writeStartObject();
        g.writeStringProperty("at", Json.iso(unit.atMs()));
        g.writeStringProperty("format", unit.format());
        g.writeStringProperty("path", unit.path());
        g.writeNumberProperty("offset", unit.offset());
        g.writeNumberProperty("length", unit.length());
        g.writeEndObject();
      }));
    }
    day.clear();
  }

  @Override
  public void close() {
    file.close();
  }
}
