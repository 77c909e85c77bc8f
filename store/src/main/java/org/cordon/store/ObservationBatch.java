package org.cordon.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;

/**
 * One write's records sorted by table, with the payload links the write may store. The rule, as
 * {@code V5__provenance_rule.sql} records it: a post and a follow are linked to every payload they
 * come in; an account or a media item only to the payload whose write stored it (they are stored
 * once and never updated, so that payload is where the stored row came from); a mention, reply or
 * share only when its post is not in the same record, since otherwise the post's link (same digest,
 * same position) is its provenance already.
 */
final class ObservationBatch {
  /** @param digest the payload's SHA-256 in lowercase hex */
  record PayloadLink(String itemKind, Platform platform, String itemKey, String digest, SourcePosition position) {}

  /** Lock order: platform, then kind, then key, then digest; hand-written, as it runs for every link. */
  static final Comparator<PayloadLink> LINK_ORDER = (a, b) -> {
    int c = a.platform().name().compareTo(b.platform().name());
    if (c != 0) {
      return c;
    }
    c = a.itemKind().compareTo(b.itemKind());
    if (c != 0) {
      return c;
    }
    c = a.itemKey().compareTo(b.itemKey());
    return c != 0 ? c : a.digest().compareTo(b.digest());
  };

  final List<Account> accounts = new ArrayList<>();
  /** Accounts dropped in favour of a fuller view of the same account in this batch. */
  long accountsMerged;
  /** Posts linked to their payloads but not written, the caller knowing them stored as rendered. */
  long postsStoredAsRendered;
  /** The mentions, replies and shares those posts carry, not written either. */
  long interactionsStoredAsRendered;
  final List<Post> posts = new ArrayList<>();
  final List<Media> media = new ArrayList<>();
  final List<Interaction.Follow> follows = new ArrayList<>();
  final List<Interaction.Mention> mentions = new ArrayList<>();
  final List<Interaction.Reply> replies = new ArrayList<>();
  final List<Interaction.Share> shares = new ArrayList<>();
  /** Links stored whatever the write finds stored: posts, follows, interactions without their post. */
  final List<PayloadLink> links = new ArrayList<>();
  /** The payload each account's kept view came from: linked only if the write stores the account. */
  final Map<AccountKey, PayloadLink> accountLinks = new HashMap<>();
  /** The first payload of each media item: linked only if the write stores the item. */
  final Map<MediaKey, PayloadLink> mediaLinks = new HashMap<>();
  final String source;
  final Instant observedAt;

  private ObservationBatch(String source, Instant observedAt) {
    this.source = source;
    this.observedAt = observedAt;
  }

  static ObservationBatch of(String source, Instant observedAt, List<ParsedRecord> records) {
    return of(source, observedAt, records, java.util.Set.of());
  }

  /**
   * @param storedAsRendered posts the caller knows to be stored already, or being stored by another
   *     of its writes, exactly as these records render them: each keeps its link to this payload,
   *     but neither it nor the interactions it carries is written again
   */
  static ObservationBatch of(String source, Instant observedAt, List<ParsedRecord> records, java.util.Set<PostKey> storedAsRendered) {
    ObservationBatch batch = new ObservationBatch(source, observedAt);
    Map<AccountKey, Account> accounts = new LinkedHashMap<>();
    long accountsSeen = 0;
    // one digest object for the batch, and hex without Sha256's validating pattern: this runs per record
    MessageDigest sha256 = sha256();
    HexFormat hex = HexFormat.of();
    for (ParsedRecord record : records) {
      String digest = hex.formatHex(sha256.digest(record.payload()));
      for (Observed item : record.items()) {
        switch (item) {
          case Account a -> {
            accountsSeen++;
            // a post's author often comes as a bare id and handle next to a full profile: keep the fuller
            Account kept = accounts.merge(a.key(), a, (old, now) -> detail(now) > detail(old) ? now : old);
            if (kept == a) {
              batch.accountLinks.put(a.key(), link("account", a.platform(), a.key().id(), digest, record));
            }
          }
          case Post p -> {
            if (storedAsRendered.contains(p.key())) {
              batch.postsStoredAsRendered++;
            } else {
              batch.posts.add(p);
            }
            batch.links.add(link("post", p.platform(), p.key().id(), digest, record));
          }
          case Media m -> {
            batch.media.add(m);
            batch.mediaLinks.putIfAbsent(m.key(), link("media", m.platform(), m.key().id(), digest, record));
          }
          case Interaction.Follow f -> {
            samePlatform(f, f.to().platform());
            batch.follows.add(f);
            batch.links.add(link("follow", f.platform(), f.from().id() + " " + f.to().id(), digest, record));
          }
          case Interaction.Mention m -> {
            samePlatform(m, m.post().platform());
            m.to().ifPresent(to -> samePlatform(m, to.platform()));
            batch.postInteraction(m, m.post(), batch.mentions, "mention", m.post().id() + " " + m.toHandle(), digest, record, storedAsRendered);
          }
          case Interaction.Reply r -> {
            samePlatform(r, r.post().platform());
            samePlatform(r, r.inReplyTo().platform());
            r.to().ifPresent(to -> samePlatform(r, to.platform()));
            batch.postInteraction(r, r.post(), batch.replies, "reply", r.post().id(), digest, record, storedAsRendered);
          }
          case Interaction.Share s -> {
            samePlatform(s, s.post().platform());
            s.original().ifPresent(o -> samePlatform(s, o.platform()));
            s.originalAuthor().ifPresent(o -> samePlatform(s, o.platform()));
            batch.postInteraction(s, s.post(), batch.shares, "share", s.post().id(), digest, record, storedAsRendered);
          }
        }
      }
    }
    batch.accounts.addAll(accounts.values());
    batch.accountsMerged = accountsSeen - accounts.size();
    batch.sortByKey();
    return batch;
  }

