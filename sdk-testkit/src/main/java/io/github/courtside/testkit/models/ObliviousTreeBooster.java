package io.github.courtside.testkit.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A small gradient booster of oblivious decision trees (the structure CatBoost uses) with squared
 * error, for demos and for tests that need models with known structure. CatBoost's own trainer
 * stays the tool for production models.
 *
 * <p>Candidate borders are midpoints between distinct values at up to {@code borderCount} quantiles
 * of each feature. Each tree picks, level by level, the (feature, border) split that maximises
 * {@code Σ_leaves sum² / (count + l2)} over the current residuals; leaf values are {@code
 * learningRate · sum / (count + l2)}. Deterministic: the same data and config give the same model.
 *
 * <pre>{@code
 * ObliviousTreeModel model = new ObliviousTreeBooster(BoosterConfig.builder().trees(50).build())
 *     .train(new TrainingSet(names, rows, points));
 * model.writeTo(Path.of("booster.json"));   // loads with CatBoostPredictor
 * }</pre>
 */
public final class ObliviousTreeBooster {
  private final BoosterConfig config;

  /** A booster with this configuration. */
  public ObliviousTreeBooster(BoosterConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Trains a model on {@code set}. */
  public ObliviousTreeModel train(TrainingSet set) {
    int n = set.size();
    int features = set.featureNames().size();
    double[][] borders = new double[features][];
    int[][] bins = new int[features][n];
    for (int f = 0; f < features; f++) {
      borders[f] = borders(set.rows(), f, config.borderCount());
      for (int i = 0; i < n; i++) {
        bins[f][i] = bin(borders[f], set.rows()[i][f]);
      }
    }
    double bias = 0;
    for (double target : set.targets()) {
      bias += target;
    }
    bias /= n;
    double[] prediction = new double[n];
    Arrays.fill(prediction, bias);
    double[] residual = new double[n];
    List<ObliviousTreeModel.Tree> trees = new ArrayList<>();
    int[] leaf = new int[n];
    for (int t = 0; t < config.trees(); t++) {
      for (int i = 0; i < n; i++) {
        residual[i] = set.targets()[i] - prediction[i];
      }
      Arrays.fill(leaf, 0);
      int depth = config.depth();
      int[] splitFeatures = new int[depth];
      int[] splitBorders = new int[depth];
      int used = 0;
      for (int level = 0; level < depth; level++) {
        int leaves = 1 << level;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestFeature = -1;
        int bestBorder = -1;
        for (int f = 0; f < features; f++) {
          int binCount = borders[f].length + 1;
          if (binCount < 2) {
            continue;
          }
          double[][] sums = new double[leaves][binCount];
          int[][] counts = new int[leaves][binCount];
          for (int i = 0; i < n; i++) {
            sums[leaf[i]][bins[f][i]] += residual[i];
            counts[leaf[i]][bins[f][i]]++;
          }
          for (int b = 0; b < borders[f].length; b++) {
            double score = 0;
            for (int l = 0; l < leaves; l++) {
              double leftSum = 0;
              int leftCount = 0;
              double totalSum = 0;
              int totalCount = 0;
              for (int k = 0; k < binCount; k++) {
                totalSum += sums[l][k];
                totalCount += counts[l][k];
                if (k <= b) {
                  leftSum += sums[l][k];
                  leftCount += counts[l][k];
                }
              }
              double rightSum = totalSum - leftSum;
              int rightCount = totalCount - leftCount;
              score += leftSum * leftSum / (leftCount + config.l2LeafRegularization() + 1e-12);
              score += rightSum * rightSum / (rightCount + config.l2LeafRegularization() + 1e-12);
            }
            if (score > bestScore + 1e-12) {
              bestScore = score;
              bestFeature = f;
              bestBorder = b;
            }
          }
        }
        if (bestFeature < 0) {
          break;
        }
        splitFeatures[level] = bestFeature;
        splitBorders[level] = bestBorder;
        used++;
        for (int i = 0; i < n; i++) {
          if (bins[bestFeature][i] > bestBorder) {
            leaf[i] |= 1 << level;
          }
        }
      }
      if (used == 0) {
        break;
      }
      double[] leafSums = new double[1 << used];
      int[] leafCounts = new int[1 << used];
      for (int i = 0; i < n; i++) {
        leafSums[leaf[i]] += residual[i];
        leafCounts[leaf[i]]++;
      }
      double[] values = new double[1 << used];
      for (int l = 0; l < values.length; l++) {
        values[l] =
            config.learningRate() * leafSums[l] / (leafCounts[l] + config.l2LeafRegularization());
      }
      for (int i = 0; i < n; i++) {
        prediction[i] += values[leaf[i]];
      }
      trees.add(
          new ObliviousTreeModel.Tree(
              Arrays.copyOf(splitFeatures, used), Arrays.copyOf(splitBorders, used), values));
    }
    return new ObliviousTreeModel(set.featureNames(), borders, trees, bias);
  }

  /** Number of borders strictly below the value, comparing as floats like CatBoost. */
  static int bin(double[] borders, double value) {
    float v = (float) value;
    int bin = 0;
    while (bin < borders.length && v > (float) borders[bin]) {
      bin++;
    }
    return bin;
  }

  static double[] borders(double[][] rows, int feature, int maxBorders) {
    float[] values = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      values[i] = (float) rows[i][feature];
    }
    Arrays.sort(values);
    float[] distinct = new float[values.length];
    int count = 0;
    for (float value : values) {
      if (count == 0 || value != distinct[count - 1]) {
        distinct[count++] = value;
      }
    }
    if (count < 2) {
      return new double[0];
    }
    int gaps = count - 1;
    int wanted = Math.min(maxBorders, gaps);
    double[] out = new double[wanted];
    int made = 0;
    int previous = -1;
    for (int k = 1; k <= wanted; k++) {
      // All gaps when few enough, else evenly spaced ones (distinct because gaps > wanted).
      int gap = wanted == gaps ? k - 1 : (int) ((long) k * gaps / (wanted + 1));
      if (gap == previous) {
        continue;
      }
      previous = gap;
      // A float border strictly between the two neighbours, so float comparison splits them.
      float low = distinct[gap];
      float high = distinct[gap + 1];
      float mid = (float) ((low + (double) high) / 2.0);
      if (!(mid > low && mid < high)) {
        mid = low;
      }
      out[made++] = mid;
    }
    return Arrays.copyOf(out, made);
  }
}
