package org.cordon.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.port.ObservationStore;
import org.cordon.core.signal.Assessment;

/**
 * Writes each table of a batch with one statement over {@code unnest} of column arrays: a thousand
 * rows travel as one round trip, and {@code ON CONFLICT DO NOTHING} makes the row count the number
 * of new items exactly (duplicates inside the batch included).
 *
 * <p>Provenance: every stored post, account, media item and follow has a {@code raw_payloads} row
 * naming the payload (digest, file, record, offset) it came from. A post or follow gets one for
 * each payload it is seen in; an account or media item, stored once and never updated, only for
 * the payload whose write stored it; a mention, reply or share only when its post is not in the
 * same record (the post's own link, same digest and position, is its provenance otherwise). See
 * {@code V5__provenance_rule.sql}.
 */
final class JdbcObservationStore implements ObservationStore {
  /** Enough for a unit's watched accounts; past it the set starts again (a miss only costs a probe). */
  static final int KNOWN_ACCOUNTS_LIMIT = 200_000;

  private final Transactions transactions;
  private final Clock clock;
  /**
   * Accounts this store has seen committed. Accounts are stored once and never updated nor deleted,
   * so writing one of these again would only probe its key and find it: the write leaves them out.
   * Filled after a commit only, so a rolled-back write never claims an account stored.
   */
  private final java.util.Set<AccountKey> knownAccounts = java.util.concurrent.ConcurrentHashMap.newKeySet();

