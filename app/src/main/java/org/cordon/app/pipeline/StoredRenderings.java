package org.cordon.app.pipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;

/**
 * Which record stores each post, and the rendering it carries, for a judge-first path that
 * persists every delivery of a flagged post for its provenance.
 *
 * <p>A flagged post comes again and again: reposts carry their original, and X gives a tweet in
 * both of its formats. Each later delivery needs its link to the payload it came in, but writing
 * the same post and its mentions, reply and share again only finds them stored. The first record
 * {@link #queued queued} for storing is a post's storer. A later record that renders the post the
 * same way (as {@link JudgedPosts} compares renderings: everything but the time) links it only,
 * through {@code ObservationStore.writeAssessed(..., storedAsRendered)}. A record that renders it
 * otherwise writes it as before, so whatever it shows that the storer did not is kept.
 *
 * <p>Renderings are compared by a 32-bit hash. Two renderings of one post that differ and still
 * hash alike (about one pair in four billion) would leave the second one's extra mentions,
 * reply or share unwritten; the post and its link are written whatever the hash.
 *
 * <p>The storer's write must succeed, or the posts it was to store are missing: a caller whose
 * write fails must stop, as {@code bench triage} does. The map is bounded like JudgedPosts; a
 * forgotten post is written again, which only finds it stored.
 */
public final class StoredRenderings {
  private record Storer(SourcePosition record, int rendering) {}

  private final int limit;
  private final ConcurrentHashMap<PostKey, Storer> storers = new ConcurrentHashMap<>();

  public StoredRenderings() {
    this(JudgedPosts.DEFAULT_LIMIT);
  }

  public StoredRenderings(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the limit is at least one post: " + limit);
    }
    this.limit = limit;
  }

  /** The record goes to be stored: it stores each of its posts that no record queued earlier stores. */
  public void queued(ParsedRecord record) {
    if (storers.size() >= limit) {
      storers.clear();
    }
    for (Observed item : record.items()) {
      if (item instanceof Post post) {
        storers.putIfAbsent(post.key(), new Storer(record.position(), JudgedPosts.rendering(post)));
      }
    }
  }

  /**
   * The posts of these records (one write's) that a record outside them stores, rendered exactly
   * as every one of these records renders them: to be linked, not written.
   */
  public Set<PostKey> storedElsewhereAsRendered(List<ParsedRecord> records) {
    Set<PostKey> elsewhere = new HashSet<>();
    Set<PostKey> written = new HashSet<>();
    Set<SourcePosition> inThisWrite = new HashSet<>();
    for (ParsedRecord record : records) {
      inThisWrite.add(record.position());
    }
    for (ParsedRecord record : records) {
      for (Observed item : record.items()) {
        if (item instanceof Post post) {
          Storer storer = storers.get(post.key());
          boolean linkOnly = storer != null && !inThisWrite.contains(storer.record()) && storer.rendering() == JudgedPosts.rendering(post);
          (linkOnly ? elsewhere : written).add(post.key());
        }
      }
    }
    elsewhere.removeAll(written);
    return elsewhere;
  }

  /** How many posts are remembered now. */
  public int size() {
    return storers.size();
  }
}
