package org.cordon.network.range;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Post;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.PostReference;
import org.cordon.network.AccountGraph;
import org.cordon.network.Bounding;
import org.cordon.network.DisruptionPlanner;
import org.cordon.network.EdgeKind;
import org.cordon.network.GraphSnapshot;
import org.cordon.network.NetworkAnalysis;
import org.cordon.network.Originators;
import org.cordon.network.PersonaLinks;
import tools.jackson.databind.JsonNode;

/**
 * How well the key accounts list finds the organisation's ringleaders (role {@code recruiter}) and
 * media outlets (role {@code official_outlet}) in a range world, and how much the disruption plan
 * cuts reach compared with removing the top accounts by degree or random ones.
 *
 * <p>What the analysis sees is observable only: the follow graph ({@code graph/follows-*.jsonl})
 * and the posts, read by the ingest connectors, which give the mention, reply and share edges;
 * identity links come from the profiles ({@link PersonaLinks}); private messages from Telegram
 * personal chats ({@link PrivateChats}). Its seeds are the accounts flagged by detection (read
 * from a {@link FlaggedPostsFile} that Cordon's own detection wrote, see {@link FlagSource}; the
 * posts' labels can stand in for a perfect detector, for comparison only) and the accounts that spread known
 * content: a post whose media is one of the releases' canonical images (the unit's
 * hash list, modelled by the canonical image paths of {@code truth/releases.jsonl}: what was
 * published, never who posted it; variants need the perceptual matcher and are not used), or a
 * share of such a post (a retweet carries no media of its own), weighted by how many. Ground truth
 * ({@code truth/persons.jsonl}) is read only to score and to label the printed list; the posts'
 * labels only when {@link TruthLabels} is asked for. The disruption plan's sources are the known-content
 * spreaders (the audience a release reaches), and its budget is k.
 *
 * <p>Recall counts <b>persons</b>: a ringleader or outlet is found when the account naming one of
 * the top-k entries is one of its accounts. Entries are personas (accounts joined by confident
 * identity links from their profiles), since a person holds many accounts over time and across
 * platforms; only the entry's named account is scored, so a wrong identity link cannot earn a hit.
 */
public final class KeyAccountEvaluation {
  private static final int BETWEENNESS_PIVOTS = 256;
  private static final int DISRUPTION_HOPS = 2;
  /** Flagged posts an account needs before it seeds the analysis. */
  public static final int MIN_FLAGGED_POSTS = 2;
  /**
   * The score a flagged post needs to count towards a seed. A seed counts as a full member of the
   * supporter community, so it needs detection to be sure, not merely to lean one way: the
   * assessor flags at 0.5, and a lone weak signal (the organisation's name in a journalist's
   * report, a lexicon phrase quoted by counter-speech) lands just above it, while agreeing
   * independent signals or a strong one (classifier and lexicon, a known image) reach 0.8 and more.
   */
  public static final double CONFIDENT_FLAG_SCORE = 0.8;
  private static final Map<EdgeKind, Double> RANKING_WEIGHTS = Map.of(
      EdgeKind.FOLLOW, 1.0, EdgeKind.MENTION, 0.5, EdgeKind.REPLY, 0.5, EdgeKind.SHARE, 1.0, EdgeKind.IDENTITY, 1.0,
      EdgeKind.MESSAGE, 0.5);

  /** Where the flagged accounts that seed the ranking come from; {@link #name()} is reported as the seed source. */
  public sealed interface FlagSource permits TruthLabels, FlaggedFile {
    /** "truth", "file" or "detection". */
    String name();
  }

  /**
   * The world's post labels ({@code truth/posts.jsonl}): a perfect detector. Only to compare with;
   * a figure measured this way says what the ranking does with flawless flags, not what Cordon does.
   */
  public record TruthLabels() implements FlagSource {
    @Override
    public String name() {
      return "truth";
    }
  }

  /**
   * A {@link FlaggedPostsFile}. {@code byDetection} says that this run's own detection wrote it
   * (seed source "detection"); otherwise it was handed in (seed source "file").
   */
  public record FlaggedFile(Path file, boolean byDetection) implements FlagSource {
    public FlaggedFile {
      java.util.Objects.requireNonNull(file, "file");
    }

    @Override
    public String name() {
      return byDetection ? "detection" : "file";
    }
  }