  /**
   * A mention, reply or share, which belongs to {@code post}: written unless the record carries the
   * post and the caller knows it stored as rendered; linked only when the record does not carry the
   * post (whose link stands for it otherwise).
   */
  private <I extends Interaction> void postInteraction(I interaction, PostKey post, List<I> table, String kind, String key, String digest,
      ParsedRecord record, java.util.Set<PostKey> storedAsRendered) {
    boolean carried = carriesPost(record, post);
    if (carried && storedAsRendered.contains(post)) {
      interactionsStoredAsRendered++;
    } else {
      table.add(interaction);
    }
    if (!carried) {
      links.add(link(kind, interaction.platform(), key, digest, record));
    }
  }

  /** Whether the record holds the post itself, whose link then stands for the post's interactions too. */
  private static boolean carriesPost(ParsedRecord record, PostKey post) {
    for (Observed item : record.items()) {
      if (item instanceof Post p && p.key().equals(post)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The links to store once the write knows which accounts and media it stored, in lock order.
   *
   * @param newAccounts the accounts this write inserted
   * @param newMedia the media items this write inserted
   */
  List<PayloadLink> linksToStore(List<AccountKey> newAccounts, List<MediaKey> newMedia) {
    List<PayloadLink> all = new ArrayList<>(links.size() + newAccounts.size() + newMedia.size());
    all.addAll(links);
    for (AccountKey key : newAccounts) {
      all.add(java.util.Objects.requireNonNull(accountLinks.get(key), "an account stored by this write is in the batch"));
    }
    for (MediaKey key : newMedia) {
      all.add(java.util.Objects.requireNonNull(mediaLinks.get(key), "a media item stored by this write is in the batch"));
    }
    all.sort(LINK_ORDER);
    return all;
  }

  /**
   * Concurrent writes that insert the same keys in different orders can deadlock, each waiting on
   * a key the other inserted first; in key order they queue instead. The comparators are written
   * out: chains of {@code Comparator.comparing} cost more than the rest of the batch's preparation.
   */
  private void sortByKey() {
    accounts.sort((a, b) -> compare(a.platform(), a.key().id(), b.platform(), b.key().id()));
    posts.sort((a, b) -> compare(a.platform(), a.key().id(), b.platform(), b.key().id()));
    media.sort((a, b) -> compare(a.platform(), a.key().id(), b.platform(), b.key().id()));
    follows.sort((a, b) -> {
      int c = compare(a.platform(), a.from().id(), b.platform(), b.from().id());
      return c != 0 ? c : a.to().id().compareTo(b.to().id());
    });
    mentions.sort((a, b) -> {
      int c = compare(a.platform(), a.post().id(), b.platform(), b.post().id());
      return c != 0 ? c : a.toHandle().compareTo(b.toHandle());
    });
    replies.sort((a, b) -> compare(a.platform(), a.post().id(), b.platform(), b.post().id()));
    shares.sort((a, b) -> compare(a.platform(), a.post().id(), b.platform(), b.post().id()));
    links.sort(LINK_ORDER);
  }

  private static int compare(Platform platformA, String idA, Platform platformB, String idB) {
    int c = platformA.name().compareTo(platformB.name());
    return c != 0 ? c : idA.compareTo(idB);
  }

  private static PayloadLink link(String kind, Platform platform, String key, String digest, ParsedRecord record) {
    return new PayloadLink(kind, platform, key, digest, record.position());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Interactions are stored with one platform; core allows keys on others, which no source makes. */
  private static void samePlatform(Interaction interaction, Platform other) {
    if (!interaction.platform().equals(other)) {
      throw new IllegalArgumentException("an interaction links items on one platform; this one crosses from "
          + interaction.platform() + " to " + other + ": " + interaction);
    }
  }

  private static int detail(Account a) {
    int n = 0;
    n += a.displayName().isPresent() ? 1 : 0;
    n += a.bio().isPresent() ? 1 : 0;
    n += a.createdAt().isPresent() ? 1 : 0;
    n += a.followers().isPresent() ? 1 : 0;
    n += a.following().isPresent() ? 1 : 0;
    n += a.avatarUrl().isPresent() ? 1 : 0;
    n += a.profileUrl().isPresent() ? 1 : 0;
    n += a.links().isEmpty() ? 0 : 1;
    return n;
  }
}
