package org.cordon.risk;

/**
 * Platt's sigmoid P(y=1 | f) = 1 / (1 + exp(a f + b)) fitted to held-out decision values, with
 * Platt's smoothed targets (so a perfectly separated fold does not drive the slope to infinity),
 * by Newton's method with a backtracking line search.
 */
final class PlattScaling {
  private PlattScaling() {}

  /** @return {a, b} */
  static double[] fit(double[] decisions, boolean[] labels) {
    int positives = 0;
    for (boolean y : labels) {
      positives += y ? 1 : 0;
    }
    int negatives = labels.length - positives;
    double high = (positives + 1.0) / (positives + 2.0);
    double low = 1.0 / (negatives + 2.0);
    double[] t = new double[labels.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = labels[i] ? high : low;
    }
    double a = 0;
    double b = Math.log((negatives + 1.0) / (positives + 1.0));
    double loss = loss(decisions, t, a, b);
    for (int iteration = 0; iteration < 100; iteration++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-12;
      double hbb = 1e-12;
      double hab = 0;
      for (int i = 0; i < decisions.length; i++) {
        double p = probability(decisions[i], a, b);
        double d1 = t[i] - p; // derivative of the loss by (a f + b)
        double d2 = p * (1 - p);
        ga += decisions[i] * d1;
        gb += d1;
        haa += decisions[i] * decisions[i] * d2;
        hbb += d2;
        hab += decisions[i] * d2;
      }
      if (Math.abs(ga) < 1e-9 && Math.abs(gb) < 1e-9) {
        break;
      }
      double det = haa * hbb - hab * hab;
      double da = -(hbb * ga - hab * gb) / det;
      double db = -(-hab * ga + haa * gb) / det;
      double stepSize = 1;
      boolean improved = false;
      while (stepSize >= 1e-10) {
        double na = a + stepSize * da;
        double nb = b + stepSize * db;
        double nl = loss(decisions, t, na, nb);
        if (nl < loss + 1e-4 * stepSize * (ga * da + gb * db)) {
          a = na;
          b = nb;
          loss = nl;
          improved = true;
          break;
        }
        stepSize /= 2;
      }
      if (!improved) {
        break;
      }
    }
    return new double[] {a, b};
  }

  static double probability(double f, double a, double b) {
    return LogisticRegression.sigmoid(-(a * f + b));
  }

  private static double loss(double[] f, double[] t, double a, double b) {
    double sum = 0;
    for (int i = 0; i < f.length; i++) {
      double z = a * f[i] + b;
      // -[t log p + (1-t) log(1-p)] with p = 1/(1+e^z), written to stay finite for large |z|
      sum += z >= 0 ? t[i] * z + Math.log1p(Math.exp(-z)) : (t[i] - 1) * z + Math.log1p(Math.exp(z));
    }
    return sum;
  }
}
