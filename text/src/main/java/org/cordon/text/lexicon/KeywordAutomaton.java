package org.cordon.text.lexicon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aho–Corasick over UTF-16 units, finding every occurrence of every keyword (overlaps included) in
 * one pass. Transitions live in primitive tables: a direct array for the root's common characters
 * (Latin, Greek, Cyrillic, Arabic) and one open-addressing table keyed by (state, character) for
 * the rest. The library automaton it replaces looked each character up in a map of boxed
 * Characters per state, which was a fifth of matching a post against a lexicon. Immutable and
 * thread-safe once built.
 */
final class KeywordAutomaton {
  /** Root transitions on characters below this are read from an array. */
  private static final int ROOT_DIRECT = 0x800;
  private static final long EMPTY = -1;

  /** Receives an occurrence: the keyword's index in the list given, and where it is, end exclusive. */
  @FunctionalInterface
  interface Occurrence {
    void found(int keyword, int start, int end);
  }

  private final int[] keywordLengths;
  private final int[] rootNext;
  private final long[] edgeKeys;
  private final int[] edgeTargets;
  private final int edgeMask;
  private final int[] fail;
  /** Per state, the keywords ending there (its own, then those of its fail chain). */
  private final int[][] outputs;

  KeywordAutomaton(List<String> keywords) {
    keywordLengths = new int[keywords.size()];
    List<Map<Character, Integer>> children = new ArrayList<>();
    List<List<Integer>> own = new ArrayList<>();
    children.add(new TreeMap<>());
    own.add(new ArrayList<>());
    for (int k = 0; k < keywords.size(); k++) {
      String keyword = keywords.get(k);
      if (keyword.isEmpty()) {
        throw new IllegalArgumentException("a keyword is not empty");
      }
      keywordLengths[k] = keyword.length();
      int state = 0;
      for (int i = 0; i < keyword.length(); i++) {
        Integer next = children.get(state).get(keyword.charAt(i));
        if (next == null) {
          next = children.size();
          children.get(state).put(keyword.charAt(i), next);
          children.add(new TreeMap<>());
          own.add(new ArrayList<>());
        }
        state = next;
      }
      own.get(state).add(k);
    }
    int states = children.size();
    int edges = states - 1;
    int capacity = Integer.highestOneBit(Math.max(16, edges * 2)) * 2;
    edgeKeys = new long[capacity];
    Arrays.fill(edgeKeys, EMPTY);
    edgeTargets = new int[capacity];
    edgeMask = capacity - 1;
    rootNext = new int[ROOT_DIRECT];
    for (int state = 0; state < states; state++) {
      for (Map.Entry<Character, Integer> e : children.get(state).entrySet()) {
        char c = e.getKey();
        if (state == 0 && c < ROOT_DIRECT) {
          rootNext[c] = e.getValue();
        } else {
          put(state, c, e.getValue());
        }
      }
    }
    fail = new int[states];
    outputs = new int[states][];
    outputs[0] = toArray(own.get(0));
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int child : children.get(0).values()) {
      fail[child] = 0;
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      int state = queue.poll();
      List<Integer> out = new ArrayList<>(own.get(state));
      for (int inherited : outputs[fail[state]]) {
        out.add(inherited);
      }
      outputs[state] = toArray(out);
      for (Map.Entry<Character, Integer> e : children.get(state).entrySet()) {
        int child = e.getValue();
        int f = fail[state];
        while (f != 0 && next(f, e.getKey()) < 0) {
          f = fail[f];
        }
        int target = next(f, e.getKey());
        fail[child] = target < 0 ? 0 : target;
        queue.add(child);
      }
    }
  }

  private static int[] toArray(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  private void put(int state, char c, int target) {
    long key = (long) state << 16 | c;
    int slot = slot(key, edgeMask);
    while (edgeKeys[slot] != EMPTY) {
      slot = (slot + 1) & edgeMask;
    }
    edgeKeys[slot] = key;
    edgeTargets[slot] = target;
  }

  /** The state after {@code c} from {@code state}, or -1 when there is no such edge (the root's missing edges included). */
  private int next(int state, char c) {
    if (state == 0 && c < ROOT_DIRECT) {
      int target = rootNext[c];
      return target == 0 ? -1 : target;
    }
    long key = (long) state << 16 | c;
    int slot = slot(key, edgeMask);
    while (true) {
      long k = edgeKeys[slot];
      if (k == key) {
        return edgeTargets[slot];
      }
      if (k == EMPTY) {
        return -1;
      }
      slot = (slot + 1) & edgeMask;
    }
  }

  /** Every occurrence of every keyword in {@code text}, in the order their ends are reached. */
  void search(CharSequence text, Occurrence occurrence) {
    int state = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int target;
      while ((target = next(state, c)) < 0 && state != 0) {
        state = fail[state];
      }
      state = target < 0 ? 0 : target;
      for (int keyword : outputs[state]) {
        occurrence.found(keyword, i + 1 - keywordLengths[keyword], i + 1);
      }
    }
  }
}
