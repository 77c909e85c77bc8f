package org.cordon.app.pipeline;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;

/**
 * The posts that a judge-first path has already judged, and what it saw of each. A post reaches
 * Cordon more than once: a repost carries its original, a quote carries its quoted post, and X
 * delivers a tweet in both of its formats. A later delivery that renders the post exactly as
 * before would be judged the same, so it is not judged again; its provenance is still kept.
 *
 * <p>Renderings differ. X's v1 gives a retweet's original, and v2 gives a retweet carried inside
 * another response without it. A later delivery that shows more (or other) of the post is
 * therefore judged again, and the post counts as flagged when any rendering flagged it. Account
 * risk still counts the post once: at its first judgement ({@link Outcome#FIRST}).
 *
 * <p>The store-first path does not need this class: the store keeps the first delivery of a post
 * and never judges a stored post again.
 *
 * <p>The set is bounded. Past {@link #limit} posts it forgets them all and starts again. A
 * forgotten post that is delivered once more is judged once more, which is what would have
 * happened without this class. Nothing is ever skipped that was not judged.
 */
public final class JudgedPosts {
  /** Enough for a day of a busy unit's posts; about 100 bytes a post. */
  public static final int DEFAULT_LIMIT = 1_000_000;

  /** What a judgement of a post stands for. */
  public enum Outcome {
    /** The post's first judgement: account risk counts the post now. */
    FIRST,
    /** Another rendering of a post judged before: its assessment is kept, account risk has the post already. */
    ANOTHER_RENDERING,
    /** The same rendering was recorded first by another thread: a repeat delivery, as if never judged here. */
    REPEAT
  }

  /**
   * What recording a judgement did.
   *
   * @param flagged whether the post stands flagged now, by this rendering or an earlier one
   */
  public record Recorded(Outcome outcome, boolean flagged) {}

  /** The rendering last judged ({@link #rendering}) and whether any rendering was flagged. */
  private record Judged(int rendering, boolean flagged) {}

  private final int limit;
  private final ConcurrentHashMap<PostKey, Judged> judged = new ConcurrentHashMap<>();

  public JudgedPosts() {
    this(DEFAULT_LIMIT);
  }

  public JudgedPosts(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the limit is at least one post: " + limit);
    }
    this.limit = limit;
  }

  /**
   * Everything a judgement reads of a post except its time. X's v1 gives whole seconds and v2 gives
   * milliseconds, and no detector reads the time.
   */
  static int rendering(Post post) {
    return Objects.hash(post.author(), post.text(), post.language(), post.url(), post.media(), post.hashtags(), post.mentions(),
        post.links(), post.references());
  }

  /**
   * Whether the post stands flagged, if this very rendering of it was judged before. Empty means
   * it must be judged: it is new, forgotten, or shows something the judged rendering did not.
   */
  public Optional<Boolean> judgedAsRendered(Post post) {
    Judged earlier = judged.get(post.key());
    return earlier != null && earlier.rendering() == rendering(post) ? Optional.of(earlier.flagged()) : Optional.empty();
  }

  /**
   * Records the judgement of {@code post}. Two workers may judge one post at once. For one
   * rendering, only the first to record it keeps its judgement; the other is told
   * {@link Outcome#REPEAT}.
   */
  public Recorded record(Post post, boolean flagged) {
    if (judged.size() >= limit) {
      // Racing threads may both clear. Either way, every post still recorded was judged.
      judged.clear();
    }
    int rendering = rendering(post);
    Outcome[] outcome = new Outcome[1];
    Judged now = judged.compute(post.key(), (key, earlier) -> {
      if (earlier == null) {
        outcome[0] = Outcome.FIRST;
        return new Judged(rendering, flagged);
      }
      if (earlier.rendering() == rendering) {
        outcome[0] = Outcome.REPEAT;
        return earlier;
      }
      outcome[0] = Outcome.ANOTHER_RENDERING;
      return new Judged(rendering, earlier.flagged() || flagged);
    });
    return new Recorded(outcome[0], now.flagged());
  }

  /** How many posts are remembered now. */
  public int size() {
    return judged.size();
  }
}
