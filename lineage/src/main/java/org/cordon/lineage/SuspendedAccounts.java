package org.cordon.lineage;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.detect.media.index.PdqIndex;
import org.cordon.detect.media.pdq.PdqHash;

/**
 * The suspended and removed accounts, indexed so that a new account is compared with a small
 * candidate set rather than with all of them.
 *
 * <h2>Blocking</h2>
 * <ul>
 *   <li>exact keys of the folded handle ({@link Names#base}, its {@link Names#phonetic} skeleton, and
 *       {@link Names#letters}): a handle with a new numeric suffix, other underscores or another
 *       romanisation meets its predecessor here;
 *   <li>letter trigrams of the handle, counted, for edits the keys miss ("abuhamza" / "abuhamzah");
 *       a trigram that half the index shares is skipped, it tells nothing;
 *   <li>the avatar's PDQ hash, within {@value #AVATAR_RADIUS} bits ({@link PdqIndex});
 *   <li>MinHash bands of the bio's word shingles.
 * </ul>
 * Keys are chained through node arrays (key → newest node → older nodes), so a key costs one hash
 * table slot and a node twelve bytes, and the count of a key is kept at its newest node (how many
 * suspended accounts share a display name or a handle says how much sharing it means).
 *
 * <h2>Threads</h2>
 * Any number of threads may read; {@link #add} and {@link #remove} take a write lock.
 */
public final class SuspendedAccounts {
  static final int AVATAR_RADIUS = 31;
  static final int KIND_BASE = 1;
  static final int KIND_PHONETIC = 2;
  static final int KIND_LETTERS = 3;
  static final int KIND_NAME = 4;
  static final int KIND_BIO_BAND = 8;
  static final int KIND_HASHTAG = 9;
  /** Hashtags kept per suspended account: its slogans, not its every post. */
  static final int MAX_HASHTAGS = 32;
  /** A key shared by up to this many accounts gives them all as candidates. */
  static final int MAX_CHAIN_READ = 64;
  /** Of a more crowded key, this many (newest first) are ranked by cheap features, and the best kept. */
  static final int MAX_CROWDED_READ = 1_024;
  static final int CROWDED_KEEP = 24;
  /** A bio band shared by more than this many accounts is a common slogan, not a lead. */
  static final int MAX_BIO_BUCKET = 256;
  /** Trigram posting lists longer than this are skipped by the blocking count. */
  static final int MAX_TRIGRAM_POSTINGS = 8_000;
  /** At most this many of a handle's trigrams are counted, the rarest. */
  static final int MAX_TRIGRAMS_COUNTED = 8;
  static final int TRIGRAM_CANDIDATES = 24;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final List<SuspendedEntry> entries = new ArrayList<>();
  private final BitSet removed = new BitSet();
  private final Object2IntOpenHashMap<AccountKey> byKey = new Object2IntOpenHashMap<>();
  private final Long2IntOpenHashMap heads = new Long2IntOpenHashMap();
  private final Long2IntOpenHashMap nameCounts = new Long2IntOpenHashMap();
  private final IntArrayList nodeEntry = new IntArrayList();
  private final IntArrayList nodeNext = new IntArrayList();
  private final IntArrayList nodeCount = new IntArrayList();
  private final IntArrayList[] trigrams = new IntArrayList[26 * 26 * 26];
  private final PdqIndex avatars = PdqIndex.builder().chunks(16).build();
  private final ThreadLocal<int[]> scratch = ThreadLocal.withInitial(() -> new int[0]);

  public SuspendedAccounts() {
    heads.defaultReturnValue(-1);
    byKey.defaultReturnValue(-1);
  }

  /**
   * Adds (or replaces) a suspended account.
   *
   * @param profile its profile as last seen before the suspension
   * @param neighbourhood the accounts it followed or mentioned (the first {@value Neighbourhood#MAX_MEMBERS} kept)
   * @param suspendedAt when the suspension was observed
   */
  public void add(AccountProfile profile, Collection<AccountKey> neighbourhood, Instant suspendedAt) {
    add(profile, neighbourhood, List.of(), suspendedAt);
  }

