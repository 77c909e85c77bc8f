package org.cordon.model.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an evaluation found: precision, recall and F1 of the positive label at the most probable
 * label, macro F1 when there are more than two labels, ROC-AUC and Brier score of the positive
 * label's probability, and a 10-bin calibration table.
 */
public record EvaluationReport(
    long rows,
    long skippedRows,
    int folds,
    long seed,
    String positiveLabel,
    Map<String, Long> labelCounts,
    double precision,
    double recall,
    double f1,
    Optional<Double> macroF1,
    double rocAuc,
    double brier,
    double brierUncalibrated,
    List<CalibrationBin> calibration,
    List<Double> foldRocAuc,
    double seconds) {

  public static final int CALIBRATION_BINS = 10;

  public EvaluationReport {
    Objects.requireNonNull(positiveLabel, "positiveLabel");
    labelCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labelCounts));
    Objects.requireNonNull(macroF1, "macroF1");
    calibration = List.copyOf(calibration);
    foldRocAuc = List.copyOf(foldRocAuc);
  }

  public static EvaluationReport of(
      Predictions predictions, Map<String, Long> labelCounts, long skippedRows, int folds, long seed, List<Double> foldRocAuc, double seconds) {
    boolean[] positive = predictions.positives();
    Metrics.PrecisionRecall pr = Metrics.precisionRecall(predictions.actual(), predictions.predicted(), predictions.positiveLabel());
    Optional<Double> macro = labelCounts.size() > 2
        ? Optional.of(Metrics.macroF1(predictions.actual(), predictions.predicted()))
        : Optional.empty();
    return new EvaluationReport(
        predictions.size(),
        skippedRows,
        folds,
        seed,
        predictions.positiveLabel(),
        labelCounts,
        pr.precision(),
        pr.recall(),
        pr.f1(),
        macro,
        Metrics.rocAuc(predictions.calibrated(), positive),
        Metrics.brier(predictions.calibrated(), positive),
        Metrics.brier(predictions.uncalibrated(), positive),
        Metrics.calibrationTable(predictions.calibrated(), positive, CALIBRATION_BINS),
        foldRocAuc,
        seconds);
  }

  /** The figures under stable snake_case names, for JSON output and model headers. NaN becomes null. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("rows", rows);
    map.put("skipped_rows", skippedRows);
    map.put("folds", folds);
    map.put("seed", seed);
    map.put("positive_label", positiveLabel);
    map.put("label_counts", labelCounts);
    map.put("precision", finite(precision));
    map.put("recall", finite(recall));
    map.put("f1", finite(f1));
    map.put("macro_f1", macroF1.map(EvaluationReport::finite).orElse(null));
    map.put("roc_auc", finite(rocAuc));
    map.put("brier", finite(brier));
    map.put("brier_uncalibrated", finite(brierUncalibrated));
    List<Map<String, Object>> bins = new ArrayList<>();
    for (CalibrationBin bin : calibration) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("lower", bin.lower());
      row.put("upper", bin.upper());
      row.put("count", bin.count());
      row.put("mean_predicted", finite(bin.meanPredicted()));
      row.put("observed_rate", finite(bin.observedRate()));
      bins.add(row);
    }
    map.put("calibration", bins);
    map.put("fold_roc_auc", foldRocAuc.stream().map(EvaluationReport::finite).toList());
    map.put("seconds", Math.round(seconds * 1000) / 1000.0);
    return map;
  }

  /** A table an analyst can read in a terminal. */
  public String toTable() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "rows %d (skipped %d), %d-fold stratified cross-validation, seed %d, %.1f s%n",
        rows, skippedRows, folds, seed, seconds));
    out.append("labels ").append(labelCounts).append(", positive label '").append(positiveLabel).append("'\n\n");
    out.append(String.format(Locale.ROOT, "  precision  %.4f%n", precision));
    out.append(String.format(Locale.ROOT, "  recall     %.4f%n", recall));
    out.append(String.format(Locale.ROOT, "  F1         %.4f%n", f1));
    macroF1.ifPresent(m -> out.append(String.format(Locale.ROOT, "  macro F1   %.4f%n", m)));
    out.append(String.format(Locale.ROOT, "  ROC-AUC    %.4f%s%n", rocAuc, foldRocAuc.isEmpty() ? "" : "  (per fold " + formatList(foldRocAuc) + ")"));
    out.append(String.format(Locale.ROOT, "  Brier      %.4f  (before calibration %.4f)%n%n", brier, brierUncalibrated));
    out.append("  calibration   count  mean predicted  observed rate\n");
    for (CalibrationBin bin : calibration) {
      out.append(String.format(Locale.ROOT, "  [%.1f, %.1f)  %7d  %14s  %13s%n", bin.lower(), bin.upper(), bin.count(),
          bin.count() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", bin.meanPredicted()),
          bin.count() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", bin.observedRate())));
    }
    return out.toString();
  }

  private static String formatList(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList().toString();
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
