package io.github.courtside.models.catboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.Fixtures;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.prediction.FallbackPredictor;
import io.github.courtside.models.prediction.FallbackReason;
import io.github.courtside.models.prediction.FallbackShareExceededException;
import io.github.courtside.models.prediction.FeatureContractException;
import io.github.courtside.models.prediction.ModelType;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.PredictionPolicy;
import io.github.courtside.models.prediction.PredictionRequest;
import io.github.courtside.models.prediction.Predictor;
import io.github.courtside.models.prediction.Recommendation;
import io.github.courtside.models.prediction.SanityCheck;
import io.github.courtside.models.quality.QualityTier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The readiness gate, prediction provenance, the fallback-share breaker and visible clamping. */
class ReadinessGateTest {
  private static final LocalDate DAY = LocalDate.parse("2024-01-10");
  private static final Instant NOW = Instant.parse("2024-01-10T17:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final CatBoostPredictor real =
      CatBoostPredictor.builder(Fixtures.require("models/catboost_v9_exp_A1.cbm"))
          .metadata(Fixtures.require("models/catboost_v9_exp_A1.metadata.json"))
          .schema(FeatureSchema.V9_33)
          .clock(CLOCK)
          .build();
  private final CountingPredictor model = new CountingPredictor(real);

  @AfterEach
  void close() {
    real.close();
  }

  private static PredictionRequest gold(String player) {
    return PredictionRequest.of(
            player, "g-" + player, DAY, GoldenVectors.vector(GoldenVectors.STAR))
        .toBuilder()
        .line(25.5)
        .build();
  }

  /** The star's values, but six required features hold schema defaults: CRITICAL (cap 49). */
  private static PredictionRequest critical(String player) {
    FeatureVector.Builder vector = GoldenVectors.vector(GoldenVectors.STAR).toBuilder();
    for (int i = 0; i < 6; i++) {
      vector.set(
          FeatureSchema.V9_33.feature(i).name(), GoldenVectors.STAR[i], FeatureSource.DEFAULT);
    }
    return PredictionRequest.of(player, "g-" + player, DAY, vector.build()).toBuilder()
        .line(25.5)
        .build();
  }

  @Test
  void aBelowTierVectorNeverReachesTheModelAndIsTaggedWithItsReasons() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    FallbackPredictor predictor =
        FallbackPredictor.builder(model).meterRegistry(registry).clock(CLOCK).build();

    List<Prediction> slate = predictor.predictAll(List.of(gold("a"), critical("b"), gold("c")));

    assertEquals(List.of("a", "c"), model.seen, "only the gold vectors reach the model");
    Prediction blocked = slate.get(1);
    assertTrue(blocked.isBlocked());
    assertEquals(Optional.of(FallbackReason.QUALITY_GATE_BLOCKED), blocked.fallbackReason());
    assertEquals(ModelType.WEIGHTED_AVERAGE_FALLBACK, blocked.modelType());
    assertEquals(Recommendation.PASS, blocked.recommendation());
    assertEquals(Optional.of(QualityTier.CRITICAL), blocked.qualityTier());
    assertTrue(
        blocked.blockingReasons().stream().anyMatch(r -> r.contains("CRITICAL")),
        blocked.blockingReasons().toString());
    assertTrue(
        blocked.blockingReasons().stream().anyMatch(r -> r.contains("6 required feature(s)")),
        blocked.blockingReasons().toString());
    assertEquals(6, blocked.defaultedRequiredCount());
    assertEquals(FeatureSchema.V9_33.names().subList(0, 6), blocked.defaultedRequiredFeatures());
    assertEquals(ModelType.CATBOOST, slate.get(0).modelType());
    assertEquals(30.017073, slate.get(0).predictedPoints(), 1e-4);
    assertEquals(1, predictor.blockedCount());
    assertEquals(
        1.0,
        registry
            .get("courtside.predictions.fallback")
            .tag("reason", "quality_gate_blocked")
            .counter()
            .count());

    Prediction single = predictor.predict(critical("d"));
    assertTrue(single.isBlocked());
    assertEquals(List.of("a", "c"), model.seen, "a single below-tier request is blocked too");
  }

  @Test
  void theMinimumTierIsConfigurableAndOptingOutIsExplicit() {
    FallbackPredictor silver =
        FallbackPredictor.builder(model).minimumTier(QualityTier.GOLD).build();
    FeatureVector.Builder phase3 = GoldenVectors.vector(GoldenVectors.STAR).toBuilder();
    for (int i = 0; i < 33; i++) {
      phase3.set(
          FeatureSchema.V9_33.feature(i).name(), GoldenVectors.STAR[i], FeatureSource.PHASE3);
    }
    PredictionRequest silverRequest = PredictionRequest.of("s", "g", DAY, phase3.build());
    Prediction p = silver.predict(silverRequest);
    assertTrue(p.isBlocked(), "PHASE3 (87) is SILVER, below a GOLD minimum");
    assertEquals(Optional.of(QualityTier.SILVER), p.qualityTier());
    assertEquals(List.of(), model.seen);

    FallbackPredictor ungated = FallbackPredictor.builder(model).withoutQualityGate().build();
    Prediction predicted = ungated.predict(critical("x"));
    assertFalse(predicted.isFallback());
    assertEquals(List.of("x"), model.seen);
    assertEquals(Optional.of(QualityTier.CRITICAL), predicted.qualityTier(), "still reported");
    assertEquals(6, predicted.defaultedRequiredCount());
  }

