package org.cordon.range.world;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Every person and every account of the world, in primitive arrays so that a million accounts
 * cost tens of megabytes. Accounts of one person on one site form a chain: the first account, and
 * after each suspension (often) a returning account created minutes to days later. A chain's
 * accounts are contiguous indices.
 */
final class Population {
  static final long NEVER = Long.MAX_VALUE;
  private static final long DAY_MS = 86_400_000L;
  private static final String[] FIRST = {"abu", "umm", "nur", "sam", "lina", "omar", "mira", "yusuf", "lea", "jonas",
      "claire", "hugo", "anna", "max", "sara", "karim", "noor", "idris", "amel", "felix", "zoe", "malik", "ines", "tarek"};
  private static final String[] SECOND = {"lantern", "falcon", "river", "cedar", "ember", "north", "watch", "dune",
      "stone", "harbor", "meadow", "oasis", "pixel", "coffee", "street", "garden", "sky", "road", "news", "desk"};
  private static final String[] TRANSLITERATION_SWAPS = {"ou", "u", "ee", "i", "oo", "u", "dh", "z", "kh", "x"};

  final long seed;
  final long startMs;
  final long endMs;
  final int personCount;
  final byte[] personRole;
  final byte[] personLang;
  /** Index of the first account of person p on site s at [p * Site.COUNT + s], or -1. */
  final int[] chainFirst;
  final byte[] chainLength;

  final int accountCount;
  final int[] accountPerson;
  final byte[] accountSite;
  final long[] createdMs;
  final long[] suspendedMs;
  final byte[] generation;
  final int[] followersCount;
  private final int codeWidth;

  private Population(long seed, long startMs, long endMs, int personCount, byte[] personRole, byte[] personLang,
      int[] chainFirst, byte[] chainLength, int accountCount, int[] accountPerson, byte[] accountSite,
      long[] createdMs, long[] suspendedMs, byte[] generation, int[] followersCount) {
    this.seed = seed;
    this.startMs = startMs;
    this.endMs = endMs;
    this.personCount = personCount;
    this.personRole = personRole;
    this.personLang = personLang;
    this.chainFirst = chainFirst;
    this.chainLength = chainLength;
    this.accountCount = accountCount;
    this.accountPerson = accountPerson;
    this.accountSite = accountSite;
    this.createdMs = createdMs;
    this.suspendedMs = suspendedMs;
    this.generation = generation;
    this.followersCount = followersCount;
    this.codeWidth = Math.max(3, Long.toString(Math.max(1, personCount - 1), 36).length());
  }

  /** Plans persons, their sites and account chains until exactly {@code accounts} accounts exist. */
  static Population plan(long seed, int accounts, long startMs, int days) {
    long endMs = startMs + days * DAY_MS;
    byte[] personRole = new byte[accounts];
    byte[] personLang = new byte[accounts];
    int[] chainFirst = new int[accounts * Site.COUNT];
    Arrays.fill(chainFirst, -1);
    byte[] chainLength = new byte[accounts * Site.COUNT];
    int[] accountPerson = new int[accounts];
    byte[] accountSite = new byte[accounts];
    long[] created = new long[accounts];
    long[] suspended = new long[accounts];
    byte[] generation = new byte[accounts];
    int[] followers = new int[accounts];
    int count = 0;
    int person = 0;
    while (count < accounts) {
      SplittableRandom random = Seeds.random(seed, 1, person);
      Role role = person < Organisation.OUTLETS.size() ? Role.OFFICIAL_OUTLET : Role.draw(random.nextDouble());
      Lang lang = person < Organisation.OUTLETS.size() ? Lang.ALL[person % Lang.ALL.length] : Lang.draw(random.nextDouble());
      personRole[person] = (byte) role.ordinal();
      personLang[person] = (byte) lang.ordinal();
      for (Site site : Site.ALL) {
        if (count >= accounts || !uses(role, site, random)) {
          continue;
        }
        int chain = person * Site.COUNT + site.ordinal();
        chainFirst[chain] = count;
        long createdAt = firstCreated(role, startMs, endMs, random);
        int gen = 0;
        double baseFollowers = Math.exp(role.followersMu + role.followersSigma * Seeds.gaussian(random));
        while (count < accounts && gen < 120) {
          accountPerson[count] = person;
          accountSite[count] = (byte) site.ordinal();
          created[count] = createdAt;
          generation[count] = (byte) gen;
          // Each return loses most of the audience: supporters fall from ~1,000 to ~300-400 followers.
          followers[count] = (int) Math.min(50_000_000, Math.round(baseFollowers * Math.pow(0.35, Math.min(gen, 4))));
          double hazard = role.suspensionPerDay * site.suspensionFactor;
          long exposedFrom = Math.max(createdAt, startMs);
          long suspendAt = hazard <= 0 ? NEVER : exposedFrom + (long) (Seeds.exponential(random, 1 / hazard) * DAY_MS);
          suspended[count] = suspendAt < endMs ? suspendAt : NEVER;
          count++;
          gen++;
          if (suspendAt >= endMs || random.nextDouble() >= role.returnProbability) {
            break;
          }
          // Returns take minutes to days: log-normal around three hours.
          long delay = (long) (Math.exp(Math.log(3 * 3_600_000.0) + 1.6 * Seeds.gaussian(random)));
          createdAt = suspendAt + Math.max(60_000L, delay);
          if (createdAt >= endMs) {
            break;
          }
        }
        chainLength[chain] = (byte) Math.min(127, gen);
      }
      person++;
    }
    return new Population(seed, startMs, endMs, person, personRole, personLang, chainFirst, chainLength, count,
        accountPerson, accountSite, created, suspended, generation, followers);
  }

