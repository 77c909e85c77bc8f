package org.cordon.model.classifier;

import java.util.List;
import java.util.stream.IntStream;
import org.cordon.model.features.FeatureHasher;
import org.cordon.model.features.SparseVector;

/**
 * The features of every training row: computed once and kept when they fit comfortably in the
 * heap (the usual case: 100,000 posts take about 300 MB), otherwise recomputed on each visit.
 */
sealed interface FeatureRows {
  SparseVector row(int index);

  /** Above this share of the maximum heap, rows are recomputed instead of kept. */
  double HEAP_SHARE = 0.35;

  static FeatureRows of(FeatureHasher hasher, List<String> texts) {
    int sample = Math.min(texts.size(), 1000);
    long sampledValues = 0;
    for (int i = 0; i < sample; i++) {
      sampledValues += hasher.features(texts.get(i)).size();
    }
    double bytesPerRow = 64 + 8.0 * sampledValues / Math.max(1, sample);
    if (bytesPerRow * texts.size() > HEAP_SHARE * Runtime.getRuntime().maxMemory()) {
      return new Recomputed(hasher, List.copyOf(texts));
    }
    SparseVector[] rows = IntStream.range(0, texts.size()).parallel()
        .mapToObj(i -> hasher.features(texts.get(i)))
        .toArray(SparseVector[]::new);
    return new Kept(rows);
  }

  record Kept(SparseVector[] rows) implements FeatureRows {
    @Override
    public SparseVector row(int index) {
      return rows[index];
    }
  }

  record Recomputed(FeatureHasher hasher, List<String> texts) implements FeatureRows {
    @Override
    public SparseVector row(int index) {
      return hasher.features(texts.get(index));
    }
  }
}
