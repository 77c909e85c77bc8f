package org.cordon.model.features;

import java.util.Objects;

/**
 * The features of one text: hashed bucket indices (distinct; from {@link FeatureHasher#features} in the order the
 * text first reaches them) with their signed values.
 * The arrays are owned by this vector; callers must not change them.
 */
public record SparseVector(int[] indices, float[] values) {
  public SparseVector {
    Objects.requireNonNull(indices, "indices");
    Objects.requireNonNull(values, "values");
    if (indices.length != values.length) {
      throw new IllegalArgumentException("indices and values differ in length: " + indices.length + " vs " + values.length);
    }
  }

  public int size() {
    return indices.length;
  }

  public double dot(float[] weights) {
    double sum = 0;
    for (int i = 0; i < indices.length; i++) {
      sum += weights[indices[i]] * values[i];
    }
    return sum;
  }
}
