package org.cordon.model.classifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.cordon.model.data.LabelledData;
import org.cordon.model.evaluation.EvaluationReport;
import org.cordon.model.evaluation.Metrics;
import org.cordon.model.evaluation.Predictions;
import org.cordon.model.features.FeatureHasher;
import org.cordon.model.features.SparseVector;

/**
 * Trains classifiers from labelled data and measures them by stratified K-fold cross-validation.
 * Every fit holds out a stratified share of its training rows to fit the calibration, so the
 * probabilities it reports were calibrated on rows the weights never saw.
 */
public final class Trainer {
  /** Below this many training rows there is too little to hold out; the model stays uncalibrated. */
  static final int MIN_ROWS_TO_CALIBRATE = 20;

  private final TrainingOptions options;
  private final FeatureHasher hasher;

  public Trainer(TrainingOptions options, UnaryOperator<String> normaliser) {
    this.options = Objects.requireNonNull(options, "options");
    this.hasher = new FeatureHasher(options.features(), normaliser);
  }

  /** Trains on every row of the data; the evaluation, when given, is written into the header. */
  public TrainedModel train(LabelledData data, Optional<EvaluationReport> evaluation, Instant createdAt) {
    Dataset dataset = Dataset.of(data, options.positiveLabel(), hasher);
    TextClassifier classifier = fit(dataset, IntStream.range(0, dataset.size()).toArray(), options.seed());
    Map<String, Object> hyperparameters = options.toMap();
    ModelHeader header = new ModelHeader(
        ModelFiles.FORMAT_VERSION,
        classifier.id(),
        createdAt,
        dataset.labelCounts,
        classifier.positiveLabel(),
        hyperparameters,
        new TrainingDataDescription(data.source(), data.sha256(), data.examples().size(), data.skippedRows()),
        evaluation.map(EvaluationReport::toMap));
    return new TrainedModel(header, classifier);
  }

  /**
   * Stratified K-fold cross-validation with the options' seed: each fold is predicted by a model
   * trained (and calibrated) on the other folds; the figures pool every out-of-fold prediction.
   *
   * @param threads how many folds train at once (each needs its own weights in memory)
   */
  public EvaluationReport crossValidate(LabelledData data, int folds, int threads) {
    if (folds < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
    }
    long start = System.nanoTime();
    Dataset dataset = Dataset.of(data, options.positiveLabel(), hasher);
    if (dataset.size() < folds) {
      throw new IllegalArgumentException(folds + " folds need at least " + folds + " rows; the data has " + dataset.size());
    }
    int[][] foldRows = dataset.stratifiedFolds(IntStream.range(0, dataset.size()).toArray(), folds, new SplittableRandom(options.seed()));
    String[] actual = new String[dataset.size()];
    String[] predicted = new String[dataset.size()];
    double[] calibrated = new double[dataset.size()];
    double[] uncalibrated = new double[dataset.size()];
    List<Double> foldAuc = new ArrayList<>();
    try (ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, folds)))) {
      List<Future<Double>> results = new ArrayList<>();
      for (int f = 0; f < folds; f++) {
        int fold = f;
        results.add(executor.submit(() -> {
          TextClassifier classifier = fit(dataset, Dataset.allExcept(foldRows, fold), options.seed() + fold + 1);
          int[] test = foldRows[fold];
          double[] foldScores = new double[test.length];
          boolean[] foldPositive = new boolean[test.length];
          for (int t = 0; t < test.length; t++) {
            int row = test[t];
            SparseVector x = dataset.rows.row(row);
            Prediction prediction = classifier.predict(x);
            actual[row] = dataset.labels.get(dataset.labelOf[row]);
            predicted[row] = prediction.label();
            calibrated[row] = prediction.positiveProbability();
            uncalibrated[row] = classifier.uncalibratedPositive(x);
            foldScores[t] = calibrated[row];
            foldPositive[t] = dataset.labelOf[row] == dataset.positiveLabel;
          }
          return Metrics.rocAuc(foldScores, foldPositive);
        }));
      }
      for (Future<Double> result : results) {
        foldAuc.add(result.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("cross-validation was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a fold failed: " + e.getCause(), e.getCause());
    }
    Predictions predictions = new Predictions(dataset.labels.get(dataset.positiveLabel), actual, predicted, calibrated, uncalibrated);
    double seconds = (System.nanoTime() - start) / 1e9;
    return EvaluationReport.of(predictions, dataset.labelCounts, data.skippedRows(), folds, options.seed(), foldAuc, seconds);
  }

  private TextClassifier fit(Dataset dataset, int[] rows, long seed) {
    int[] scored = dataset.scoredLabels();
    TrainingOptions seeded = options.withSeed(seed);
    SplittableRandom random = new SplittableRandom(seed);
    boolean calibrate = options.calibrationFraction() > 0 && rows.length >= MIN_ROWS_TO_CALIBRATE;
    int[] trainingRows = rows;
    int[] calibrationRows = new int[0];
    if (calibrate) {
      int parts = (int) Math.max(2, Math.round(1 / options.calibrationFraction()));
      int[][] split = dataset.stratifiedFolds(rows, parts, random);
      calibrationRows = split[0];
      trainingRows = Dataset.allExcept(split, 0);
    }
    LinearModel model = LinearModel.train(dataset.rows, dataset.labelOf, trainingRows, scored, options.features().dimensions(), seeded);
    PlattScaling[] calibration = new PlattScaling[scored.length];
    for (int k = 0; k < scored.length; k++) {
      double[] margins = new double[calibrationRows.length];
      boolean[] positive = new boolean[calibrationRows.length];
      for (int i = 0; i < calibrationRows.length; i++) {
        margins[i] = model.margin(k, dataset.rows.row(calibrationRows[i]));
        positive[i] = dataset.labelOf[calibrationRows[i]] == scored[k];
      }
      calibration[k] = calibrate ? PlattScaling.fit(margins, positive) : PlattScaling.IDENTITY;
    }
    return new TextClassifier(hasher, dataset.labels, dataset.positiveLabel, model, calibration);
  }
}
