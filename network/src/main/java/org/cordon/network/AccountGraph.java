package org.cordon.network;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayFIFOQueue;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;

/**
 * The account graph, kept incrementally as observations arrive. Accounts are nodes with dense int
 * ids; each (from, to, kind) pair is one edge with a count and its first and last time, so
 * ingesting the same interaction again only counts it. {@link #snapshot} freezes a view into
 * compressed rows for the analytics.
 *
 * <p>Under a {@link Bounding#neighbourhood(int) neighbourhood} bound an interaction is kept only
 * when one of its accounts lies closer than the bound to a flagged or confirmed account; the rest
 * of social media never enters. Not thread-safe: one ingest thread owns it.
 */
public final class AccountGraph {
  private static final long UNKNOWN_TIME = Long.MIN_VALUE;
  private static final int FAR = Integer.MAX_VALUE;

  private final Bounding bounding;
  private final Object2IntOpenHashMap<AccountKey> index = new Object2IntOpenHashMap<>();
  private final List<AccountKey> keys = new ArrayList<>();
  private final IntArrayList distance = new IntArrayList();
  private final ByteArrayList standing = new ByteArrayList();
  private final IntArrayList language = new IntArrayList();
  private final Object2IntOpenHashMap<String> languageIds = new Object2IntOpenHashMap<>();
  private final List<String> languageNames = new ArrayList<>();

  private final Long2IntOpenHashMap[] edgeIndex = new Long2IntOpenHashMap[EdgeKind.values().length];
  private final IntArrayList edgeFrom = new IntArrayList();
  private final IntArrayList edgeTo = new IntArrayList();
  private final ByteArrayList edgeKind = new ByteArrayList();
  private final IntArrayList edgeCount = new IntArrayList();
  private final LongArrayList edgeFirst = new LongArrayList();
  private final LongArrayList edgeLast = new LongArrayList();
  private final FloatArrayList edgeConfidence = new FloatArrayList();

  // Needed to resolve mentions by handle and replies or shares that name only the post. Bounded
  // like the graph: only accounts and posts of accounts already in the graph are remembered, unless
  // the graph keeps everything.
  private final Object2ObjectOpenHashMap<String, AccountKey> byHandle = new Object2ObjectOpenHashMap<>();
  private final Object2ObjectOpenHashMap<PostKey, AccountKey> postAuthors = new Object2ObjectOpenHashMap<>();
  // Telegram forwards name only the origin's title; a title two accounts share resolves to nobody.
  private final Object2ObjectOpenHashMap<String, Optional<AccountKey>> byDisplayName = new Object2ObjectOpenHashMap<>();

  public AccountGraph(Bounding bounding) {
    this.bounding = Objects.requireNonNull(bounding, "bounding");
    index.defaultReturnValue(-1);
    languageIds.defaultReturnValue(-1);
    for (int k = 0; k < edgeIndex.length; k++) {
      edgeIndex[k] = new Long2IntOpenHashMap();
      edgeIndex[k].defaultReturnValue(-1);
    }
  }

  /** The facts about one edge: how often it was seen, and when first and last when the source said. */
  public record EdgeFacts(int count, Optional<Instant> first, Optional<Instant> last, double confidence) {
    public EdgeFacts {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(last, "last");
    }
  }

  /**
   * Takes one observation. Interactions become edges; posts and accounts are remembered so that later
   * mentions, replies and shares naming only a handle or a post can be resolved; media add nothing.
   *
   * @return whether the graph gained or counted an edge
   */
  public boolean accept(Observed observed) {
    Objects.requireNonNull(observed, "observed");
    return switch (observed) {
      case Account account -> {
        if (bounding.keepsEverything() || index.containsKey(account.key())) {
          byHandle.put(account.platform().handleKey(account.handle()), account.key());
          account.displayName().ifPresent(name -> byDisplayName.merge(account.platform().handleKey(name),
              Optional.of(account.key()), (old, now) -> old.equals(now) ? old : Optional.empty()));
        }
        yield false;
      }
      case Post post -> {
        if (bounding.keepsEverything() || index.containsKey(post.author())) {
          postAuthors.put(post.key(), post.author());
          int node = index.getInt(post.author());
          if (node >= 0 && post.language().isPresent()) {
            language.set(node, languageId(post.language().get()));
          }
        }
        yield false;
      }
      case Media media -> false;
      case Interaction interaction -> acceptInteraction(interaction);
    };
  }

