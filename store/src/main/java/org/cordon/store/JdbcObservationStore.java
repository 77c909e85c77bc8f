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
import java.util.function.Predicate;
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
  /**
   * Keys of each kind remembered as stored, per generation (see {@link RecentKeys}): a unit's
   * watched accounts, and the posts and media of the last hours of a busy feed. A key forgotten
   * costs a probe (an account, a media item) or a write run again (a post).
   */
  static final int KNOWN_KEYS_GENERATION = 100_000;

  private final Transactions transactions;
  private final Clock clock;
  /**
   * Accounts, posts and media items this store has seen committed. Each is stored once and never
   * updated nor deleted, so writing one of these again would only probe its key and find it: the
   * write leaves them out (a post's mentions, reply, share and media links are still written, as a
   * rendering may carry more of them). Filled after a commit only, so a rolled-back write never
   * claims a key stored. For posts it matters more than a probe: a post not known stored is
   * inserted optimistically, and one stored after all makes the write run again.
   */
  private final RecentKeys<AccountKey> knownAccounts = new RecentKeys<>(KNOWN_KEYS_GENERATION);
  private final RecentKeys<PostKey> knownPosts = new RecentKeys<>(KNOWN_KEYS_GENERATION);
  private final RecentKeys<MediaKey> knownMedia = new RecentKeys<>(KNOWN_KEYS_GENERATION);
  private final OptimisticInserts optimism = new OptimisticInserts();

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
    Unknown unknown = unknown(batch);
    WriteCounts counts = inTransaction(mode -> c -> insert(c, batch, Inbox.ENTER, unknown, mode).counts());
    remember(batch);
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
    Unknown unknown = unknown(batch);
    WriteCounts counts = inTransaction(mode -> c -> {
      Inserted inserted = records.isEmpty() ? new Inserted(WriteCounts.NONE, Set.of()) : insert(c, batch, Inbox.SKIP, unknown, mode);
      if (!assessments.isEmpty()) {
        if (mode == Inserts.OPTIMISTIC) {
          // A post is judged before it is stored, and stored with its judgement: one this write
          // stored has none recorded. Any other may have this very judgement (subject, instant)
          // recorded already, by a replay or by a caller that judged another rendering of the post.
          List<Assessment> ofNewPosts = new ArrayList<>(assessments.size());
          List<Assessment> others = new ArrayList<>();
          for (Assessment a : assessments) {
            boolean newPost = a.subject() instanceof PostKey k && inserted.newPosts().contains(postKey(k.platform().name(), k.id()));
            (newPost ? ofNewPosts : others).add(a);
          }
          AssessmentRows.insertAll(c, ofNewPosts);
          AssessmentRows.upsertAll(c, others);
        } else {
          AssessmentRows.upsertAll(c, assessments);
        }
        List<PostKey> assessedPosts = JdbcAssessmentInbox.postsOf(assessments);
        // only a post stored before this write can be waiting: the ones it stored need no look
        List<PostKey> maybeWaiting = assessedPosts.stream()
            .filter(k -> !inserted.newPosts().contains(postKey(k.platform().name(), k.id())))
            .toList();
        JdbcAssessmentInbox.leaveInbox(c, maybeWaiting);
      }
      return inserted.counts();
    });
    remember(batch);
    return counts;
  }

  /**
   * Runs a write with optimistic inserts when {@link OptimisticInserts} allows, and again with
   * tolerant ones if a row it took for new was stored already, or if it was a deadlock's victim
   * (see {@link #DEADLOCK}); the first attempt is rolled back whole, so the second starts from what
   * the first found.
   */
  private WriteCounts inTransaction(Function<Inserts, Transactions.Work<WriteCounts>> write) {
    if (optimism.allowed()) {
      try {
        WriteCounts counts = transactions.inTransaction(write.apply(Inserts.OPTIMISTIC));
        optimism.succeeded();
        return counts;
      } catch (StoreException e) {
        if (!UNIQUE_VIOLATION.equals(e.sqlState()) && !DEADLOCK.equals(e.sqlState())) {
          throw e;
        }
        optimism.failed();
      }
    }
    return transactions.inTransaction(write.apply(Inserts.TOLERANT));
  }

  /** Writes run a second time, tolerantly, because an optimistic insert met a stored row (or a deadlock). */
  long writesRedone() {
    return optimism.redone();
  }

  /** The batch's accounts, posts and media items not known to be stored: the write inserts these only. */
  private record Unknown(List<Account> accounts, List<Post> posts, List<Media> media) {}

  private Unknown unknown(ObservationBatch batch) {
    return new Unknown(unknown(batch.accounts, Account::key, knownAccounts), unknown(batch.posts, Post::key, knownPosts),
        unknown(batch.media, Media::key, knownMedia));
  }

  private static <T, K> List<T> unknown(List<T> items, Function<T, K> key, RecentKeys<K> known) {
    List<T> unknown = new ArrayList<>(items.size());
    for (T item : items) {
      if (!known.contains(key.apply(item))) {
        unknown.add(item);
      }
    }
    return unknown;
  }

  /** Called once the batch is committed: every account, post and media item of it is stored now, by this write or an earlier one. */
  private void remember(ObservationBatch batch) {
    knownAccounts.addAll(batch.accounts.stream().map(Account::key).toList());
    knownPosts.addAll(batch.posts.stream().map(Post::key).toList());
    knownMedia.addAll(batch.media.stream().map(Media::key).toList());
  }

  /** Whether new posts enter the assessment inbox. */
  private enum Inbox { ENTER, SKIP }

  /**
   * How a write inserts the rows it has reason to think new: a post not known stored, a payload link
   * (a payload is written once), an assessment of a post the write stored (a post is stored with its
   * first judgement), and the media links, mentions, reply and share of such a post (they come with
   * it). Accounts, media items and follows, which records share more than posts do, and the
   * interactions of posts stored before always go in with {@code ON CONFLICT DO NOTHING}.
   */
  enum Inserts {
    /** Without {@code ON CONFLICT}: a stored key fails the write with a unique violation (see {@link OptimisticInserts}). */
    OPTIMISTIC,
    /** Every row with {@code ON CONFLICT}: a stored key is left as it is, and an assessment updated if it differs. */
    TOLERANT
  }

  static final String UNIQUE_VIOLATION = "23505";
  /**
   * The optimistic write inserts a post's mentions, reply and share in two statements (those of
   * posts it stored, then the others), each in key order but not the two together: two writes
   * could each wait on a key the other inserted first. The tolerant write, one sorted statement a
   * table, cannot meet that, so a deadlock victim of the optimistic one runs again that way.
   */
  static final String DEADLOCK = "40P01";
  private static final String SKIP_STORED = "\nON CONFLICT DO NOTHING";

  /** @param newPosts the posts this write stored, as {@link #postKey} strings */
  private record Inserted(WriteCounts counts, Set<String> newPosts) {}

  /** A post's key as one string, to match rows returned by the server without building keys. */
  private static String postKey(String platform, String nativeId) {
    return platform + ' ' + nativeId;
  }

  /**
   * @param unknown the batch's accounts, posts and media not known to be stored: the others are
   *     counted as duplicates without asking the server
   */
  private static Inserted insert(Connection c, ObservationBatch batch, Inbox inbox, Unknown unknown, Inserts mode) throws SQLException {
    Set<String> storedPosts = new HashSet<>();
    long newPosts = insertPosts(c, unknown.posts(), inbox, mode, storedPosts);
    // What a post carries is written with it, so for a post this write stored none of it is stored
    // yet: its media links cannot be (they name the new row's id), and its mentions, reply and share
    // are not unless a record once carried them without the post, which the optimistic write finds.
    Predicate<PostKey> storedNow = mode == Inserts.OPTIMISTIC ? k -> storedPosts.contains(postKey(k.platform().name(), k.id())) : k -> false;
    insertPostMedia(c, batch.posts, storedNow);
    List<AccountKey> newAccounts = insertAccounts(c, unknown.accounts());
    List<MediaKey> newMedia = insertMedia(c, unknown.media());
    long newInteractions = insertFollows(c, batch.follows) + insertMentions(c, batch.mentions, storedNow)
        + insertReplies(c, batch.replies, storedNow) + insertShares(c, batch.shares, storedNow);
    insertPayloadLinks(c, batch, batch.linksToStore(newAccounts, newMedia), mode);
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

  /**
   * Stores the new posts; returns how many, and adds their keys to {@code stored}. The optimistic
   * write takes every post it is given for new (they are not known stored) and inserts each once,
   * the first of its key as the tolerant statement would keep.
   */
  private static long insertPosts(Connection c, List<Post> all, Inbox inbox, Inserts mode, Set<String> stored) throws SQLException {
    List<Post> posts = mode == Inserts.OPTIMISTIC ? firstOfEachKey(all, p -> List.of(p.platform().name(), p.key().id())) : all;
    if (posts.isEmpty()) {
      return 0;
    }
    String sql = switch (inbox) {
      case ENTER -> mode == Inserts.OPTIMISTIC ? INSERT_NEW_POSTS_INBOXED : INSERT_POSTS_INBOXED;
      case SKIP -> mode == Inserts.OPTIMISTIC ? INSERT_NEW_POSTS_ASSESSED : INSERT_POSTS_ASSESSED;
    };
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindPosts(c, ps, posts);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.add(postKey(rs.getString(1), rs.getString(2)));
        }
        return stored.size();
      }
    }
  }

  /** The posts insert both writes share, up to the conflict clause. */
  private static final String INSERT_POSTS_ROWS = """
      INSERT INTO posts (platform, native_id, author_native_id, posted_at, text, text_exact, language, url,
                         hashtags, mentions, links, post_references)
      SELECT u.platform, u.native_id, u.author, u.posted_at, u.text, decode(u.text_exact, 'base64'), u.language, u.url,
             coalesce(u.hashtags::text[], '{}'), coalesce(u.mentions::text[], '{}'), coalesce(u.links::text[], '{}'),
             coalesce(u.refs::jsonb, '[]')
      FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
                  ?::text[], ?::text[], ?::text[], ?::text[])
        AS u(platform, native_id, author, posted_at, text, text_exact, language, url, hashtags, mentions, links, refs)
      """;

  /** Stores the new posts, judged already: none enters the inbox. */
  private static final String INSERT_POSTS_ASSESSED = INSERT_POSTS_ROWS + "ON CONFLICT DO NOTHING\nRETURNING platform, native_id";
  private static final String INSERT_NEW_POSTS_ASSESSED = INSERT_POSTS_ROWS + "RETURNING platform, native_id";

  /**
   * Stores the new posts and puts each in the assessment inbox, in one statement; returns the new
   * ones. A post stored before (assessed or not) does not enter the inbox again.
   */
  private static String insertPostsInboxed(String onConflict) {
    return "WITH stored AS (" + INSERT_POSTS_ROWS + onConflict + """
        RETURNING platform, native_id, posted_at, id
        ), inboxed AS (
          INSERT INTO post_inbox (posted_at, post_id) SELECT posted_at, id FROM stored
        )
        SELECT platform, native_id FROM stored""";
  }

  private static final String INSERT_POSTS_INBOXED = insertPostsInboxed("ON CONFLICT DO NOTHING\n");
  private static final String INSERT_NEW_POSTS_INBOXED = insertPostsInboxed("");

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

  /**
   * Links every post of the batch to its media; a post stored before already has its links. A post
   * this write stored has none yet (they would name its new id): its links go in plainly, each
   * (post, ordinal) once. When two renderings of one post in a batch disagree about a media item,
   * the first in batch order is kept; the tolerant statement keeps whichever its join yields first.
   */
  private static void insertPostMedia(Connection c, List<Post> posts, Predicate<PostKey> storedNow) throws SQLException {
    List<Post> fresh = new ArrayList<>();
    List<Post> others = new ArrayList<>();
    for (Post post : posts) {
      if (!post.media().isEmpty()) {
        (storedNow.test(post.key()) ? fresh : others).add(post);
      }
    }
    insertPostMedia(c, fresh, true);
    insertPostMedia(c, others, false);
  }

  private static void insertPostMedia(Connection c, List<Post> posts, boolean storedNow) throws SQLException {
    Set<List<Object>> links = new HashSet<>();
    List<String> platforms = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<Integer> ordinals = new ArrayList<>();
    List<String> mediaPlatforms = new ArrayList<>();
    List<String> mediaIds = new ArrayList<>();
    for (Post post : posts) {
      for (int i = 0; i < post.media().size(); i++) {
        if (storedNow && !links.add(List.of(post.key(), i))) {
          continue;
        }
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
        JOIN posts p ON p.platform = u.platform AND p.native_id = u.native_id""" + (storedNow ? "" : SKIP_STORED);
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

  private static long insertMentions(Connection c, List<Interaction.Mention> mentions, Predicate<PostKey> storedNow) throws SQLException {
    Split<Interaction.Mention> split = split(mentions, m -> storedNow.test(m.post()),
        m -> List.of(m.platform().name(), m.post().id(), Columns.storable(m.toHandle())));
    return insertMentions(c, split.fresh(), "") + insertMentions(c, split.others(), SKIP_STORED);
  }

  private static long insertMentions(Connection c, List<Interaction.Mention> mentions, String onStored) throws SQLException {
    if (mentions.isEmpty()) {
      return 0;
    }
    String sql = """
        INSERT INTO mentions (platform, post_id, to_handle, from_id, to_id, mentioned_at)
        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])""" + onStored;
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

  private static long insertReplies(Connection c, List<Interaction.Reply> replies, Predicate<PostKey> storedNow) throws SQLException {
    Split<Interaction.Reply> split = split(replies, r -> storedNow.test(r.post()), r -> List.of(r.platform().name(), r.post().id()));
    return insertReplies(c, split.fresh(), "") + insertReplies(c, split.others(), SKIP_STORED);
  }

  private static long insertReplies(Connection c, List<Interaction.Reply> replies, String onStored) throws SQLException {
    if (replies.isEmpty()) {
      return 0;
    }
    String sql = """
        INSERT INTO replies (platform, post_id, from_id, to_id, in_reply_to_id, replied_at)
        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])""" + onStored;
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

  private static long insertShares(Connection c, List<Interaction.Share> shares, Predicate<PostKey> storedNow) throws SQLException {
    Split<Interaction.Share> split = split(shares, sh -> storedNow.test(sh.post()), sh -> List.of(sh.platform().name(), sh.post().id()));
    return insertShares(c, split.fresh(), "") + insertShares(c, split.others(), SKIP_STORED);
  }

  private static long insertShares(Connection c, List<Interaction.Share> shares, String onStored) throws SQLException {
    if (shares.isEmpty()) {
      return 0;
    }
    String sql = """
        INSERT INTO shares (platform, post_id, from_id, kind, original_id, original_author_id, origin_name, shared_at)
        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])""" + onStored;
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

  /**
   * Links the items to their payloads. A payload is written once, so its links are new unless it is
   * written again (a replay, a re-import): the optimistic write inserts them plainly, each key once.
   */
  private static void insertPayloadLinks(Connection c, ObservationBatch batch, List<ObservationBatch.PayloadLink> all, Inserts mode)
      throws SQLException {
    List<ObservationBatch.PayloadLink> links = mode == Inserts.OPTIMISTIC
        ? firstOfEachKey(all, l -> List.of(l.itemKind(), l.platform().name(), Columns.storable(l.itemKey()), l.digest()))
        : all;
    if (links.isEmpty()) {
      return;
    }
    String sql = """
        INSERT INTO raw_payloads (item_kind, platform, item_key, payload_digest, source, file, record_index, byte_offset, observed_at)
        SELECT u.kind, u.platform, u.item_key, decode(u.digest, 'hex'), ?, u.file, u.record_index, u.byte_offset, ?
        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
          AS u(kind, platform, item_key, digest, file, record_index, byte_offset)""" + (mode == Inserts.OPTIMISTIC ? "" : SKIP_STORED);
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

  /** @param fresh rows the write believes new, each key once (the first, as ON CONFLICT DO NOTHING keeps); @param others the rest, as they came */
  private record Split<T>(List<T> fresh, List<T> others) {}

  /** @param key the row's key as the table compares it (text as stored, see {@link Columns#storable}) */
  private static <T> Split<T> split(List<T> rows, Predicate<T> isFresh, Function<T, List<?>> key) {
    List<T> fresh = new ArrayList<>(rows.size());
    List<T> others = new ArrayList<>();
    for (T row : rows) {
      (isFresh.test(row) ? fresh : others).add(row);
    }
    return new Split<>(firstOfEachKey(fresh, key), others);
  }

  /** The rows in their order, each key once: the first, as {@code ON CONFLICT DO NOTHING} keeps. */
  private static <T> List<T> firstOfEachKey(List<T> rows, Function<T, List<?>> key) {
    List<T> first = new ArrayList<>(rows.size());
    Set<List<?>> keys = new HashSet<>();
    for (T row : rows) {
      if (keys.add(key.apply(row))) {
        first.add(row);
      }
    }
    return first;
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
