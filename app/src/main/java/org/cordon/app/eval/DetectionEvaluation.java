package org.cordon.app.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.cordon.app.demo.AnalystKit;
import org.cordon.app.pipeline.Assessor;
import org.cordon.app.pipeline.MediaResolver;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.Settings;
import org.cordon.app.runtime.TextModels;
import org.cordon.app.world.WorldManifest;
import org.cordon.app.world.WorldObservations;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Detector;
import org.cordon.core.signal.MediaFingerprint;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;
import org.cordon.detect.media.MediaFingerprinter;
import org.cordon.detect.text.LexiconDetector;
import org.cordon.model.ClassifierDetector;
import org.cordon.model.classifier.Trainer;
import org.cordon.model.classifier.TrainingOptions;
import org.cordon.model.data.LabelledData;
import org.cordon.model.data.LabelledExample;
import org.cordon.network.range.FlaggedPostsFile;
import org.cordon.risk.AccountRisk;
import org.cordon.risk.AccountRiskModel;
import org.cordon.risk.AccountRiskTracker;
import org.cordon.risk.AccountStatus;
import org.cordon.risk.ProfileEvidence;
import org.cordon.risk.RiskConfig;
import org.cordon.risk.TrainingExample;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Detection measured against a range world's ground truth, at the level of posts and of accounts,
 * with the hard negatives (journalists, researchers, counter-speech) apart.
 *
 * <h2>What Cordon is given, and what it learns</h2>
 * The unit's kit is what a real unit holds before it starts: the organisation's vocabulary as a
 * lexicon, the hashes and links of its releases, the texts of its statements ({@link AnalystKit}).
 * Everything else is learnt from labels, the way a unit learns from its analysts' decisions: the
 * post classifier from labelled posts, the account risk model from labelled accounts. The labels
 * come from the world's truth, but <em>cross-fitted by person</em>: the persons are cut into
 * {@code folds} groups, and each group is scored by models trained on the other groups only, so no
 * post or account is ever judged by a model that saw its label (nor another account of the same
 * person, which would leak through a shared style).
 *
 * <h2>What is counted</h2>
 * Posts: each post once (X v2 repeats quoted posts in its "includes"), flagged when its combined
 * score reaches the flag threshold; truth is the post's label. Accounts: every account that posted
 * at least once, flagged when its calibrated risk reaches the model's threshold; truth is whether
 * its person is one of the organisation's. The hard-negative flag rate is the share of the
 * journalists', researchers' and counter-speech accounts that are flagged.
 */
public final class DetectionEvaluation {
  private DetectionEvaluation() {}


  /** Precision, recall and F1 of one population. */
  public record Scores(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
    public double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Scores add(boolean flagged, boolean positive) {
      return new Scores(truePositives + (flagged && positive ? 1 : 0), falsePositives + (flagged && !positive ? 1 : 0),
          falseNegatives + (!flagged && positive ? 1 : 0), trueNegatives + (!flagged && !positive ? 1 : 0));
    }

    static final Scores EMPTY = new Scores(0, 0, 0, 0);
  }

  /**
   * The figures of one run.
   *
   * @param hardNegativeAccounts accounts of journalists, researchers and counter-speech that posted
   * @param hardNegativeFlagRate share of those accounts flagged
   * @param hardNegativePostFlagRate share of hard-negative posts flagged
   * @param perRole accounts flagged / accounts, per role
   * @param explanations the explanation of a few flagged accounts, to show what an analyst reads
   */
  public record Figures(
      String world,
      int folds,
      long seed,
      long posts,
      long accounts,
      Scores post,
      Scores account,
      long hardNegativeAccounts,
      double hardNegativeFlagRate,
      long hardNegativePosts,
      double hardNegativePostFlagRate,
      Map<String, long[]> perRole,
      double classifierSeconds,
      double seconds,
      List<String> explanations,
      List<String> falseAlarms) {}

  /** Truth about one account. */
  record AccountTruth(String person, String role, boolean target, boolean hardNegativeVoice) {}

  /** Truth about one post. */
  record PostTruth(String person, boolean extremist, boolean hardNegative) {}

  /** A post as Cordon saw it, with the signals of the kit's detectors. */
  static final class Seen {
    final Post post;
    final List<Signal> signals = new ArrayList<>();
    Assessment assessment;

