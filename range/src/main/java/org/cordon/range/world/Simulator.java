package org.cordon.range.world;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Runs the world day by day. Each day it schedules "slots" (an account about to post, and why),
 * sorts them by time, and turns each into a post in order ({@link Composer} decides what is said),
 * so a post can only refer to posts already made. It assigns the platforms' ids and hands each
 * post to its format writer and to the ground truth. Only one day's slots and a few thousand remembered posts are in memory.
 */
final class Simulator {
  static final long DAY_MS = 86_400_000L;

  private static final int REGULAR = 0;
  private static final int RELEASE_PUBLISH = 1;
  private static final int RELEASE_SHARE = 2;
  private static final int RELEASE_BOOST = 3;
  private static final int SHOUTOUT = 4;
  private static final int OUTREACH = 5;
  private static final int STATEMENT = 6;

  private final long seed;
  private final int days;
  private final Population people;
  private final List<Release> releases;
  private final List<Statement> statements;
  private final StatementDesk desk;
  /** The statement tasks of the day being run; a STATEMENT slot's aux is an index here. */
  private final List<StatementDesk.Task> dayTasks = new java.util.ArrayList<>();
  private final Outreach outreach;
  private final MediaStudio studio;
  private final XWriter x;
  private final TelegramWriter telegram;
  private final MastodonWriter mastodon;
  private final VideoWriter video;
  private final TruthWriter truth;
  private final ReplayIndex replay;
  private final Composer composer;
  private final int[] distributors;
  private final int[] hyperactive;
  private final int groupsPerCommunity;

  private final Long2IntOpenHashMap telegramMessageIds = new Long2IntOpenHashMap();
  private long lastXMs = -1;
  private long xSequence;
  private long lastMastodonMs = -1;
  private long mastodonSequence;
  private long videoSequence = 1_000_000;
  private long commentSequence;
  long postCount;

  Simulator(long seed, int days, Population people, List<Release> releases, List<Statement> statements, Outreach outreach,
      MediaStudio studio, XWriter x, TelegramWriter telegram, MastodonWriter mastodon, VideoWriter video, TruthWriter truth,
      ReplayIndex replay) {
    this.seed = seed;
    this.days = days;
    this.people = people;
    this.releases = releases;
    this.statements = statements;
    this.desk = new StatementDesk(seed, people, statements);
    this.outreach = outreach;
    this.studio = studio;
    this.x = x;
    this.telegram = telegram;
    this.mastodon = mastodon;
    this.video = video;
    this.truth = truth;
    this.replay = replay;
    this.composer = new Composer(people, releases, outreach, studio);
    IntArrayList d = new IntArrayList();
    IntArrayList h = new IntArrayList();
    for (int p = 0; p < people.personCount; p++) {
      if (people.personRole(p) == Role.DISTRIBUTOR) {
        d.add(p);
      } else if (people.personRole(p) == Role.HYPERACTIVE_SUPPORTER) {
        h.add(p);
      }
    }
    this.distributors = d.toIntArray();
    this.hyperactive = h.toIntArray();
    this.groupsPerCommunity = 1 + people.accountCount / 40_000;
    telegramMessageIds.defaultReturnValue(0);
  }

  // ---- the day loop

  private static final class Slots {
    final LongArrayList keys = new LongArrayList();
    final IntArrayList account = new IntArrayList();
    final IntArrayList type = new IntArrayList();
    final IntArrayList aux = new IntArrayList();
    final LongArrayList at = new LongArrayList();

    void add(long dayStartMs, long atMs, int account, int type, int aux) {
      int index = this.account.size();
      this.account.add(account);
      this.type.add(type);
      this.aux.add(aux);
      this.at.add(atMs);
      keys.add(((atMs - dayStartMs) << 32) | index);
    }
  }

  void run() {
    for (int day = 0; day < days; day++) {
      long dayStart = people.startMs + day * DAY_MS;
      long dayEnd = dayStart + DAY_MS;
      x.startDay(dayStart);
      telegram.startDay(dayStart);
      mastodon.startDay(dayStart);
      video.startDay(dayStart);
      Slots slots = schedule(day, dayStart, dayEnd);
      long[] keys = slots.keys.toLongArray();
      java.util.Arrays.sort(keys);
      for (long key : keys) {
        int index = (int) key;
        post(slots.at.getLong(index), slots.account.getInt(index), slots.type.getInt(index), slots.aux.getInt(index));
      }
      telegram.endDay();
      mastodon.endDay();
      video.endDay();
      replay.endDay(dayEnd);
    }
    x.close();
  }

  /** The original post of each statement, empty where its outlet never posted it. */
  List<Optional<Post>> statementOriginals() {
    return desk.originals();
  }

