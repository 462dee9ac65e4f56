package io.github.courtside.testkit.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.catboost.CatBoostModel;
import io.github.courtside.models.catboost.CatBoostPredictor;
import io.github.courtside.models.feature.FeatureCategory;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.testkit.Generator;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated models load through catboost4j and {@link CatBoostPredictor} and predict, row for row,
 * what the generator's own model predicts: the JSON says what the model object means.
 */
class CatBoostModelsTest {

  @Test
  void theSameSeedGivesTheSameModel() {
    assertEquals(
        json(CatBoostModels.models().samples(4L, 30)),
        json(CatBoostModels.models().samples(4L, 30)));
    assertNotEquals(
        json(CatBoostModels.models().samples(4L, 5)), json(CatBoostModels.models().samples(5L, 5)));
    assertEquals(
        json(CatBoostModels.trained().samples(4L, 3)),
        json(CatBoostModels.trained().samples(4L, 3)));
  }

  @Test
  void drawnModelsLoadThroughCatBoostAndPredictWhatTheyMean(@TempDir Path dir) throws Exception {
    SplittableRandom random = new SplittableRandom(77L);
    for (int i = 0; i < 30; i++) {
      int size = (i * 13) % (Generator.MAX_SIZE + 1);
      assertCatBoostAgrees(
          CatBoostModels.models().generate(random, size), dir, "model " + i, random);
    }
  }

  @Test
  void trainedModelsLoadThroughCatBoostAndPredictWhatTheyMean(@TempDir Path dir) throws Exception {
    SplittableRandom random = new SplittableRandom(78L);
    for (int i = 0; i < 4; i++) {
      assertCatBoostAgrees(
          CatBoostModels.trained().generate(random, 30 * i), dir, "trained " + i, random);
    }
  }

  private static void assertCatBoostAgrees(
      ObliviousTreeModel model, Path dir, String context, SplittableRandom random)
      throws Exception {
    Path file = dir.resolve(context.replace(' ', '-') + ".json");
    model.writeTo(file);
    FeatureSchema.Builder schema = FeatureSchema.builder("generated");
    model.featureNames().forEach(name -> schema.add(name, FeatureCategory.PLAYER_HISTORY));
    List<double[]> rows = CatBoostModels.rows(model).list(200, 200).generate(random, 100);
    float[][] floats = new float[rows.size()][];
    for (int r = 0; r < rows.size(); r++) {
      floats[r] = new float[rows.get(r).length];
      for (int f = 0; f < floats[r].length; f++) {
        floats[r][f] = (float) rows.get(r)[f];
      }
    }
    try (CatBoostModel raw = CatBoostModel.loadModel(file.toString(), "json");
        CatBoostPredictor predictor =
            CatBoostPredictor.builder(file).schema(schema.build()).build()) {
      assertEquals(model.featureNames(), List.of(raw.getFeatureNames()), context);
      assertEquals(model.treeCount(), raw.getTreeCount(), context);
      double[] catboost = predictor.predictRows(floats);
      for (int r = 0; r < rows.size(); r++) {
        double expected = model.predict(rows.get(r));
        assertEquals(
            expected, catboost[r], 1e-4 * Math.max(1, Math.abs(expected)), context + " row " + r);
      }
    }
  }

  private static List<String> json(List<ObliviousTreeModel> models) {
    return models.stream().map(ObliviousTreeModel::toCatBoostJson).toList();
  }
}
