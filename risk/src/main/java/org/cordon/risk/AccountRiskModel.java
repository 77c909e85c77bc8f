package org.cordon.risk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.signal.Tier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an account's features into a calibrated probability: a logistic regression over
 * standardised features, whose decision value goes through Platt's sigmoid fitted on
 * cross-validated scores. An account is flagged at or above {@link #threshold()}.
 *
 * <p>A model is immutable and identified by the SHA-256 of its content, so every score can name
 * the model that made it. It is persisted as versioned JSON ({@link #FORMAT}, version
 * {@link #VERSION}); loading checks the id against the content.
 *
 * <p>{@link #defaults()} is the hand-set weighting used until analysts' decisions train one. Its
 * features are not standardised (mean 0, scale 1) and its calibration is the plain logistic
 * function, so the score is sigmoid(intercept + sum of weight x value):
 * <pre>
 *   intercept                      -6.0   an account with nothing against it scores 0.25 %
 *   flagged_share                  +6.0   the share of its posts flagged is the strongest sign
 *   flagged_log                    +0.5   ...and how many they are (log)
 *   mean_flagged_strength          +1.0
 *   known_content_log              +0.8   posting known material (hash, URL, near-duplicate)
 *   kind.classifier.share          +4.0   the classifier judges the content, not the names in it
 *   kind.lexicon.share             -2.0   naming outlets and hashtags without content the
 *                                         classifier confirms is what reporters and researchers do
 *   profile_score, avatar_match    +1.5 each
 *   soon_after_release_flagged_log +0.7   flagged posts right after a release
 *   flagged_hashtag_share          +1.0
 *   follows_risky_share            +2.0   who it follows ...
 *   reposts_risky_log              +1.0   ... and whose material it passes on
 *   reposts_risky_share            +3.0
 *   propagation_out                +2.0
 *   engages_risky_log              -0.6   quoting, mentioning and replying to the organisation's
 *                                         accounts is what journalists and counter-speech do
 * </pre>
 * On the tests' synthetic population this scores held-out precision 0.99, recall 0.96 and flags
 * 1.3 % of hard negatives; a trained model does better and should replace it as soon as analysts'
 * decisions allow.
 */
public final class AccountRiskModel {
  public static final String FORMAT = "cordon.account-risk-model";
  public static final int VERSION = 1;
  private static final int MAX_FILE_BYTES = 4 << 20;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final List<String> names;
  private final double[] means;
  private final double[] scales;
  private final double[] weights;
  private final double intercept;
  private final double calibrationSlope;
  private final double calibrationOffset;
  private final double threshold;
  private final String description;
  private final Map<String, Double> training;
  private final String id;
  private volatile Binding binding = new Binding(List.of(), new int[0]);

  private record Binding(List<String> schema, int[] featureToSchema) {}

  AccountRiskModel(List<String> names, double[] means, double[] scales, double[] weights, double intercept,
      double calibrationSlope, double calibrationOffset, double threshold, String description, Map<String, Double> training) {
    this.names = List.copyOf(names);
    int d = this.names.size();
    if (means.length != d || scales.length != d || weights.length != d) {
      throw new IllegalArgumentException("a model needs one mean, scale and weight per feature: " + d + " features, "
          + means.length + " means, " + scales.length + " scales, " + weights.length + " weights");
    }
    if (this.names.stream().distinct().count() != d) {
      throw new IllegalArgumentException("feature names repeat: " + this.names);
    }
    for (int i = 0; i < d; i++) {
      finite("mean of " + this.names.get(i), means[i]);
      finite("weight of " + this.names.get(i), weights[i]);
      if (!(scales[i] > 0) || Double.isInfinite(scales[i])) {
        throw new IllegalArgumentException("scale of " + this.names.get(i) + " must be a positive number: " + scales[i]);
      }
    }
    this.means = means.clone();
    this.scales = scales.clone();
    this.weights = weights.clone();
    this.intercept = finite("intercept", intercept);
    this.calibrationSlope = finite("calibration slope", calibrationSlope);
    this.calibrationOffset = finite("calibration offset", calibrationOffset);
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold is in (0, 1): " + threshold);
    }
    this.threshold = threshold;
    this.description = Objects.requireNonNull(description, "description");
    Map<String, Double> copy = new LinkedHashMap<>();
    training.forEach((k, v) -> copy.put(Objects.requireNonNull(k), finite("training figure " + k, v)));
    this.training = java.util.Collections.unmodifiableMap(copy);
    this.id = Sha256.of(JSON.writeValueAsBytes(content())).hex();
  }

  private static double finite(String what, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " is not a finite number: " + value);
    }
    return value;
  }

  // ---------------------------------------------------------------- construction

  /** The hand-set weighting in the class comment. */
  public static AccountRiskModel defaults() {
    Map<String, Double> w = new LinkedHashMap<>();
    w.put(FeatureSchema.FLAGGED_SHARE, 6.0);
    w.put(FeatureSchema.FLAGGED, 0.5);
    w.put(FeatureSchema.MEAN_FLAGGED_STRENGTH, 1.0);
    w.put(FeatureSchema.KNOWN_CONTENT, 0.8);
    w.put(FeatureSchema.kindShare("classifier"), 4.0);
    w.put(FeatureSchema.PROFILE, 1.5);
    w.put(FeatureSchema.AVATAR, 1.5);
    w.put(FeatureSchema.SOON_AFTER_RELEASE_FLAGGED, 0.7);
    w.put(FeatureSchema.FLAGGED_HASHTAG_SHARE, 1.0);
    w.put(FeatureSchema.FOLLOWS_RISKY_SHARE, 2.0);
    w.put(FeatureSchema.REPOSTS_RISKY, 1.0);
    w.put(FeatureSchema.REPOSTS_RISKY_SHARE, 3.0);
    w.put(FeatureSchema.PROPAGATION_OUT, 2.0);
    w.put(FeatureSchema.ENGAGES_RISKY, -0.6);
    w.put(FeatureSchema.kindShare("lexicon"), -2.0);
    int d = w.size();
    double[] ones = new double[d];
    Arrays.fill(ones, 1);
    return new AccountRiskModel(List.copyOf(w.keySet()), new double[d], ones,
        w.values().stream().mapToDouble(Double::doubleValue).toArray(), -6.0, -1.0, 0.0, 0.5,
        "hand-set default weighting (no trained model)", Map.of());
  }

  /**
   * Fits a model to labelled accounts. The calibration and the threshold (the one that maximises
   * F1) are fitted on cross-validated scores, so they reflect accounts the weights were not fitted
   * on; the weights are then refitted on all examples.
   *
   * @throws IllegalArgumentException with fewer than {@code folds} positive and negative examples,
   *     or examples described by different features
   */
  public static AccountRiskModel train(List<TrainingExample> examples, TrainingOptions options) {
    Objects.requireNonNull(options, "options");
    List<TrainingExample> all = List.copyOf(examples);
    long positives = all.stream().filter(TrainingExample::positive).count();
    long negatives = all.size() - positives;
    if (positives < options.folds() || negatives < options.folds()) {
      throw new IllegalArgumentException("training needs at least " + options.folds() + " positive and "
          + options.folds() + " negative accounts; got " + positives + " and " + negatives + ": label more accounts");
    }
    List<String> names = all.get(0).features().names();
    for (TrainingExample e : all) {
      if (!e.features().names().equals(names)) {
        throw new IllegalArgumentException("examples are described by different features: " + names + " and "
            + e.features().names() + " (" + e.features().account() + ")");
      }
    }
    int n = all.size();
    int d = names.size();
    double[][] x = new double[n][];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      x[i] = all.get(i).features().values();
      y[i] = all.get(i).positive();
    }
    int[] fold = stratifiedFolds(y, options.folds(), options.seed());
    double[] heldOut = new double[n];
    for (int k = 0; k < options.folds(); k++) {
      List<Integer> trainRows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (fold[i] != k) {
          trainRows.add(i);
        }
      }
      Standardiser s = Standardiser.of(x, trainRows);
      double[] beta = LogisticRegression.fit(s.apply(x, trainRows), select(y, trainRows), options.l2());
      for (int i = 0; i < n; i++) {
        if (fold[i] == k) {
          heldOut[i] = LogisticRegression.decision(beta, s.apply(x[i]));
        }
      }
    }
    double[] platt = PlattScaling.fit(heldOut, y);
    double[] calibrated = new double[n];
    for (int i = 0; i < n; i++) {
      calibrated[i] = PlattScaling.probability(heldOut[i], platt[0], platt[1]);
    }
    double threshold = bestThreshold(calibrated, y, options.beta());

    List<Integer> everyRow = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      everyRow.add(i);
    }
    Standardiser s = Standardiser.of(x, everyRow);
    double[] beta = LogisticRegression.fit(s.apply(x, everyRow), y, options.l2());
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("positives", (double) positives);
    figures.put("negatives", (double) negatives);
    figures.put("l2", options.l2());
    figures.put("folds", (double) options.folds());
    figures.put("seed", (double) options.seed());
    figures.put("threshold_beta", options.beta());
    figures.put("cv_auc", auc(calibrated, y));
    figures.put("cv_log_loss", logLoss(calibrated, y));
    return new AccountRiskModel(names, s.means, s.scales, Arrays.copyOf(beta, d), beta[d], platt[0], platt[1],
        threshold, "logistic regression on " + n + " labelled accounts, Platt-calibrated on " + options.folds()
        + "-fold held-out scores", figures);
  }

  /** The same weights with another flagging threshold (a unit that wants fewer, surer flags). */
  public AccountRiskModel withThreshold(double newThreshold) {
    return new AccountRiskModel(names, means, scales, weights, intercept, calibrationSlope, calibrationOffset,
        newThreshold, description, training);
  }

  // ---------------------------------------------------------------- scoring

  public double probability(AccountFeatures features) {
    int[] map = bind(features.names());
    double z = intercept;
    for (int i = 0; i < weights.length; i++) {
      if (map[i] >= 0) {
        z += weights[i] * (features.raw(map[i]) - means[i]) / scales[i];
      }
    }
    return PlattScaling.probability(z, calibrationSlope, calibrationOffset);
  }

  /** The probability, the flag, the given tier, and the features that moved the score most. */
  public AccountRisk assess(AccountFeatures features, Optional<Tier> tier) {
    int[] map = bind(features.names());
    List<Contribution> contributions = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      if (map[i] >= 0 && weights[i] != 0) {
        double value = features.raw(map[i]);
        // in calibrated log-odds: the Platt slope (negative for a model that ranks the right way) rescales it
        double c = -calibrationSlope * weights[i] * (value - means[i]) / scales[i];
        contributions.add(new Contribution(names.get(i), value, c, features.evidence(names.get(i))));
      }
    }
    double p = probability(features);
    List<Contribution> reasons = contributions.stream().filter(c -> c.contribution() > 0.01)
        .sorted(Comparator.comparingDouble(Contribution::contribution).reversed()).limit(5).toList();
    List<Contribution> against = contributions.stream().filter(c -> c.contribution() < -0.01)
        .sorted(Comparator.comparingDouble(Contribution::contribution)).limit(3).toList();
    return new AccountRisk(features.account(), p, p >= threshold, tier, reasons, against, id);
  }

  private int[] bind(List<String> schema) {
    Binding b = binding;
    if (b.schema() == schema) {
      return b.featureToSchema();
    }
    int[] map = new int[names.size()];
    for (int i = 0; i < map.length; i++) {
      map[i] = schema.indexOf(names.get(i));
    }
    binding = new Binding(schema, map);
    return map;
  }

  /** The model's features that the given schema lacks: they score as if absent (no weight). */
  public List<String> unboundFeatures(List<String> schema) {
    return names.stream().filter(n -> !schema.contains(n)).toList();
  }

  // ---------------------------------------------------------------- accessors

  /** SHA-256 of the model's content: what a score records as the model that made it. */
  public String id() {
    return id;
  }

  public double threshold() {
    return threshold;
  }

  public String description() {
    return description;
  }

  public List<String> featureNames() {
    return names;
  }

  /** Weight of a feature per standard deviation of it in the training data (0 when absent). */
  public double weight(String feature) {
    int i = names.indexOf(feature);
    return i < 0 ? 0 : weights[i];
  }

  /** Figures recorded at training: positives, negatives, l2, folds, seed, cv_auc, cv_log_loss. */
  public Map<String, Double> training() {
    return training;
  }

  // ---------------------------------------------------------------- persistence

  private ObjectNode content() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("description", description);
    ArrayNode features = root.putArray("features");
    for (int i = 0; i < names.size(); i++) {
      ObjectNode f = features.addObject();
      f.put("name", names.get(i));
      f.put("mean", means[i]);
      f.put("scale", scales[i]);
      f.put("weight", weights[i]);
    }
    root.put("intercept", intercept);
    ObjectNode calibration = root.putObject("calibration");
    calibration.put("method", "platt");
    calibration.put("a", calibrationSlope);
    calibration.put("b", calibrationOffset);
    root.put("threshold", threshold);
    ObjectNode t = root.putObject("training");
    training.forEach(t::put);
    return root;
  }

  /** Pretty JSON with the id first. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", id);
    root.setAll(content());
    return PRETTY.writeValueAsString(root);
  }

  public static AccountRiskModel fromJson(String json) {
    Objects.requireNonNull(json, "json");
    if (json.length() > MAX_FILE_BYTES) {
      throw new IllegalArgumentException("an account-risk model is a few kilobytes; refusing " + json.length() + " characters");
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("account-risk model is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("account-risk model must be a JSON object");
    }
    String format = text(root, "format");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("not an account-risk model: format '" + format + "', expected '" + FORMAT + "'");
    }
    int version = (int) number(root, "version");
    if (version != VERSION) {
      throw new IllegalArgumentException("account-risk model version " + version + " is not supported; this Cordon reads version " + VERSION);
    }
    JsonNode features = root.get("features");
    if (features == null || !features.isArray()) {
      throw new IllegalArgumentException("account-risk model has no 'features' array");
    }
    int d = features.size();
    List<String> names = new ArrayList<>(d);
    double[] means = new double[d];
    double[] scales = new double[d];
    double[] weights = new double[d];
    for (int i = 0; i < d; i++) {
      JsonNode f = features.get(i);
      names.add(text(f, "name"));
      means[i] = number(f, "mean");
      scales[i] = number(f, "scale");
      weights[i] = number(f, "weight");
    }
    JsonNode calibration = root.get("calibration");
    if (calibration == null || !"platt".equals(text(calibration, "method"))) {
      throw new IllegalArgumentException("account-risk model needs a 'calibration' with method 'platt'");
    }
    Map<String, Double> training = new LinkedHashMap<>();
    JsonNode t = root.get("training");
    if (t != null && t.isObject()) {
      for (var e : t.properties()) {
        training.put(e.getKey(), number(t, e.getKey()));
      }
    }
    AccountRiskModel model = new AccountRiskModel(names, means, scales, weights, number(root, "intercept"),
        number(calibration, "a"), number(calibration, "b"), number(root, "threshold"), text(root, "description"), training);
    if (root.has("id") && !model.id.equals(root.get("id").asString())) {
      throw new IllegalArgumentException("account-risk model id " + root.get("id").asString()
          + " does not match its content (" + model.id + "): the file was changed after it was written");
    }
    return model;
  }

  public void save(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  public static AccountRiskModel load(Path file) throws IOException {
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new IllegalArgumentException("an account-risk model is a few kilobytes; " + file + " is " + Files.size(file) + " bytes");
    }
    return fromJson(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || !v.isString()) {
      throw new IllegalArgumentException("account-risk model: '" + field + "' must be a string");
    }
    return v.asString();
  }

  private static double number(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException("account-risk model: '" + field + "' must be a number");
    }
    return v.asDouble();
  }

  // ---------------------------------------------------------------- training helpers

  private static int[] stratifiedFolds(boolean[] y, int folds, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] fold = new int[y.length];
    for (boolean label : new boolean[] {true, false}) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        if (y[i] == label) {
          rows.add(i);
        }
      }
      for (int i = rows.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Integer swap = rows.get(i);
        rows.set(i, rows.get(j));
        rows.set(j, swap);
      }
      for (int i = 0; i < rows.size(); i++) {
        fold[rows.get(i)] = i % folds;
      }
    }
    return fold;
  }

  private static boolean[] select(boolean[] y, List<Integer> rows) {
    boolean[] out = new boolean[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = y[rows.get(i)];
    }
    return out;
  }

  /** The threshold with the best F1 on held-out probabilities; the higher one on a tie. */
  static double bestF1Threshold(double[] p, boolean[] y) {
    return bestThreshold(p, y, 1.0);
  }

  /**
   * The threshold with the best F-beta on held-out probabilities (beta below 1 weighs precision
   * more than recall); the higher one on a tie.
   */
  static double bestThreshold(double[] p, boolean[] y, double beta) {
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
    int positives = 0;
    for (boolean label : y) {
      positives += label ? 1 : 0;
    }
    double best = -1;
    double threshold = 0.5;
    int truePositives = 0;
    for (int k = 0; k < order.length; k++) {
      truePositives += y[order[k]] ? 1 : 0;
      boolean lastOfTies = k == order.length - 1 || p[order[k + 1]] < p[order[k]];
      if (!lastOfTies) {
        continue;
      }
      double b2 = beta * beta;
      double f1 = (1 + b2) * truePositives / (b2 * positives + k + 1);
      if (f1 > best) {
        best = f1;
        threshold = p[order[k]];
      }
    }
    return Math.min(0.99, Math.max(0.01, threshold));
  }

  static double auc(double[] p, boolean[] y) {
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double rankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (y[order[k]]) {
          rankSum += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = p.length - positives;
    if (positives == 0 || negatives == 0) {
      return 0.5;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  static double logLoss(double[] p, boolean[] y) {
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double q = Math.min(1 - 1e-12, Math.max(1e-12, p[i]));
      sum -= y[i] ? Math.log(q) : Math.log(1 - q);
    }
    return p.length == 0 ? 0 : sum / p.length;
  }

  @Override
  public String toString() {
    return "AccountRiskModel[" + id.substring(0, 12) + ", " + description + "]";
  }

  /** Centres and scales features by the training rows' mean and standard deviation. */
  private record Standardiser(double[] means, double[] scales) {
    static Standardiser of(double[][] x, List<Integer> rows) {
      int d = x[0].length;
      double[] mean = new double[d];
      double[] scale = new double[d];
      for (int i : rows) {
        for (int j = 0; j < d; j++) {
          mean[j] += x[i][j];
        }
      }
      for (int j = 0; j < d; j++) {
        mean[j] /= rows.size();
      }
      for (int i : rows) {
        for (int j = 0; j < d; j++) {
          double dev = x[i][j] - mean[j];
          scale[j] += dev * dev;
        }
      }
      for (int j = 0; j < d; j++) {
        double sd = Math.sqrt(scale[j] / rows.size());
        scale[j] = sd > 1e-9 ? sd : 1;
      }
      return new Standardiser(mean, scale);
    }

    double[] apply(double[] row) {
      double[] z = new double[row.length];
      for (int j = 0; j < row.length; j++) {
        z[j] = (row[j] - means[j]) / scales[j];
      }
      return z;
    }

    double[][] apply(double[][] x, List<Integer> rows) {
      double[][] z = new double[rows.size()][];
      for (int i = 0; i < z.length; i++) {
        z[i] = apply(x[rows.get(i)]);
      }
      return z;
    }
  }
}
