package org.cordon.range.world;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Plans and writes everything about the outlets' long statements: the outlet's own posts (complete
 * on the messenger, as a thread where the microblog's length forbids one post), re-posts by
 * distributors and supporters with their variation, and journalists' and researchers' reports that
 * quote one sentence. Every plan is a function of the seed, the statement and the person, so the
 * simulator may ask for a statement's plan on each day it touches and keep that day's part.
 */
final class StatementDesk {
  /** One post to make: when, by which account, and what it is. */
  record Task(long atMs, int account, int statement, StatementVariant variant, int part, int parts, long thread,
      Text text, boolean forward) {}

  private static final Site[] SHARE_SITES = {Site.TELEGRAM, Site.X, Site.MASTODON};

  private final long seed;
  private final Population people;
  private final List<Statement> statements;
  private final int[] distributors;
  private final int[] hyperactive;
  private final int[] supporters;
  private final int[] reporters;
  /** The outlet's first complete post of each statement, once made. */
  private final Post[] original;
  /** The last part posted of each open thread, so the next part replies to it. */
  private final Long2ObjectOpenHashMap<Post> threadTail = new Long2ObjectOpenHashMap<>();
  /** The thread an account is posting, by account. */
  private final it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap openThread = new it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap();

  StatementDesk(long seed, Population people, List<Statement> statements) {
    this.seed = seed;
    this.people = people;
    this.statements = statements;
    IntArrayList d = new IntArrayList();
    IntArrayList h = new IntArrayList();
    IntArrayList s = new IntArrayList();
    IntArrayList r = new IntArrayList();
    for (int p = 0; p < people.personCount; p++) {
      switch (people.personRole(p)) {
        case DISTRIBUTOR -> d.add(p);
        case HYPERACTIVE_SUPPORTER -> h.add(p);
        case SUPPORTER -> s.add(p);
        case JOURNALIST, RESEARCHER -> r.add(p);
        default -> {}
      }
    }
    this.distributors = d.toIntArray();
    this.hyperactive = h.toIntArray();
    this.supporters = s.toIntArray();
    this.reporters = r.toIntArray();
    this.original = new Post[statements.size()];
  }

  Optional<Post> original(int statement) {
    return Optional.ofNullable(original[statement]);
  }

  /** Every post of statement {@code s}, in no particular order. */
  List<Task> plan(int s) {
    Statement statement = statements.get(s);
    List<Task> tasks = new ArrayList<>();
    long t = statement.publishAtMs();
    SplittableRandom random = Seeds.random(seed, 71, s);
    // The outlet: complete on the messenger first, then the microblog and the fediverse within minutes.
    int messenger = people.accountAt(statement.outlet(), Site.TELEGRAM, t);
    if (messenger >= 0) {
      tasks.add(new Task(t, messenger, s, StatementVariant.ORIGINAL, 0, 0, 0, new Text.Builder().text(statement.text()).build(), false));
    }
    long[] offsets = {60_000 + random.nextInt(120_000), 90_000 + random.nextInt(240_000)};
    Site[] crossSites = {Site.X, Site.MASTODON};
    for (int i = 0; i < crossSites.length; i++) {
      share(tasks, s, statement.outlet(), crossSites[i], t + offsets[i], StatementVariant.VERBATIM, false,
          Seeds.random(seed, 72, s, i));
    }
    for (int person : distributors) {
      SplittableRandom r = Seeds.random(seed, 73, s, person);
      if (r.nextInt(10) >= 7) {
        continue;
      }
      for (Site site : SHARE_SITES) {
        if (r.nextInt(10) >= 8) {
          continue;
        }
        long at = t + 120_000 + (long) Math.exp(Math.log(10 * 60_000.0) + 0.8 * Seeds.gaussian(r));
        share(tasks, s, person, site, at, variant(r, 30), site == Site.TELEGRAM && r.nextBoolean(), r);
      }
    }
    for (int person : hyperactive) {
      SplittableRandom r = Seeds.random(seed, 74, s, person);
      if (people.personLang[person] != statement.lang().ordinal() || r.nextInt(10) >= 4) {
        continue;
      }
      long at = t + 300_000 + (long) Math.exp(Math.log(90 * 60_000.0) + 1.0 * Seeds.gaussian(r));
      share(tasks, s, person, r.nextBoolean() ? Site.X : Site.TELEGRAM, at, variant(r, 15), false, r);
    }
    for (int person : supporters) {
      SplittableRandom r = Seeds.random(seed, 75, s, person);
      if (people.personLang[person] != statement.lang().ordinal() || r.nextInt(100) >= 8) {
        continue;
      }
      long at = t + (long) Math.exp(Math.log(4 * 3_600_000.0) + 0.8 * Seeds.gaussian(r));
      share(tasks, s, person, SHARE_SITES[r.nextInt(SHARE_SITES.length)], at, variant(r, 15), false, r);
    }
    for (int person : reporters) {
      SplittableRandom r = Seeds.random(seed, 76, s, person);
      int share = people.personRole(person) == Role.JOURNALIST ? 6 : 4;
      if (people.personLang[person] != statement.lang().ordinal() || r.nextInt(10) >= share) {
        continue;
      }
      long at = t + 1_800_000 + (long) Math.exp(Math.log(5 * 3_600_000.0) + 0.7 * Seeds.gaussian(r));
      Site site = SHARE_SITES[r.nextInt(SHARE_SITES.length)];
      int account = people.accountAt(person, site, at);
      if (account >= 0) {
        quote(statement, site, people.personRole(person), r).ifPresent(text ->
            tasks.add(new Task(at, account, s, StatementVariant.QUOTE, 0, 0, 0, text, false)));
      }
    }
    return tasks;
  }

  /** Weights: verbatim {@code verbatim}, the rest shared among small edits, script variant, excerpt, split. */
  private static StatementVariant variant(SplittableRandom random, int verbatim) {
    int roll = random.nextInt(100);
    if (roll < verbatim) {
      return StatementVariant.VERBATIM;
    }
    int rest = (roll - verbatim) * 100 / (100 - verbatim);
    return rest < 30 ? StatementVariant.SMALL_EDITS : rest < 55 ? StatementVariant.SCRIPT_VARIANT
        : rest < 80 ? StatementVariant.EXCERPT : StatementVariant.SPLIT;
  }

  /**
   * Plans one re-post by {@code person} on {@code site}. A variant that does not fit the platform's
   * length becomes a thread of the complete statement ({@code split}), as people do on the microblog.
   */
  private void share(List<Task> tasks, int s, int person, Site site, long at, StatementVariant wanted, boolean forward,
      SplittableRandom random) {
    Statement statement = statements.get(s);
    int account = people.accountAt(person, site, at);
    // The simulator looks two days back for a statement's posts; later re-posts are not made.
    if (account < 0 || at >= statement.publishAtMs() + 2 * Simulator.DAY_MS - 600_000) {
      return;
    }
    String text = statement.text();
    boolean tag = person != statement.outlet() && wanted != StatementVariant.VERBATIM && random.nextInt(10) < 4;
    Optional<String> body = switch (wanted) {
      case VERBATIM -> Optional.of(text);
      case SMALL_EDITS -> Optional.of(Rewrites.smallEdits(text, statement.lang(), random));
      case SCRIPT_VARIANT -> Optional.of(Rewrites.scriptVariant(text, statement.lang(), random));
      case EXCERPT -> Rewrites.excerpt(text, PostLimits.limit(site) - (tag ? 30 : 0), random);
      default -> Optional.empty();
    };
    if (body.isPresent()) {
      Text.Builder b = new Text.Builder().text(body.get());
      if (tag) {
        b.hashtag(Organisation.hashtag(statement.lang(), random));
      }
      Text built = b.build();
      if (PostLimits.fits(site, built)) {
        tasks.add(new Task(at, account, s, wanted, 0, 0, 0, built, forward && wanted == StatementVariant.VERBATIM));
        return;
      }
    }
    // A thread: two or three consecutive posts of the same account, each within the platform's limit.
    boolean numbered = site != Site.TELEGRAM;
    for (int parts = 2 + random.nextInt(2); parts <= 3; parts++) {
      List<String> pieces = Rewrites.split(text, parts);
      List<Text> texts = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        texts.add(new Text.Builder().text(pieces.get(p) + (numbered ? " (" + (p + 1) + "/" + parts + ")" : "")).build());
      }
      if (texts.stream().allMatch(x -> PostLimits.fits(site, x))) {
        long thread = Seeds.mix(Seeds.mix(seed, s), (long) account * 4 + site.ordinal()) | 1;
        long[] times = new long[parts];
        times[0] = at;
        for (int p = 1; p < parts; p++) {
          times[p] = times[p - 1] + 20_000 + random.nextInt(60_000);
        }
        for (long partAt : times) {
          if (people.accountAt(person, site, partAt) != account) {
            return;
          }
        }
        for (int p = 0; p < parts; p++) {
          tasks.add(new Task(times[p], account, s, StatementVariant.SPLIT, p + 1, parts, thread, texts.get(p), false));
        }
        return;
      }
    }
  }

  /** A report quoting one sentence of the statement, within the platform's length; empty if none fits. */
  private Optional<Text> quote(Statement statement, Site site, Role role, SplittableRandom random) {
    List<String> sentences = statement.sentences().subList(1, statement.sentences().size());
    List<String> short_ = sentences.stream().filter(x -> x.length() <= 110).toList();
    String sentence = short_.isEmpty() ? sentences.stream().min(java.util.Comparator.comparingInt(String::length)).orElseThrow()
        : Organisation.pick(short_, random);
    Lang lang = statement.lang();
    String outlet = Organisation.outletName(Organisation.outlet(statement.outlet()), lang, random);
    String first = StatementProse.report(lang, random);
    String second = StatementProse.report(lang, random);
    String link = "https://news.range.invalid/" + (role == Role.JOURNALIST ? "story/" : "paper/") + (random.nextLong() >>> 20);
    for (int reports = second.equals(first) ? 1 : 2; reports >= 0; reports--) {
      Text.Builder b = new Text.Builder().text(StatementProse.quoteLead(lang, outlet)).text(StatementProse.quoted(lang, sentence));
      if (reports >= 1) {
        b.text(first);
      }
      if (reports >= 2) {
        b.text(second);
      }
      b.link(link);
      Text text = b.build();
      if (PostLimits.fits(site, text)) {
        return Optional.of(text);
      }
    }
    return Optional.empty();
  }

  /** What the account posts for a task. */
  Composer.Draft draft(Task task) {
    Statement statement = statements.get(task.statement());
    String id = statement.id();
    Site site = people.site(task.account());
    Optional<Post> forwarded = task.forward() ? original(task.statement()) : Optional.empty();
    if (forwarded.isPresent()) {
      Post from = forwarded.get();
      return new Composer.Draft(Post.Kind.FORWARD, from.text(), forwarded, List.of(),
          Truth.statement(StatementRef.of(id, StatementVariant.VERBATIM))).in(statement.lang());
    }
    if (task.variant() == StatementVariant.QUOTE) {
      return new Composer.Draft(Post.Kind.ORIGINAL, task.text(), Optional.empty(), List.of(),
          Truth.hardNegative(Optional.empty()).withStatement(StatementRef.of(id, StatementVariant.QUOTE))).in(statement.lang());
    }
    StatementRef ref = new StatementRef(Optional.of(id), task.variant(), task.part(), task.parts());
    // Later parts of a thread reply to the previous part on the microblog and the fediverse.
    Optional<Post> previous = task.part() > 1 && site != Site.TELEGRAM ? Optional.ofNullable(threadTail.get(task.thread()))
        : Optional.empty();
    return new Composer.Draft(previous.isPresent() ? Post.Kind.REPLY : Post.Kind.ORIGINAL, task.text(), previous, List.of(),
        Truth.statement(ref)).in(statement.lang());
  }

  /** Remembers what a task's post became: a statement's original, the tail of a thread. */
  void posted(Task task, Post post) {
    if (task.variant() == StatementVariant.ORIGINAL) {
      original[task.statement()] = post.flat();
    }
    if (task.parts() > 0) {
      if (task.part() < task.parts()) {
        threadTail.put(task.thread(), post.flat());
        openThread.put(task.account(), task.thread());
      } else {
        threadTail.remove(task.thread());
        openThread.remove(task.account());
      }
    }
  }

  /**
   * Whether the account is in the middle of a thread: its other posts are dropped, so that a
   * thread's parts are consecutive posts of the account.
   */
  boolean busy(int account) {
    return openThread.get(account) != 0;
  }

  /** Whether a task may post now: a thread's later part only after its previous part, nothing else mid-thread. */
  boolean ready(Task task) {
    long open = openThread.get(task.account());
    return task.part() > 1 ? open == task.thread() : open == 0;
  }

  /** The original post of each statement (platform and post id), for truth/statements.jsonl. */
  List<Optional<Post>> originals() {
    List<Optional<Post>> out = new ArrayList<>(original.length);
    for (Post post : original) {
      out.add(Optional.ofNullable(post));
    }
    return out;
  }
}
