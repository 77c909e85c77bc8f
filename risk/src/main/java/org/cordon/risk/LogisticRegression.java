package org.cordon.risk;

/**
 * L2-regularised logistic regression fitted by Newton's method. With a few dozen standardised
 * features a Newton step is a small linear solve, so training converges in about ten passes over
 * the data, deterministically, with no learning rate to tune.
 */
final class LogisticRegression {
  private LogisticRegression() {}

  /**
   * @param x rows of standardised features
   * @param y labels
   * @param l2 penalty on the weights (not the intercept)
   * @return the weights followed by the intercept
   */
  static double[] fit(double[][] x, boolean[] y, double l2) {
    int d = x.length == 0 ? 0 : x[0].length;
    int p = d + 1;
    double[] beta = new double[p];
    for (int iteration = 0; iteration < 100; iteration++) {
      double[] gradient = new double[p];
      double[][] hessian = new double[p][p];
      for (int j = 0; j < d; j++) {
        gradient[j] = l2 * beta[j];
        hessian[j][j] = l2;
      }
      hessian[d][d] = 1e-9; // keeps the system solvable when every label is the same
      for (int i = 0; i < x.length; i++) {
        double[] row = x[i];
        double prob = sigmoid(decision(beta, row));
        double g = prob - (y[i] ? 1 : 0);
        double h = Math.max(prob * (1 - prob), 1e-12);
        for (int j = 0; j < p; j++) {
          double xj = j < d ? row[j] : 1;
          gradient[j] += g * xj;
          for (int k = 0; k <= j; k++) {
            double xk = k < d ? row[k] : 1;
            hessian[j][k] += h * xj * xk;
          }
        }
      }
      for (int j = 0; j < p; j++) {
        for (int k = j + 1; k < p; k++) {
          hessian[j][k] = hessian[k][j];
        }
      }
      double[] step = solveSymmetric(hessian, gradient);
      double largest = 0;
      for (int j = 0; j < p; j++) {
        beta[j] -= step[j];
        largest = Math.max(largest, Math.abs(step[j]));
      }
      if (largest < 1e-9) {
        break;
      }
    }
    return beta;
  }

  static double decision(double[] beta, double[] row) {
    int d = row.length;
    double z = beta[d];
    for (int j = 0; j < d; j++) {
      z += beta[j] * row[j];
    }
    return z;
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /** Cholesky solve of a symmetric positive definite system. */
  static double[] solveSymmetric(double[][] a, double[] b) {
    int n = b.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          l[i][i] = Math.sqrt(Math.max(sum, 1e-12));
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * z[k];
      }
      z[i] = sum / l[i][i];
    }
    double[] solution = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = z[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k][i] * solution[k];
      }
      solution[i] = sum / l[i][i];
    }
    return solution;
  }
}