  private boolean acceptInteraction(Interaction interaction) {
    return switch (interaction) {
      case Interaction.Follow follow -> link(follow.from(), Optional.of(follow.to()), EdgeKind.FOLLOW, follow.at(), 1f);
      case Interaction.Mention mention -> link(mention.from(),
          mention.to().or(() -> Optional.ofNullable(byHandle.get(mention.from().platform().handleKey(mention.toHandle())))),
          EdgeKind.MENTION, Optional.of(mention.at()), 1f);
      case Interaction.Reply reply -> link(reply.from(),
          reply.to().or(() -> Optional.ofNullable(postAuthors.get(reply.inReplyTo()))),
          EdgeKind.REPLY, Optional.of(reply.at()), 1f);
      case Interaction.Share share -> {
        if (bounding.keepsEverything() || index.containsKey(share.from())) {
          postAuthors.put(share.post(), share.from());
        }
        yield link(share.from(),
            share.originalAuthor()
                .or(() -> share.original().map(postAuthors::get))
                .or(() -> share.originName().flatMap(name ->
                    byDisplayName.getOrDefault(share.from().platform().handleKey(name), Optional.empty()))),
            EdgeKind.SHARE, Optional.of(share.at()), 1f);
      }
    };
  }

  /**
   * Records that {@code from} wrote to {@code to} in a private conversation. Sources have no
   * interaction for this (a Telegram personal chat is only a place where posts appear), so the
   * caller infers it.
   */
  public boolean acceptMessage(AccountKey from, AccountKey to, Instant at) {
    return link(from, Optional.of(to), EdgeKind.MESSAGE, Optional.of(at), 1f);
  }

  /**
   * Links two accounts of the same persona (on two platforms, or a returning account and the one it
   * replaces) with a confidence in (0, 1]. Linking again keeps the higher confidence.
   */
  public boolean linkIdentity(AccountKey one, AccountKey other, double confidence, Optional<Instant> at) {
    if (!(confidence > 0 && confidence <= 1)) {
      throw new IllegalArgumentException("an identity confidence is in (0, 1]: " + confidence);
    }
    // One direction only, smaller key text first, so the same pair linked twice is one edge.
    boolean ordered = one.toString().compareTo(other.toString()) <= 0;
    return link(ordered ? one : other, Optional.of(ordered ? other : one), EdgeKind.IDENTITY, at, (float) confidence);
  }

  private boolean link(AccountKey from, Optional<AccountKey> maybeTo, EdgeKind kind, Optional<Instant> at, float confidence) {
    if (maybeTo.isEmpty() || maybeTo.get().equals(from)) {
      return false;
    }
    AccountKey to = maybeTo.get();
    int fromNode = index.getInt(from);
    int toNode = index.getInt(to);
    int nearest = Math.min(fromNode < 0 ? FAR : distance.getInt(fromNode), toNode < 0 ? FAR : distance.getInt(toNode));
    if (!bounding.keepsEverything() && nearest >= bounding.hops()) {
      return false;
    }
    fromNode = node(from);
    toNode = node(to);
    long pair = ((long) fromNode << 32) | (toNode & 0xffffffffL);
    long time = at.map(Instant::toEpochMilli).orElse(UNKNOWN_TIME);
    int edge = edgeIndex[kind.ordinal()].get(pair);
    if (edge < 0) {
      edge = edgeFrom.size();
      edgeIndex[kind.ordinal()].put(pair, edge);
      edgeFrom.add(fromNode);
      edgeTo.add(toNode);
      edgeKind.add((byte) kind.ordinal());
      edgeCount.add(1);
      edgeFirst.add(time);
      edgeLast.add(time);
      edgeConfidence.add(confidence);
    } else {
      edgeCount.set(edge, edgeCount.getInt(edge) + 1);
      if (time != UNKNOWN_TIME) {
        long first = edgeFirst.getLong(edge);
        edgeFirst.set(edge, first == UNKNOWN_TIME ? time : Math.min(first, time));
        edgeLast.set(edge, Math.max(edgeLast.getLong(edge), time));
      }
      edgeConfidence.set(edge, Math.max(edgeConfidence.getFloat(edge), confidence));
    }
    if (!bounding.keepsEverything()) {
      relax(fromNode);
      relax(toNode);
    }
    return true;
  }

