package org.cordon.risk;

/**
 * @param l2 penalty on the standardised weights: larger is smoother, smaller fits the labels harder
 * @param folds cross-validation folds whose held-out scores fit the calibration and the threshold
 * @param seed shuffles the folds; the same examples and seed give the same model
 * @param beta the flagging threshold is the one with the best held-out F-beta: a unit's referrals
 *     must stay credible, so by default precision weighs twice as much as recall (beta 0.5); 1 is F1
 */
public record TrainingOptions(double l2, int folds, long seed, double beta) {
  /** The default beta: precision counts twice as much as recall. */
  public static final double PRECISION_FIRST = 0.5;

  public TrainingOptions(double l2, int folds, long seed) {
    this(l2, folds, seed, PRECISION_FIRST);
  }

  public TrainingOptions {
    if (!(beta > 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta is a positive number: " + beta);
    }
    if (!(l2 > 0) || Double.isInfinite(l2)) {
      throw new IllegalArgumentException("l2 is a positive number: " + l2);
    }
    if (folds < 2 || folds > 20) {
      throw new IllegalArgumentException("folds is between 2 and 20: " + folds);
    }
  }

  public static TrainingOptions defaults() {
    return new TrainingOptions(1.0, 5, 20141101L);
  }
}