  private static boolean uses(Role role, Site site, SplittableRandom random) {
    double p = switch (role) {
      case OFFICIAL_OUTLET -> 1.0;
      case DISTRIBUTOR -> switch (site) { case X, TELEGRAM -> 1.0; case MASTODON -> 0.4; case VIDEO -> 0.3; };
      case HYPERACTIVE_SUPPORTER -> switch (site) { case X -> 1.0; case TELEGRAM -> 0.8; case MASTODON -> 0.2; case VIDEO -> 0.1; };
      case SUPPORTER -> switch (site) { case X -> 0.9; case TELEGRAM -> 0.5; case MASTODON -> 0.15; case VIDEO -> 0.1; };
      case RECRUITER -> switch (site) { case X, TELEGRAM -> 1.0; case MASTODON -> 0.2; case VIDEO -> 0.0; };
      case BOT -> site == Site.X ? 1.0 : 0.0;
      case ORDINARY_USER -> switch (site) { case X -> 0.8; case TELEGRAM -> 0.2; case MASTODON -> 0.2; case VIDEO -> 0.1; };
      case JOURNALIST, RESEARCHER, COUNTER_SPEECH -> switch (site) { case X -> 1.0; case MASTODON -> 0.5; case TELEGRAM -> 0.2; case VIDEO -> 0.1; };
      case VULNERABLE_USER -> switch (site) { case X -> 1.0; case TELEGRAM -> 0.6; case MASTODON -> 0.1; case VIDEO -> 0.3; };
    };
    return random.nextDouble() < p;
  }

  private static long firstCreated(Role role, long startMs, long endMs, SplittableRandom random) {
    // Most accounts predate the window; some of the organisation's join during it.
    if (role.target && random.nextInt(10) == 0) {
      return startMs + (long) (random.nextDouble() * (endMs - startMs) * 0.8);
    }
    long maxAgeDays = role.target ? 200 : 2500;
    return startMs - (long) ((1 + random.nextDouble() * maxAgeDays) * DAY_MS);
  }

  Role role(int account) {
    return Role.ALL[personRole[accountPerson[account]]];
  }

  Role personRole(int person) {
    return Role.ALL[personRole[person]];
  }

  Lang lang(int account) {
    return Lang.ALL[personLang[accountPerson[account]]];
  }

  Site site(int account) {
    return Site.ALL[accountSite[account]];
  }

  boolean aliveAt(int account, long atMs) {
    return createdMs[account] <= atMs && atMs < suspendedMs[account];
  }

  boolean isReturning(int account) {
    return generation[account] > 0;
  }

  int predecessor(int account) {
    return generation[account] > 0 ? account - 1 : -1;
  }

  /** The account of {@code person} on {@code site} that is alive at {@code atMs}, or -1. */
  int accountAt(int person, Site site, long atMs) {
    int chain = person * Site.COUNT + site.ordinal();
    int first = chainFirst[chain];
    if (first < 0) {
      return -1;
    }
    for (int a = first; a < first + chainLength[chain]; a++) {
      if (aliveAt(a, atMs)) {
        return a;
      }
    }
    return -1;
  }

  /** Telegram accounts of outlets and distributors are channels; everyone else's are users. */
  boolean isChannel(int account) {
    Role role = role(account);
    return site(account) == Site.TELEGRAM && (role == Role.OFFICIAL_OUTLET || role == Role.DISTRIBUTOR);
  }

  // ---- identities as the platforms show them

