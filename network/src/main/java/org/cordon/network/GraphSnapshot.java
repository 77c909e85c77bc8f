package org.cordon.network;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;

/**
 * A frozen view of the account graph for the analytics: node {@code i} is {@link #account(int)},
 * edges are directed and weighted (see {@link AccountGraph#snapshot}). Immutable; share it freely
 * between threads.
 */
public final class GraphSnapshot {
  private final List<AccountKey> accounts;
  private final Csr out;
  private final byte[] standings;
  private final String[] languages;
  private final int[] personas;
  private volatile Csr in;
  private volatile Csr undirected;
  private volatile Object2IntOpenHashMap<AccountKey> index;

  GraphSnapshot(List<AccountKey> accounts, Csr out, byte[] standings, String[] languages, int[] personas) {
    this.accounts = Objects.requireNonNull(accounts, "accounts"); // callers hand over an immutable list
    this.out = Objects.requireNonNull(out, "out");
    this.standings = standings.clone();
    this.languages = languages.clone();
    this.personas = personas;
    if (out.nodes != accounts.size() || standings.length != accounts.size() || languages.length != accounts.size()
        || personas.length != accounts.size()) {
      throw new IllegalArgumentException("a snapshot has one account, standing, language and persona per node");
    }
  }

  public int nodes() {
    return out.nodes;
  }

  /** Directed edges (pairs), parallel interactions merged. */
  public int edges() {
    return out.edges();
  }

  public AccountKey account(int node) {
    return accounts.get(node);
  }

  public List<AccountKey> accounts() {
    return accounts;
  }

  public Platform platform(int node) {
    return accounts.get(node).platform();
  }

  public Standing standing(int node) {
    return Standing.values()[standings[node]];
  }

  /** The language of the account's latest post, or "" when none was seen. */
  public String language(int node) {
    return languages[node];
  }

  /**
   * The persona the account belongs to, named by its smallest node: accounts joined by identity
   * links of confidence at least {@link AccountGraph#PERSONA_CONFIDENCE} share one.
   */
  public int persona(int node) {
    return personas[node];
  }

  public OptionalInt nodeOf(AccountKey account) {
    Object2IntOpenHashMap<AccountKey> map = index;
    if (map == null) {
      map = new Object2IntOpenHashMap<>(accounts.size());
      map.defaultReturnValue(-1);
      for (int i = 0; i < accounts.size(); i++) {
        map.put(accounts.get(i), i);
      }
      index = map;
    }
    int node = map.getInt(account);
    return node < 0 ? OptionalInt.empty() : OptionalInt.of(node);
  }

  public int outDegree(int node) {
    return out.degree(node);
  }

  public int inDegree(int node) {
    return in().degree(node);
  }

  /** Distinct accounts linked to this one in either direction. */
  public int degree(int node) {
    return undirected().degree(node);
  }

  /** The accounts this one links to (follows, mentions, …), by node. */
  public int[] outNeighbours(int node) {
    return java.util.Arrays.copyOfRange(out.targets, out.offsets[node], out.offsets[node + 1]);
  }

  /** The accounts linking to this one (its followers, in a follow view), by node. */
  public int[] inNeighbours(int node) {
    Csr reversed = in();
    return java.util.Arrays.copyOfRange(reversed.targets, reversed.offsets[node], reversed.offsets[node + 1]);
  }

  Csr out() {
    return out;
  }

  Csr in() {
    Csr result = in;
    if (result == null) {
      result = out.transpose();
      in = result;
    }
    return result;
  }

  Csr undirected() {
    Csr result = undirected;
    if (result == null) {
      result = out.undirected();
      undirected = result;
    }
    return result;
  }

  /** The same accounts without any edge. */
  GraphSnapshot withoutEdges() {
    return new GraphSnapshot(accounts, Csr.of(nodes(), new int[0], new int[0], new float[0], 0), standings, languages,
        personas);
  }

  /** A snapshot of a bare graph, for benchmarks and synthetic tests: accounts are named by number. */
  static GraphSnapshot synthetic(Csr out, Platform platform) {
    List<AccountKey> keys = new java.util.AbstractList<>() {
      @Override
      public AccountKey get(int i) {
        return AccountKey.of(platform, Integer.toString(i));
      }

      @Override
      public int size() {
        return out.nodes;
      }
    };
    int[] personas = new int[out.nodes];
    java.util.Arrays.setAll(personas, i -> i);
    return new GraphSnapshot(keys, out, new byte[out.nodes], emptyLanguages(out.nodes), personas);
  }

  private static String[] emptyLanguages(int n) {
    String[] languages = new String[n];
    java.util.Arrays.fill(languages, "");
    return languages;
  }
}
