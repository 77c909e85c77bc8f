package org.cordon.range.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Decides what an account says when its slot comes: by role, platform and what it has recently
 * seen (a ring of the last posts per platform: the organisation's, releases, everyone else's).
 */
final class Composer {
  private static final int RING = 1024;
  static final long DAY_MS = Simulator.DAY_MS;

  private final Population people;
  private final List<Release> releases;
  private final Outreach outreach;
  private final MediaStudio studio;
  private final Post[][] recentExtremist = new Post[Site.COUNT][RING];
  private final Post[][] recentRelease = new Post[Site.COUNT][RING];
  private final Post[][] recentBenign = new Post[Site.COUNT][RING];
  private final long[] recentCount = new long[Site.COUNT * 3];
  /** The outlet's own post of each release per site; empty slots until it is made. */
  private final Post[][] releaseOriginal;

  Composer(Population people, List<Release> releases, Outreach outreach, MediaStudio studio) {
    this.people = people;
    this.releases = releases;
    this.outreach = outreach;
    this.studio = studio;
    this.releaseOriginal = new Post[releases.size()][Site.COUNT];
  }

  void published(Release release, Post post) {
    releaseOriginal[release.number() - 1][post.site().ordinal()] = post.flat();
  }

  /** What to post, before ids and urls are assigned. {@code chatId} 0 means "the account's own". */
  record Draft(Post.Kind kind, Text text, Optional<Post> referenced, List<MediaRef> media, Truth truth,
      long chatId, String chatName, String chatType, Optional<Lang> language) {
    Draft(Post.Kind kind, Text text, Optional<Post> referenced, List<MediaRef> media, Truth truth) {
      this(kind, text, referenced, media, truth, 0, "", "");
    }

    Draft(Post.Kind kind, Text text, Optional<Post> referenced, List<MediaRef> media, Truth truth,
        long chatId, String chatName, String chatType) {
      this(kind, text, referenced, media, truth, chatId, chatName, chatType, Optional.empty());
    }

    /** The same draft written in {@code lang} (a re-post keeps the statement's language). */
    Draft in(Lang lang) {
      return new Draft(kind, text, referenced, media, truth, chatId, chatName, chatType, Optional.of(lang));
    }
  }

  /** The outlet's own post of a release on a site, once it is made. */
  private Optional<Post> original(Release release, Site site) {
    return Optional.ofNullable(releaseOriginal[release.number() - 1][site.ordinal()]);
  }

  Draft publish(int account, Release release, SplittableRandom random) {
    Lang lang = release.lang();
    Site site = people.site(account);
    Text.Builder text = new Text.Builder().text(Organisation.releaseLead(lang)).text(release.title());
    text.hashtag(Organisation.hashtag(lang, random)).hashtag(Organisation.hashtag(lang, random));
    text.link(release.pasteUrl());
    if (random.nextBoolean()) {
      text.link(release.fileUrl());
    }
    List<MediaRef> media = new ArrayList<>();
    int images = site == Site.TELEGRAM ? 1 : Math.min(release.imageCount(), 4);
    for (int i = 0; i < images; i++) {
      media.add(studio.canonical(release, i, site == Site.VIDEO));
    }
    return new Draft(site == Site.VIDEO ? Post.Kind.UPLOAD : Post.Kind.ORIGINAL, text.build(), Optional.empty(), media,
        Truth.release(release));
  }

  Draft share(int account, Release release, SplittableRandom random) {
    Site site = people.site(account);
    Optional<Post> original = original(release, Site.TELEGRAM);
    if (site == Site.TELEGRAM && original.isPresent() && random.nextBoolean()) {
      return new Draft(Post.Kind.FORWARD, original.get().text(), original, original.get().media(), Truth.release(release));
    }
    Lang lang = people.lang(account);
    Text.Builder text = new Text.Builder().text(Organisation.outletName(Organisation.outlet(release.outlet()), lang, random))
        .text("|").text(release.title());
    text.hashtag(Organisation.hashtag(lang, random));
    text.link(random.nextBoolean() ? release.pasteUrl() : release.fileUrl());
    List<MediaRef> media = new ArrayList<>();
    int images = site == Site.TELEGRAM ? 1 : 1 + random.nextInt(release.imageCount());
    for (int i = 0; i < images; i++) {
      media.add(studio.variant(release, i, random.nextInt(studio.maxVariants())));
    }
    return new Draft(site == Site.VIDEO ? Post.Kind.UPLOAD : Post.Kind.ORIGINAL, text.build(), Optional.empty(), media,
        Truth.release(release));
  }

