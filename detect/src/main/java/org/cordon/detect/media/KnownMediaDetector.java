package org.cordon.detect.media;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.cordon.core.signal.Detector;
import org.cordon.core.signal.MediaFingerprint;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;
import org.cordon.detect.media.index.PdqIndex;
import org.cordon.detect.media.pdq.PdqHash;
import org.cordon.detect.media.pdq.PdqResult;

/**
 * Raises a signal when a post's media is on a hash list: SHA-256 or MD5 equal to an entry
 * (strength 1), or PDQ within {@value #PDQ_MATCH_DISTANCE} bits of one (strength falls from 1 at
 * distance 0 to about 0.5 at 31). PDQ hashes of quality {@value PdqResult#MIN_USEFUL_QUALITY} or
 * less are not matched. Per media and list it reports every exact match and the nearest PDQ
 * match. Each signal's tier is the entry's; its reason and evidence name the media, list, entry,
 * hash type and distance.
 *
 * <p>PDQ matching goes through a multi-index ({@link PdqIndex}), exact within the match distance,
 * so a list of millions costs a few hundred bucket probes per hash, not a scan.
 */
public final class KnownMediaDetector implements Detector {
  public static final String NAME = "media-hash";
  /** Meta's confident-match threshold. */
  public static final int PDQ_MATCH_DISTANCE = 31;

  private final List<IndexedList> lists;

  public KnownMediaDetector(List<HashList> lists) {
    this(lists, KnownMediaDetector::pdqIndexOf);
  }

  /**
   * With the PDQ index of each list given (loaded from a file, say, instead of built at start-up).
   * The index must hold the list's PDQ entries under ids 0, 1, 2, … in list order, as
   * {@link #pdqIndexOf} builds it.
   */
  public KnownMediaDetector(List<HashList> lists, java.util.function.Function<HashList, PdqIndex> pdqIndexes) {
    this.lists = lists.stream().map(list -> new IndexedList(list, pdqIndexes.apply(list))).toList();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Signal> detect(PostContext post) {
    Objects.requireNonNull(post, "post");
    List<Signal> signals = new ArrayList<>();
    for (MediaFingerprint media : post.media()) {
      for (IndexedList list : lists) {
        for (HashType type : List.of(HashType.SHA256, HashType.MD5)) {
          media.hash(type.key())
              .map(hash -> list.exact.get(type.key() + ":" + hash.toLowerCase(java.util.Locale.ROOT)))
              .ifPresent(entry -> signals.add(signal(post, media, list.name, entry, 0)));
        }
        List<PdqHash> orientations = usablePdq(media);
        orientations.stream().flatMap(needle -> list.nearestPdq(needle).stream())
            .min(java.util.Comparator.comparingInt(PdqMatch::distance))
            .ifPresent(match -> signals.add(signal(post, media, list.name, match.entry, match.distance)));
      }
    }
    return List.copyOf(signals);
  }

  /**
   * The media's PDQ hash and, when the fingerprint has them, its other seven orientations (a
   * mirrored or rotated repost); empty when there is no usable hash.
   */
  private static List<PdqHash> usablePdq(MediaFingerprint media) {
    Optional<PdqHash> original = usableOriginalPdq(media);
    if (original.isEmpty()) {
      return List.of();
    }
    List<PdqHash> all = new ArrayList<>(List.of(original.get()));
    for (String hex : media.hash(MediaFingerprinter.PDQ_DIHEDRAL).map(h -> h.split(",")).orElse(new String[0])) {
      try {
        all.add(PdqHash.fromHex(hex));
      } catch (IllegalArgumentException e) {
        // a malformed orientation is skipped; the others still count
      }
    }
    return all;
  }

  /** The list's PDQ entries indexed under ids 0, 1, 2, … in list order. */
  public static PdqIndex pdqIndexOf(HashList list) {
    PdqIndex.Builder builder = PdqIndex.builder();
    int id = 0;
    for (HashListEntry entry : list.entries()) {
      if (entry.type() == HashType.PDQ) {
        builder.add(id++, PdqHash.fromHex(entry.hash()));
      }
    }
    return builder.build();
  }

  private static Optional<PdqHash> usableOriginalPdq(MediaFingerprint media) {
    Optional<String> hex = media.hash(MediaFingerprint.PDQ);
    if (hex.isEmpty()) {
      return Optional.empty();
    }
    OptionalInt quality = media.hash(MediaFingerprinter.PDQ_QUALITY)
        .flatMap(KnownMediaDetector::parseInt)
        .map(OptionalInt::of)
        .orElse(OptionalInt.empty());
    // Without a stated quality the hash is trusted: it came from a source that filtered already.
    if (quality.isPresent() && quality.getAsInt() <= PdqResult.MIN_USEFUL_QUALITY) {
      return Optional.empty();
    }
    try {
      return Optional.of(PdqHash.fromHex(hex.get()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> parseInt(String text) {
    try {
      return Optional.of(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Signal signal(PostContext post, MediaFingerprint media, String listName, HashListEntry entry, int distance) {
    String hashName = switch (entry.type()) {
      case SHA256 -> "SHA-256";
      case MD5 -> "MD5";
      case PDQ -> "PDQ";
    };
    String how = entry.type() == HashType.PDQ
        ? hashName + " is " + distance + " bits from"
        : hashName + " equals";
    String reason = "media " + media.media() + " " + how + " entry '" + entry.label() + "' of list '" + listName
        + "' (" + entry.tier().label() + ")";
    Map<String, String> evidence = new HashMap<>();
    evidence.put("media", media.media().toString());
    evidence.put("list", listName);
    evidence.put("entry", entry.label());
    evidence.put("entry_line", Integer.toString(entry.line()));
    evidence.put("hash_type", entry.type().key());
    evidence.put("hash", entry.hash());
    evidence.put("distance", Integer.toString(distance));
    double strength = entry.type() == HashType.PDQ ? 1.0 - distance / 64.0 : 1.0;
    return new Signal(post.post().key(), NAME, strength, Optional.of(entry.tier()), reason, evidence);
  }

  private record PdqMatch(HashListEntry entry, int distance) {}

  /**
   * A hash list prepared for lookups: exact hashes in a map, PDQ hashes in a multi-index
   * ({@link PdqIndex}: exact within the match distance, no scan of the whole list).
   */
  private static final class IndexedList {
    final String name;
    final Map<String, HashListEntry> exact = new HashMap<>();
    final List<HashListEntry> pdqEntries = new ArrayList<>();
    final PdqIndex pdq;

    IndexedList(HashList list, PdqIndex pdq) {
      this.name = list.name();
      for (HashListEntry entry : list.entries()) {
        switch (entry.type()) {
          case SHA256, MD5 -> exact.putIfAbsent(entry.type().key() + ":" + entry.hash(), entry);
          case PDQ -> pdqEntries.add(entry);
        }
      }
      if (pdq.size() != pdqEntries.size()) {
        throw new IllegalArgumentException("the PDQ index of list '" + name + "' holds " + pdq.size() + " hashes, the list " + pdqEntries.size()
            + ": build it again from the list");
      }
      this.pdq = pdq;
    }

    Optional<PdqMatch> nearestPdq(PdqHash needle) {
      // search answers nearest first
      return pdq.search(needle, PDQ_MATCH_DISTANCE).stream().findFirst()
          .map(m -> new PdqMatch(pdqEntries.get((int) m.id()), m.distance()));
    }
  }
}