  /** The native account id exactly as the format files write it (and connectors key it). */
  String accountId(int account) {
    return switch (site(account)) {
      case X -> Long.toString(3_100_000_000L + account * 7L + 3);
      case TELEGRAM -> (isChannel(account) ? "channel" : "user") + telegramPeerId(account);
      // The Mastodon connector keys instance-local ids by host: "<host>/<id>".
      case MASTODON -> "social.range.invalid/" + mastodonNumericId(account);
      case VIDEO -> Site.VIDEO.base + "/accounts/" + handle(account);
    };
  }

  long mastodonNumericId(int account) {
    return 109_000_000_000_000_000L + account * 11L;
  }

  long telegramPeerId(int account) {
    return (isChannel(account) ? 1_000_000_000L : 500_000_000L) + account;
  }

  String profileUrl(int account) {
    return switch (site(account)) {
      case X -> Site.X.base + "/" + handle(account);
      case TELEGRAM -> Site.TELEGRAM.base + "/" + handle(account);
      case MASTODON -> Site.MASTODON.base + "/@" + handle(account);
      case VIDEO -> Site.VIDEO.base + "/accounts/" + handle(account);
    };
  }

  /**
   * The handle: a name stem (transliterated differently on some returns), a fixed-width person code
   * that keeps handles unique, and a suffix that changes with each return (number increments,
   * underscores).
   */
  String handle(int account) {
    int person = accountPerson[account];
    int gen = generation[account];
    String stem = stem(person);
    if (gen > 0 && gen % 3 == 2) {
      for (int i = 0; i < TRANSLITERATION_SWAPS.length; i += 2) {
        if (stem.contains(TRANSLITERATION_SWAPS[i])) {
          stem = stem.replace(TRANSLITERATION_SWAPS[i], TRANSLITERATION_SWAPS[i + 1]);
          break;
        }
      }
    }
    String code = pad(Long.toString(person, 36));
    String suffix = gen == 0 ? "" : gen % 3 == 1 ? "_" + gen : gen % 3 == 2 ? Integer.toString(gen) : "__" + gen;
    return stem + code + suffix;
  }

  private String stem(int person) {
    if (personRole(person) == Role.OFFICIAL_OUTLET) {
      return Organisation.outlet(person).slug().replace("-", "_");
    }
    SplittableRandom random = Seeds.random(seed, 2, person);
    return FIRST[random.nextInt(FIRST.length)] + (random.nextBoolean() ? "_" : "") + SECOND[random.nextInt(SECOND.length)];
  }

  /** How a returning account's handle differs from its predecessor's (for the lineage). */
  String handleChange(int account) {
    int gen = generation[account];
    return gen == 0 ? "none" : gen % 3 == 1 ? "numeric_suffix" : gen % 3 == 2 ? "transliteration" : "underscores";
  }

  private String pad(String code) {
    StringBuilder out = new StringBuilder(codeWidth);
    for (int i = code.length(); i < codeWidth; i++) {
      out.append('0');
    }
    return out.append(code).toString();
  }

  String displayName(int account) {
    int person = accountPerson[account];
    Role role = role(account);
    if (role == Role.OFFICIAL_OUTLET) {
      return Organisation.outlet(person).name(lang(account));
    }
    String stem = stem(person);
    return Character.toUpperCase(stem.charAt(0)) + stem.substring(1).replace('_', ' ');
  }

  /** Returning accounts keep their bio with a small edit, as real returners do. */
  String bio(int account) {
    SplittableRandom random = Seeds.random(seed, 3, accountPerson[account]);
    String bio = Organisation.bio(role(account), lang(account), random);
    int gen = generation[account];
    return gen == 0 ? bio : bio + (gen % 2 == 1 ? " (acc " + (gen + 1) + ")" : " | back again");
  }

  /** Avatars: returning accounts use the same picture or a slightly edited one. */
  String avatarId(int account) {
    int gen = generation[account];
    return "avatar-" + accountPerson[account] + (gen % 2 == 0 ? "" : "-edit" + gen);
  }

  String avatarPath(int account) {
    return "media/avatars/" + avatarId(account) + ".jpg";
  }

  int followingCount(int account) {
    return 50 + (int) ((Seeds.mix(seed, account) >>> 1) % 900);
  }

  /** Cross-platform persona links: the microblog profile links to the messenger and back. */
  List<String> personaLinks(int account) {
    int person = accountPerson[account];
    Site site = site(account);
    long at = Math.max(createdMs[account], startMs);
    Site other = site == Site.X ? Site.TELEGRAM : site == Site.TELEGRAM ? Site.X : Site.X;
    int linked = accountAt(person, other, at);
    return linked < 0 || linked == account ? List.of() : List.of(profileUrl(linked));
  }
}