  Optional<Draft> boost(Release release, SplittableRandom random) {
    return original(release, Site.X)
        .or(() -> pick(recentRelease[Site.X.ordinal()], Site.X.ordinal() * 3 + 1, random))
        .map(original -> repost(original, Truth.release(release)));
  }

  private Draft repost(Post original, Truth truthOfRepost) {
    Text text = new Text.Builder().text("RT").mention(people.handle(original.account()), original.account())
        .glued(":").embed(original.text()).build();
    return new Draft(Post.Kind.REPOST, text, Optional.of(original), List.of(), truthOfRepost);
  }

  Draft shoutout(int announcer, int returning, SplittableRandom random) {
    Lang lang = people.lang(announcer);
    Text.Builder text = new Text.Builder().text(Organisation.shoutout(lang));
    Site site = people.site(announcer);
    if (site == Site.X || site == Site.MASTODON) {
      text.mention(people.handle(returning), returning);
    } else {
      text.link(people.profileUrl(returning));
    }
    text.text("(" + people.handle(people.predecessor(returning)) + ")").hashtag(Organisation.hashtag(lang, random));
    Optional<Post> video = site == Site.VIDEO
        ? pick(recentExtremist[site.ordinal()], site.ordinal() * 3, random) : Optional.empty();
    // On the video site a shoutout is a comment; with no video to comment on yet, a new upload.
    Post.Kind kind = site != Site.VIDEO ? Post.Kind.ORIGINAL : video.isPresent() ? Post.Kind.COMMENT : Post.Kind.UPLOAD;
    return new Draft(kind, text.build(), video, List.of(), Truth.promotional());
  }

  Optional<Draft> outreachMessage(int account, int aux, SplittableRandom random) {
    Outreach.Conversation c = outreach.conversations.get(aux / 64);
    int m = aux % 64;
    int stage = c.stage[m];
    Truth label = Truth.outreach(c.grooming, c.id);
    Text.Builder text = new Text.Builder();
    if (stage == 0) {
      int other = people.accountAt(c.fromInitiator[m] ? c.target : c.initiator, Site.X, c.atMs[m]);
      if (other >= 0) {
        text.mention(people.handle(other), other);
      }
      text.text(Organisation.outreach(0, c.grooming, c.lang, random));
      return Optional.of(new Draft(Post.Kind.ORIGINAL, text.build(), Optional.empty(), List.of(), label));
    }
    text.text(Organisation.outreach(stage, c.grooming, c.lang, random));
    boolean firstPrivate = stage == 2 && (m == 0 || c.stage[m - 1] != 2);
    if (stage == 1 && m + 1 < c.stage.length && c.stage[m + 1] == 2) {
      text.link(c.inviteUrl());
    }
    long chatId;
    String name;
    String type;
    if (stage == 1 || firstPrivate) {
      int target = people.accountAt(c.target, Site.TELEGRAM, c.atMs[m]);
      if (target < 0) {
        return Optional.empty();
      }
      chatId = people.telegramPeerId(target);
      int initiator = people.accountAt(c.initiator, Site.TELEGRAM, c.atMs[m]);
      name = people.displayName(initiator >= 0 ? initiator : account);
      type = "personal_chat";
      if (firstPrivate) {
        text.link(c.inviteUrl());
      }
    } else {
      chatId = c.privateChatId();
      name = c.grooming ? "family " + c.index : "trip group " + c.index;
      type = "private_group";
    }
    return Optional.of(new Draft(Post.Kind.ORIGINAL, text.build(), Optional.empty(), List.of(), label, chatId, name, type));
  }

