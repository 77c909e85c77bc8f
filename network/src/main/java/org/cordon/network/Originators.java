package org.cordon.network;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;

/**
 * Who posted a known item first and how it spread: a tree over the item's appearances, across
 * platforms, with the time each hop took. A hop's parent is, in order of evidence: the post it
 * explicitly shares; else the latest earlier appearance by an account the poster is linked to
 * (follows, mentions, shares, or the same persona on another platform); else the origin itself,
 * marked as a guess.
 */
public final class Originators {
  private Originators() {}

  /** One post carrying the item. {@code sharedFrom} is the post it reposts, quotes or forwards, when known. */
  public record Appearance(PostKey post, AccountKey account, Instant at, Optional<PostKey> sharedFrom) {
    public Appearance {
      Objects.requireNonNull(post, "post");
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(sharedFrom, "sharedFrom");
    }
  }

  /** Why a hop hangs under its parent. */
  public enum Evidence {
    ORIGIN,
    SHARED_FROM,
    LINKED_EARLIER_POSTER,
    EARLIEST_POSTER_GUESSED
  }

  public record Hop(Appearance appearance, Optional<PostKey> parent, int depth, Duration sinceParent,
      Duration sinceOrigin, Evidence evidence, String explanation) {
    public Hop {
      Objects.requireNonNull(appearance, "appearance");
      Objects.requireNonNull(parent, "parent");
      Objects.requireNonNull(evidence, "evidence");
      Objects.requireNonNull(explanation, "explanation");
    }
  }

  /** The spread of one item. {@code hops} are in time order, the origin first. */
  public record Spread(Appearance origin, List<Hop> hops, Map<Platform, Duration> firstArrivalByPlatform, String explanation) {
    public Spread {
      Objects.requireNonNull(origin, "origin");
      hops = List.copyOf(hops);
      firstArrivalByPlatform = Map.copyOf(firstArrivalByPlatform);
    }
  }

  /**
   * Traces the spread of one item.
   *
   * @throws IllegalArgumentException when there is no appearance
   */
  public static Spread trace(List<Appearance> appearances, GraphSnapshot graph) {
    if (appearances.isEmpty()) {
      throw new IllegalArgumentException("an item's spread needs at least one appearance");
    }
    List<Appearance> ordered = new ArrayList<>(appearances);
    ordered.sort(Comparator.comparing(Appearance::at).thenComparing(a -> a.post().toString()));
    Appearance origin = ordered.get(0);
    Map<PostKey, Hop> byPost = new HashMap<>();
    List<Hop> hops = new ArrayList<>();
    Map<Platform, Duration> firstArrival = new LinkedHashMap<>();
    Csr out = graph.out();
    for (int i = 0; i < ordered.size(); i++) {
      Appearance appearance = ordered.get(i);
      Duration sinceOrigin = Duration.between(origin.at(), appearance.at());
      firstArrival.putIfAbsent(appearance.account().platform(), sinceOrigin);
      Hop hop;
      if (i == 0) {
        hop = new Hop(appearance, Optional.empty(), 0, Duration.ZERO, Duration.ZERO, Evidence.ORIGIN,
            appearance.account() + " posted it first, at " + appearance.at());
      } else {
        Optional<Hop> shared = appearance.sharedFrom().map(byPost::get);
        Hop parent;
        Evidence evidence;
        if (shared.isPresent()) {
          parent = shared.get();
          evidence = Evidence.SHARED_FROM;
        } else {
          parent = linkedEarlier(ordered, i, byPost, graph, out).orElse(hops.get(0));
          evidence = parent == hops.get(0) && !linked(graph, out, appearance.account(), origin.account())
              ? Evidence.EARLIEST_POSTER_GUESSED
              : Evidence.LINKED_EARLIER_POSTER;
        }
        Duration sinceParent = Duration.between(parent.appearance().at(), appearance.at());
        String how = switch (evidence) {
          case SHARED_FROM -> "shared the post of " + parent.appearance().account();
          case LINKED_EARLIER_POSTER -> "is linked to " + parent.appearance().account() + ", who posted it earlier";
          case EARLIEST_POSTER_GUESSED -> "no link to an earlier poster is known; hung under the origin";
          case ORIGIN -> "origin";
        };
        hop = new Hop(appearance, Optional.of(parent.appearance().post()), parent.depth() + 1, sinceParent, sinceOrigin,
            evidence, appearance.account() + " " + how + ", " + minutes(sinceParent) + " later ("
                + minutes(sinceOrigin) + " after the origin)");
      }
      byPost.put(appearance.post(), hop);
      hops.add(hop);
    }
    int depth = hops.stream().mapToInt(Hop::depth).max().orElse(0);
    StringBuilder explanation = new StringBuilder()
        .append(origin.account()).append(" posted it first; ").append(hops.size()).append(" appearances, ")
        .append(depth).append(" hops deep; first arrival by platform:");
    firstArrival.forEach((platform, after) -> explanation.append(' ').append(platform).append(" +").append(minutes(after)));
    return new Spread(origin, hops, firstArrival, explanation.toString());
  }

  private static Optional<Hop> linkedEarlier(List<Appearance> ordered, int index, Map<PostKey, Hop> byPost,
      GraphSnapshot graph, Csr out) {
    AccountKey poster = ordered.get(index).account();
    for (int j = index - 1; j >= 0; j--) {
      Appearance earlier = ordered.get(j);
      if (!earlier.account().equals(poster) && linked(graph, out, poster, earlier.account())) {
        return Optional.of(byPost.get(earlier.post()));
      }
    }
    return Optional.empty();
  }

  private static boolean linked(GraphSnapshot graph, Csr out, AccountKey from, AccountKey to) {
    OptionalInt a = graph.nodeOf(from);
    OptionalInt b = graph.nodeOf(to);
    return a.isPresent() && b.isPresent() && out.has(a.getAsInt(), b.getAsInt());
  }

  private static String minutes(Duration duration) {
    return String.format(java.util.Locale.ROOT, "%.1f min", duration.toMillis() / 60_000.0);
  }
}
