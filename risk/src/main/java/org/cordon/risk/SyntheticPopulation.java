package org.cordon.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;

/**
 * A seeded population shaped like the range's, for tests and the benchmark: the organisation's
 * core accounts (outlets and distributors, known to the unit), its supporters (some zealous, some
 * quiet ones recognisable only by whom they follow and repost), hard negatives (journalists,
 * researchers, counter-speech: they name the outlets and hashtags, sometimes get a post flagged,
 * quote and mention the core but do not pass its material on) and ordinary users.
 *
 * <p>Events come out in time order except the fast reposts after a release, which are emitted
 * with the release and dated minutes after it (so consumers also see some out-of-order input).
 */
final class SyntheticPopulation {
  enum Role {
    CORE,
    SUPPORTER,
    HARD_NEGATIVE,
    ORDINARY;

    boolean positive() {
      return this == CORE || this == SUPPORTER;
    }
  }

  interface Sink {
    void profile(AccountKey account, ProfileEvidence profile);

    void post(AccountKey author, Instant at, Assessment assessment, List<String> hashtags);

    void interaction(Interaction interaction);

    void release(String releaseId, Instant at);
  }

  static final Instant START = Instant.parse("2014-09-01T00:00:00Z");
  static final List<String> FLAGGED_HASHTAGS = List.of("lanternlight", "emberwire", "nightwatch");
  private static final List<String> PLAIN_HASHTAGS = List.of("news", "football", "weather", "music");

  private final int accounts;
  private final long seed;
  private final Role[] roles;
  private final float[] activity;
  private final double[] cumulativeActivity;
  private final float[] zeal;
  private final AccountKey[] keys;
  private final int[] core;
  private final int[] supporters;
  private long postCounter;

