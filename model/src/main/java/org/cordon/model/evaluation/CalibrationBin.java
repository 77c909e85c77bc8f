package org.cordon.model.evaluation;

/**
 * One row of a calibration table: the predictions in [lower, upper), how many there were, their
 * mean and how often the positive label was actually true. Well calibrated: mean ≈ observed.
 */
public record CalibrationBin(double lower, double upper, long count, double meanPredicted, double observedRate) {}