  /**
   * The flags as read: the accounts with {@link #MIN_FLAGGED_POSTS} or more posts flagged
   * confidently as propaganda ({@link #confidentPropaganda}), how many flagged posts there were and
   * how many of them counted, and the lines of a file that could not be read.
   */
  record Flags(FlagSource source, Set<AccountKey> accounts, int flaggedPosts, int countedPosts, int rejectedLines, List<String> rejections) {
    Flags {
      accounts = Set.copyOf(accounts);
      rejections = List.copyOf(rejections);
    }

    static Flags of(FlagSource source, Path world) {
      return switch (source) {
        case TruthLabels truth -> {
          Map<AccountKey, Integer> posts = flaggedPostsByTruth(world);
          int flaggedPosts = posts.values().stream().mapToInt(Integer::intValue).sum();
          yield new Flags(truth, atLeast(posts, MIN_FLAGGED_POSTS), flaggedPosts, flaggedPosts, 0, List.of());
        }
        case FlaggedFile file -> {
          FlaggedPostsFile.Reading reading = FlaggedPostsFile.read(file.file());
          yield new Flags(file, reading.accountsWithAtLeast(MIN_FLAGGED_POSTS, KeyAccountEvaluation::confidentPropaganda),
              reading.posts().size(), (int) reading.posts().stream().filter(KeyAccountEvaluation::confidentPropaganda).count(),
              reading.rejectedLines(), reading.rejected().stream().map(FlaggedPostsFile.RejectedLine::toString).toList());
        }
      };
    }

    String describe() {
      return switch (source) {
        case TruthLabels truth -> "the posts' truth labels standing in for a perfect detector (label extremist with a propaganda tier), "
            + flaggedPosts + " flagged posts";
        case FlaggedFile file -> (file.byDetection()
            ? "Cordon's detection run first on this world (out-of-fold classifier, lexicon, known content)" : "a flagged-posts file")
            + ", " + flaggedPosts + " flagged posts, " + countedPosts + " of them flagged as propaganda (a tier) with a score of " + CONFIDENT_FLAG_SCORE + " or more"
            + (rejectedLines > 0 ? ", " + rejectedLines + " lines of the file rejected" : "");
      };
    }
  }

  /**
   * The evaluation's figures; recalls are in [0, 1], reductions are shares of the reach before removal.
   *
   * @param seedSource where the flagged accounts came from: "detection", "file" or "truth" ({@link FlagSource#name()})
   * @param flaggedPosts flagged posts the source held
   * @param confidentFlaggedPosts those that count towards a seed ({@link #confidentPropaganda}; all of them for truth labels)
   * @param flaggedAccounts accounts of the graph with {@link #MIN_FLAGGED_POSTS} or more of those
   * @param flagLinesRejected lines of the flagged-posts file that could not be read
   * @param flagRejections the first of those, each with its line and reason
   */
  public record Figures(
      String world, int k, long seed, int accounts, int edges, int rejectedRecords,
      String seedSource, int flaggedPosts, int confidentFlaggedPosts, int flaggedAccounts, int flagLinesRejected, List<String> flagRejections,
      String seedEvidence, int seedAccounts, int knownContentPosts,
      String countedAs, int ringleaders, int ringleadersFound, int outlets, int outletsFound,
      double recallAtK, double ringleaderRecallAtK, double outletRecallAtK, int targetAccountsInTopK,
      String reachDefinition, int disruptionBudget, int reachBefore,
      int planReachAfter, int degreeReachAfter, int randomReachAfter,
      double planReduction, double degreeReduction, double randomReduction,
      List<String> topAccounts, double seconds) {
    public Figures {
      topAccounts = List.copyOf(topAccounts);
      flagRejections = List.copyOf(flagRejections);
    }
  }

  private KeyAccountEvaluation() {}

  public static Figures run(Path world, int k, long seed, FlagSource flags) {
    return run(world, k, seed, flags, NetworkAnalysis.Weights.DEFAULT);
  }

  /** The same, handing the finished analysis to {@code analysed} (to export it for Gephi, say). */
  public static Figures run(Path world, int k, long seed, FlagSource flags, java.util.function.Consumer<NetworkAnalysis> analysed) {
    return run(world, k, seed, flags, NetworkAnalysis.Weights.DEFAULT, analysed);
  }

  static Figures run(Path world, int k, long seed, FlagSource flags, NetworkAnalysis.Weights weights) {
    return run(world, k, seed, flags, weights, analysis -> {});
  }

