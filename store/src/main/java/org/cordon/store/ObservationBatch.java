package org.cordon.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;

/** One write's records sorted by table, with the payload link of every item. */
final class ObservationBatch {
  record PayloadLink(String itemKind, Platform platform, String itemKey, Sha256 digest, SourcePosition position) {}

  final List<Account> accounts = new ArrayList<>();
  /** Accounts dropped in favour of a fuller view of the same account in this batch. */
  long accountsMerged;
  final List<Post> posts = new ArrayList<>();
  final List<Media> media = new ArrayList<>();
  final List<Interaction.Follow> follows = new ArrayList<>();
  final List<Interaction.Mention> mentions = new ArrayList<>();
  final List<Interaction.Reply> replies = new ArrayList<>();
  final List<Interaction.Share> shares = new ArrayList<>();
  final List<PayloadLink> links = new ArrayList<>();
  final String source;
  final Instant observedAt;

  private ObservationBatch(String source, Instant observedAt) {
    this.source = source;
    this.observedAt = observedAt;
  }

  static ObservationBatch of(String source, Instant observedAt, List<ParsedRecord> records) {
    ObservationBatch batch = new ObservationBatch(source, observedAt);
    Map<AccountKey, Account> accounts = new LinkedHashMap<>();
    long accountsSeen = 0;
    for (ParsedRecord record : records) {
      Sha256 digest = Sha256.of(record.payload());
      for (Observed item : record.items()) {
        switch (item) {
          case Account a -> {
            accountsSeen++;
            // a post's author often comes as a bare id and handle next to a full profile: keep the fuller
            accounts.merge(a.key(), a, (old, now) -> detail(now) > detail(old) ? now : old);
            batch.link("account", a.platform(), a.key().id(), digest, record);
          }
          case Post p -> {
            batch.posts.add(p);
            batch.link("post", p.platform(), p.key().id(), digest, record);
          }
          case Media m -> {
            batch.media.add(m);
            batch.link("media", m.platform(), m.key().id(), digest, record);
          }
          case Interaction.Follow f -> {
            samePlatform(f, f.to().platform());
            batch.follows.add(f);
            batch.link("follow", f.platform(), f.from().id() + " " + f.to().id(), digest, record);
          }
          case Interaction.Mention m -> {
            samePlatform(m, m.post().platform());
            m.to().ifPresent(to -> samePlatform(m, to.platform()));
            batch.mentions.add(m);
            batch.link("mention", m.platform(), m.post().id() + " " + m.toHandle(), digest, record);
          }
          case Interaction.Reply r -> {
            samePlatform(r, r.post().platform());
            samePlatform(r, r.inReplyTo().platform());
            r.to().ifPresent(to -> samePlatform(r, to.platform()));
            batch.replies.add(r);
            batch.link("reply", r.platform(), r.post().id(), digest, record);
          }
          case Interaction.Share s -> {
            samePlatform(s, s.post().platform());
            s.original().ifPresent(o -> samePlatform(s, o.platform()));
            s.originalAuthor().ifPresent(o -> samePlatform(s, o.platform()));
            batch.shares.add(s);
            batch.link("share", s.platform(), s.post().id(), digest, record);
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
   * Concurrent writes that insert the same keys in different orders can deadlock, each waiting on
   * a key the other inserted first; in key order they queue instead.
   */
  private void sortByKey() {
    accounts.sort(Comparator.comparing((Account a) -> a.platform().name()).thenComparing(a -> a.key().id()));
    posts.sort(Comparator.comparing((Post p) -> p.platform().name()).thenComparing(p -> p.key().id()));
    media.sort(Comparator.comparing((Media m) -> m.platform().name()).thenComparing(m -> m.key().id()));
    follows.sort(Comparator.comparing((Interaction.Follow f) -> f.platform().name()).thenComparing(f -> f.from().id()).thenComparing(f -> f.to().id()));
    mentions.sort(Comparator.comparing((Interaction.Mention m) -> m.platform().name()).thenComparing(m -> m.post().id()).thenComparing(Interaction.Mention::toHandle));
    replies.sort(Comparator.comparing((Interaction.Reply r) -> r.platform().name()).thenComparing(r -> r.post().id()));
    shares.sort(Comparator.comparing((Interaction.Share s) -> s.platform().name()).thenComparing(s -> s.post().id()));
    links.sort(Comparator.comparing((PayloadLink l) -> l.platform().name()).thenComparing(PayloadLink::itemKind)
        .thenComparing(PayloadLink::itemKey).thenComparing(l -> l.digest().hex()));
  }

  private void link(String kind, Platform platform, String key, Sha256 digest, ParsedRecord record) {
    links.add(new PayloadLink(kind, platform, key, digest, record.position()));
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