  private int node(AccountKey key) {
    int node = index.getInt(key);
    if (node < 0) {
      node = keys.size();
      index.put(key, node);
      keys.add(key);
      distance.add(FAR);
      standing.add((byte) Standing.UNMARKED.ordinal());
      language.add(-1);
    }
    return node;
  }

  /** Marks an account flagged or confirmed (or back to unmarked); marked accounts anchor the bound. */
  public void mark(AccountKey account, Standing newStanding) {
    Objects.requireNonNull(newStanding, "newStanding");
    int node = node(Objects.requireNonNull(account, "account"));
    standing.set(node, (byte) newStanding.ordinal());
    if (newStanding != Standing.UNMARKED) {
      distance.set(node, 0);
      relax(node);
    }
  }

  public Standing standing(AccountKey account) {
    int node = index.getInt(account);
    return node < 0 ? Standing.UNMARKED : Standing.values()[standing.getByte(node)];
  }

  // Spreads a shorter distance to a marked account outwards, no further than the bound.
  private void relax(int start) {
    IntArrayFIFOQueue queue = new IntArrayFIFOQueue();
    queue.enqueue(start);
    while (!queue.isEmpty()) {
      int u = queue.dequeueInt();
      int du = distance.getInt(u);
      if (du == FAR || du + 1 > bounding.hops()) {
        continue;
      }
      for (int v : neighbours(u)) {
        if (distance.getInt(v) > du + 1) {
          distance.set(v, du + 1);
          queue.enqueue(v);
        }
      }
    }
  }

  // Adjacency lists for relaxing distances, built lazily and only under a bound (an unbounded graph
  // never relaxes, so its memory stays at the edge arrays); a bounded graph is small by design.
  private final it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<IntArrayList> adjacency =
      new it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<>();
  private int adjacencyBuiltFor = 0;

  private IntArrayList neighbours(int node) {
    for (; adjacencyBuiltFor < edgeFrom.size(); adjacencyBuiltFor++) {
      int a = edgeFrom.getInt(adjacencyBuiltFor);
      int b = edgeTo.getInt(adjacencyBuiltFor);
      adjacency.computeIfAbsent(a, k -> new IntArrayList()).add(b);
      adjacency.computeIfAbsent(b, k -> new IntArrayList()).add(a);
    }
    IntArrayList list = adjacency.get(node);
    return list == null ? new IntArrayList() : list;
  }

  /**
   * Drops accounts now beyond the bound (after an account was unmarked) and the edges no longer
   * touching an account inside it, renumbering the rest.
   */
  public void prune() {
    if (bounding.keepsEverything()) {
      return;
    }
    recomputeDistances();
    int n = keys.size();
    int[] renumber = new int[n];
    int keptNodes = 0;
    for (int u = 0; u < n; u++) {
      renumber[u] = distance.getInt(u) <= bounding.hops() ? keptNodes++ : -1;
    }
    int keptEdges = 0;
    for (int e = 0; e < edgeFrom.size(); e++) {
      int a = edgeFrom.getInt(e);
      int b = edgeTo.getInt(e);
      if (Math.min(distance.getInt(a), distance.getInt(b)) >= bounding.hops()) {
        continue;
      }
      edgeFrom.set(keptEdges, renumber[a]);
      edgeTo.set(keptEdges, renumber[b]);
      edgeKind.set(keptEdges, edgeKind.getByte(e));
      edgeCount.set(keptEdges, edgeCount.getInt(e));
      edgeFirst.set(keptEdges, edgeFirst.getLong(e));
      edgeLast.set(keptEdges, edgeLast.getLong(e));
      edgeConfidence.set(keptEdges, edgeConfidence.getFloat(e));
      keptEdges++;
    }
    edgeFrom.size(keptEdges);
    edgeTo.size(keptEdges);
    edgeKind.size(keptEdges);
    edgeCount.size(keptEdges);
    edgeFirst.size(keptEdges);
    edgeLast.size(keptEdges);
    edgeConfidence.size(keptEdges);
    for (Long2IntOpenHashMap map : edgeIndex) {
      map.clear();
    }
    for (int e = 0; e < keptEdges; e++) {
      edgeIndex[edgeKind.getByte(e)].put(((long) edgeFrom.getInt(e) << 32) | (edgeTo.getInt(e) & 0xffffffffL), e);
    }
    List<AccountKey> oldKeys = new ArrayList<>(keys);
    keys.clear();
    index.clear();
    for (int u = 0; u < n; u++) {
      int v = renumber[u];
      if (v >= 0) {
        keys.add(oldKeys.get(u));
        index.put(oldKeys.get(u), v);
        distance.set(v, distance.getInt(u));
        standing.set(v, standing.getByte(u));
        language.set(v, language.getInt(u));
      }
    }
    distance.size(keptNodes);
    standing.size(keptNodes);
    language.size(keptNodes);
    byHandle.values().removeIf(key -> !index.containsKey(key));
    postAuthors.values().removeIf(key -> !index.containsKey(key));
    byDisplayName.values().removeIf(key -> key.isPresent() && !index.containsKey(key.get()));
    adjacency.clear();
    adjacencyBuiltFor = 0;
  }

