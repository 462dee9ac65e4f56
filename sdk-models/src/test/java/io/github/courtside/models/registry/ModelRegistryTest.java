package io.github.courtside.models.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.Fixtures;
import io.github.courtside.models.catboost.CatBoostPredictor;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.prediction.ModelLoadException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

  @Test
  void registersFileModelsWithMetadataAndServesThemFromTheCache() {
    try (ModelRegistry registry = ModelRegistry.builder().schema(FeatureSchema.V9_33).build()) {
      CatBoostPredictor registered =
          registry.register(
              ModelSource.file("v9_a1", Fixtures.require("models/catboost_v9_exp_A1.cbm"))
                  .withMetadata(
                      Fixtures.require("models/catboost_v9_exp_A1.metadata.json").toString()));
      assertEquals("v9_a1", registered.modelId());
      assertEquals(33, registered.imputableFeatures().size());
      assertSame(registered, registry.predictor("v9_a1"));
      assertEquals(List.of("v9_a1"), registry.ids());
    }
  }

  @Test
  void theContractIsValidatedAtRegistration() {
    FeatureSchema v25 = FeatureSchema.V2_60.prefix("v2_25features", 25);
    try (ModelRegistry registry = ModelRegistry.builder().schema(v25).build()) {
      ModelLoadException e =
          assertThrows(
              ModelLoadException.class,
              () ->
                  registry.register(
                      ModelSource.file("v9", Fixtures.require("models/catboost_v9_exp_A1.cbm"))));
      assertEquals(8, e.missingFeatures().size());
      assertTrue(registry.ids().isEmpty(), "a refused model is not registered");
      assertThrows(ModelRegistryException.class, () -> registry.predictor("v9"));
    }
  }

  @Test
  void classpathModelsReloadAfterEviction() {
    try (ModelRegistry registry =
        ModelRegistry.builder().schema(FeatureSchema.V9_33).maximumLoaded(1).build()) {
      CatBoostPredictor first =
          registry.register(
              ModelSource.classpath("tiny", "/models/tiny.json")
                  .withMetadata("models/tiny.metadata.json"));
      registry.register(ModelSource.classpath("tiny2", "models/tiny.json"));
      assertEquals(List.of("tiny", "tiny2"), registry.ids());
      CatBoostPredictor again = registry.predictor("tiny");
      assertEquals("tiny", again.modelId());
      assertEquals(List.of("points_avg_last_5"), again.imputableFeatures());
      assertEquals(first.modelVersion(), again.modelVersion());
      assertNotSame(registry.predictor("tiny2"), registry.predictor("tiny"));
    }
  }

  @Test
  void duplicateAndUnknownIdsAndAbsentResourcesAreRefused() {
    try (ModelRegistry registry = ModelRegistry.builder().schema(FeatureSchema.V9_33).build()) {
      registry.register(ModelSource.classpath("tiny", "models/tiny.json"));
      ModelRegistryException duplicate =
          assertThrows(
              ModelRegistryException.class,
              () -> registry.register(ModelSource.classpath("tiny", "models/tiny.json")));
      assertEquals("tiny", duplicate.modelId());
      assertThrows(ModelRegistryException.class, () -> registry.predictor("nope"));
      assertThrows(
          ModelRegistryException.class,
          () -> registry.register(ModelSource.classpath("ghost", "models/ghost.cbm")));
    }
  }
}
