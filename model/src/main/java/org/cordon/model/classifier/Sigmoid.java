package org.cordon.model.classifier;

/** The logistic function, finite for any input. */
final class Sigmoid {
  private Sigmoid() {}

  static double of(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }
}