  private void recomputeDistances() {
    for (int u = 0; u < keys.size(); u++) {
      distance.set(u, standing.getByte(u) == Standing.UNMARKED.ordinal() ? FAR : 0);
    }
    for (int u = 0; u < keys.size(); u++) {
      if (distance.getInt(u) == 0) {
        relax(u);
      }
    }
  }

  public int accounts() {
    return keys.size();
  }

  public int edges() {
    return edgeFrom.size();
  }

  public boolean contains(AccountKey account) {
    return index.containsKey(account);
  }

  public Optional<EdgeFacts> edge(AccountKey from, AccountKey to, EdgeKind kind) {
    int a = index.getInt(from);
    int b = index.getInt(to);
    if (a < 0 || b < 0) {
      return Optional.empty();
    }
    if (kind == EdgeKind.IDENTITY && from.toString().compareTo(to.toString()) > 0) {
      int swap = a;
      a = b;
      b = swap;
    }
    int edge = edgeIndex[kind.ordinal()].get(((long) a << 32) | (b & 0xffffffffL));
    if (edge < 0) {
      return Optional.empty();
    }
    return Optional.of(new EdgeFacts(edgeCount.getInt(edge), time(edgeFirst.getLong(edge)), time(edgeLast.getLong(edge)),
        edgeConfidence.getFloat(edge)));
  }