  private Slots schedule(int day, long dayStart, long dayEnd) {
    Slots slots = new Slots();
    for (int a = 0; a < people.accountCount; a++) {
      long from = Math.max(dayStart, people.createdMs[a]);
      long to = Math.min(dayEnd, people.suspendedMs[a]);
      if (from >= to) {
        continue;
      }
      SplittableRandom random = Seeds.random(seed, 10, day, a);
      double mean = people.role(a).postsPerDay * people.site(a).activityFactor * (to - from) / DAY_MS;
      int n = Seeds.poisson(random, mean);
      for (int i = 0; i < n; i++) {
        slots.add(dayStart, from + (long) (random.nextDouble() * (to - from)), a, REGULAR, 0);
      }
    }
    for (int r = 0; r < releases.size(); r++) {
      Release release = releases.get(r);
      if (release.publishAtMs() < dayStart || release.publishAtMs() >= dayEnd) {
        continue;
      }
      SplittableRandom random = Seeds.random(seed, 11, r);
      long t = release.publishAtMs();
      // The outlet publishes first on the messenger, then the microblog, fediverse and video site.
      long[] offsets = {0, 60_000 + random.nextInt(120_000), 90_000 + random.nextInt(240_000), 300_000 + random.nextInt(600_000)};
      Site[] order = {Site.TELEGRAM, Site.X, Site.MASTODON, Site.VIDEO};
      for (int i = 0; i < order.length; i++) {
        if (order[i] == Site.VIDEO && !release.hasVideo()) {
          continue;
        }
        int account = people.accountAt(release.outlet(), order[i], t + offsets[i]);
        if (account >= 0 && t + offsets[i] < dayEnd) {
          slots.add(dayStart, t + offsets[i], account, RELEASE_PUBLISH, r);
        }
      }
      for (int person : distributors) {
        if (random.nextInt(10) >= 7) {
          continue;
        }
        for (Site site : Site.ALL) {
          // Distributors repost within minutes (log-normal around eight minutes).
          long at = t + 120_000 + (long) Math.exp(Math.log(8 * 60_000.0) + 0.8 * Seeds.gaussian(random));
          int account = people.accountAt(person, site, at);
          if (account >= 0 && at < dayEnd && (site != Site.VIDEO || release.hasVideo())) {
            slots.add(dayStart, at, account, RELEASE_SHARE, r);
          }
        }
      }
      for (int person : hyperactive) {
        if (random.nextInt(10) >= 5) {
          continue;
        }
        long at = t + 300_000 + (long) Math.exp(Math.log(90 * 60_000.0) + 1.0 * Seeds.gaussian(random));
        int account = people.accountAt(person, Site.X, at);
        if (account >= 0 && at < dayEnd) {
          slots.add(dayStart, at, account, RELEASE_BOOST, r);
        }
      }
    }
    // Shoutouts announce returning accounts.
    for (int a = 0; a < people.accountCount; a++) {
      if (!people.isReturning(a) || people.createdMs[a] < dayStart || people.createdMs[a] >= dayEnd
          || !people.role(a).target || hyperactive.length + distributors.length == 0) {
        continue;
      }
      SplittableRandom random = Seeds.random(seed, 12, a);
      int shouts = 1 + random.nextInt(2);
      for (int i = 0; i < shouts; i++) {
        int announcerPerson = random.nextInt(hyperactive.length + distributors.length) < distributors.length
            ? distributors[random.nextInt(Math.max(1, distributors.length))] : hyperactive[random.nextInt(Math.max(1, hyperactive.length))];
        long at = people.createdMs[a] + 300_000 + random.nextInt(3 * 3_600_000);
        int announcer = people.accountAt(announcerPerson, people.site(a), at);
        if (announcer >= 0 && at < dayEnd) {
          slots.add(dayStart, at, announcer, SHOUTOUT, a);
        }
      }
    }
    // Statements of this day and the two before: their re-posts and reports run for a day or more.
    dayTasks.clear();
    for (int s = 0; s < statements.size(); s++) {
      long published = statements.get(s).publishAtMs();
      if (published < dayStart - 2 * DAY_MS || published >= dayEnd) {
        continue;
      }
      for (StatementDesk.Task task : desk.plan(s)) {
        if (task.atMs() >= dayStart && task.atMs() < dayEnd && people.aliveAt(task.account(), task.atMs())) {
          slots.add(dayStart, task.atMs(), task.account(), STATEMENT, dayTasks.size());
          dayTasks.add(task);
        }
      }
    }
    for (Outreach.Conversation c : outreach.conversations) {
      for (int m = 0; m < c.atMs.length; m++) {
        long at = c.atMs[m];
        if (at < dayStart || at >= dayEnd) {
          continue;
        }
        int person = c.fromInitiator[m] ? c.initiator : c.target;
        Site site = c.stage[m] == 0 ? Site.X : Site.TELEGRAM;
        int account = people.accountAt(person, site, at);
        if (account >= 0) {
          slots.add(dayStart, at, account, OUTREACH, c.index * 64 + m);
        }
      }
    }
    return slots;
  }