  static Figures run(Path world, int k, long seed, FlagSource flagSource, NetworkAnalysis.Weights weights,
      java.util.function.Consumer<NetworkAnalysis> analysed) {
    if (k < 1) {
      throw new IllegalArgumentException("k is the length of the key accounts list, at least 1: " + k);
    }
    long start = System.nanoTime();
    Map<String, String> known = World.knownContent(world);
    AccountGraph graph = new AccountGraph(Bounding.everything());
    Map<MediaKey, String> mediaLocations = new HashMap<>();
    List<Interaction> interactions = new ArrayList<>();
    Map<AccountKey, Double> seeds = new HashMap<>();
    Map<String, List<Originators.Appearance>> appearances = new TreeMap<>();
    Set<PostKey> knownPosts = new HashSet<>();
    PersonaLinks personas = new PersonaLinks();
    Set<AccountKey> accountsSeen = new HashSet<>();
    List<Post> telegramPosts = new ArrayList<>();
    int rejected = World.read(world, observed -> {
      switch (observed) {
        case Media media -> media.location().ifPresent(location -> mediaLocations.put(media.key(), location));
        case Post post -> {
          graph.accept(post);
          if (post.platform().equals(Platform.TELEGRAM)) {
            telegramPosts.add(post);
          }
          Optional<String> release = post.media().stream()
              .map(mediaLocations::get).filter(java.util.Objects::nonNull)
              .map(location -> knownItem(location, known)).flatMap(Optional::stream).findFirst();
          if (release.isPresent()) {
            knownPosts.add(post.key());
            seeds.merge(post.author(), 1.0, Double::sum);
            appearances.computeIfAbsent(release.get(), r -> new ArrayList<>()).add(new Originators.Appearance(
                post.key(), post.author(), post.postedAt(), post.references().stream()
                    .filter(r -> r.kind() != PostReference.Kind.REPLY_TO).map(PostReference::target).findFirst()));
          }
        }
        case Interaction interaction -> interactions.add(interaction);
        case Account account -> {
          accountsSeen.add(account.key());
          graph.accept(account);
          personas.accept(account);
        }
      }
    });
    // Interactions after every post, so that replies and shares naming only a post resolve to its author.
    interactions.forEach(graph::accept);
    // Sharing a known-content post spreads it too (a retweet carries no media of its own).
    int sharesOfKnownContent = 0;
    for (Interaction interaction : interactions) {
      if (interaction instanceof Interaction.Share share && share.original().filter(knownPosts::contains).isPresent()) {
        seeds.merge(share.from(), 1.0, Double::sum);
        sharesOfKnownContent++;
      }
    }
    // The disruption plan's sources stay the known-content spreaders: the audience a release reaches.
    Set<AccountKey> spreaders = Set.copyOf(seeds.keySet());
    // Detection's verdicts: the unit's flagged accounts (see FlagSource).
    Flags flags = Flags.of(flagSource, world);
    Set<AccountKey> flagged = flags.accounts();
    flagged.stream().filter(accountsSeen::contains).forEach(account -> seeds.merge(account, 1.0, Double::sum));
    int identityLinks = personas.applyTo(graph);
    int privateMessages = PrivateChats.link(telegramPosts, accountsSeen, graph);

    GraphSnapshot everything = graph.snapshotForRanking(RANKING_WEIGHTS);
    GraphSnapshot follows = graph.snapshot(EnumSet.of(EdgeKind.FOLLOW));
    GraphSnapshot conversations = graph.contactSnapshot();
    Map<AccountKey, Integer> originated = new HashMap<>();
    for (List<Originators.Appearance> item : appearances.values()) {
      Originators.Spread spread = Originators.trace(item, everything);
      originated.merge(spread.origin().account(), 1, Integer::sum);
    }
    NetworkAnalysis analysis = NetworkAnalysis.of(everything, follows, conversations, seeds, BETWEENNESS_PIVOTS, seed);
    analysed.accept(analysis);
    List<NetworkAnalysis.KeyAccount> top = analysis.keyAccounts(k, originated, weights);

    Truth truth = Truth.read(world);
    Set<String> topIds = new HashSet<>();
    top.forEach(entry -> topIds.add(entry.account().id()));
    int ringleadersFound = truth.personsFound("recruiter", topIds);
    int outletsFound = truth.personsFound("official_outlet", topIds);
    int ringleaders = truth.persons("recruiter");
    int outlets = truth.persons("official_outlet");
    int targetAccounts = (int) top.stream().map(entry -> truth.role(entry.account().id()))
        .filter(role -> role.equals("recruiter") || role.equals("official_outlet")).count();
    List<String> lines = top.stream().map(entry -> String.format(Locale.ROOT, "%3d %-60s %-22s %.4f %s", entry.rank(),
        entry.account(), truth.role(entry.account().id()), entry.score(), String.join("; ", entry.reasons()))).toList();

    DisruptionPlanner.Plan plan = DisruptionPlanner.plan(follows, spreaders, k, DISRUPTION_HOPS, seed);

    return new Figures(world.toString(), k, seed, everything.nodes(), everything.edges(), rejected,
        flags.source().name(), flags.flaggedPosts(), flags.countedPosts(), (int) flaggedSeen(flagged, accountsSeen), flags.rejectedLines(), flags.rejections(),
        "accounts that posted a release's canonical image (hash-list match) or shared such a post, weighted by"
            + " how often (" + knownPosts.size() + " posts, " + sharesOfKnownContent + " shares), and " + flaggedSeen(flagged, accountsSeen)
            + " accounts with " + MIN_FLAGGED_POSTS + " or more posts flagged as propaganda (weight 1; flags from " + flags.describe() + "); "
            + identityLinks + " identity links from profiles; " + privateMessages + " private messages",
        seeds.size(), knownPosts.size(), "persons (the person of an entry's named account; entries are personas)",
        ringleaders, ringleadersFound, outlets, outletsFound,
        ratio(ringleadersFound + outletsFound, ringleaders + outlets), ratio(ringleadersFound, ringleaders),
        ratio(outletsFound, outlets), targetAccounts,
        plan.reachDefinition(), plan.budget(), plan.reachBefore(),
        plan.plan().reachAfter(), plan.byDegree().reachAfter(), plan.random().reachAfter(),
        plan.plan().reduction(), plan.byDegree().reduction(), plan.random().reduction(),
        lines, (System.nanoTime() - start) / 1e9);
  }

