package org.cordon.risk;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cordon.core.model.PostKey;

/**
 * The few items an explanation names: an account's strongest flagged posts, the flagged hashtags
 * it used, what the caller said about its profile. Kept only for accounts that have any, so the
 * ordinary majority costs nothing here.
 */
final class EvidenceBook {
  static final int KEPT = 3;

  static final class Entry {
    final PostKey[] posts = new PostKey[KEPT];
    final float[] strengths = new float[KEPT];
    final int[] kindMasks = new int[KEPT];
    final String[] hashtags = new String[KEPT];
    String profileReason;
    String avatarReason;
  }

  private final Int2ObjectOpenHashMap<Entry> entries = new Int2ObjectOpenHashMap<>();

  private Entry entry(int id) {
    Entry e = entries.get(id);
    if (e == null) {
      e = new Entry();
      entries.put(id, e);
    }
    return e;
  }

  Optional<Entry> find(int id) {
    return Optional.ofNullable(entries.get(id));
  }

  /** Keeps the post if it is among the account's three strongest flagged posts. */
  void flaggedPost(int id, PostKey post, float strength, int kindMask) {
    Entry e = entry(id);
    int weakest = 0;
    for (int i = 0; i < KEPT; i++) {
      if (e.posts[i] == null) {
        weakest = i;
        break;
      }
      if (e.strengths[i] < e.strengths[weakest]) {
        weakest = i;
      }
    }
    if (e.posts[weakest] == null || strength > e.strengths[weakest]) {
      e.posts[weakest] = post;
      e.strengths[weakest] = strength;
      e.kindMasks[weakest] = kindMask;
    }
  }

  void hashtag(int id, String tag) {
    Entry e = entry(id);
    for (int i = 0; i < KEPT; i++) {
      if (tag.equals(e.hashtags[i])) {
        return;
      }
      if (e.hashtags[i] == null) {
        e.hashtags[i] = tag;
        return;
      }
    }
  }

  void profile(int id, Optional<String> reason) {
    if (reason.isPresent()) {
      entry(id).profileReason = reason.get();
    } else {
      find(id).ifPresent(e -> e.profileReason = null);
    }
  }

  void avatar(int id, Optional<String> reason) {
    if (reason.isPresent()) {
      entry(id).avatarReason = reason.get();
    } else {
      find(id).ifPresent(e -> e.avatarReason = null);
    }
  }

  /** Posts strongest first, those carrying a kind in the mask when the mask is not zero. */
  List<String> posts(int id, int kindMask) {
    Entry e = entries.get(id);
    if (e == null) {
      return List.of();
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < KEPT; i++) {
      if (e.posts[i] != null && (kindMask == 0 || (e.kindMasks[i] & kindMask) != 0)) {
        order.add(i);
      }
    }
    order.sort((a, b) -> Float.compare(e.strengths[b], e.strengths[a]));
    return order.stream().map(i -> e.posts[i] + " (" + String.format(java.util.Locale.ROOT, "%.2f", e.strengths[i]) + ")").toList();
  }

  int size() {
    return entries.size();
  }
}