    Seen(Post post) {
      this.post = post;
    }
  }

  public static Figures run(Path world, Path workDirectory, int folds, long seed, Consumer<String> progress) throws IOException {
    return run(world, workDirectory, folds, seed, progress, flagged -> {});
  }

  /**
   * The same, handing every post detection flagged to {@code flaggedPosts}, in time order, with the
   * tier and score its assessment gave. Every verdict is out of fold: the classifier signal of a post
   * comes from the model trained on the other folds' persons, and the lexicon and known-content
   * detectors learn nothing from labels; so the flags can seed {@code cordon eval network} without
   * any post being judged by a model that saw its label.
   */
  public static Figures run(Path world, Path workDirectory, int folds, long seed, Consumer<String> progress,
      Consumer<FlaggedPostsFile.FlaggedPost> flaggedPosts) throws IOException {
    long started = System.nanoTime();
    if (folds < 2) {
      throw new IllegalArgumentException("cross-fitting needs at least 2 folds, got " + folds);
    }
    JsonMapper json = JsonMapper.builder().build();
    Map<AccountKey, AccountTruth> accounts = readAccounts(world, json);
    Map<PostKey, PostTruth> postTruth = readPosts(world, json);

    progress.accept("analyst kit: lexicon, release hashes and links, statement texts");
    Path kitDirectory = Files.createDirectories(workDirectory.resolve("kit"));
    AnalystKit.write(world, kitDirectory);
    List<Detector> detectors = CordonRuntime.detectorsIn(Settings.embedded(kitDirectory));
    LexiconDetector lexicon = detectors.stream().filter(d -> d instanceof org.cordon.detect.text.ReloadingLexiconDetector)
        .map(d -> new LexiconDetector(((org.cordon.detect.text.ReloadingLexiconDetector) d).lexicon())).findFirst().orElseThrow();

    progress.accept("reading the world through the connectors");
    WorldManifest manifest = WorldManifest.read(world);
    MediaResolver resolver = MediaResolver.none().withMirror(manifest.mediaUrlPrefix(), world);
    Map<PostKey, Seen> posts = new LinkedHashMap<>();
    Map<AccountKey, Account> profiles = new HashMap<>();
    Map<MediaKey, Optional<Path>> mediaFiles = new HashMap<>();
    List<Interaction> interactions = new ArrayList<>();
    WorldObservations.forEach(world, (file, item) -> {
      switch (item) {
        case Post p -> posts.putIfAbsent(p.key(), new Seen(p));
        case Account a -> profiles.put(a.key(), a);
        case Media m -> {
          Optional<Path> export = Optional.ofNullable(world.resolve(file.path()).getParent());
          mediaFiles.computeIfAbsent(m.key(), k -> m.location().flatMap(l -> resolver.resolve(l, export)));
        }
        case Interaction i -> interactions.add(i);
      }
    });

    progress.accept("known content and lexicon on " + posts.size() + " posts");
    MediaFingerprinter fingerprinter = new MediaFingerprinter();
    Map<Path, MediaFingerprint> fingerprints = new HashMap<>();
    for (Seen s : posts.values()) {
      List<MediaFingerprint> media = new ArrayList<>();
      for (MediaKey key : s.post.media()) {
        Optional<Path> file = mediaFiles.getOrDefault(key, Optional.empty());
        if (file.isPresent() && Files.isRegularFile(file.get())) {
          MediaFingerprint fp = fingerprints.computeIfAbsent(file.get(), f -> fingerprint(fingerprinter, key, f));
          if (fp != null) {
            media.add(fp);
          }
        }
      }
      PostContext context = new PostContext(s.post, Optional.ofNullable(profiles.get(s.post.author())), media);
      for (Detector d : detectors) {
        s.signals.addAll(d.detect(context));
      }
    }

    // Cross-fitting: fold of each person.
    Map<String, Integer> foldOf = new HashMap<>();
    accounts.values().forEach(a -> foldOf.computeIfAbsent(a.person(), p -> Math.floorMod(mix(p, seed), folds)));

    progress.accept("classifier: " + folds + " models, each trained on the other folds' posts");
    long classifierStart = System.nanoTime();
    for (int f = 0; f < folds; f++) {
      List<LabelledExample> training = new ArrayList<>();
      for (Seen s : posts.values()) {
        PostTruth t = postTruth.get(s.post.key());
        if (t != null && foldOf.getOrDefault(t.person(), -1) != f && !s.post.text().isBlank()) {
          training.add(new LabelledExample(s.post.text(), t.extremist() ? "extremist" : "benign", s.post.language()));
        }
      }
      Trainer trainer = new Trainer(TrainingOptions.DEFAULT.withSeed(seed + f).withPositiveLabel(Optional.of("extremist")), TextModels.NORMALISER);
      ClassifierDetector classifier = new ClassifierDetector(
          trainer.train(LabelledData.of("world fold " + f, training), Optional.empty(), Instant.EPOCH).classifier(),
          CordonRuntime.CLASSIFIER_MINIMUM, Optional.empty());
      for (Seen s : posts.values()) {
        PostTruth t = postTruth.get(s.post.key());
        int fold = t == null ? Math.floorMod(mix(s.post.author().id(), seed), folds) : foldOf.getOrDefault(t.person(), 0);
        if (fold == f) {
          s.signals.addAll(classifier.detect(new PostContext(s.post, Optional.empty(), List.of())));
        }
      }
    }
    double classifierSeconds = (System.nanoTime() - classifierStart) / 1e9;

    progress.accept("assessing posts and tracking accounts in time order");
    Assessor assessor = new Assessor(CordonRuntime.FLAG_THRESHOLD);
    List<Seen> inTime = new ArrayList<>(posts.values());
    inTime.sort(Comparator.comparing((Seen s) -> s.post.postedAt()).thenComparing(s -> s.post.key().id()));
    AccountRiskTracker tracker = new AccountRiskTracker(RiskConfig.defaults());
    for (Account a : profiles.values()) {
      String profileText = a.displayName().orElse("") + " " + a.bio().orElse("");
      List<Signal> found = lexicon.detect(new PostContext(profilePost(a, profileText), Optional.empty(), List.of()));
      double score = found.isEmpty() ? 0 : found.getFirst().strength();
      tracker.observeProfile(a.key(), new ProfileEvidence(score, found.isEmpty() ? "no lexicon entry in name or bio" : found.getFirst().reason(),
          Optional.empty()));
    }
    for (Seen s : inTime) {
      s.assessment = assessor.assess(s.post.key(), s.signals, s.post.postedAt());
      if (s.assessment.flagged()) {
        flaggedPosts.accept(new FlaggedPostsFile.FlaggedPost(s.post.key(), s.post.author(), s.assessment.tier(), s.assessment.score()));
      }
      for (Signal signal : s.signals) {
        if ((signal.kind().equals("media-hash") || signal.kind().equals("url-list")) && signal.evidence().containsKey("entry")) {
          tracker.releaseSeen(signal.evidence().get("entry"), s.post.postedAt());
        }
      }
      tracker.observePost(s.post.author(), s.post.postedAt(), s.assessment, s.post.hashtags());
    }
    for (Interaction i : interactions) {
      tracker.observe(i);
    }

    progress.accept("account risk: " + folds + " models, each trained on the other folds' accounts");
    Map<AccountKey, AccountRisk> risks = new HashMap<>();
    List<AccountKey> posted = inTime.stream().map(s -> s.post.author()).distinct().filter(accounts::containsKey).toList();
    for (int f = 0; f < folds; f++) {
      // What the analysts know: the other folds' accounts, confirmed or cleared. They seed the
      // propagation of risk through the network before this fold is scored.
      Map<AccountKey, Boolean> labels = new HashMap<>();
      for (AccountKey a : posted) {
        AccountTruth t = accounts.get(a);
        boolean known = foldOf.get(t.person()) != f;
        if (known) {
          labels.put(a, t.target());
        }
        tracker.mark(a, !known ? AccountStatus.UNKNOWN : t.target() ? AccountStatus.CONFIRMED : AccountStatus.CLEARED);
      }
      tracker.propagate();
      List<TrainingExample> examples = tracker.trainingExamples(labels);
      AccountRiskModel model = AccountRiskModel.train(examples, org.cordon.risk.TrainingOptions.defaults());
      for (AccountKey a : posted) {
        if (foldOf.get(accounts.get(a).person()) == f) {
          tracker.assess(a, model).ifPresent(r -> risks.put(a, r));
        }
      }
    }

    Scores postScores = Scores.EMPTY;
    long hardNegativePosts = 0;
    long hardNegativePostsFlagged = 0;
    for (Seen s : inTime) {
      PostTruth t = postTruth.get(s.post.key());
      if (t == null) {
        continue;
      }
      postScores = postScores.add(s.assessment.flagged(), t.extremist());
      if (t.hardNegative()) {
        hardNegativePosts++;
        hardNegativePostsFlagged += s.assessment.flagged() ? 1 : 0;
      }
    }
    Scores accountScores = Scores.EMPTY;
    long hardNegativeAccounts = 0;
    long hardNegativeFlagged = 0;
    Map<String, long[]> perRole = new java.util.TreeMap<>();
    List<String> explanations = new ArrayList<>();
    List<String> falseAlarms = new ArrayList<>();
    for (AccountKey a : posted) {
      AccountTruth t = accounts.get(a);
      AccountRisk risk = risks.get(a);
      boolean flagged = risk != null && risk.flagged();
      accountScores = accountScores.add(flagged, t.target());
      long[] role = perRole.computeIfAbsent(t.role(), r -> new long[2]);
      role[0] += flagged ? 1 : 0;
      role[1]++;
      if (t.hardNegativeVoice()) {
        hardNegativeAccounts++;
        hardNegativeFlagged += flagged ? 1 : 0;
      }
      if (flagged && explanations.size() < 3 && t.target()) {
        explanations.add(a.platform().name() + "/" + a.id() + " (" + t.role() + "): " + risk.summary());
      }
      if (flagged && t.hardNegativeVoice() && falseAlarms.size() < 5) {
        falseAlarms.add(a.platform().name() + "/" + a.id() + " (" + t.role() + "): " + risk.summary());
      }
    }
    return new Figures(world.toString(), folds, seed, postScores.truePositives() + postScores.falsePositives() + postScores.falseNegatives()
        + postScores.trueNegatives(), posted.size(), postScores, accountScores, hardNegativeAccounts, ratio(hardNegativeFlagged, hardNegativeAccounts),
        hardNegativePosts, ratio(hardNegativePostsFlagged, hardNegativePosts), perRole, classifierSeconds, (System.nanoTime() - started) / 1e9,
        explanations, falseAlarms);
  }

