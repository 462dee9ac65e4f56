package io.github.courtside.testkit.models;

import io.github.courtside.testkit.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generators of small CatBoost models of known structure, written in CatBoost's JSON model format
 * ({@link ObliviousTreeModel#toCatBoostJson()}), which loads through catboost4j ({@code
 * CatBoostModel.loadModel(path, "json")}) and {@code CatBoostPredictor}.
 *
 * <pre>{@code
 * ObliviousTreeModel model = CatBoostModels.models().sample(3L);
 * model.writeTo(dir.resolve("model.json"));
 * double expected = model.predict(row);     // what catboost4j must predict for the row
 * }</pre>
 */
public final class CatBoostModels {
  private CatBoostModels() {}

  /**
   * Models whose every tree is drawn: 1 to 6 float features named {@code f0, f1, ...}, 1 to 8
   * sorted, distinct float borders per feature, 1 to 40 oblivious trees of depth 1 to 6 splitting
   * on random (feature, border) pairs, leaf values in [-5, 5] and a bias in [0, 30]. Size 0 is one
   * feature, one border and one tree of depth 1.
   */
  public static Generator<ObliviousTreeModel> models() {
    Generator<Integer> features = Generator.ints(1, 6);
    Generator<Integer> borders = Generator.ints(1, 8);
    Generator<Integer> trees = Generator.ints(1, 40);
    Generator<Integer> depths = Generator.ints(1, 6);
    return (random, size) -> {
      int featureCount = features.generate(random, size);
      List<String> names = new ArrayList<>();
      double[][] borderValues = new double[featureCount][];
      for (int f = 0; f < featureCount; f++) {
        names.add("f" + f);
        borderValues[f] = borders(random, borders.generate(random, size));
      }
      int treeCount = trees.generate(random, size);
      List<ObliviousTreeModel.Tree> drawn = new ArrayList<>();
      for (int t = 0; t < treeCount; t++) {
        int depth = depths.generate(random, size);
        int[] splitFeatures = new int[depth];
        int[] splitBorders = new int[depth];
        for (int level = 0; level < depth; level++) {
          splitFeatures[level] = random.nextInt(featureCount);
          splitBorders[level] = random.nextInt(borderValues[splitFeatures[level]].length);
        }
        double[] leaves = new double[1 << depth];
        for (int l = 0; l < leaves.length; l++) {
          leaves[l] = Math.round(random.nextDouble(-5, 5) * 1000) / 1000.0;
        }
        drawn.add(new ObliviousTreeModel.Tree(splitFeatures, splitBorders, leaves));
      }
      double bias = Math.round(random.nextDouble(0, 30) * 100) / 100.0;
      return new ObliviousTreeModel(names, borderValues, drawn, bias);
    };
  }

  /**
   * Models trained by the {@link ObliviousTreeBooster} on a known signal: {@code y = 2·x0 + (x1 > 5
   * ? 10 : 0)} plus small noise, over 2 to 4 features in [0, 10) (the others irrelevant), 100 to
   * 400 rows, 5 to 40 trees of depth 2 to 4. Useful where a test needs a model whose predictions
   * mean something (it scores higher when x0 is higher).
   */
  public static Generator<ObliviousTreeModel> trained() {
    Generator<Integer> features = Generator.ints(2, 4);
    Generator<Integer> rows = Generator.ints(100, 400);
    Generator<Integer> trees = Generator.ints(5, 40);
    Generator<Integer> depths = Generator.ints(2, 4);
    return (random, size) -> {
      int featureCount = features.generate(random, size);
      int n = rows.generate(random, size);
      List<String> names = new ArrayList<>();
      for (int f = 0; f < featureCount; f++) {
        names.add("x" + f);
      }
      double[][] x = new double[n][featureCount];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        for (int f = 0; f < featureCount; f++) {
          x[i][f] = random.nextDouble() * 10;
        }
        y[i] = 2 * x[i][0] + (x[i][1] > 5 ? 10 : 0) + (random.nextDouble() - 0.5) * 0.2;
      }
      BoosterConfig config =
          BoosterConfig.builder()
              .trees(trees.generate(random, size))
              .depth(depths.generate(random, size))
              .learningRate(0.3)
              .build();
      return new ObliviousTreeBooster(config).train(new TrainingSet(names, x, y));
    };
  }

  /**
   * Rows of {@code model}'s feature count with values spread over and around its borders; one value
   * in five lies exactly on a border (which is "not greater", so it goes to the low side).
   */
  public static Generator<double[]> rows(ObliviousTreeModel model) {
    int features = model.featureNames().size();
    double[][] borders = model.borders();
    return (random, size) -> {
      double[] row = new double[features];
      for (int f = 0; f < features; f++) {
        row[f] =
            borders[f].length > 0 && random.nextInt(5) == 0
                ? borders[f][random.nextInt(borders[f].length)]
                : random.nextDouble(-2, 12);
      }
      return row;
    };
  }

  /** {@code count} distinct sorted borders in [0, 10], on a 1/64 grid (exact as floats). */
  private static double[] borders(SplittableRandom random, int count) {
    java.util.TreeSet<Double> values = new java.util.TreeSet<>();
    while (values.size() < count) {
      values.add(random.nextInt(641) / 64.0);
    }
    return Arrays.stream(values.toArray(new Double[0])).mapToDouble(Double::doubleValue).toArray();
  }
}
