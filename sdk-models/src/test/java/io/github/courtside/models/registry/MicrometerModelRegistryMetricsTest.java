package io.github.courtside.models.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.courtside.models.feature.FeatureSchema;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MicrometerModelRegistryMetricsTest {

  @Test
  void servedModelsCountAsCacheHitsAndRegisteredModelsAreGauged() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (ModelRegistry registry = ModelRegistry.builder().schema(FeatureSchema.V9_33).build()) {
      new MicrometerModelRegistryMetrics(registry).bindTo(meters);
      registry.register(ModelSource.classpath("tiny", "models/tiny.json"));
      registry.register(ModelSource.classpath("tiny2", "models/tiny.json"));
      registry.predictor("tiny");
      registry.predictor("tiny");
      registry.predictor("tiny2");

      assertEquals(3.0, gets(meters, "hit"));
      assertEquals(0.0, gets(meters, "miss"));
      assertEquals(2.0, meters.get("courtside.models.registered").gauge().value());
    }
  }

  private static double gets(SimpleMeterRegistry meters, String result) {
    return meters
        .get("cache.gets")
        .tags("cache", MicrometerModelRegistryMetrics.CACHE_NAME, "result", result)
        .functionCounter()
        .count();
  }
}
