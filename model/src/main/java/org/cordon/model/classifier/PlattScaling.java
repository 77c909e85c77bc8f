package org.cordon.model.classifier;

/**
 * Maps a raw margin m to a probability sigmoid(a·m + b), with a and b fitted by Newton's method on
 * held-out rows against Platt's smoothed targets (so a perfectly separated held-out set does not
 * push the probabilities to exactly 0 or 1).
 */
record PlattScaling(double a, double b) {
  static final PlattScaling IDENTITY = new PlattScaling(1, 0);

  double probability(double margin) {
    return Sigmoid.of(a * margin + b);
  }

  static PlattScaling fit(double[] margins, boolean[] positive) {
    long positives = 0;
    for (boolean p : positive) {
      if (p) {
        positives++;
      }
    }
    long negatives = positive.length - positives;
    if (positives == 0 || negatives == 0) {
      return IDENTITY;
    }
    double highTarget = (positives + 1.0) / (positives + 2.0);
    double lowTarget = 1.0 / (negatives + 2.0);
    double[] targets = new double[margins.length];
    for (int i = 0; i < margins.length; i++) {
      targets[i] = positive[i] ? highTarget : lowTarget;
    }
    double a = 1;
    double b = 0;
    double loss = loss(margins, targets, a, b);
    for (int iteration = 0; iteration < 100; iteration++) {
      double gradientA = 0;
      double gradientB = 0;
      double hessianAA = 1e-9;
      double hessianAB = 0;
      double hessianBB = 1e-9;
      for (int i = 0; i < margins.length; i++) {
        double p = Sigmoid.of(a * margins[i] + b);
        double residual = p - targets[i];
        double curvature = Math.max(p * (1 - p), 1e-12);
        gradientA += residual * margins[i];
        gradientB += residual;
        hessianAA += curvature * margins[i] * margins[i];
        hessianAB += curvature * margins[i];
        hessianBB += curvature;
      }
      double determinant = hessianAA * hessianBB - hessianAB * hessianAB;
      if (Math.abs(determinant) < 1e-18) {
        break;
      }
      double stepA = -(hessianBB * gradientA - hessianAB * gradientB) / determinant;
      double stepB = -(hessianAA * gradientB - hessianAB * gradientA) / determinant;
      double scale = 1;
      double newLoss = loss(margins, targets, a + stepA, b + stepB);
      while (newLoss > loss + 1e-12 && scale > 1e-6) {
        scale /= 2;
        newLoss = loss(margins, targets, a + scale * stepA, b + scale * stepB);
      }
      if (newLoss > loss + 1e-12) {
        break;
      }
      a += scale * stepA;
      b += scale * stepB;
      boolean converged = Math.abs(scale * stepA) < 1e-9 && Math.abs(scale * stepB) < 1e-9;
      loss = newLoss;
      if (converged) {
        break;
      }
    }
    return new PlattScaling(a, b);
  }

  private static double loss(double[] margins, double[] targets, double a, double b) {
    double sum = 0;
    for (int i = 0; i < margins.length; i++) {
      double z = a * margins[i] + b;
      // log(1 + e^z) - t z, written to stay finite for large |z|
      double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      sum += softplus - targets[i] * z;
    }
    return sum;
  }
}