  /**
   * Flagged posts per account as a perfect detector would flag them ({@link TruthLabels}, for
   * comparison only): the posts' labels in {@code truth/posts.jsonl}, a post labelled extremist
   * <em>with a propaganda tier</em> (threat to life, graphic, official or promotional). Conversation
   * posts of grooming (an outreach label, no tier) are left out, so the flag says nothing about
   * private approaches, and no person's role is read. Empty when the world has no post labels.
   * Whatever the source, an account needs {@link #MIN_FLAGGED_POSTS} flagged posts: a seed counts
   * as a full member of the supporter community, and one flag may be a detector's mistake on a
   * journalist's report.
   */
  static Map<AccountKey, Integer> flaggedPostsByTruth(Path world) {
    Path labels = world.resolve("truth/posts.jsonl");
    Map<AccountKey, Integer> flaggedPosts = new HashMap<>();
    if (!java.nio.file.Files.exists(labels)) {
      return Map.of();
    }
    for (JsonNode post : World.readLines(labels)) {
      JsonNode tier = post.path("tier");
      String platform = post.path("platform").asString("");
      String account = post.path("account_id").asString("");
      // A label without a tier, platform or account flags no one.
      if ("extremist".equals(post.path("label").asString("")) && tier.isString() && !platform.isEmpty() && !account.isEmpty()) {
        flaggedPosts.merge(AccountKey.of(new Platform(platform), account), 1, Integer::sum);
      }
    }
    return flaggedPosts;
  }

  /**
   * Whether a flagged post counts towards a seed: detection named a propaganda tier (a flag without
   * one is, say, a grooming conversation's message, which says nothing about spreading propaganda;
   * the truth labels leave those out too) and was confident ({@link #CONFIDENT_FLAG_SCORE}).
   */
  static boolean confidentPropaganda(FlaggedPostsFile.FlaggedPost post) {
    return post.tier().isPresent() && post.score() >= CONFIDENT_FLAG_SCORE;
  }

  private static Set<AccountKey> atLeast(Map<AccountKey, Integer> flaggedPosts, int minimum) {
    Set<AccountKey> flagged = new HashSet<>();
    flaggedPosts.forEach((account, posts) -> {
      if (posts >= minimum) {
        flagged.add(account);
      }
    });
    return flagged;
  }

  // A media location names a known item when it ends with one of the known paths.
  private static Optional<String> knownItem(String location, Map<String, String> known) {
    for (int slash = location.indexOf('/'); slash >= 0; slash = location.indexOf('/', slash + 1)) {
      String release = known.get(location.substring(slash + 1));
      if (release != null) {
        return Optional.of(release);
      }
    }
    return Optional.ofNullable(known.get(location));
  }

