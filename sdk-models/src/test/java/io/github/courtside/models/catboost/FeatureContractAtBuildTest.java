package io.github.courtside.models.catboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.Fixtures;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.prediction.FeaturePreparationException;
import io.github.courtside.models.prediction.ModelLoadException;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.PredictionRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The feature contract is a build-time configuration check: no predictor without a schema covering
 * every model feature, imputation only for the features the training metadata marks as imputed,
 * each with a median checked at load, and every imputation counted and carried by its prediction.
 */
class FeatureContractAtBuildTest {
  private static final LocalDate DAY = LocalDate.parse("2024-01-10");

  private static Path model() {
    return Fixtures.require("models/catboost_v9_exp_A1.cbm");
  }

  private static ModelMetadata a1() {
    return ModelMetadata.read(Fixtures.require("models/catboost_v9_exp_A1.metadata.json"));
  }

  /** The golden role vector with {@code names} set to NaN. */
  private static PredictionRequest roleWithout(String... names) {
    FeatureVector.Builder vector = FeatureVector.builder(FeatureSchema.V9_33);
    for (int i = 0; i < 33; i++) {
      vector.set(
          FeatureSchema.V9_33.feature(i).name(), GoldenVectors.ROLE[i], FeatureSource.PHASE4);
    }
    for (String name : names) {
      vector.set(name, Double.NaN, FeatureSource.MISSING);
    }
    return PredictionRequest.of("role", "g", DAY, vector.build());
  }

  @Test
  void aPredictorCannotBeBuiltWithoutASchema() {
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> CatBoostPredictor.builder(model()).build());
    assertTrue(e.getMessage().contains("no feature schema"), e.getMessage());
  }

  @Test
  void aSchemaLackingModelFeaturesIsABuildErrorNamingThem() {
    FeatureSchema partial =
        FeatureSchema.builder("no-opponent")
            .addFeatures(FeatureSchema.V9_33.feature(0))
            .addFeatures(FeatureSchema.V9_33.feature(29))
            .build();
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () -> CatBoostPredictor.builder(model()).schema(partial).build());
    assertEquals(31, e.missingFeatures().size());
    assertTrue(e.missingFeatures().contains("games_vs_opponent"));
    assertTrue(e.getMessage().contains("no-opponent"), e.getMessage());
  }

  @Test
  void imputedFeaturesWithoutAMedianAreRefusedAtLoad() {
    String json =
        "{\"features\": [], \"feature_medians\": {\"vegas_points_line\": 9.0},"
            + " \"imputed_features\": [\"vegas_points_line\", \"vegas_opening_line\"]}";
    ModelMetadata metadata =
        ModelMetadata.read(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "meta.json");
    assertEquals(List.of("vegas_points_line", "vegas_opening_line"), metadata.imputedFeatures());
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () ->
                CatBoostPredictor.builder(model())
                    .schema(FeatureSchema.V9_33)
                    .metadata(metadata)
                    .build());
    assertTrue(e.getMessage().contains("[vegas_opening_line]"), e.getMessage());
  }

  @Test
  void onlyFeaturesMarkedImputedInTrainingAreImputed() {
    ModelMetadata a1 = a1();
    ModelMetadata vegasOnly =
        new ModelMetadata(
            a1.modelName(),
            a1.features(),
            a1.featureMedians(),
            List.of("vegas_points_line", "vegas_opening_line", "vegas_line_move"));
    try (CatBoostPredictor predictor =
        CatBoostPredictor.builder(model())
            .schema(FeatureSchema.V9_33)
            .metadata(vegasOnly)
            .build()) {
      assertEquals(
          List.of("vegas_points_line", "vegas_opening_line", "vegas_line_move"),
          predictor.imputableFeatures());
      Prediction lines =
          predictor.predict(
              roleWithout("vegas_points_line", "vegas_opening_line", "vegas_line_move"));
      assertEquals(
          List.of("vegas_points_line", "vegas_opening_line", "vegas_line_move"),
          lines.imputedFeatures());
      FeaturePreparationException e =
          assertThrows(
              FeaturePreparationException.class,
              () -> predictor.predict(roleWithout("avg_points_vs_opponent")));
      assertEquals(List.of("avg_points_vs_opponent"), e.features());
    }
  }

  @Test
  void everyImputationIsCountedInAMeterAndCarriedByItsPrediction() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (CatBoostPredictor predictor =
        CatBoostPredictor.builder(model())
            .schema(FeatureSchema.V9_33)
            .metadata(a1())
            .meterRegistry(registry)
            .build()) {
      List<Prediction> predictions =
          predictor.predictAll(
              List.of(
                  roleWithout("vegas_points_line", "vegas_opening_line"),
                  roleWithout(),
                  roleWithout("vegas_points_line")));
      assertEquals(
          List.of("vegas_points_line", "vegas_opening_line"), predictions.get(0).imputedFeatures());
      assertEquals(List.of(), predictions.get(1).imputedFeatures());
      assertEquals(List.of("vegas_points_line"), predictions.get(2).imputedFeatures());
      assertEquals(3, predictor.imputationCount());
      assertEquals(
          2.0,
          registry
              .get("courtside.catboost.imputed")
              .tag("feature", "vegas_points_line")
              .counter()
              .count());
      assertEquals(
          1.0,
          registry
              .get("courtside.catboost.imputed")
              .tag("feature", "vegas_opening_line")
              .counter()
              .count());
    }
  }
}