  JdbcObservationStore(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public WriteCounts write(String source, List<ParsedRecord> records) {
    if (records.isEmpty()) {
      return WriteCounts.NONE;
    }
    ObservationBatch batch = ObservationBatch.of(Columns.storable(source), clock.instant().truncatedTo(ChronoUnit.MICROS), records);
    WriteCounts counts = transactions.inTransaction(c -> insert(c, batch, Inbox.ENTER, unknownAccounts(batch)).counts());
    rememberAccounts(batch);
    return counts;
  }

  /**
   * The posts of the records never enter the inbox: the caller judged every one of them and hands
   * over the judgements worth keeping. A post assessed here that waits in the inbox from an
   * earlier {@link #write} leaves it in this transaction; a post without an assessment here stays
   * where it was (a post leaves the inbox only with its assessment).
   */
  @Override
  public WriteCounts writeAssessed(String source, List<ParsedRecord> records, List<Assessment> assessments) {
    return writeAssessed(source, records, assessments, Set.of());
  }

  @Override
  public WriteCounts writeAssessed(String source, List<ParsedRecord> records, List<Assessment> assessments, Set<PostKey> storedAsRendered) {
    ObservationBatch batch = ObservationBatch.of(Columns.storable(source), clock.instant().truncatedTo(ChronoUnit.MICROS), records,
        storedAsRendered);
    List<Account> unknownAccounts = unknownAccounts(batch);
    WriteCounts counts = transactions.inTransaction(c -> {
      Inserted inserted = records.isEmpty() ? new Inserted(WriteCounts.NONE, Set.of()) : insert(c, batch, Inbox.SKIP, unknownAccounts);
      if (!assessments.isEmpty()) {
        AssessmentRows.upsertAll(c, assessments);
        List<PostKey> assessedPosts = JdbcAssessmentInbox.postsOf(assessments);
        // only a post stored before this write can be waiting: the ones it stored need no look
        List<PostKey> maybeWaiting = assessedPosts.stream()
            .filter(k -> !inserted.newPosts().contains(postKey(k.platform().name(), k.id())))
            .toList();
        JdbcAssessmentInbox.leaveInbox(c, maybeWaiting);
      }
      return inserted.counts();
    });
    rememberAccounts(batch);
    return counts;
  }

  private List<Account> unknownAccounts(ObservationBatch batch) {
    List<Account> unknown = new ArrayList<>(batch.accounts.size());
    for (Account a : batch.accounts) {
      if (!knownAccounts.contains(a.key())) {
        unknown.add(a);
      }
    }
    return unknown;
  }

  /** Called once the batch is committed: every account of it is stored now, by this write or an earlier one. */
  private void rememberAccounts(ObservationBatch batch) {
    if (knownAccounts.size() + batch.accounts.size() > KNOWN_ACCOUNTS_LIMIT) {
      knownAccounts.clear();
    }
    for (Account a : batch.accounts) {
      knownAccounts.add(a.key());
    }
  }

  /** Whether new posts enter the assessment inbox. */
  private enum Inbox { ENTER, SKIP }

  /**
   * @param newPosts the posts this write stored, as {@link #postKey} strings; known only when
   *     they skip the inbox (the inbox's statement returns a count)
   */
  private record Inserted(WriteCounts counts, Set<String> newPosts) {}

  /** A post's key as one string, to match rows returned by the server without building keys. */
  private static String postKey(String platform, String nativeId) {
    return platform + ' ' + nativeId;
  }

  /**
   * @param accounts the batch's accounts not known to be stored: the others are counted as
   *     duplicates without asking the server
   */
  private static Inserted insert(Connection c, ObservationBatch batch, Inbox inbox, List<Account> accounts) throws SQLException {
    Set<String> storedPosts = new HashSet<>();
    long newPosts = insertPosts(c, batch.posts, inbox, storedPosts);
    insertPostMedia(c, batch.posts);
    List<AccountKey> newAccounts = insertAccounts(c, accounts);
    List<MediaKey> newMedia = insertMedia(c, batch.media);
    long newInteractions = insertFollows(c, batch.follows) + insertMentions(c, batch.mentions)
        + insertReplies(c, batch.replies) + insertShares(c, batch.shares);
    insertPayloadLinks(c, batch, batch.linksToStore(newAccounts, newMedia));
    long others = batch.accounts.size() + batch.accountsMerged + batch.media.size()
        + batch.follows.size() + batch.mentions.size() + batch.replies.size() + batch.shares.size() + batch.interactionsStoredAsRendered;
    long newOther = newAccounts.size() + newMedia.size() + newInteractions;
    return new Inserted(new WriteCounts(newPosts, batch.posts.size() + batch.postsStoredAsRendered - newPosts, newOther, others - newOther),
        storedPosts);
  }

  /** Stores the accounts not stored yet; returns those it stored. */
  private static List<AccountKey> insertAccounts(Connection c, List<Account> accounts) throws SQLException {
    if (accounts.isEmpty()) {
      return List.of();
    }
    String sql = """
        INSERT INTO accounts (platform, native_id, handle, display_name, bio, created_at, followers, following,
                              avatar_url, profile_url, links)
        SELECT u.platform, u.native_id, u.handle, u.display_name, u.bio, u.created_at, u.followers, u.following,
               u.avatar_url, u.profile_url, u.links::text[]
        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::bigint[], ?::bigint[],
                    ?::text[], ?::text[], ?::text[])
          AS u(platform, native_id, handle, display_name, bio, created_at, followers, following, avatar_url, profile_url, links)
        ON CONFLICT DO NOTHING
        RETURNING platform, native_id""";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, texts(c, accounts, a -> a.platform().name()));
      ps.setArray(2, texts(c, accounts, a -> a.key().id()));
      ps.setArray(3, texts(c, accounts, a -> Columns.storable(a.handle())));
      ps.setArray(4, texts(c, accounts, a -> Columns.nullable(a.displayName())));
      ps.setArray(5, texts(c, accounts, a -> Columns.nullable(a.bio())));
      ps.setArray(6, texts(c, accounts, a -> a.createdAt().map(Instant::toString).orElse(null)));
      ps.setArray(7, longs(c, accounts, a -> a.followers().isPresent() ? a.followers().getAsLong() : null));
      ps.setArray(8, longs(c, accounts, a -> a.following().isPresent() ? a.following().getAsLong() : null));
      ps.setArray(9, texts(c, accounts, a -> Columns.nullable(a.avatarUrl())));
      ps.setArray(10, texts(c, accounts, a -> Columns.nullable(a.profileUrl())));
      ps.setArray(11, texts(c, accounts, a -> Columns.arrayLiteral(a.links())));
      List<AccountKey> stored = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.add(AccountKey.of(new Platform(rs.getString(1)), rs.getString(2)));
        }
      }
      return stored;
    }
  }

  /** Stores the new posts; returns how many, and adds their keys to {@code stored} when they skip the inbox. */
  private static long insertPosts(Connection c, List<Post> posts, Inbox inbox, Set<String> stored) throws SQLException {
    if (posts.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(inbox == Inbox.ENTER ? INSERT_POSTS : INSERT_POSTS_ASSESSED)) {
      bindPosts(c, ps, posts);
      try (ResultSet rs = ps.executeQuery()) {
        return switch (inbox) {
          case ENTER -> {
            rs.next();
            yield rs.getLong(1);
          }
          case SKIP -> {
            while (rs.next()) {
              stored.add(postKey(rs.getString(1), rs.getString(2)));
            }
            yield stored.size();
          }
        };
      }
    }
  }

  /** The posts insert both writes share; each adds what it returns. */
  private static final String INSERT_POSTS_ROWS = """
      INSERT INTO posts (platform, native_id, author_native_id, posted_at, text, text_exact, language, url,
                         hashtags, mentions, links, post_references)
      SELECT u.platform, u.native_id, u.author, u.posted_at, u.text, decode(u.text_exact, 'base64'), u.language, u.url,
             coalesce(u.hashtags::text[], '{}'), coalesce(u.mentions::text[], '{}'), coalesce(u.links::text[], '{}'),
             coalesce(u.refs::jsonb, '[]')
      FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
                  ?::text[], ?::text[], ?::text[], ?::text[])
        AS u(platform, native_id, author, posted_at, text, text_exact, language, url, hashtags, mentions, links, refs)
      ON CONFLICT DO NOTHING
      """;

  /** Stores the new posts, judged already: none enters the inbox. */
  private static final String INSERT_POSTS_ASSESSED = INSERT_POSTS_ROWS + "RETURNING platform, native_id";

  /**
   * Stores the new posts and puts each in the assessment inbox, in one statement; returns how many
   * were new. A post stored before (assessed or not) does not enter the inbox again.
   */
  private static final String INSERT_POSTS = "WITH stored AS (" + INSERT_POSTS_ROWS + """
      RETURNING posted_at, id
      ), inboxed AS (
        INSERT INTO post_inbox (posted_at, post_id) SELECT posted_at, id FROM stored RETURNING 1
      )
      SELECT count(*) FROM inboxed""";

  private static void bindPosts(Connection c, PreparedStatement ps, List<Post> posts) throws SQLException {
    ps.setArray(1, texts(c, posts, p -> p.platform().name()));
    ps.setArray(2, texts(c, posts, p -> p.key().id()));
    ps.setArray(3, texts(c, posts, p -> p.author().id()));
    ps.setArray(4, texts(c, posts, p -> p.postedAt().toString()));
    // one scan of each text decides both columns: most texts are storable as they are
    String[] texts = new String[posts.size()];
    String[] exact = new String[posts.size()];
    for (int i = 0; i < texts.length; i++) {
      String text = posts.get(i).text();
      if (Columns.isStorable(text)) {
        texts[i] = text;
      } else {
        texts[i] = Columns.replaceUnstorable(text);
        exact[i] = java.util.Base64.getEncoder().encodeToString(Columns.exact(text));
      }
    }
    ps.setArray(5, c.createArrayOf("text", texts));
    ps.setArray(6, c.createArrayOf("text", exact));
    ps.setArray(7, texts(c, posts, p -> Columns.nullable(p.language())));
    ps.setArray(8, texts(c, posts, p -> Columns.nullable(p.url())));
    // an empty list travels as NULL and becomes the constant '{}' or '[]': nothing to parse per row
    ps.setArray(9, texts(c, posts, p -> p.hashtags().isEmpty() ? null : Columns.arrayLiteral(p.hashtags())));
    ps.setArray(10, texts(c, posts, p -> p.mentions().isEmpty() ? null : Columns.arrayLiteral(p.mentions())));
    ps.setArray(11, texts(c, posts, p -> p.links().isEmpty() ? null : Columns.arrayLiteral(p.links())));
    ps.setArray(12, texts(c, posts, p -> p.references().isEmpty() ? null : ObservationRows.referencesJson(p.references())));
  }

  /** Links every post of the batch to its media; a post stored before already has its links. */
  private static void insertPostMedia(Connection c, List<Post> posts) throws SQLException {
    List<String> platforms = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<Integer> ordinals = new ArrayList<>();
    List<String> mediaPlatforms = new ArrayList<>();
    List<String> mediaIds = new ArrayList<>();
    for (Post post : posts) {
      for (int i = 0; i < post.media().size(); i++) {
        platforms.add(post.platform().name());
        ids.add(post.key().id());
        ordinals.add(i);
        mediaPlatforms.add(post.media().get(i).platform().name());
        mediaIds.add(post.media().get(i).id());
      }
    }
    if (ids.isEmpty()) {
      return;
    }
    String sql = """
        INSERT INTO post_media (post_id, ordinal, media_platform, media_native_id)
        SELECT p.id, u.ordinal, u.media_platform, u.media_id
        FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[]) AS u(platform, native_id, ordinal, media_platform, media_id)
        JOIN posts p ON p.platform = u.platform AND p.native_id = u.native_id
        ON CONFLICT DO NOTHING""";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", platforms.toArray()));
      ps.setArray(2, c.createArrayOf("text", ids.toArray()));
      ps.setArray(3, c.createArrayOf("int4", ordinals.toArray()));
      ps.setArray(4, c.createArrayOf("text", mediaPlatforms.toArray()));
      ps.setArray(5, c.createArrayOf("text", mediaIds.toArray()));
      ps.executeUpdate();
    }
  }

  /** Stores the media items not stored yet; returns those it stored. */
  private static List<MediaKey> insertMedia(Connection c, List<Media> media) throws SQLException {
    if (media.isEmpty()) {
      return List.of();
    }
    String sql = """
        INSERT INTO media (platform, native_id, kind, location, preview_location, width, height)
        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[])
        ON CONFLICT DO NOTHING
        RETURNING platform, native_id""";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, texts(c, media, m -> m.platform().name()));
      ps.setArray(2, texts(c, media, m -> m.key().id()));
      ps.setArray(3, texts(c, media, m -> m.kind().name()));
      ps.setArray(4, texts(c, media, m -> Columns.nullable(m.location())));
      ps.setArray(5, texts(c, media, m -> Columns.nullable(m.previewLocation())));
      ps.setArray(6, c.createArrayOf("int4", media.stream().map(m -> m.width().isPresent() ? m.width().getAsInt() : null).toArray()));
      ps.setArray(7, c.createArrayOf("int4", media.stream().map(m -> m.height().isPresent() ? m.height().getAsInt() : null).toArray()));
      List<MediaKey> stored = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.add(MediaKey.of(new Platform(rs.getString(1)), rs.getString(2)));
        }
      }
      return stored;
    }
  }

  private static long insertFollows(Connection c, List<Interaction.Follow> follows) throws SQLException {
    if (follows.isEmpty()) {
      return 0;
    }
    String sql = """
        INSERT INTO follows (platform, from_id, to_id, followed_at)
        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[])
        ON CONFLICT DO NOTHING""";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, texts(c, follows, f -> f.platform().name()));
      ps.setArray(2, texts(c, follows, f -> f.from().id()));
      ps.setArray(3, texts(c, follows, f -> f.to().id()));
      ps.setArray(4, texts(c, follows, f -> f.at().map(Instant::toString).orElse(null)));
      return ps.executeUpdate();
    }
  }

  private static long insertMentions(Connection c, List<Interaction.Mention> mentions) throws SQLException {
    if (mentions.isEmpty()) {
      return 0;
    }
    String sql = """
        INSERT INTO mentions (platform, post_id, to_handle, from_id, to_id, mentioned_at)
        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
        ON CONFLICT DO NOTHING""";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, texts(c, mentions, m -> m.platform().name()));
      ps.setArray(2, texts(c, mentions, m -> m.post().id()));
      ps.setArray(3, texts(c, mentions, m -> Columns.storable(m.toHandle())));
      ps.setArray(4, texts(c, mentions, m -> m.from().id()));
      ps.setArray(5, texts(c, mentions, m -> m.to().map(AccountKey::id).orElse(null)));
      ps.setArray(6, texts(c, mentions, m -> m.at().toString()));
      return ps.executeUpdate();
    }
  }

  private static long insertReplies(Connection c, List<Interaction.Reply> replies) throws SQLException {
    if (replies.isEmpty()) {
      return 0;
    }
    String sql = """
        INSERT INTO replies (platform, post_id, from_id, to_id, in_reply_to_id, replied_at)
        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
        ON CONFLICT DO NOTHING""";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, texts(c, replies, r -> r.platform().name()));
      ps.setArray(2, texts(c, replies, r -> r.post().id()));
      ps.setArray(3, texts(c, replies, r -> r.from().id()));
      ps.setArray(4, texts(c, replies, r -> r.to().map(AccountKey::id).orElse(null)));
      ps.setArray(5, texts(c, replies, r -> r.inReplyTo().id()));
      ps.setArray(6, texts(c, replies, r -> r.at().toString()));
      return ps.executeUpdate();
    }
  }

  private static long insertShares(Connection c, List<Interaction.Share> shares) throws SQLException {
    if (shares.isEmpty()) {
      return 0;
    }
    String sql = """
        INSERT INTO shares (platform, post_id, from_id, kind, original_id, original_author_id, origin_name, shared_at)
        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
        ON CONFLICT DO NOTHING""";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, texts(c, shares, s -> s.platform().name()));
      ps.setArray(2, texts(c, shares, s -> s.post().id()));
      ps.setArray(3, texts(c, shares, s -> s.from().id()));
      ps.setArray(4, texts(c, shares, s -> s.kind().name()));
      ps.setArray(5, texts(c, shares, s -> s.original().map(PostKey::id).orElse(null)));
      ps.setArray(6, texts(c, shares, s -> s.originalAuthor().map(AccountKey::id).orElse(null)));
      ps.setArray(7, texts(c, shares, s -> Columns.nullable(s.originName())));
      ps.setArray(8, texts(c, shares, s -> s.at().toString()));
      return ps.executeUpdate();
    }
  }

  private static void insertPayloadLinks(Connection c, ObservationBatch batch, List<ObservationBatch.PayloadLink> links) throws SQLException {
    if (links.isEmpty()) {
      return;
    }
    String sql = """
        INSERT INTO raw_payloads (item_kind, platform, item_key, payload_digest, source, file, record_index, byte_offset, observed_at)
        SELECT u.kind, u.platform, u.item_key, decode(u.digest, 'hex'), ?, u.file, u.record_index, u.byte_offset, ?
        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
          AS u(kind, platform, item_key, digest, file, record_index, byte_offset)
        ON CONFLICT DO NOTHING""";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, batch.source);
      ps.setTimestamp(2, Columns.timestamp(batch.observedAt));
      ps.setArray(3, texts(c, links, ObservationBatch.PayloadLink::itemKind));
      ps.setArray(4, texts(c, links, l -> l.platform().name()));
      ps.setArray(5, texts(c, links, l -> Columns.storable(l.itemKey())));
      ps.setArray(6, texts(c, links, ObservationBatch.PayloadLink::digest));
      ps.setArray(7, texts(c, links, l -> Columns.storable(l.position().file())));
      ps.setArray(8, longs(c, links, l -> l.position().record()));
      ps.setArray(9, longs(c, links, l -> l.position().byteOffset() < 0 ? null : l.position().byteOffset()));
      ps.executeUpdate();
    }
  }

  private static <T> Array texts(Connection c, List<T> rows, Function<T, String> column) throws SQLException {
    String[] values = new String[rows.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = column.apply(rows.get(i));
    }
    return c.createArrayOf("text", values);
  }

  private static <T> Array longs(Connection c, List<T> rows, Function<T, Long> column) throws SQLException {
    Long[] values = new Long[rows.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = column.apply(rows.get(i));
    }
    return c.createArrayOf("int8", values);
  }

  @Override
  public Optional<Post> post(PostKey key) {
    return transactions.read(c -> ObservationRows.posts(c, "p.platform = ? AND p.native_id = ?", List.of(key.platform().name(), key.id()), 1)
        .stream().findFirst());
  }

  @Override
  public Optional<Account> account(AccountKey key) {
    return transactions.read(c -> ObservationRows.accounts(c, List.of(key)).stream().findFirst());
  }

  @Override
  public long postCount() {
    return transactions.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM posts"); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
