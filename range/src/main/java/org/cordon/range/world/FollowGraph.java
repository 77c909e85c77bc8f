package org.cordon.range.world;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The follow graph of the microblog and the fediverse, written to graph/follows-PLATFORM.jsonl as Cordon's
 * own {@code cordon-jsonl} follow lines (the real APIs' follow lists do not name their owner), and
 * replayed at each follow's time. Popularity
 * is heavy-tailed (Pareto weights, outlets and recruiters boosted) and the organisation's accounts
 * mostly follow each other: an insular community with a few bridges (journalists and researchers
 * who follow it to watch it). Three follows in four stay within the follower's language, so
 * communities form by language too. A returning account re-follows the core accounts its predecessor
 * followed, because it draws the same targets from the same random stream.
 */
final class FollowGraph {
  private static final Site[] SITES = {Site.X, Site.MASTODON};

  private FollowGraph() {}

  /** Accounts of one site and group, with cumulative weights for sampling by popularity. */
  private record Pool(int[] accounts, double[] cumulative) {
    int sample(SplittableRandom random) {
      double u = random.nextDouble() * cumulative[cumulative.length - 1];
      int lo = 0;
      int hi = cumulative.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] < u) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return accounts[lo];
    }
  }

  static String path(Site site) {
    return "graph/follows-" + site.platform + ".jsonl";
  }

  static final Site[] FOLLOW_SITES = SITES;

  /** Where each follow line is, for the replay index. */
  static final class Units {
    final LongArrayList at = new LongArrayList();
    final LongArrayList offset = new LongArrayList();
    final IntArrayList length = new IntArrayList();
    final it.unimi.dsi.fastutil.bytes.ByteArrayList site = new it.unimi.dsi.fastutil.bytes.ByteArrayList();
  }

  static long write(Path dir, Population people, Units units) {
    long edges = 0;
    for (Site site : SITES) {
      try (LineFile file = new LineFile(dir, path(site))) {
        Pool[] community = new Pool[Lang.ALL.length + 1];
        Pool[] general = new Pool[Lang.ALL.length + 1];
        for (int lang = -1; lang < Lang.ALL.length; lang++) {
          community[lang + 1] = pool(people, site, true, lang);
          general[lang + 1] = pool(people, site, false, lang);
        }
        for (int a = 0; a < people.accountCount; a++) {
          if (people.site(a) != site) {
            continue;
          }
          edges += follows(file, people, a, community, general, units);
        }
      }
    }
    return edges;
  }

  /** {@code lang} -1 pools every language. */
  private static Pool pool(Population people, Site site, boolean community, int lang) {
    IntArrayList accounts = new IntArrayList();
    double total = 0;
    double[] cumulative = new double[people.accountCount];
    int n = 0;
    for (int a = 0; a < people.accountCount; a++) {
      if (people.site(a) != site || people.role(a).target != community
          || (lang >= 0 && people.personLang[people.accountPerson[a]] != lang)) {
        continue;
      }
      SplittableRandom random = Seeds.random(people.seed, 30, people.accountPerson[a]);
      double weight = Math.pow(1 - random.nextDouble(), -1 / 1.1) * boost(people.role(a));
      total += weight;
      accounts.add(a);
      cumulative[n++] = total;
    }
    if (n == 0) {
      return new Pool(new int[0], new double[0]);
    }
    return new Pool(accounts.toIntArray(), java.util.Arrays.copyOf(cumulative, n));
  }

  private static double boost(Role role) {
    return switch (role) {
      case OFFICIAL_OUTLET -> 200;
      case RECRUITER -> 20;
      case DISTRIBUTOR, JOURNALIST -> 8;
      case HYPERACTIVE_SUPPORTER, RESEARCHER, COUNTER_SPEECH -> 3;
      case SUPPORTER, BOT, ORDINARY_USER, VULNERABLE_USER -> 1;
    };
  }

  private static int follows(LineFile file, Population people, int account, Pool[] communityPools, Pool[] generalPools,
      Units units) {
    int person = people.accountPerson[account];
    Site site = people.site(account);
    Role role = people.role(account);
    // Same stream for every account of the chain: a returner re-follows the same core accounts.
    SplittableRandom random = Seeds.random(people.seed, 31, person, site.ordinal());
    int degree = (int) Math.min(2_000, 2 * Math.pow(1 - random.nextDouble(), -1 / 1.6));
    if (role == Role.BOT) {
      degree = Math.min(2_000, degree * 5);
    }
    double inside = switch (role) {
      case OFFICIAL_OUTLET, DISTRIBUTOR, HYPERACTIVE_SUPPORTER, SUPPORTER, RECRUITER, BOT -> 0.85;
      case JOURNALIST, RESEARCHER -> 0.3;
      case COUNTER_SPEECH -> 0.2;
      case VULNERABLE_USER -> 0.05;
      case ORDINARY_USER -> 0.01;
    };
    // The re-follow delay has its own stream, so the targets' stream stays the predecessor's.
    long at = Math.min(people.endMs - 1, Math.max(people.createdMs[account], people.startMs - 1) + 1
        + (people.isReturning(account) ? 60_000 + Seeds.random(people.seed, 32, account).nextInt(6 * 3_600_000) : 0));
    int[] targets = new int[degree];
    int count = 0;
    for (int i = 0; i < degree; i++) {
      boolean fromCommunity = random.nextDouble() < inside;
      int lang = random.nextInt(4) < 3 ? people.personLang[person] + 1 : 0;
      Pool community = communityPools[communityPools[lang].accounts().length > 0 ? lang : 0];
      Pool general = generalPools[generalPools[lang].accounts().length > 0 ? lang : 0];
      Pool pool = fromCommunity && community.accounts().length > 0 ? community : general;
      if (pool.accounts().length == 0) {
        continue;
      }
      int sampled = pool.sample(random);
      int target = people.accountAt(people.accountPerson[sampled], site, Math.max(at, people.startMs));
      if (target < 0 || people.accountPerson[target] == person) {
        continue;
      }
      targets[count++] = target;
    }
    java.util.Arrays.sort(targets, 0, count);
    int written = 0;
    int previous = -1;
    String from = people.accountId(account);
    String platform = site.platform;
    String when = Json.iso(at);
    for (int i = 0; i < count; i++) {
      if (targets[i] == previous) {
        continue;
      }
      previous = targets[i];
      String to = people.accountId(targets[i]);
      byte[] line = Json.bytes(g -> {
        g.writeStartObject();
        g.writeStringProperty("kind", "follow");
        g.writeStringProperty("platform", platform);
        g.writeStringProperty("from_id", from);
        g.writeStringProperty("to_id", to);
        g.writeStringProperty("at", when);
        g.writeEndObject();
      });
      units.offset.add(file.append(line));
      units.length.add(line.length);
      units.at.add(at);
      units.site.add((byte) site.ordinal());
      written++;
    }
    return written;
  }
}
