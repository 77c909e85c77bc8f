package org.cordon.model.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.cordon.model.data.LabelledData;
import org.cordon.model.data.LabelledExample;
import org.cordon.model.features.FeatureHasher;

/** Labelled rows ready for training: label indices, the positive label and the hashed features. */
final class Dataset {
  final List<String> labels;
  final Map<String, Long> labelCounts;
  final int[] labelOf;
  final int positiveLabel;
  final FeatureRows rows;

  private Dataset(List<String> labels, Map<String, Long> labelCounts, int[] labelOf, int positiveLabel, FeatureRows rows) {
    this.labels = labels;
    this.labelCounts = labelCounts;
    this.labelOf = labelOf;
    this.positiveLabel = positiveLabel;
    this.rows = rows;
  }

  static Dataset of(LabelledData data, Optional<String> positive, FeatureHasher hasher) {
    Map<String, Long> counts = new TreeMap<>();
    for (LabelledExample example : data.examples()) {
      counts.merge(example.label(), 1L, Long::sum);
    }
    if (counts.size() < 2) {
      throw new IllegalArgumentException("training needs at least two labels; " + data.source() + " has " + counts.keySet());
    }
    List<String> labels = List.copyOf(counts.keySet());
    int positiveLabel = positive
        .map(p -> {
          int index = labels.indexOf(p);
          if (index < 0) {
            throw new IllegalArgumentException("the positive label '" + p + "' is not in the data; its labels are " + labels);
          }
          return index;
        })
        .orElseGet(() -> rarest(labels, counts));
    int[] labelOf = new int[data.examples().size()];
    List<String> texts = new ArrayList<>(labelOf.length);
    for (int i = 0; i < labelOf.length; i++) {
      LabelledExample example = data.examples().get(i);
      labelOf[i] = labels.indexOf(example.label());
      texts.add(example.text());
    }
    return new Dataset(labels, new LinkedHashMap<>(counts), labelOf, positiveLabel, FeatureRows.of(hasher, texts));
  }

  /** The rarest label; on a tie the one sorting last ("1" over "0", "yes" over "no"). */
  private static int rarest(List<String> labels, Map<String, Long> counts) {
    int best = 0;
    for (int i = 1; i < labels.size(); i++) {
      if (counts.get(labels.get(i)) <= counts.get(labels.get(best))) {
        best = i;
      }
    }
    return best;
  }

  int size() {
    return labelOf.length;
  }

  /** Labels that get their own logistic model: just the positive one for two labels, else each. */
  int[] scoredLabels() {
    if (labels.size() == 2) {
      return new int[] {positiveLabel};
    }
    int[] all = new int[labels.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  /**
   * Splits rows into folds with each label spread evenly: each label's rows are shuffled and dealt
   * in turn, continuing where the previous label stopped so fold sizes differ by at most one.
   */
  int[][] stratifiedFolds(int[] rowsToSplit, int folds, SplittableRandom random) {
    List<List<Integer>> byLabel = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      byLabel.add(new ArrayList<>());
    }
    for (int row : rowsToSplit) {
      byLabel.get(labelOf[row]).add(row);
    }
    List<List<Integer>> assigned = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      assigned.add(new ArrayList<>());
    }
    int next = 0;
    for (List<Integer> rowsOfLabel : byLabel) {
      int[] shuffled = rowsOfLabel.stream().mapToInt(Integer::intValue).toArray();
      LinearModel.shuffle(shuffled, random);
      for (int row : shuffled) {
        assigned.get(next).add(row);
        next = (next + 1) % folds;
      }
    }
    int[][] result = new int[folds][];
    for (int f = 0; f < folds; f++) {
      result[f] = assigned.get(f).stream().mapToInt(Integer::intValue).toArray();
    }
    return result;
  }

  static int[] allExcept(int[][] folds, int excluded) {
    int size = 0;
    for (int f = 0; f < folds.length; f++) {
      size += f == excluded ? 0 : folds[f].length;
    }
    int[] rows = new int[size];
    int at = 0;
    for (int f = 0; f < folds.length; f++) {
      if (f != excluded) {
        System.arraycopy(folds[f], 0, rows, at, folds[f].length);
        at += folds[f].length;
      }
    }
    return rows;
  }
}