  @Test
  void predictionsCarryTierImputedRequiredFeaturesCreatedAtAndLineSource() {
    FallbackPredictor predictor = FallbackPredictor.builder(model).clock(CLOCK).build();
    String imputable = real.imputableFeatures().get(0);
    FeatureVector.Builder holed = GoldenVectors.vector(GoldenVectors.STAR).toBuilder();
    holed.set(imputable, Double.NaN, FeatureSource.PHASE4);
    PredictionRequest noExplicitLine = PredictionRequest.of("h", "g", DAY, holed.build());

    assertTrue(predictor.predict(noExplicitLine).isBlocked(), "a missing required value blocks");
    List<Prediction> slate = predictor.predictAll(List.of(gold("a")));
    FallbackPredictor ungated =
        FallbackPredictor.builder(model).withoutQualityGate().clock(CLOCK).build();
    slate = List.of(slate.get(0), ungated.predict(noExplicitLine));

    Prediction a = slate.get(0);
    assertEquals(Optional.of(QualityTier.GOLD), a.qualityTier());
    assertEquals(0, a.defaultedRequiredCount());
    assertEquals(NOW, a.createdAt());
    assertEquals(Prediction.LINE_FROM_REQUEST, a.lineSource());
    Prediction h = slate.get(1);
    assertFalse(h.isFallback());
    assertEquals(List.of(imputable), h.defaultedRequiredFeatures());
    assertEquals(1, h.defaultedRequiredCount());
    assertEquals(NOW, h.createdAt());
    assertEquals(Prediction.LINE_FROM_FEATURE, h.lineSource());
  }

  @Test
  void aSlateWhoseFallbackShareExceedsTheThresholdFailsLoudly() {
    FallbackPredictor predictor = FallbackPredictor.builder(model).maxFallbackShare(0.25).build();
    List<Prediction> ok =
        predictor.predictAll(List.of(gold("a"), gold("b"), gold("c"), critical("d")));
    assertEquals(4, ok.size(), "25% is not more than 25%");

    FallbackShareExceededException e =
        assertThrows(
            FallbackShareExceededException.class,
            () ->
                predictor.predictAll(List.of(gold("a"), critical("b"), critical("c"), gold("d"))));
    assertEquals(0.5, e.share());
    assertEquals(0.25, e.threshold());
    assertTrue(e.getMessage().contains("2 of 4"), e.getMessage());
    assertTrue(e.getMessage().contains("50.0%"), e.getMessage());
    assertTrue(e.getMessage().contains("25.0%"), e.getMessage());
  }

  @Test
  void clampedPredictionsAreTaggedCountedAndTheSanityCheckSeesTheRawValue() {
    try (CatBoostPredictor clamping =
        CatBoostPredictor.builder(Fixtures.require("models/catboost_v9_exp_A1.cbm"))
            .schema(FeatureSchema.V9_33)
            .policy(PredictionPolicy.builder().clamp(0, 20).build())
            .build()) {
      Prediction star = clamping.predict(gold("star"));
      Prediction role =
          clamping.predict(
              PredictionRequest.of("r", "g", DAY, GoldenVectors.vector(GoldenVectors.ROLE)));
      assertEquals(20.0, star.predictedPoints());
      assertTrue(star.clamped());
      assertEquals(30.017073, star.rawPredictedPoints(), 1e-4);
      assertFalse(role.clamped());
      assertEquals(role.predictedPoints(), role.rawPredictedPoints());
      assertEquals(1, clamping.clampedCount());

      SanityCheck sanity = new SanityCheck(25, 20, 0.5);
      assertEquals(1, sanity.problems(star).size(), "the raw 30 is outside [0, 25]");
      assertTrue(sanity.problems(star).get(0).contains("raw"), sanity.problems(star).toString());
      assertEquals(List.of(), sanity.problems(role));
    }
  }

  @Test
  void aSchemaMismatchFailsTheSlateInsteadOfFallingBackPerRow() {
    FeatureSchema v25 = FeatureSchema.V2_60.prefix("v2_25features", 25);
    try (CatBoostPredictor schemaless =
        CatBoostPredictor.builder(Fixtures.require("models/catboost_v9_exp_A1.cbm"))
            .schema(FeatureSchema.V9_33)
            .build()) {
      FallbackPredictor predictor =
          FallbackPredictor.builder(schemaless).withoutQualityGate().build();
      PredictionRequest narrow =
          PredictionRequest.of("n", "g", DAY, FeatureVector.builder(v25).build());
      FeatureContractException e =
          assertThrows(
              FeatureContractException.class, () -> predictor.predictAll(List.of(narrow, narrow)));
      assertEquals(FeatureSchema.V9_33.names().subList(25, 33), e.missingFeatures());
      assertTrue(e.getMessage().contains("v2_25features"), e.getMessage());
      assertThrows(FeatureContractException.class, () -> predictor.predict(narrow));
      assertEquals(0, predictor.fallbackCount());
    }
  }

  /** Counts the rows that reach the real model. */
  private static final class CountingPredictor implements Predictor {
    private final Predictor delegate;
    final List<String> seen = new ArrayList<>();

    CountingPredictor(Predictor delegate) {
      this.delegate = delegate;
    }

    @Override
    public String modelId() {
      return delegate.modelId();
    }

    @Override
    public String modelVersion() {
      return delegate.modelVersion();
    }

    @Override
    public ModelType modelType() {
      return delegate.modelType();
    }

    @Override
    public Prediction predict(PredictionRequest request) {
      seen.add(request.playerLookup());
      return delegate.predict(request);
    }

    @Override
    public List<Prediction> predictAll(List<PredictionRequest> requests) {
      requests.forEach(r -> seen.add(r.playerLookup()));
      return delegate.predictAll(requests);
    }
  }
}