  SyntheticPopulation(int accounts, long seed) {
    if (accounts < 100) {
      throw new IllegalArgumentException("a population needs at least 100 accounts: " + accounts);
    }
    this.accounts = accounts;
    this.seed = seed;
    SplittableRandom random = new SplittableRandom(seed);
    roles = new Role[accounts];
    activity = new float[accounts];
    zeal = new float[accounts];
    keys = new AccountKey[accounts];
    List<Integer> coreList = new ArrayList<>();
    List<Integer> supporterList = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      double r = random.nextDouble();
      Role role = r < 0.004 ? Role.CORE : r < 0.084 ? Role.SUPPORTER : r < 0.124 ? Role.HARD_NEGATIVE : Role.ORDINARY;
      roles[i] = role;
      keys[i] = AccountKey.of(Platform.X, Integer.toString(1_000_000 + i));
      double lognormal = Math.exp(random.nextGaussian() * 0.8);
      activity[i] = (float) switch (role) {
        case CORE -> 15 * lognormal;
        case SUPPORTER -> 3 * lognormal;
        case HARD_NEGATIVE -> 3 * lognormal;
        case ORDINARY -> lognormal;
      };
      // a supporter's share of flagged posts; one in five is quiet, known only by its network
      zeal[i] = role == Role.SUPPORTER
          ? (float) (random.nextDouble() < 0.2 ? 0.03 + 0.07 * random.nextDouble() : 0.2 + 0.5 * random.nextDouble())
          : 0;
      if (role == Role.CORE) {
        coreList.add(i);
      } else if (role == Role.SUPPORTER) {
        supporterList.add(i);
      }
    }
    if (coreList.isEmpty()) {
      coreList.add(0);
      roles[0] = Role.CORE;
    }
    core = coreList.stream().mapToInt(Integer::intValue).toArray();
    supporters = supporterList.stream().mapToInt(Integer::intValue).toArray();
    cumulativeActivity = new double[accounts];
    double sum = 0;
    for (int i = 0; i < accounts; i++) {
      sum += activity[i];
      cumulativeActivity[i] = sum;
    }
  }

  int size() {
    return accounts;
  }

  long seed() {
    return seed;
  }

  Role role(int i) {
    return roles[i];
  }

  AccountKey key(int i) {
    return keys[i];
  }

  int[] core() {
    return core.clone();
  }

  /**
   * Emits profiles, follows, then {@code events} posts and interactions over {@code days} days,
   * with four releases a day.
   *
   * @return how many events were emitted (profiles, follows, posts, interactions, releases)
   */
  long play(Sink sink, long events, int days) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    long emitted = 0;
    for (int i = 0; i < accounts; i++) {
      sink.profile(keys[i], profile(i, random));
      emitted++;
    }
    for (int i = 0; i < accounts; i++) {
      int follows = switch (roles[i]) {
        case CORE -> 10;
        // a third of supporters show few follows (private lists, new accounts after a suspension)
        case SUPPORTER -> random.nextDouble() < 0.33 ? random.nextInt(4) : 8 + random.nextInt(15);
        case HARD_NEGATIVE -> 6 + random.nextInt(10);
        case ORDINARY -> 1 + random.nextInt(6);
      };
      double towardsOrganisation = switch (roles[i]) {
        case CORE -> 0.85;
        case SUPPORTER -> 0.85;
        case HARD_NEGATIVE -> 0.3;
        case ORDINARY -> 0.01;
      };
      for (int f = 0; f < follows; f++) {
        int to = random.nextDouble() < towardsOrganisation ? organisationMember(random)
            : roles[i].positive() && random.nextDouble() < 0.5 ? hardNegative(random) // they watch the press
            : popularAccount(random);
        if (to != i) {
          sink.interaction(new Interaction.Follow(keys[i], keys[to], Optional.of(START)));
          emitted++;
        }
      }
    }
    long span = Duration.ofDays(days).toMillis();
    long releaseEvery = Duration.ofHours(6).toMillis();
    long nextRelease = releaseEvery / 2;
    int release = 0;
    for (long e = 0; e < events; e++) {
      long offset = span * e / Math.max(1, events);
      if (offset >= nextRelease) {
        Instant at = START.plusMillis(nextRelease);
        String releaseId = "release-" + release++;
        sink.release(releaseId, at);
        emitted++;
        emitted += fastReposts(sink, random, at);
        nextRelease += releaseEvery;
      }
      Instant at = START.plusMillis(offset);
      int author = activeAccount(random);
      if (random.nextDouble() < 0.75) {
        post(sink, random, author, at, false);
      } else {
        interact(sink, random, author, at);
      }
      emitted++;
    }
    return emitted;
  }

  private ProfileEvidence profile(int i, SplittableRandom random) {
    double score = switch (roles[i]) {
      case CORE -> 0.6 + 0.4 * random.nextDouble();
      case SUPPORTER -> random.nextDouble() < 0.5 ? 0.1 + 0.7 * random.nextDouble() : 0;
      case HARD_NEGATIVE -> random.nextDouble() < 0.5 ? 0.1 + 0.5 * random.nextDouble() : 0; // "I cover Lantern Light"
      case ORDINARY -> random.nextDouble() < 0.02 ? 0.3 * random.nextDouble() : 0;
    };
    boolean avatar = roles[i].positive() && random.nextDouble() < 0.1;
    return new ProfileEvidence(score, score > 0 ? "bio names the organisation's outlets" : "nothing in name or bio",
        avatar ? Optional.of("avatar matches a suspended account's (PDQ distance 8)") : Optional.empty());
  }

  private long fastReposts(Sink sink, SplittableRandom random, Instant releaseAt) {
    long emitted = 0;
    for (int s : supporters) {
      if (random.nextDouble() < 0.15 * Math.min(1, activity[s] / 3)) {
        Instant at = releaseAt.plusSeconds(60 + random.nextInt(25 * 60));
        PostKey post = post(sink, random, s, at, true);
        int origin = core[random.nextInt(core.length)];
        sink.interaction(new Interaction.Share(keys[s], Interaction.Share.Kind.REPOST, post, Optional.empty(),
            Optional.of(keys[origin]), Optional.empty(), at));
        emitted += 2;
      }
    }
    for (int c : core) {
      if (random.nextDouble() < 0.5) {
        post(sink, random, c, releaseAt.plusSeconds(random.nextInt(600)), true);
        emitted++;
      }
    }
    // journalists report on a release too, fast; their reports are rarely flagged
    for (int k = 0; k < supporters.length / 10; k++) {
      int j = random.nextInt(accounts);
      if (roles[j] == Role.HARD_NEGATIVE) {
        post(sink, random, j, releaseAt.plusSeconds(600 + random.nextInt(1800)), false);
        emitted++;
      }
    }
    return emitted;
  }

  private PostKey post(Sink sink, SplittableRandom random, int author, Instant at, boolean release) {
    PostKey key = PostKey.of(Platform.X, Long.toString(10_000_000_000L + postCounter++));
    List<Signal> signals = new ArrayList<>(3);
    boolean flagged;
    Optional<Tier> tier = Optional.empty();
    List<String> hashtags = new ArrayList<>(2);
    switch (roles[author]) {
      case CORE, SUPPORTER -> {
        double pFlagged = roles[author] == Role.CORE ? 0.9 : release ? Math.max(0.5, zeal[author]) : zeal[author];
        flagged = random.nextDouble() < pFlagged;
        if (flagged) {
          signals.add(signal(key, "classifier", 0.55 + 0.43 * random.nextDouble()));
          if (random.nextDouble() < 0.5) {
            signals.add(signal(key, "lexicon", 0.5 + 0.4 * random.nextDouble()));
          }
          boolean media = release ? random.nextDouble() < 0.7 : random.nextDouble() < 0.15;
          if (media) {
            signals.add(signal(key, "media-hash", 1.0));
          }
          double t = random.nextDouble();
          tier = Optional.of(media ? (t < 0.1 ? Tier.GRAPHIC_VIOLENCE : Tier.OFFICIAL_PROPAGANDA)
              : t < 0.005 ? Tier.THREAT_TO_LIFE : Tier.PROMOTIONAL);
          if (random.nextDouble() < 0.5) {
            hashtags.add(FLAGGED_HASHTAGS.get(random.nextInt(FLAGGED_HASHTAGS.size())));
          }
        } else if (random.nextDouble() < 0.1) {
          hashtags.add(PLAIN_HASHTAGS.get(random.nextInt(PLAIN_HASHTAGS.size())));
        }
      }
      case HARD_NEGATIVE -> {
        boolean namesOrganisation = release || random.nextDouble() < 0.4;
        flagged = false;
        if (namesOrganisation) {
          signals.add(signal(key, "lexicon", 0.5 + 0.4 * random.nextDouble()));
          double c = random.nextDouble() < 0.1 ? 0.45 + 0.25 * random.nextDouble() : 0.3 * random.nextDouble();
          signals.add(signal(key, "classifier", c));
          if (random.nextDouble() < 0.03) {
            signals.add(signal(key, "media-hash", 0.9)); // a still from a release, in a report
          }
          flagged = random.nextDouble() < (author % 5 == 0 ? 0.3 : 0.1); // a fifth quote the material to refute it
          if (flagged) {
            tier = Optional.of(Tier.PROMOTIONAL);
          }
          if (random.nextDouble() < 0.3) {
            hashtags.add(FLAGGED_HASHTAGS.get(random.nextInt(FLAGGED_HASHTAGS.size())));
          }
        }
      }
      case ORDINARY -> {
        flagged = random.nextDouble() < 0.003;
        if (flagged) {
          signals.add(signal(key, "classifier", 0.5 + 0.2 * random.nextDouble()));
          tier = Optional.of(Tier.PROMOTIONAL);
        } else if (random.nextDouble() < 0.01) {
          signals.add(signal(key, "lexicon", 0.3 + 0.3 * random.nextDouble()));
        }
        if (random.nextDouble() < 0.1) {
          hashtags.add(PLAIN_HASHTAGS.get(random.nextInt(PLAIN_HASHTAGS.size())));
        }
      }
      default -> throw new IllegalStateException();
    }
    double score = signals.stream().mapToDouble(Signal::strength).max().orElse(0);
    score = flagged ? Math.max(score, 0.5) : Math.min(score, 0.49);
    sink.post(keys[author], at, new Assessment(key, score, flagged, tier, signals, "synthetic", at), hashtags);
    return key;
  }

  private void interact(Sink sink, SplittableRandom random, int from, Instant at) {
    PostKey post = PostKey.of(Platform.X, Long.toString(10_000_000_000L + postCounter++));
    Role role = roles[from];
    double r = random.nextDouble();
    Interaction interaction = switch (role) {
      case CORE, SUPPORTER -> r < 0.45
          ? share(from, Interaction.Share.Kind.REPOST, organisationMember(random), post, at)
          : r < 0.65 ? mention(from, organisationMember(random), post, at)
          : r < 0.75 ? mention(from, hardNegative(random), post, at) // shouting at journalists
          : share(from, Interaction.Share.Kind.REPOST, popularAccount(random), post, at);
      case HARD_NEGATIVE -> r < 0.25
          ? share(from, Interaction.Share.Kind.QUOTE, organisationMember(random), post, at)
          : r < 0.5 ? mention(from, organisationMember(random), post, at)
          : r < 0.6 ? reply(from, organisationMember(random), post, at)
          : r < 0.65 ? share(from, Interaction.Share.Kind.REPOST, organisationMember(random), post, at) // an archive account
          : share(from, Interaction.Share.Kind.REPOST, random.nextBoolean() ? hardNegative(random) : popularAccount(random), post, at);
      case ORDINARY -> r < 0.02
          ? reply(from, organisationMember(random), post, at)
          : r < 0.6 ? share(from, Interaction.Share.Kind.REPOST, popularAccount(random), post, at)
          : reply(from, popularAccount(random), post, at);
    };
    sink.interaction(interaction);
  }

  private Interaction share(int from, Interaction.Share.Kind kind, int to, PostKey post, Instant at) {
    return new Interaction.Share(keys[from], kind, post, Optional.empty(), Optional.of(keys[to]), Optional.empty(), at);
  }

  private Interaction mention(int from, int to, PostKey post, Instant at) {
    return new Interaction.Mention(keys[from], "h" + keys[to].id(), Optional.of(keys[to]), post, at);
  }

  private Interaction reply(int from, int to, PostKey post, Instant at) {
    return new Interaction.Reply(keys[from], Optional.of(keys[to]), post, PostKey.of(Platform.X, "r" + post.id()), at);
  }

  private static Signal signal(PostKey post, String kind, double strength) {
    return new Signal(post, kind, strength, Optional.empty(), kind, Map.of());
  }

  /** Outlets and distributors draw most of the organisation's attention. */
  private int organisationMember(SplittableRandom random) {
    if (supporters.length == 0 || random.nextDouble() < 0.4) {
      return core[random.nextInt(core.length)];
    }
    return supporters[random.nextInt(supporters.length)];
  }

  /** Journalists and researchers, found by trying: they are a few percent of everyone. */
  private int hardNegative(SplittableRandom random) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int i = random.nextInt(accounts);
      if (roles[i] == Role.HARD_NEGATIVE) {
        return i;
      }
    }
    return popularAccount(random);
  }

  /** Popularity falls off as a power of rank, so in-degree is heavy-tailed. */
  private int popularAccount(SplittableRandom random) {
    double u = random.nextDouble();
    return (int) Math.min(accounts - 1, Math.floor(accounts * Math.pow(u, 3)));
  }

  private int activeAccount(SplittableRandom random) {
    double target = random.nextDouble() * cumulativeActivity[accounts - 1];
    int i = java.util.Arrays.binarySearch(cumulativeActivity, target);
    return Math.min(accounts - 1, i >= 0 ? i : -i - 1);
  }
}
