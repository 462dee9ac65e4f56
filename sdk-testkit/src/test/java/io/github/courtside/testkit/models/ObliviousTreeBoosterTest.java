package io.github.courtside.testkit.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.catboost.CatBoostModel;
import io.github.courtside.models.catboost.CatBoostPredictor;
import io.github.courtside.models.feature.FeatureCategory;
import io.github.courtside.models.feature.FeatureSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObliviousTreeBoosterTest {

  /** y = 2·x0 + (x1 > 5 ? 10 : 0) + noise; x2 is irrelevant. */
  static TrainingSet synthetic(int n, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[n][3];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      rows[i][0] = random.nextDouble() * 10;
      rows[i][1] = random.nextDouble() * 10;
      rows[i][2] = random.nextDouble();
      y[i] = 2 * rows[i][0] + (rows[i][1] > 5 ? 10 : 0) + random.nextGaussian() * 0.1;
    }
    return new TrainingSet(List.of("x0", "x1", "x2"), rows, y);
  }

  private static double mse(ObliviousTreeModel model, TrainingSet set) {
    double sum = 0;
    for (int i = 0; i < set.size(); i++) {
      double e = model.predict(set.rows()[i]) - set.targets()[i];
      sum += e * e;
    }
    return sum / set.size();
  }

  @Test
  void trainingFitsTheSignal() {
    TrainingSet set = synthetic(2000, 1);
    ObliviousTreeModel model =
        new ObliviousTreeBooster(
                BoosterConfig.builder().trees(200).depth(3).learningRate(0.2).build())
            .train(set);
    double variance = 0;
    for (double y : set.targets()) {
      variance += (y - model.bias()) * (y - model.bias());
    }
    variance /= set.size();
    assertTrue(mse(model, set) < 0.02 * variance, "mse " + mse(model, set) + " vs " + variance);
    assertEquals(200, model.treeCount());
    assertTrue(Math.abs(model.predict(new double[] {5, 8, 0.5}) - 20) < 1.5);
  }

  @Test
  void theWrittenJsonLoadsInCatBoostWithTheSamePredictions(@TempDir Path dir) throws Exception {
    TrainingSet set = synthetic(500, 2);
    ObliviousTreeModel model =
        new ObliviousTreeBooster(BoosterConfig.builder().trees(40).depth(4).build()).train(set);
    Path file = dir.resolve("booster.json");
    model.writeTo(file);
    try (CatBoostModel raw = CatBoostModel.loadModel(file.toString(), "json");
        CatBoostPredictor predictor =
            CatBoostPredictor.builder(file)
                .schema(
                    FeatureSchema.builder("x")
                        .add("x0", FeatureCategory.PLAYER_HISTORY)
                        .add("x1", FeatureCategory.PLAYER_HISTORY)
                        .add("x2", FeatureCategory.PLAYER_HISTORY)
                        .build())
                .build()) {
      assertEquals(List.of("x0", "x1", "x2"), List.of(raw.getFeatureNames()));
      assertEquals(40, raw.getTreeCount());
      float[][] rows = new float[set.size()][];
      for (int i = 0; i < set.size(); i++) {
        double[] row = set.rows()[i];
        rows[i] = new float[] {(float) row[0], (float) row[1], (float) row[2]};
      }
      double[] catboost = predictor.predictRows(rows);
      for (int i = 0; i < set.size(); i++) {
        double[] asFloat = {rows[i][0], rows[i][1], rows[i][2]};
        assertEquals(model.predict(asFloat), catboost[i], 1e-6, "row " + i);
      }
    }
    assertTrue(Files.readString(file).contains("\"oblivious_trees\""));
  }

  @Test
  void trainingIsDeterministic() {
    TrainingSet set = synthetic(300, 3);
    BoosterConfig config = BoosterConfig.builder().trees(10).build();
    assertEquals(
        new ObliviousTreeBooster(config).train(set).toCatBoostJson(),
        new ObliviousTreeBooster(config).train(set).toCatBoostJson());
  }

  @Test
  void invalidInputsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new TrainingSet(List.of("a"), new double[][] {{Double.NaN}}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TrainingSet(List.of("a"), new double[][] {{1}}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> BoosterConfig.builder().depth(9).build());
  }

  @Test
  void bordersSeparateDistinctFloatNeighbours() {
    double[][] rows = {{1.0}, {1.0}, {2.0}, {3.0}};
    double[] borders = ObliviousTreeBooster.borders(rows, 0, 10);
    assertEquals(2, borders.length);
    assertEquals(0, ObliviousTreeBooster.bin(borders, 1.0));
    assertEquals(1, ObliviousTreeBooster.bin(borders, 2.0));
    assertEquals(2, ObliviousTreeBooster.bin(borders, 3.0));
  }
}