  Optional<Draft> regular(int account, long at, SplittableRandom random) {
    Role role = people.role(account);
    Site site = people.site(account);
    Lang lang = people.lang(account);
    int roll = random.nextInt(100);
    return switch (role) {
      case OFFICIAL_OUTLET -> promo(account, lang, random);
      case DISTRIBUTOR -> {
        Optional<Release> recent = recentRelease(at, random);
        yield roll < 60 && recent.isPresent() ? Optional.of(share(account, recent.get(), random)) : promo(account, lang, random);
      }
      case HYPERACTIVE_SUPPORTER, SUPPORTER, BOT -> supporter(account, role, site, lang, roll, at, random);
      case RECRUITER -> roll < 50 ? promo(account, lang, random) : Optional.of(chatter(site, lang, random));
      case ORDINARY_USER -> {
        if (roll < 4) {
          yield hardNegative(role, site, lang, random, at);
        }
        if (roll >= 97 && site != Site.VIDEO) {
          yield Optional.of(lookalike(site, lang, random));
        }
        if (roll < 15 && site != Site.TELEGRAM) {
          Optional<Post> benign = pick(recentBenign[site.ordinal()], site.ordinal() * 3 + 2, random);
          if (benign.isPresent()) {
            Post to = benign.get();
            yield Optional.of(site == Site.VIDEO ? comment(to, chatterText(lang, random), Truth.benign())
                : roll < 10 ? reply(to, chatterText(lang, random), Truth.benign())
                : repost(to, Truth.benign()));
          }
        }
        yield Optional.of(chatter(site, lang, random));
      }
      case JOURNALIST, RESEARCHER, COUNTER_SPEECH -> {
        int share = role == Role.COUNTER_SPEECH ? 80 : role == Role.JOURNALIST ? 60 : 50;
        yield roll < share ? hardNegative(role, site, lang, random, at) : Optional.of(chatter(site, lang, random));
      }
      case VULNERABLE_USER -> {
        Optional<Post> extremist = pick(recentExtremist[site.ordinal()], site.ordinal() * 3, random);
        if (roll < 20 && extremist.isPresent() && site != Site.TELEGRAM) {
          // Engaging with the content is what makes a recruiter notice them.
          Text text = new Text.Builder().text(pickText(lang, random,
              "where can I read more about this?", "is this true? nobody talks about it", "I feel the same, nobody listens")).build();
          yield Optional.of(site == Site.VIDEO ? comment(extremist.get(), text, Truth.benign())
              : reply(extremist.get(), text, Truth.benign()));
        }
        yield Optional.of(chatter(site, lang, random));
      }
    };
  }

  private Optional<Draft> supporter(int account, Role role, Site site, Lang lang, int roll, long at,
      SplittableRandom random) {
    int repostShare = role == Role.BOT ? 75 : 45;
    Optional<Post> extremist = pick(recentExtremist[site.ordinal()], site.ordinal() * 3, random);
    Optional<Post> release = pick(recentRelease[site.ordinal()], site.ordinal() * 3 + 1, random);
    if (site == Site.VIDEO) {
      return extremist.map(video -> comment(video, sloganText(lang, random), Truth.promotional()));
    }
    if (roll < repostShare && (release.isPresent() || extremist.isPresent())) {
      Post original = release.isPresent() && (extremist.isEmpty() || random.nextBoolean()) ? release.get() : extremist.get();
      Truth truthOfShare = original.truth().releaseId().isPresent()
          ? new Truth(true, original.truth().tier(), original.truth().releaseId(), false, Optional.empty())
          : Truth.promotional();
      if (site == Site.TELEGRAM) {
        return Optional.of(new Draft(Post.Kind.FORWARD, original.text(), Optional.of(original), original.media(), truthOfShare));
      }
      return Optional.of(repost(original, truthOfShare));
    }
    if (roll < repostShare + 10 && extremist.isPresent() && site != Site.TELEGRAM) {
      return Optional.of(reply(extremist.get(), sloganText(lang, random), Truth.promotional()));
    }
    if (roll < repostShare + 30) {
      Optional<Release> recent = recentRelease(at, random);
      if (recent.isPresent() && random.nextInt(4) == 0) {
        Text.Builder text = new Text.Builder().text(Organisation.slogan(lang, random)).hashtag(Organisation.hashtag(lang, random));
        return Optional.of(new Draft(Post.Kind.ORIGINAL, text.build(), Optional.empty(),
            List.of(studio.variant(recent.get(), 0, random.nextInt(studio.maxVariants()))), Truth.release(recent.get())));
      }
      return promo(account, lang, random);
    }
    return role == Role.BOT ? promo(account, lang, random) : Optional.of(chatter(site, lang, random));
  }