  /**
   * Adds (or replaces) a suspended account with the hashtags it wrote (its first
   * {@value #MAX_HASHTAGS} distinct ones are kept).
   */
  public void add(AccountProfile profile, Collection<AccountKey> neighbourhood, Collection<String> hashtags,
      Instant suspendedAt) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(hashtags, "hashtags");
    Objects.requireNonNull(neighbourhood, "neighbourhood");
    Objects.requireNonNull(suspendedAt, "suspendedAt");
    String handle = profile.handle().length() > Names.MAX_NAME_CHARS
        ? profile.handle().substring(0, Names.MAX_NAME_CHARS) : profile.handle();
    HandleKeys keys = HandleKeys.of(handle);
    int[] shingles = profile.bio().map(Bios::shingles).orElse(new int[0]);
    SuspendedEntry entry = new SuspendedEntry(profile.key(), handle, profile.displayName().map(Names::plain),
        shingles, profile.displayName().map(Names::plain).map(name -> nameKey(profile.key().platform(), name)).orElse(0L),
        profile.avatar(), Neighbourhood.filter(neighbourhood), Math.min(neighbourhood.size(),
        Neighbourhood.MAX_MEMBERS), hashtagHashes(hashtags), suspendedAt.toEpochMilli());
    lock.writeLock().lock();
    try {
      int previous = byKey.getInt(profile.key());
      if (previous >= 0) {
        removeLocked(previous);
      }
      int id = entries.size();
      entries.add(entry);
      byKey.put(profile.key(), id);
      Platform platform = profile.key().platform();
      if (hasChosenHandle(profile.key(), handle)) {
        indexHandle(platform, keys, id);
      }
      entry.displayName().filter(name -> !Names.joined(name).isEmpty()).ifPresent(name -> {
        nameCounts.addTo(nameKey(platform, name), 1);
        chain(nameKey(platform, name), id);
      });
      for (long band : Bios.bands(shingles)) {
        chain(Names.mix(band ^ KIND_BIO_BAND), id);
      }
      profile.avatar().ifPresent(hash -> avatars.add(id, hash));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Whether the handle is one the person chose. Where a platform shows none (a Telegram group
   * member), connectors fall back to the account id, which says nothing about the person.
   */
  static boolean hasChosenHandle(AccountKey key, String handle) {
    return !handle.isBlank() && !handle.equals(key.id());
  }

  private void indexHandle(Platform platform, HandleKeys keys, int id) {
    {
      chain(Names.hash(KIND_BASE, platform.name() + ':' + keys.base()), id);
      if (!keys.phoneticBase().equals(keys.base())) {
        chain(Names.hash(KIND_PHONETIC, platform.name() + ':' + keys.phoneticBase()), id);
      }
      if (!keys.letters().isEmpty() && !keys.letters().equals(keys.base())) {
        chain(Names.hash(KIND_LETTERS, platform.name() + ':' + keys.letters()), id);
      }
      for (int gram : trigramsOf(keys.letters())) {
        IntArrayList postings = trigrams[gram];
        if (postings == null) {
          postings = trigrams[gram] = new IntArrayList(4);
        }
        postings.add(id);
      }
    }
  }

  /** Folds recent additions into the avatar index's bucket tables; call after a bulk load. */
  public void compact() {
    avatars.compact();
  }

  /** Takes an account out (reinstated by the platform): it is no longer anyone's predecessor. */
  public boolean remove(AccountKey key) {
    lock.writeLock().lock();
    try {
      int id = byKey.getInt(key);
      if (id < 0) {
        return false;
      }
      removeLocked(id);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void removeLocked(int id) {
    removed.set(id);
    byKey.removeInt(entries.get(id).key());
    avatars.remove(id);
    entries.get(id).displayName().filter(name -> !name.isBlank())
        .ifPresent(name -> nameCounts.addTo(nameKey(entries.get(id).key().platform(), name), -1));
  }

  public boolean contains(AccountKey key) {
    lock.readLock().lock();
    try {
      return byKey.getInt(key) >= 0;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Number of suspended accounts held. */
  public int size() {
    lock.readLock().lock();
    try {
      return byKey.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** When the account was suspended, if it is held. */
  public Optional<Instant> suspendedAt(AccountKey key) {
    lock.readLock().lock();
    try {
      int id = byKey.getInt(key);
      return id < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(entries.get(id).suspendedAtMillis()));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The suspended account with exactly this handle on this platform (ignoring case and invisible characters). */
  public Optional<AccountKey> byHandle(Platform platform, String handle) {
    lock.readLock().lock();
    try {
      int id = byHandleLocked(platform, handle);
      return id < 0 ? Optional.empty() : Optional.of(entries.get(id).key());
    } finally {
      lock.readLock().unlock();
    }
  }

  int byHandleLocked(Platform platform, String handle) {
    HandleKeys keys = HandleKeys.of(handle);
    int found = -1;
    int read = 0;
    for (int node = heads.get(Names.hash(KIND_BASE, platform.name() + ':' + keys.base()));
        node >= 0 && read < MAX_CHAIN_READ; node = nodeNext.getInt(node), read++) {
      int id = nodeEntry.getInt(node);
      if (!removed.get(id) && HandleKeys.of(entries.get(id).handle()).plain().equals(keys.plain())) {
        if (found < 0 || entries.get(id).suspendedAtMillis() > entries.get(found).suspendedAtMillis()) {
          found = id;
        }
      }
    }
    return found;
  }

  /**
   * Approximate heap taken by the index: entries with their strings, shingles and filters, the key
   * tables, trigram postings and the avatar index.
   */
  public long estimatedBytes() {
    lock.readLock().lock();
    try {
      long bytes = 0;
      for (SuspendedEntry entry : entries) {
        bytes += 48 + 40 + stringBytes(entry.key().id()) + stringBytes(entry.handle())
            + entry.displayName().map(name -> 16 + stringBytes(name)).orElse(0L)
            + 16 + 4L * entry.bioShingles().length + 16 + 8L * entry.neighbourhood().length
            + (entry.avatar().isPresent() ? 64 : 0) + 16 + 4L * entry.hashtags().length;
      }
      bytes += 8L * entries.size() + (long) (8L * entries.size() / 0.75); // list and byKey
      bytes += (long) ((heads.size() + nameCounts.size()) * 12L / 0.75 * 1.3);
      bytes += 12L * nodeEntry.size();
      for (IntArrayList postings : trigrams) {
        bytes += postings == null ? 0 : 24 + 4L * postings.elements().length;
      }
      bytes += avatars.size() * 40L + 4L * 1024 * 1024;
      return bytes;
    } finally {
      lock.readLock().unlock();
    }
  }

  private static long stringBytes(String s) {
    return 40 + s.length();
  }

  private void chain(long key, int id) {
    int head = heads.get(key);
    int node = nodeEntry.size();
    nodeEntry.add(id);
    nodeNext.add(head);
    nodeCount.add(head < 0 ? 1 : nodeCount.getInt(head) + 1);
    heads.put(key, node);
  }

  /** Sorted distinct hashes of the first {@value #MAX_HASHTAGS} hashtags, folded like names ("#Ember_Wire" = "emberwire"). */
  static int[] hashtagHashes(Collection<String> hashtags) {
    return hashtags.stream().limit(MAX_HASHTAGS * 4L).map(SuspendedAccounts::foldHashtag).filter(tag -> !tag.isEmpty())
        .mapToInt(tag -> (int) Names.hash(KIND_HASHTAG, tag)).distinct().limit(MAX_HASHTAGS).sorted().toArray();
  }

  /** Letters and digits of any script, lower case: "#Ember_Wire" and "emberwire" are one tag. */
  static String foldHashtag(String tag) {
    StringBuilder out = new StringBuilder(Math.min(tag.length(), 64));
    tag.toLowerCase(java.util.Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).limit(64).forEach(out::appendCodePoint);
    return out.toString();
  }

  static long nameKey(Platform platform, String plainName) {
    return Names.hash(KIND_NAME, platform.name() + ':' + Names.joined(plainName));
  }

  static int[] trigramsOf(String letters) {
    if (letters.length() < 3) {
      return new int[0];
    }
    return java.util.stream.IntStream.range(0, letters.length() - 2)
        .map(i -> ((letters.charAt(i) - 'a') * 26 + letters.charAt(i + 1) - 'a') * 26 + letters.charAt(i + 2) - 'a')
        .distinct().toArray();
  }

  // ---- reads for the matcher (callers hold the read lock through {@link #read})

  interface Reader<T> {
    T read(View view);
  }

  <T> T read(Reader<T> reader) {
    lock.readLock().lock();
    try {
      return reader.read(new View());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** What the matcher reads, under the read lock. */
  final class View {
    SuspendedEntry entry(int id) {
      return entries.get(id);
    }

    boolean live(int id) {
      return !removed.get(id);
    }

    int idOf(AccountKey key) {
      return byKey.getInt(key);
    }

    int byHandle(Platform platform, String handle) {
      return byHandleLocked(platform, handle);
    }

    /** How many suspended accounts on the platform share a key of this kind (the newest node's count). */
    int keyCount(int kind, Platform platform, String key) {
      int head = heads.get(Names.hash(kind, platform.name() + ':' + key));
      return head < 0 ? 0 : nodeCount.getInt(head);
    }

    int nameCount(Platform platform, String plainName) {
      return nameCounts.get(nameKey(platform, plainName));
    }

    /** The smallest bucket this bio shares with others: about how many suspended bios are this alike. */
    int bioBucketMin(int[] shingles) {
      int min = Integer.MAX_VALUE;
      for (long band : Bios.bands(shingles)) {
        int head = heads.get(Names.mix(band ^ KIND_BIO_BAND));
        if (head >= 0) {
          min = Math.min(min, nodeCount.getInt(head));
        }
      }
      return min == Integer.MAX_VALUE ? 0 : min;
    }

    /** Ids met by blocking, each once, with the reasons they were met. */
    void block(Platform platform, Optional<HandleKeys> handle, Optional<String> plainName, int[] bioShingles,
        Optional<PdqHash> avatar, Candidates out) {
      handle.ifPresent(keys -> blockOnHandle(platform, keys, out));
      // Without a handle (a Telegram group member shows none) the display name blocks instead.
      plainName.filter(name -> handle.isEmpty()).filter(name -> !Names.joined(name).isEmpty()).ifPresent(name -> chainInto(nameKey(platform, name), platform, out));
      for (long band : Bios.bands(bioShingles)) {
        int head = heads.get(Names.mix(band ^ KIND_BIO_BAND));
        if (head >= 0 && nodeCount.getInt(head) <= MAX_BIO_BUCKET) {
          chainInto(Names.mix(band ^ KIND_BIO_BAND), platform, out);
        }
      }
      avatar.ifPresent(hash -> {
        List<PdqIndex.Match> matches = avatars.search(hash, AVATAR_RADIUS);
        int samePlatform = 0;
        for (PdqIndex.Match match : matches) {
          int id = (int) match.id();
          if (!removed.get(id) && entries.get(id).key().platform().equals(platform) && samePlatform++ < 16) {
            out.add(id);
          }
        }
        // How many suspended accounts here wear this picture: a stock avatar says little.
        out.avatarCrowd = samePlatform;
      });
    }

    private void blockOnHandle(Platform platform, HandleKeys keys, Candidates out) {
      chainInto(Names.hash(KIND_BASE, platform.name() + ':' + keys.base()), platform, out);
      chainInto(Names.hash(KIND_PHONETIC, platform.name() + ':' + keys.phoneticBase()), platform, out);
      if (!keys.letters().isEmpty()) {
        chainInto(Names.hash(KIND_LETTERS, platform.name() + ':' + keys.letters()), platform, out);
        // Another kind's key of a suspended account can equal this one's letters ("abu_hamza_2" → base "abuhamza").
        chainInto(Names.hash(KIND_BASE, platform.name() + ':' + keys.letters()), platform, out);
      }
      trigramsInto(keys.letters(), platform, out);
    }

    private void chainInto(long key, Platform platform, Candidates out) {
      int head = heads.get(key);
      if (head < 0) {
        return;
      }
      if (nodeCount.getInt(head) <= MAX_CHAIN_READ) {
        for (int node = head; node >= 0; node = nodeNext.getInt(node)) {
          int id = nodeEntry.getInt(node);
          if (!removed.get(id) && entries.get(id).key().platform().equals(platform)) {
            out.add(id);
          }
        }
        return;
      }
      // A crowded key ("muhammad" + digits, a common name): rank what it holds by the cheap
      // features the caller gives, and keep the best few.
      int[] best = new int[CROWDED_KEEP];
      double[] bestRank = new double[CROWDED_KEEP];
      int kept = 0;
      int read = 0;
      for (int node = head; node >= 0 && read < MAX_CROWDED_READ; node = nodeNext.getInt(node), read++) {
        int id = nodeEntry.getInt(node);
        if (removed.get(id) || !entries.get(id).key().platform().equals(platform)) {
          continue;
        }
        double rank = out.ranker.applyAsDouble(entries.get(id));
        if (kept < best.length) {
          best[kept] = id;
          bestRank[kept++] = rank;
        } else {
          int worst = 0;
          for (int k = 1; k < kept; k++) {
            if (bestRank[k] < bestRank[worst]) {
              worst = k;
            }
          }
          if (bestRank[worst] < rank) {
            best[worst] = id;
            bestRank[worst] = rank;
          }
        }
      }
      for (int k = 0; k < kept; k++) {
        out.add(best[k]);
      }
    }

    private void trigramsInto(String letters, Platform platform, Candidates out) {
      int[] grams = trigramsOf(letters);
      if (grams.length < 2) {
        return;
      }
      int[] counts = scratch.get();
      if (counts.length < entries.size()) {
        counts = new int[Math.max(entries.size(), counts.length * 3 / 2)];
        scratch.set(counts);
      }
      IntArrayList touched = new IntArrayList();
      // The rarest grams say the most and cost the least: count only those.
      long[] bySize = new long[grams.length];
      int available = 0;
      for (int gram : grams) {
        IntArrayList postings = trigrams[gram];
        if (postings != null && postings.size() <= MAX_TRIGRAM_POSTINGS) {
          bySize[available++] = ((long) postings.size() << 32) | gram;
        }
      }
      java.util.Arrays.sort(bySize, 0, available);
      int usable = Math.min(available, MAX_TRIGRAMS_COUNTED);
      for (int g = 0; g < usable; g++) {
        IntArrayList postings = trigrams[(int) bySize[g]];
        int[] ids = postings.elements();
        for (int i = 0, n = postings.size(); i < n; i++) {
          if (counts[ids[i]]++ == 0) {
            touched.add(ids[i]);
          }
        }
      }
      int needed = Math.max(2, (usable + 1) / 2);
      // Keep the best-sharing few: a partial top-k by count, ties to the newest.
      int[] best = new int[TRIGRAM_CANDIDATES];
      int kept = 0;
      for (int i = 0; i < touched.size(); i++) {
        int id = touched.getInt(i);
        int c = counts[id];
        if (c < needed || removed.get(id) || !entries.get(id).key().platform().equals(platform)) {
          continue;
        }
        if (kept < best.length) {
          best[kept++] = id;
        } else {
          int worst = 0;
          for (int k = 1; k < kept; k++) {
            if (counts[best[k]] < counts[best[worst]]) {
              worst = k;
            }
          }
          if (counts[best[worst]] < c) {
            best[worst] = id;
          }
        }
      }
      for (int k = 0; k < kept; k++) {
        out.add(best[k]);
      }
      for (int i = 0; i < touched.size(); i++) {
        counts[touched.getInt(i)] = 0;
      }
    }
  }

  /** A small set of candidate ids in the order they were met, plus how crowded the avatar was. */
  static final class Candidates {
    final IntArrayList ids = new IntArrayList();
    final java.util.function.ToDoubleFunction<SuspendedEntry> ranker;
    private final it.unimi.dsi.fastutil.ints.IntOpenHashSet seen = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
    int avatarCrowd;

    Candidates(java.util.function.ToDoubleFunction<SuspendedEntry> ranker) {
      this.ranker = ranker;
    }

    void add(int id) {
      if (seen.add(id)) {
        ids.add(id);
      }
    }
  }
}