  /** A profile's name and bio as a post, so the lexicon reads them the way it reads posts. */
  private static Post profilePost(Account a, String text) {
    return new Post(new PostKey(a.key().platform(), "profile:" + a.key().id()), a.key(), Instant.EPOCH, text, Optional.empty(),
        Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  private static MediaFingerprint fingerprint(MediaFingerprinter fingerprinter, MediaKey key, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return fingerprinter.fingerprint(key, in.readAllBytes());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Map<AccountKey, AccountTruth> readAccounts(Path world, JsonMapper json) throws IOException {
    Map<AccountKey, AccountTruth> accounts = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(world.resolve("truth/accounts.jsonl"), StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        String role = n.get("role").asString();
        accounts.put(new AccountKey(new Platform(n.get("platform").asString()), n.get("account_id").asString()),
            new AccountTruth(n.get("person_id").asString(), role, TARGET_ROLES.contains(role),
                role.equals("journalist") || role.equals("researcher") || role.equals("counter_speech")));
      }
    }
    return accounts;
  }

  /** The organisation's people (docs/range.md, Roles): what an IRU looks for. */
  static final java.util.Set<String> TARGET_ROLES = java.util.Set.of("official_outlet", "distributor", "hyperactive_supporter", "supporter",
      "recruiter", "bot");

  private static Map<PostKey, PostTruth> readPosts(Path world, JsonMapper json) throws IOException {
    Map<PostKey, PostTruth> posts = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(world.resolve("truth/posts.jsonl"), StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        posts.put(new PostKey(new Platform(n.get("platform").asString()), n.get("post_id").asString()),
            new PostTruth(n.get("person_id").asString(), "extremist".equals(n.get("label").asString()), n.path("hard_negative").asBoolean(false)));
      }
    }
    return posts;
  }

  /** A stable, seeded hash: the same person falls in the same fold on every run with the same seed. */
  static long mix(String s, long seed) {
    long h = seed ^ 0x9E3779B97F4A7C15L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001B3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    return h ^ (h >>> 33);
  }

  static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