  private Optional<Draft> hardNegative(Role role, Site site, Lang lang, SplittableRandom random, long at) {
    Organisation.Outlet outlet = Organisation.outlet(random.nextInt(Organisation.OUTLETS.size()));
    Text.Builder text = new Text.Builder().text(
        Organisation.aboutTheOrganisation(role, lang, Organisation.outletName(outlet, lang, random), random));
    text.hashtag(Organisation.hashtag(lang, random));
    if (role == Role.JOURNALIST || role == Role.RESEARCHER) {
      text.link("https://news.range.invalid/" + (role == Role.JOURNALIST ? "story/" : "paper/") + (random.nextLong() >>> 20));
    }
    Optional<Post> extremist = pick(recentExtremist[site.ordinal()], site.ordinal() * 3, random);
    Truth hard = Truth.hardNegative(Optional.empty());
    if (role == Role.COUNTER_SPEECH && extremist.isPresent() && site == Site.X && random.nextInt(4) == 0) {
      return Optional.of(new Draft(Post.Kind.QUOTE, text.build(), extremist, List.of(), hard));
    }
    if (site == Site.VIDEO) {
      return extremist.map(video -> comment(video, text.build(), hard));
    }
    Optional<Release> recent = recentRelease(at, random);
    if (role == Role.JOURNALIST && recent.isPresent() && site != Site.TELEGRAM && random.nextInt(6) == 0) {
      // Reporting with a cropped still from the release: the hardest negative there is.
      return Optional.of(new Draft(Post.Kind.ORIGINAL, text.build(), Optional.empty(),
          List.of(studio.variant(recent.get(), 0, random.nextInt(studio.maxVariants()))),
          Truth.hardNegative(Optional.of(recent.get().id()))));
    }
    return Optional.of(new Draft(Post.Kind.ORIGINAL, text.build(), Optional.empty(), List.of(), hard));
  }

  private Optional<Draft> promo(int account, Lang lang, SplittableRandom random) {
    Text.Builder text = new Text.Builder().text(Organisation.slogan(lang, random));
    text.hashtag(Organisation.hashtag(lang, random));
    if (random.nextBoolean()) {
      text.hashtag(Organisation.hashtag(lang, random));
    }
    if (random.nextInt(3) == 0) {
      text.link("https://paste.range.invalid/" + Long.toString(random.nextLong() >>> 24, 36));
    }
    Site site = people.site(account);
    if (site != Site.TELEGRAM && random.nextInt(3) == 0) {
      // Cross-platform persona: point followers at the same person's messenger channel or account.
      int messenger = people.chainFirst[people.accountPerson[account] * Site.COUNT + Site.TELEGRAM.ordinal()];
      if (messenger >= 0) {
        text.link(people.profileUrl(messenger));
      }
    }
    if (site == Site.VIDEO) {
      return pick(recentExtremist[site.ordinal()], site.ordinal() * 3, random)
          .map(video -> comment(video, text.build(), Truth.promotional()));
    }
    return Optional.of(new Draft(Post.Kind.ORIGINAL, text.build(), Optional.empty(), List.of(), Truth.promotional()));
  }

