package io.github.courtside.models.catboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.Fixtures;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.prediction.FeatureContractException;
import io.github.courtside.models.prediction.FeaturePreparationException;
import io.github.courtside.models.prediction.ModelLoadException;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.PredictionRequest;
import io.github.courtside.models.prediction.Recommendation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Regression tests for the vector-contract failures of spec-ml §6 on the real A1 model. */
class CatBoostPredictorTest {
  private static final LocalDate DAY = LocalDate.parse("2024-01-10");

  private static Path model() {
    return Fixtures.require("models/catboost_v9_exp_A1.cbm");
  }

  private static PredictionRequest request(FeatureVector vector) {
    return PredictionRequest.of("p", "g", DAY, vector);
  }

  @Test
  void I3_aSchemaShorterThanTheModelIsRefusedAtLoad() {
    FeatureSchema v25 = FeatureSchema.V2_60.prefix("v2_25features", 25);
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class, () -> CatBoostPredictor.builder(model()).schema(v25).build());
    assertEquals(FeatureSchema.V9_33.names().subList(25, 33), e.missingFeatures());
    assertTrue(e.getMessage().contains("vegas_points_line"), e.getMessage());
  }

  @Test
  void I3_vectorsShorterThanTheModelAreRejected() {
    FeatureSchema v25 = FeatureSchema.V2_60.prefix("v2_25features", 25);
    try (CatBoostPredictor predictor =
        CatBoostPredictor.builder(model()).schema(FeatureSchema.V9_33).build()) {
      FeatureContractException e =
          assertThrows(
              FeatureContractException.class,
              () -> predictor.predict(request(FeatureVector.builder(v25).build())));
      assertEquals(FeatureSchema.V9_33.names().subList(25, 33), e.missingFeatures());
    }
  }

  @Test
  void I4_extraTrailingFeaturesGiveTheSameOutput() {
    FeatureVector.Builder wide = FeatureVector.builder(FeatureSchema.V2_60);
    for (int i = 0; i < 33; i++) {
      wide.set(FeatureSchema.V2_60.feature(i).name(), GoldenVectors.STAR[i], FeatureSource.PHASE4);
    }
    wide.set("dnp_rate", 0.1, FeatureSource.CALCULATED);
    wide.set("days_rest", 2, FeatureSource.CALCULATED);
    try (CatBoostPredictor predictor =
        CatBoostPredictor.builder(model()).schema(FeatureSchema.V9_33).build()) {
      double narrow =
          predictor.predict(request(GoldenVectors.vector(GoldenVectors.STAR))).predictedPoints();
      assertEquals(narrow, predictor.predict(request(wide.build())).predictedPoints());
      assertEquals(30.017073, narrow, 1e-4);
    }
  }

  @Test
  void I31_vectorsAreBuiltByModelFeatureNames() {
    List<String> names = new ArrayList<>(FeatureSchema.V9_33.names());
    Collections.reverse(names);
    FeatureSchema.Builder reversed = FeatureSchema.builder("reversed");
    for (String name : names) {
      reversed.addFeatures(FeatureSchema.V9_33.feature(name).orElseThrow());
    }
    FeatureSchema schema = reversed.build();
    FeatureVector.Builder vector = FeatureVector.builder(schema);
    for (int i = 0; i < 33; i++) {
      vector.set(
          FeatureSchema.V9_33.feature(i).name(), GoldenVectors.ROLE[i], FeatureSource.PHASE4);
    }
    try (CatBoostPredictor predictor = CatBoostPredictor.builder(model()).schema(schema).build()) {
      assertEquals(11.650167, predictor.predict(request(vector.build())).predictedPoints(), 1e-4);
    }
  }

  @Test
  void metadataThatDisagreesWithTheModelIsRefused() {
    ModelMetadata wrong =
        new ModelMetadata("x", FeatureSchema.V2_60.names().subList(1, 34), Map.of());
    assertThrows(
        ModelLoadException.class,
        () ->
            CatBoostPredictor.builder(model()).schema(FeatureSchema.V9_33).metadata(wrong).build());
  }

  @Test
  void batchPredictionEqualsSinglePredictions() {
    Random random = new Random(7);
    List<PredictionRequest> requests = new ArrayList<>();
    for (int n = 0; n < 50; n++) {
      double[] values = GoldenVectors.ROLE.clone();
      for (int i = 0; i < 5; i++) {
        values[i] = random.nextDouble() * 30;
      }
      requests.add(
          request(GoldenVectors.vector(values)).toBuilder()
              .line(10 + random.nextInt(15) + 0.5)
              .build());
    }
    try (CatBoostPredictor predictor =
        CatBoostPredictor.builder(model()).schema(FeatureSchema.V9_33).build()) {
      List<Prediction> batch = predictor.predictAll(requests);
      for (int n = 0; n < requests.size(); n++) {
        Prediction single = predictor.predict(requests.get(n));
        assertEquals(single.toBuilder().createdAt(batch.get(n).createdAt()).build(), batch.get(n));
        double edge = single.predictedPoints() - requests.get(n).line().getAsDouble();
        assertEquals(edge, single.edge().orElseThrow(), 1e-12);
        assertEquals(Recommendation.of(edge, 1.0), single.recommendation());
      }
    }
  }

  @Test
  void jsonModelsLoadAndImputeFromTheirMetadata() throws Exception {
    FeatureSchema schema =
        FeatureSchema.builder("two")
            .addFeatures(FeatureSchema.V2_60.feature(0).withDefault(Double.NaN))
            .addFeatures(FeatureSchema.V2_60.feature(1).withDefault(Double.NaN))
            .build();
    try (var in = getClass().getResourceAsStream("/models/tiny.json");
        var meta = getClass().getResourceAsStream("/models/tiny.metadata.json");
        CatBoostPredictor predictor =
            CatBoostPredictor.builder("models/tiny.json", in)
                .metadata(ModelMetadata.read(meta, "tiny.metadata.json"))
                .schema(schema)
                .build()) {
      assertEquals("tiny", predictor.modelId());
      assertEquals(List.of("points_avg_last_5"), predictor.imputableFeatures());
      Prediction both =
          predictor.predict(
              request(
                  FeatureVector.of(
                      schema,
                      Map.of("points_avg_last_5", 1.0, "points_avg_last_10", 5.0),
                      FeatureSource.CALCULATED)));
      assertEquals(2.5, both.predictedPoints());
      Prediction imputed =
          predictor.predict(
              request(
                  FeatureVector.of(
                      schema, Map.of("points_avg_last_10", 0.0), FeatureSource.CALCULATED)));
      assertEquals(2.5, imputed.predictedPoints(), "L5 imputed with its median 1.0");
      assertEquals(List.of("points_avg_last_5"), imputed.imputedFeatures());
      FeaturePreparationException e =
          assertThrows(
              FeaturePreparationException.class,
              () ->
                  predictor.predict(
                      request(
                          FeatureVector.of(
                              schema,
                              Map.of("points_avg_last_5", 1.0),
                              FeatureSource.CALCULATED))));
      assertEquals(List.of("points_avg_last_10"), e.features());
    }
  }

  @Test
  void versionIsTheFileHashPrefixAndIdFallsBackToTheFileName() {
    assertEquals("catboost_v9", CatBoostPredictor.stem("/models/catboost_v9.cbm"));
    assertEquals("e3b0c44298fc1c14", CatBoostPredictor.sha256Prefix(new byte[0]));
  }
}