  // ---- one post

  private void post(long at, int account, int type, int aux) {
    if (type == STATEMENT) {
      StatementDesk.Task task = dayTasks.get(aux);
      if (desk.ready(task)) {
        desk.posted(task, emit(at, account, desk.draft(task)));
      }
      return;
    }
    if (desk.busy(account)) {
      // The account is posting a thread: nothing else comes between its parts.
      return;
    }
    SplittableRandom random = Seeds.random(seed, 20, at, account * 8L + type);
    Optional<Composer.Draft> draft = switch (type) {
      case RELEASE_PUBLISH -> Optional.of(composer.publish(account, releases.get(aux), random));
      case RELEASE_SHARE -> Optional.of(composer.share(account, releases.get(aux), random));
      case RELEASE_BOOST -> composer.boost(releases.get(aux), random);
      case SHOUTOUT -> Optional.of(composer.shoutout(account, aux, random));
      case OUTREACH -> composer.outreachMessage(account, aux, random);
      default -> composer.regular(account, at, random);
    };
    if (draft.isEmpty()) {
      return;
    }
    Post post = emit(at, account, draft.get());
    if (type == RELEASE_PUBLISH) {
      composer.published(releases.get(aux), post);
    }
    if (type == OUTREACH) {
      Outreach.Conversation c = outreach.conversations.get(aux / 64);
      c.postIds.get(c.stage[aux % 64]).add(post.postId());
    }
  }

  // ---- ids, urls and writing

  private Post emit(long at, int account, Composer.Draft draft) {
    Site site = people.site(account);
    String handle = people.handle(account);
    long number = 0;
    long chatId = 0;
    int messageId = 0;
    String postId;
    String url;
    switch (site) {
      case X -> {
        xSequence = at == lastXMs ? xSequence + 1 : 0;
        lastXMs = at;
        number = ((at - XWriter.TWITTER_EPOCH_MS) << 22) | xSequence;
        postId = Long.toString(number);
        url = Site.X.base + "/" + handle + "/status/" + number;
      }
      case MASTODON -> {
        mastodonSequence = at == lastMastodonMs ? mastodonSequence + 1 : 0;
        lastMastodonMs = at;
        number = (at << 16) | mastodonSequence;
        postId = "social.range.invalid/" + number;
        url = MastodonWriter.statusUrl(handle, number);
      }
      case VIDEO -> {
        if (draft.kind() == Post.Kind.UPLOAD) {
          number = ++videoSequence;
          url = VideoWriter.videoUrl(number);
        } else {
          number = ++commentSequence;
          url = VideoWriter.commentUrl(draft.referenced().map(Post::number).orElse(0L), number);
        }
        postId = url;
      }
      case TELEGRAM -> {
        if (draft.chatId() != 0) {
          chatId = draft.chatId();
          telegram.register(new TelegramWriter.Chat(chatId, draft.chatName(), draft.chatType()));
        } else if (people.isChannel(account)) {
          chatId = people.telegramPeerId(account);
          telegram.register(new TelegramWriter.Chat(chatId, people.displayName(account), "public_channel"));
        } else {
          boolean community = people.role(account).target;
          int lang = people.personLang[people.accountPerson[account]];
          int group = (int) (Seeds.mix(seed, people.accountPerson[account]) >>> 1) % groupsPerCommunity;
          int index = ((community ? 0 : 1) * Lang.ALL.length + lang) * groupsPerCommunity + group;
          chatId = 1_400_000_000L + index;
          String name = (community ? "Lantern circle " : "Neighbourhood chat ") + Lang.ALL[lang].code + " " + (group + 1);
          telegram.register(new TelegramWriter.Chat(chatId, name, "public_supergroup"));
        }
        messageId = telegramMessageIds.get(chatId) + 1;
        telegramMessageIds.put(chatId, messageId);
        postId = chatId + "/" + messageId;
        url = draft.chatId() == 0 && people.isChannel(account)
            ? Site.TELEGRAM.base + "/" + handle + "/" + messageId
            : Site.TELEGRAM.base + "/c/" + chatId + "/" + messageId;
      }
      default -> throw new IllegalStateException("no site " + site);
    }
    Post post = new Post(site, draft.kind(), postId, number, chatId, messageId, account, at, draft.text(),
        draft.language().orElse(people.lang(account)), draft.referenced(), draft.media(), draft.truth(), url);
    switch (site) {
      case X -> x.write(post);
      case TELEGRAM -> telegram.write(post);
      case MASTODON -> mastodon.write(post);
      case VIDEO -> video.write(post);
    }
    truth.post(post);
    composer.remember(post);
    postCount++;
    return post;
  }
}
