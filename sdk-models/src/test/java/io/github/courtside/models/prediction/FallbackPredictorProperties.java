package io.github.courtside.models.prediction;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.courtside.models.catboost.CatBoostPredictor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class FallbackPredictorProperties {

  @Test
  void fallbackTaggingIsAlwaysPresentWhenAFallbackAnswered() {
    try (CatBoostPredictor tiny = TinyModel.load(false)) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      FallbackPredictor predictor = FallbackPredictor.builder(tiny).meterRegistry(registry).build();
      qt().forAll(doubles().between(0, 40), doubles().between(0, 40), integers().between(0, 3))
          .check(
              (l5, l10, missing) -> {
                double a = (missing & 1) != 0 ? Double.NaN : l5;
                double b = (missing & 2) != 0 ? Double.NaN : l10;
                long before = predictor.fallbackCount();
                Prediction p = predictor.predict(FallbackPredictorTest.request("p", a, b));
                boolean expectFallback = missing != 0;
                double counted =
                    registry.find("courtside.predictions.fallback").counters().stream()
                        .mapToDouble(Counter::count)
                        .sum();
                return p.isFallback() == expectFallback
                    && p.fallbackReason().isPresent() == expectFallback
                    && (!expectFallback
                        || p.fallbackReason().orElseThrow() == FallbackReason.QUALITY_GATE_BLOCKED)
                    && predictor.fallbackCount() == before + (expectFallback ? 1 : 0)
                    && counted == predictor.fallbackCount();
              });
    }
  }
}
