package io.github.courtside.models.catboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.catboost.CatBoostModel;
import io.github.courtside.core.testkit.Fixtures;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.prediction.ModelType;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.PredictionRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real A1 model predicts the golden values of spec-ml §3 through the SDK. */
class CatBoostConformanceTest {
  private static final double TOLERANCE = 1e-4;
  private static final LocalDate DATE = LocalDate.parse("2024-01-10");
  private static CatBoostPredictor predictor;
  private static Path model;

  @BeforeAll
  static void load() {
    model = Fixtures.require("models/catboost_v9_exp_A1.cbm");
    predictor =
        CatBoostPredictor.builder(model)
            .metadata(Fixtures.require("models/catboost_v9_exp_A1.metadata.json"))
            .schema(FeatureSchema.V9_33)
            .build();
  }

  @AfterAll
  static void close() {
    if (predictor != null) {
      predictor.close();
    }
  }

  private static PredictionRequest request(String player, FeatureVector vector) {
    return PredictionRequest.of(player, "20240110_AAA_BBB", DATE, vector);
  }

  @Test
  void I21_theModelVersionIsTheFileHashPrefix() throws Exception {
    byte[] bytes = java.nio.file.Files.readAllBytes(model);
    String sha =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    assertEquals(sha.substring(0, 16), predictor.modelVersion());
    Prediction p = predictor.predict(request("role", GoldenVectors.vector(GoldenVectors.ROLE)));
    assertEquals(sha.substring(0, 16), p.modelVersion());
  }

  @Test
  void roleAndStarVectorsHitTheGoldenValues() {
    List<Prediction> predictions =
        predictor.predictAll(
            List.of(
                request("role", GoldenVectors.vector(GoldenVectors.ROLE)),
                request("star", GoldenVectors.vector(GoldenVectors.STAR))));
    assertEquals(11.650167, predictions.get(0).predictedPoints(), TOLERANCE);
    assertEquals(30.017073, predictions.get(1).predictedPoints(), TOLERANCE);
    assertEquals(ModelType.CATBOOST, predictions.get(0).modelType());
    assertEquals("catboost_v9_exp_A1_20260129_210936", predictions.get(0).modelId());
    assertEquals(16, predictions.get(0).modelVersion().length());
    assertTrue(predictions.get(0).imputedFeatures().isEmpty());
  }

  @Test
  void I32_missingLineFeaturesAreImputedWithTheMetadataMedians() throws Exception {
    FeatureVector withoutLine =
        GoldenVectors.vector(GoldenVectors.ROLE).toBuilder()
            .clear("vegas_points_line")
            .clear("vegas_opening_line")
            .clear("vegas_line_move")
            .set("has_vegas_line", 0, io.github.courtside.models.feature.FeatureSource.CALCULATED)
            .build();
    Prediction prediction = predictor.predict(request("role", withoutLine));
    assertEquals(
        List.of("vegas_points_line", "vegas_opening_line", "vegas_line_move"),
        prediction.imputedFeatures());

    double[] imputed = GoldenVectors.ROLE.clone();
    imputed[25] = 9.0; // A1 medians: line 9.0, opening 8.9, move 0.0
    imputed[26] = 8.9;
    imputed[27] = 0.0;
    imputed[28] = 0;
    double[] nan = GoldenVectors.ROLE.clone();
    nan[25] = Double.NaN;
    nan[26] = Double.NaN;
    nan[27] = Double.NaN;
    nan[28] = 0;
    try (CatBoostModel raw = CatBoostModel.loadModel(model.toString())) {
      double expected = raw.predict(GoldenVectors.floats(imputed), (String[]) null).get(0, 0);
      double fedNan = raw.predict(GoldenVectors.floats(nan), (String[]) null).get(0, 0);
      assertEquals(expected, prediction.predictedPoints(), TOLERANCE);
      // The hazard the imputation avoids: raw NaN gives the spec's 11.192100.
      assertEquals(11.192100, fedNan, TOLERANCE);
      assertTrue(Math.abs(prediction.predictedPoints() - fedNan) > 1e-3);
    }
  }
}
