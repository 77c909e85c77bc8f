package org.cordon.model.classifier;

import java.util.SplittableRandom;
import org.cordon.model.features.SparseVector;

/**
 * One logistic regression per scored label over the hashed features, trained with AdaGrad. L2 is
 * applied to the weights an example touches (the usual sparse approximation), which keeps each
 * update proportional to the example's features rather than to the whole space.
 */
final class LinearModel {
  final int[] scoredLabels;
  final float[][] weights;
  final float[] bias;

  LinearModel(int[] scoredLabels, float[][] weights, float[] bias) {
    this.scoredLabels = scoredLabels;
    this.weights = weights;
    this.bias = bias;
  }

  double margin(int scored, SparseVector x) {
    return x.dot(weights[scored]) + bias[scored];
  }

  int indexOfLabel(int label) {
    for (int k = 0; k < scoredLabels.length; k++) {
      if (scoredLabels[k] == label) {
        return k;
      }
    }
    return -1;
  }

  static LinearModel train(FeatureRows rows, int[] labelOf, int[] trainingRows, int[] scoredLabels, int dimensions, TrainingOptions options) {
    int classes = scoredLabels.length;
    float[][] weights = new float[classes][dimensions];
    float[][] squaredGradients = new float[classes][dimensions];
    float[] bias = new float[classes];
    float[] biasSquaredGradients = new float[classes];
    int[] order = trainingRows.clone();
    SplittableRandom random = new SplittableRandom(options.seed());
    float learningRate = (float) options.learningRate();
    float l2 = (float) options.l2();
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      shuffle(order, random);
      for (int row : order) {
        SparseVector x = rows.row(row);
        int[] indices = x.indices();
        float[] values = x.values();
        for (int k = 0; k < classes; k++) {
          float[] w = weights[k];
          float[] g2 = squaredGradients[k];
          double margin = bias[k];
          for (int j = 0; j < indices.length; j++) {
            margin += w[indices[j]] * values[j];
          }
          double target = labelOf[row] == scoredLabels[k] ? 1 : 0;
          float residual = (float) (Sigmoid.of(margin) - target);
          for (int j = 0; j < indices.length; j++) {
            int i = indices[j];
            float gradient = residual * values[j] + l2 * w[i];
            g2[i] += gradient * gradient;
            w[i] -= learningRate * gradient / (float) Math.sqrt(g2[i] + 1e-8f);
          }
          biasSquaredGradients[k] += residual * residual;
          bias[k] -= learningRate * residual / (float) Math.sqrt(biasSquaredGradients[k] + 1e-8f);
        }
      }
    }
    return new LinearModel(scoredLabels, weights, bias);
  }

  static void shuffle(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
