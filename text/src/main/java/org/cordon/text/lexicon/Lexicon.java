package org.cordon.text.lexicon;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.evidence.Sha256;

/**
 * A named, versioned, immutable set of entries. Every edit ({@link #apply}) gives the next version;
 * the {@linkplain #digest() digest} is the SHA-256 of the canonical CSV export (entries sorted,
 * name and version left out), so two lexicons with the same content have the same digest and a
 * score can name exactly which content produced it.
 */
public final class Lexicon {
  static final Comparator<LexiconEntry> CANONICAL_ORDER = Comparator
      .comparing((LexiconEntry e) -> e.kind())
      .thenComparing(e -> e.language().toLowerCase(java.util.Locale.ROOT))
      .thenComparing(LexiconEntry::term);

  private final String name;
  private final long version;
  private final List<LexiconEntry> entries;
  private final Map<EntryKey, LexiconEntry> byKey;
  private final Sha256 digest;
  /** Built on first use and kept: a lexicon is immutable, and building takes a while for thousands of terms. */
  private volatile LexiconMatcher matcher;

  private Lexicon(String name, long version, Map<EntryKey, LexiconEntry> byKey) {
    this.name = name;
    this.version = version;
    this.entries = byKey.values().stream().sorted(CANONICAL_ORDER).toList();
    this.byKey = Map.copyOf(byKey);
    this.digest = Sha256.of(CsvLexicon.write(entries).getBytes(StandardCharsets.UTF_8));
  }

  /** @throws LexiconException when two entries are the same entry ({@link EntryKey}), or the name or version is bad */
  public static Lexicon of(String name, long version, List<LexiconEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    List<LexiconProblem> problems = new ArrayList<>();
    String checkedName = checkName(name, problems);
    if (version < 1) {
      problems.add(LexiconProblem.general("the version is " + version + "; versions start at 1"));
    }
    Map<EntryKey, LexiconEntry> byKey = new LinkedHashMap<>();
    for (LexiconEntry entry : entries) {
      LexiconEntry earlier = byKey.putIfAbsent(entry.key(), Objects.requireNonNull(entry, "entry"));
      if (earlier != null) {
        problems.add(LexiconProblem.general("'" + entry.term() + "' repeats '" + earlier.term() + "': both are "
            + entry.key() + "; keep one"));
      }
    }
    if (!problems.isEmpty()) {
      throw new LexiconException(checkedName, problems);
    }
    return new Lexicon(checkedName, version, byKey);
  }

  public static Lexicon empty(String name) {
    return of(name, 1, List.of());
  }

  private static String checkName(String name, List<LexiconProblem> problems) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
      problems.add(LexiconProblem.general("a lexicon name is 1 to 200 printable characters"));
      return name.isBlank() ? "(unnamed)" : name.substring(0, Math.min(200, name.length()));
    }
    return name.strip();
  }

  public String name() {
    return name;
  }

  public long version() {
    return version;
  }

  /** In canonical order: kind, language, term. */
  public List<LexiconEntry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  public Sha256 digest() {
    return digest;
  }

  public Optional<LexiconEntry> find(EntryKey key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /**
   * The next version, with every change applied in order. All or nothing.
   *
   * @throws LexiconException listing every change that cannot be applied (adding an entry that
   *     is there, removing or replacing one that is not), by position in {@code changes}
   */
  public Lexicon apply(List<LexiconChange> changes) {
    Map<EntryKey, LexiconEntry> next = new LinkedHashMap<>(byKey);
    List<LexiconProblem> problems = new ArrayList<>();
    int position = 0;
    for (LexiconChange change : changes) {
      position++;
      String where = "change " + position + ": ";
      switch (change) {
        case LexiconChange.Add add -> {
          if (next.putIfAbsent(add.entry().key(), add.entry()) != null) {
            problems.add(LexiconProblem.general(where + add.entry().key() + " is already in the lexicon; replace it instead"));
          }
        }
        case LexiconChange.Remove remove -> {
          if (next.remove(remove.key()) == null) {
            problems.add(LexiconProblem.general(where + "there is no " + remove.key() + " to remove"));
          }
        }
        case LexiconChange.Replace replace -> {
          if (next.remove(replace.key()) == null) {
            problems.add(LexiconProblem.general(where + "there is no " + replace.key() + " to replace"));
          } else if (next.putIfAbsent(replace.entry().key(), replace.entry()) != null) {
            problems.add(LexiconProblem.general(where + "the replacement " + replace.entry().key()
                + " is already in the lexicon"));
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new LexiconException(name, problems);
    }
    return new Lexicon(name, version + 1, next);
  }

  public Lexicon apply(LexiconChange... changes) {
    return apply(List.of(changes));
  }

  /** The same content under another name or version, for imports that say which version they are. */
  public Lexicon as(String newName, long newVersion) {
    return of(newName, newVersion, entries);
  }

  /** One automaton for the whole lexicon, built on first call and shared by every thread. */
  public LexiconMatcher matcher() {
    LexiconMatcher built = matcher;
    if (built == null) {
      built = LexiconMatcher.of(this);
      matcher = built;
    }
    return built;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Lexicon that && name.equals(that.name) && version == that.version
        && digest.equals(that.digest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, version, digest);
  }

  @Override
  public String toString() {
    return "Lexicon[" + name + " v" + version + ", " + entries.size() + " entries, " + digest.hex().substring(0, 12) + "]";
  }
}