  private Draft chatter(Site site, Lang lang, SplittableRandom random) {
    Text text = chatterText(lang, random);
    if (site == Site.VIDEO) {
      Optional<Post> benign = pick(recentBenign[site.ordinal()], site.ordinal() * 3 + 2, random);
      if (benign.isPresent() && random.nextInt(3) > 0) {
        return comment(benign.get(), text, Truth.benign());
      }
      return new Draft(Post.Kind.UPLOAD, text, Optional.empty(), List.of(), Truth.benign());
    }
    return new Draft(Post.Kind.ORIGINAL, text, Optional.empty(), List.of(), Truth.benign());
  }

  /** A long everyday post in the statements' common vocabulary: a look-alike negative. */
  private Draft lookalike(Site site, Lang lang, SplittableRandom random) {
    int max = switch (site) {
      case X -> PostLimits.X - 10;
      case MASTODON -> PostLimits.MASTODON - 20;
      case TELEGRAM, VIDEO -> StatementProse.MAX_STATEMENT_CHARS;
    };
    Text text = new Text.Builder().text(StatementProse.lookalike(lang, max, random)).build();
    return new Draft(Post.Kind.ORIGINAL, text, Optional.empty(), List.of(),
        Truth.benign().withStatement(new StatementRef(Optional.empty(), StatementVariant.LOOKALIKE, 0, 0)));
  }

  private Text chatterText(Lang lang, SplittableRandom random) {
    return new Text.Builder().text(Organisation.chatter(lang, random)).build();
  }

  private Text sloganText(Lang lang, SplittableRandom random) {
    return new Text.Builder().text(Organisation.slogan(lang, random)).hashtag(Organisation.hashtag(lang, random)).build();
  }

  private static String pickText(Lang lang, SplittableRandom random, String... english) {
    String text = english[random.nextInt(english.length)];
    return switch (lang) {
      case AR -> "؟ " + text;
      default -> text;
    };
  }

  private Draft reply(Post to, Text body, Truth label) {
    Text.Builder text = new Text.Builder().mention(people.handle(to.account()), to.account()).text(body.body());
    return new Draft(Post.Kind.REPLY, text.build(), Optional.of(to), List.of(), label);
  }

  private Draft comment(Post video, Text body, Truth label) {
    return new Draft(Post.Kind.COMMENT, body, Optional.of(video), List.of(), label);
  }

  private Optional<Release> recentRelease(long at, SplittableRandom random) {
    // Releases of the last three days, by binary search on publication time.
    int hi = upperBound(at);
    int lo = upperBound(at - 3 * DAY_MS);
    return hi <= lo ? Optional.empty() : Optional.of(releases.get(lo + random.nextInt(hi - lo)));
  }

  private int upperBound(long at) {
    int lo = 0;
    int hi = releases.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (releases.get(mid).publishAtMs() <= at) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private Optional<Post> pick(Post[] ring, int counter, SplittableRandom random) {
    long count = recentCount[counter];
    if (count == 0) {
      return Optional.empty();
    }
    int window = (int) Math.min(count, RING);
    return Optional.of(ring[(int) ((count - 1 - random.nextInt(window)) % RING)]);
  }

  void remember(Post post) {
    if (post.truth().statement().isPresent()) {
      // Statement posts are long: a retweet or forward of one would be a re-post of its own kind,
      // so only the statement desk re-posts them (with its truth).
      return;
    }
    int s = post.site().ordinal();
    Post flat = post.flat();
    if (post.truth().extremist() && post.truth().outreachId().isEmpty()) {
      recentExtremist[s][(int) (recentCount[s * 3]++ % RING)] = flat;
      if (post.truth().releaseId().isPresent() && !post.media().isEmpty()) {
        recentRelease[s][(int) (recentCount[s * 3 + 1]++ % RING)] = flat;
      }
    } else if (!post.truth().extremist() && post.truth().outreachId().isEmpty() && !post.truth().hardNegative()) {
      recentBenign[s][(int) (recentCount[s * 3 + 2]++ % RING)] = flat;
    }
  }
}
