package io.github.courtside.models.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.models.catboost.CatBoostPredictor;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureVector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FallbackPredictorTest {
  private static final LocalDate DAY = LocalDate.parse("2024-02-01");
  private final CatBoostPredictor tiny = TinyModel.load(false);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    tiny.close();
  }

  static PredictionRequest request(String player, double l5, double l10) {
    FeatureVector.Builder vector = FeatureVector.builder(TinyModel.SCHEMA);
    vector.set("points_avg_last_5", l5, FeatureSource.CALCULATED);
    vector.set("points_avg_last_10", l10, FeatureSource.CALCULATED);
    vector.set("points_avg_season", 5.0, FeatureSource.CALCULATED);
    return PredictionRequest.of(player, "g-" + player, DAY, vector.build()).toBuilder()
        .line(2.0)
        .build();
  }

  @Test
  void I1_aMissingModelFailsConstructionAndNeverAnswersWithTheWeightedAverage(@TempDir Path dir)
      throws Exception {
    Path absent = dir.resolve("catboost_v9.cbm");
    ModelLoadException missing =
        assertThrows(
            ModelLoadException.class,
            () -> CatBoostPredictor.builder(absent).schema(FeatureSchema.V9_33).build());
    assertEquals(absent.toString(), missing.location());
    Path corrupt = Files.writeString(dir.resolve("corrupt.cbm"), "not a model");
    assertThrows(
        ModelLoadException.class,
        () -> CatBoostPredictor.builder(corrupt).schema(FeatureSchema.V9_33).build());
  }

  @Test
  void aToleratedLoadFailureAnswersEveryRequestWithATaggedFallback(@TempDir Path dir) {
    Path absent = dir.resolve("catboost_v9.cbm");
    assertThrows(
        ModelLoadException.class,
        () ->
            FallbackPredictor.builder(
                    () -> CatBoostPredictor.builder(absent).schema(FeatureSchema.V9_33).build(),
                    "v9")
                .build());
    FallbackPredictor tolerant =
        FallbackPredictor.builder(
                () -> CatBoostPredictor.builder(absent).schema(FeatureSchema.V9_33).build(), "v9")
            .tolerateLoadFailure(true)
            .meterRegistry(registry)
            .build();
    assertTrue(!tolerant.modelLoaded());
    List<Prediction> slate = tolerant.predictAll(List.of(request("a", 1, 2), request("b", 3, 4)));
    for (Prediction p : slate) {
      assertEquals(Optional.of(FallbackReason.MODEL_NOT_LOADED), p.fallbackReason());
      assertEquals("v9", p.modelId());
      assertEquals(Recommendation.PASS, p.recommendation());
    }
    assertEquals(
        2.0,
        registry
            .get("courtside.predictions.fallback")
            .tag("reason", "model_not_loaded")
            .counter()
            .count());
  }

  @Test
  void aFeatureFailureIsAnsweredByATaggedCountedFallback() {
    // Ungated: with the gate on, the missing L10 is blocked before the model (ReadinessGateTest).
    FallbackPredictor predictor =
        FallbackPredictor.builder(tiny).withoutQualityGate().meterRegistry(registry).build();
    Prediction ok = predictor.predict(request("ok", 1, 5));
    assertEquals(2.5, ok.predictedPoints());
    assertEquals(ModelType.CATBOOST, ok.modelType());
    assertEquals(Optional.empty(), ok.fallbackReason());

    Prediction fallback = predictor.predict(request("bad", 30, Double.NaN));
    assertEquals(ModelType.WEIGHTED_AVERAGE_FALLBACK, fallback.modelType());
    assertEquals(Optional.of(FallbackReason.FEATURE_PREPARATION_FAILED), fallback.fallbackReason());
    // L10 missing -> season: 0.40*30 + 0.35*5 + 0.25*5
    assertEquals(15.0, fallback.predictedPoints());
    assertEquals(Recommendation.PASS, fallback.recommendation());
    assertEquals(0.5, fallback.confidence());
    assertEquals("tiny", fallback.modelId());
    assertEquals(1, predictor.fallbackCount());
    assertEquals(
        1.0,
        registry
            .get("courtside.predictions.fallback")
            .tag("model", "tiny")
            .tag("reason", "feature_preparation_failed")
            .counter()
            .count());
  }

  @Test
  void eachImputationIsCountedAndPersistedAsADefaultedRequiredFeature() {
    try (CatBoostPredictor withMedians = TinyModel.load(true)) {
      FallbackPredictor predictor =
          FallbackPredictor.builder(withMedians)
              .withoutQualityGate()
              .meterRegistry(registry)
              .build();
      Prediction p = predictor.predict(request("x", Double.NaN, 3));
      assertEquals(ModelType.CATBOOST, p.modelType());
      assertEquals(List.of("points_avg_last_5"), p.imputedFeatures());
      assertTrue(p.defaultedRequiredFeatures().contains("points_avg_last_5"));
      assertEquals(1, predictor.imputationCount());
      assertEquals(
          1.0,
          registry
              .get("courtside.predictions.imputed")
              .tag("model", "tiny")
              .tag("feature", "points_avg_last_5")
              .counter()
              .count());
    }
  }

  @Test
  void oneBadVectorDoesNotSendTheSlateToTheFallback() {
    FallbackPredictor predictor = FallbackPredictor.builder(tiny).build();
    List<Prediction> slate =
        predictor.predictAll(
            List.of(request("a", 0, 0), request("b", Double.NaN, 3), request("c", 1, 20)));
    assertEquals(ModelType.CATBOOST, slate.get(0).modelType());
    assertEquals(ModelType.WEIGHTED_AVERAGE_FALLBACK, slate.get(1).modelType());
    assertEquals(ModelType.CATBOOST, slate.get(2).modelType());
    assertEquals(60.0, slate.get(2).predictedPoints(), "model output is clamped to 60");
    assertEquals(1, predictor.fallbackCount());
  }

  @Test
  void aFallbackWithoutAReasonCannotExist() {
    Prediction.Builder prediction =
        Prediction.builder()
            .playerLookup("p")
            .gameId("g")
            .gameDate(DAY)
            .predictedPoints(28.05)
            .recommendation(Recommendation.PASS)
            .confidence(0.5)
            .modelId("m")
            .modelVersion("v")
            .createdAt(Instant.now());
    assertThrows(
        IllegalArgumentException.class,
        () -> prediction.modelType(ModelType.WEIGHTED_AVERAGE_FALLBACK).build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            prediction
                .modelType(ModelType.CATBOOST)
                .fallbackReason(FallbackReason.MODEL_PREDICTION_FAILED)
                .build());
    assertThrows(
        IllegalArgumentException.class,
        () -> FallbackPredictor.builder(new FallbackOnly()).build());
  }

  @Test
  void I28_unexpectedErrorsAreNotPaperedOverWithAFallback() {
    Predictor broken =
        new FallbackOnly() {
          @Override
          public ModelType modelType() {
            return ModelType.CATBOOST;
          }

          @Override
          public Prediction predict(PredictionRequest request) {
            throw new IllegalStateException("bug in the model wrapper");
          }
        };
    FallbackPredictor predictor = FallbackPredictor.builder(broken).build();
    assertThrows(IllegalStateException.class, () -> predictor.predict(request("x", 1, 1)));
    assertEquals(0, predictor.fallbackCount());
  }

  @Test
  void weightedAverageWorkedValue() {
    FeatureVector vector =
        FeatureVector.builder(io.github.courtside.models.feature.FeatureSchema.V9_33)
            .set("points_avg_last_5", 30, FeatureSource.CALCULATED)
            .set("points_avg_last_10", 28, FeatureSource.CALCULATED)
            .set("points_avg_season", 25, FeatureSource.CALCULATED)
            .build();
    PredictionRequest request =
        PredictionRequest.of("p", "g", DAY, vector).toBuilder().line(27.5).build();
    Prediction p =
        new WeightedAverageFallback()
            .answer(request, "m", "v", FallbackReason.MODEL_PREDICTION_FAILED);
    assertEquals(28.05, p.predictedPoints());
    assertEquals(0.55, p.edge().orElseThrow(), 1e-9);
    assertEquals(Recommendation.PASS, p.recommendation());
    assertTrue(p.isFallback());
  }

  /** A predictor that claims to be a fallback. */
  private static class FallbackOnly implements Predictor {
    @Override
    public String modelId() {
      return "fallback";
    }

    @Override
    public String modelVersion() {
      return "1";
    }

    @Override
    public ModelType modelType() {
      return ModelType.WEIGHTED_AVERAGE_FALLBACK;
    }

    @Override
    public Prediction predict(PredictionRequest request) {
      throw new UnsupportedOperationException();
    }
  }
}