  private static Optional<Instant> time(long millis) {
    return millis == UNKNOWN_TIME ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  /** A frozen view of every platform, with edges of {@code kinds} only. */
  public GraphSnapshot snapshot(Set<EdgeKind> kinds) {
    return snapshot(kinds, Optional.empty());
  }

  /**
   * A frozen view with edges of {@code kinds} only, and of one platform's accounts only when given
   * (identity edges cross platforms, so a one-platform view has none). Node ids are the graph's, so
   * views of the same moment can be compared node by node. Edge weight is the interaction count;
   * an identity edge weighs its confidence and points both ways.
   */
  public GraphSnapshot snapshot(Set<EdgeKind> kinds, Optional<Platform> platform) {
    Map<EdgeKind, Double> weights = new EnumMap<>(EdgeKind.class);
    kinds.forEach(kind -> weights.put(kind, 1.0));
    return snapshot(weights, platform, false);
  }

  /**
   * A frozen view for ranking: each kind weighs as given (kinds absent or weighing 0 are left out),
   * and repeated interactions count with diminishing returns, 1 + ln(count), so that one account
   * forwarding the same channel a hundred times does not outweigh everything else it does.
   */
  public GraphSnapshot snapshotForRanking(Map<EdgeKind, Double> kindWeights) {
    return snapshot(kindWeights, Optional.empty(), true);
  }

  private GraphSnapshot snapshot(Map<EdgeKind, Double> kindWeights, Optional<Platform> platform, boolean dampCounts) {
    float[] kindWeight = new float[EdgeKind.values().length];
    kindWeights.forEach((kind, w) -> kindWeight[kind.ordinal()] = (float) Math.max(0, w));
    int capacity = 0;
    for (int e = 0; e < edgeFrom.size(); e++) {
      capacity += edgeKind.getByte(e) == EdgeKind.IDENTITY.ordinal() ? 2 : 1;
    }
    int[] from = new int[capacity];
    int[] to = new int[capacity];
    float[] weight = new float[capacity];
    int count = 0;
    for (int e = 0; e < edgeFrom.size(); e++) {
      EdgeKind kind = EdgeKind.values()[edgeKind.getByte(e)];
      int a = edgeFrom.getInt(e);
      int b = edgeTo.getInt(e);
      if (kindWeight[kind.ordinal()] == 0 || (platform.isPresent()
          && !(keys.get(a).platform().equals(platform.get()) && keys.get(b).platform().equals(platform.get())))) {
        continue;
      }
      float strength = kind == EdgeKind.IDENTITY ? edgeConfidence.getFloat(e)
          : dampCounts ? (float) (1 + Math.log(edgeCount.getInt(e))) : edgeCount.getInt(e);
      float w = kindWeight[kind.ordinal()] * strength;
      from[count] = a;
      to[count] = b;
      weight[count++] = w;
      if (kind == EdgeKind.IDENTITY) {
        from[count] = b;
        to[count] = a;
        weight[count++] = w;
      }
    }
    return freeze(from, to, weight, count);
  }

  /**
   * A frozen view of who starts contact with whom: private messages, and mentions beyond those that
   * came with a share or a reply of the same pair (a retweet names the author it amplifies, a reply
   * names whom it answers; neither is reaching out). Edge weight is the number of such contacts.
   */
  public GraphSnapshot contactSnapshot() {
    int[] from = new int[edgeFrom.size()];
    int[] to = new int[edgeFrom.size()];
    float[] weight = new float[edgeFrom.size()];
    int count = 0;
    for (int e = 0; e < edgeFrom.size(); e++) {
      int kind = edgeKind.getByte(e);
      int contacts;
      if (kind == EdgeKind.MESSAGE.ordinal()) {
        contacts = edgeCount.getInt(e);
      } else if (kind == EdgeKind.MENTION.ordinal()) {
        long pair = ((long) edgeFrom.getInt(e) << 32) | (edgeTo.getInt(e) & 0xffffffffL);
        contacts = edgeCount.getInt(e) - countOf(EdgeKind.SHARE, pair) - countOf(EdgeKind.REPLY, pair);
      } else {
        continue;
      }
      if (contacts > 0) {
        from[count] = edgeFrom.getInt(e);
        to[count] = edgeTo.getInt(e);
        weight[count++] = contacts;
      }
    }
    return freeze(from, to, weight, count);
  }

  private int countOf(EdgeKind kind, long pair) {
    int edge = edgeIndex[kind.ordinal()].get(pair);
    return edge < 0 ? 0 : edgeCount.getInt(edge);
  }

  private GraphSnapshot freeze(int[] from, int[] to, float[] weight, int count) {
    int n = keys.size();
    byte[] standings = new byte[n];
    String[] languages = new String[n];
    for (int u = 0; u < n; u++) {
      standings[u] = standing.getByte(u);
      int l = language.getInt(u);
      languages[u] = l < 0 ? "" : languageNames.get(l);
    }
    return new GraphSnapshot(List.copyOf(keys), Csr.of(n, from, to, weight, count), standings, languages, personas());
  }

  /** Identity links at least this confident join accounts into one persona in the key accounts list. */
  public static final double PERSONA_CONFIDENCE = 0.7;

  // Union-find over confident identity edges; each node maps to its persona's smallest node.
  private int[] personas() {
    int n = keys.size();
    int[] parent = new int[n];
    for (int u = 0; u < n; u++) {
      parent[u] = u;
    }
    for (int e = 0; e < edgeFrom.size(); e++) {
      if (edgeKind.getByte(e) == EdgeKind.IDENTITY.ordinal() && edgeConfidence.getFloat(e) >= PERSONA_CONFIDENCE - 1e-6) {
        int a = root(parent, edgeFrom.getInt(e));
        int b = root(parent, edgeTo.getInt(e));
        parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
    for (int u = 0; u < n; u++) {
      parent[u] = root(parent, u);
    }
    return parent;
  }

  private static int root(int[] parent, int node) {
    while (parent[node] != node) {
      parent[node] = parent[parent[node]];
      node = parent[node];
    }
    return node;
  }

  private int languageId(String name) {
    String normalised = name.toLowerCase(Locale.ROOT);
    int id = languageIds.getInt(normalised);
    if (id < 0) {
      id = languageNames.size();
      languageIds.put(normalised, id);
      languageNames.add(normalised);
    }
    return id;
  }

}