  private static long flaggedSeen(Set<AccountKey> flagged, Set<AccountKey> accountsSeen) {
    return flagged.stream().filter(accountsSeen::contains).count();
  }

  private static double ratio(int found, int total) {
    return total == 0 ? 0 : (double) found / total;
  }

  /** The ground truth needed to score: each account's role and each target person's accounts. */
  private record Truth(Map<String, String> roleByAccount, Map<String, List<Set<String>>> accountsByRole) {
    static Truth read(Path world) {
      Map<String, String> roles = new HashMap<>();
      Map<String, List<Set<String>>> byRole = new HashMap<>();
      for (JsonNode person : World.readLines(world.resolve("truth/persons.jsonl"))) {
        String role = person.get("role").asString();
        Set<String> ids = new HashSet<>();
        person.get("account_ids").forEach(id -> ids.add(id.asString()));
        ids.forEach(id -> roles.put(id, role));
        byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(ids);
      }
      return new Truth(roles, byRole);
    }

    String role(String accountId) {
      return roleByAccount.getOrDefault(accountId, "unknown");
    }

    int persons(String role) {
      return accountsByRole.getOrDefault(role, List.of()).size();
    }

    int personsFound(String role, Set<String> topIds) {
      return (int) accountsByRole.getOrDefault(role, List.of()).stream()
          .filter(ids -> ids.stream().anyMatch(topIds::contains)).count();
    }
  }

  /**
   * {@code KeyAccountEvaluation WORLD FLAGS [k] [seed] [weights]} prints the figures and the top
   * accounts; FLAGS is a flagged-posts file or {@code truth}. Cordon's own flags come from
   * {@code cordon eval detection --world WORLD --flagged-out FILE}.
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: KeyAccountEvaluation WORLD_DIR FLAGGED_POSTS_FILE|truth [k=50] [seed=1]"
          + " [weights: ppr,pr,betweenness,core,originator,endorsement,outreach]");
      System.exit(2);
    }
    FlagSource flags = args[1].equals("truth") ? new TruthLabels() : new FlaggedFile(Path.of(args[1]), false);
    args = java.util.stream.Stream.concat(java.util.stream.Stream.of(args[0]), java.util.Arrays.stream(args, 2, args.length))
        .toArray(String[]::new);
    NetworkAnalysis.Weights weights = NetworkAnalysis.Weights.DEFAULT;
    if (args.length > 3) {
      double[] w = java.util.Arrays.stream(args[3].split(",")).mapToDouble(Double::parseDouble).toArray();
      weights = new NetworkAnalysis.Weights(w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
    }
    Figures f = run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 50,
        args.length > 2 ? Long.parseLong(args[2]) : 1L, flags, weights);
    f.topAccounts().forEach(System.out::println);
    System.out.printf(Locale.ROOT, "world %s: %,d accounts, %,d edges, %d rejected records, %.1f s%n", f.world(),
        f.accounts(), f.edges(), f.rejectedRecords(), f.seconds());
    System.out.printf(Locale.ROOT, "seed source %s: %d flagged posts (%d confidently as propaganda), %d flagged accounts, %d lines rejected%n",
        f.seedSource(), f.flaggedPosts(), f.confidentFlaggedPosts(), f.flaggedAccounts(), f.flagLinesRejected());
    f.flagRejections().forEach(r -> System.out.println("  rejected " + r));
    System.out.printf(Locale.ROOT, "seeds: %d accounts, %d known-content posts (%s)%n", f.seedAccounts(),
        f.knownContentPosts(), f.seedEvidence());
    System.out.printf(Locale.ROOT, "recall@%d (%s): %.3f; ringleaders %d/%d, outlets %d/%d; %d of the top %d accounts are theirs%n",
        f.k(), f.countedAs(), f.recallAtK(), f.ringleadersFound(), f.ringleaders(), f.outletsFound(), f.outlets(),
        f.targetAccountsInTopK(), f.k());
    System.out.printf(Locale.ROOT, "disruption, budget %d, reach = %s: before %d; plan %d (-%.1f %%), degree %d (-%.1f %%), random %d (-%.1f %%)%n",
        f.disruptionBudget(), f.reachDefinition(), f.reachBefore(), f.planReachAfter(), 100 * f.planReduction(),
        f.degreeReachAfter(), 100 * f.degreeReduction(), f.randomReachAfter(), 100 * f.randomReduction());
  }
}
