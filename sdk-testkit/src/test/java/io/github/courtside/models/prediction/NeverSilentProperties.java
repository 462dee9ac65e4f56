package io.github.courtside.models.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.github.courtside.models.catboost.CatBoostPredictor;
import io.github.courtside.models.feature.FeatureExtractor;
import io.github.courtside.models.feature.FeatureRequest;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureValue;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.history.PlayerGame;
import io.github.courtside.models.quality.QualityReport;
import io.github.courtside.models.quality.QualityScorer;
import io.github.courtside.models.quality.QualityTier;
import io.github.courtside.testkit.Generator;
import io.github.courtside.testkit.QuickTheoriesGenerators;
import io.github.courtside.testkit.history.PlayerHistories;
import io.github.courtside.testkit.history.PointInTimeScenario;
import io.github.courtside.testkit.history.Poison;
import io.github.courtside.testkit.models.BoosterConfig;
import io.github.courtside.testkit.models.ObliviousTreeBooster;
import io.github.courtside.testkit.models.TrainingSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vectors the project has never seen — random vectors, and slates extracted from poisoned sources
 * with post-tip lines and stale upstream values, with or without a tip-off — are blocked or tagged,
 * never predicted silently: through the default {@link FallbackPredictor} over a real CatBoost
 * model, a vector below the gate never reaches the model (blocked, with reasons); every prediction
 * carries its tier and its defaulted required features; a line in a prediction was known before the
 * request's cutoff (tip-off, else the start of the game day in league time), and a line known
 * before it is used; a stale upstream value never reaches the vector.
 */
class NeverSilentProperties {
  private static final FeatureSchema SCHEMA = FeatureSchema.V9_33;
  private static final QualityScorer SCORER = new QualityScorer();

  @TempDir static Path folder;

  /** Predictions the model itself answered: the properties are not vacuous. */
  private static final java.util.concurrent.atomic.AtomicInteger MODEL_ANSWERS =
      new java.util.concurrent.atomic.AtomicInteger();

  private static @Nullable CatBoostPredictor model;
  private static @Nullable FallbackPredictor gated;

  @BeforeAll
  static void load() throws Exception {
    SplittableRandom random = new SplittableRandom(5);
    double[][] x = new double[400][SCHEMA.size()];
    double[] y = new double[x.length];
    for (int n = 0; n < x.length; n++) {
      for (int i = 0; i < SCHEMA.size(); i++) {
        x[n][i] = value(i, random);
      }
      y[n] = 0.6 * x[n][0] + 0.4 * x[n][1] + random.nextDouble();
    }
    Path file = folder.resolve("v9.json");
    new ObliviousTreeBooster(BoosterConfig.builder().trees(20).depth(3).build())
        .train(new TrainingSet(SCHEMA.names(), x, y))
        .writeTo(file);
    assertTrue(Files.isRegularFile(file));
    model = CatBoostPredictor.builder(file).schema(SCHEMA).build();
    gated = FallbackPredictor.builder(model).build();
  }

  @AfterAll
  static void close() {
    if (model != null) {
      model.close();
    }
  }

  private static double value(int index, SplittableRandom random) {
    double min = SCHEMA.feature(index).min();
    double max = SCHEMA.feature(index).max();
    if (Double.isInfinite(min) || Double.isInfinite(max)) {
      return random.nextDouble() * 10;
    }
    return min + random.nextDouble() * (max - min);
  }

  /** Vectors no one has seen: each feature set (in range, any source) or left to its default. */
  private static Generator<FeatureVector> vectors() {
    FeatureSource[] sources = {
      FeatureSource.PHASE4, FeatureSource.CALCULATED, FeatureSource.VEGAS, FeatureSource.PHASE3
    };
    return (random, size) -> {
      double setShare = random.nextDouble();
      FeatureVector.Builder vector = FeatureVector.builder(SCHEMA);
      for (int i = 0; i < SCHEMA.size(); i++) {
        if (random.nextDouble() < setShare) {
          vector.set(
              SCHEMA.feature(i).name(), value(i, random), sources[random.nextInt(sources.length)]);
        }
      }
      return vector.build();
    };
  }

  private static FallbackPredictor gated() {
    return java.util.Objects.requireNonNull(gated);
  }

  /** The gate's rule, restated: tier at or above BRONZE, no required default, matchup >= 50. */
  private static boolean passesGate(QualityReport report) {
    return report.tier().compareTo(QualityTier.BRONZE) <= 0
        && report.requiredDefaultCount() == 0
        && report.matchupQuality() >= 50;
  }

  /** Checks one prediction against the vector it was made for; the common never-silent rules. */
  private static void neverSilent(FeatureVector vector, Prediction p) {
    QualityReport report = SCORER.score(vector);
    assertEquals(Optional.of(report.tier()), p.qualityTier(), "every prediction carries its tier");
    assertTrue(
        p.defaultedRequiredFeatures().containsAll(report.requiredDefaults()),
        "defaulted required features are listed: " + p);
    if (passesGate(report)) {
      assertFalse(p.isBlocked(), "a ready vector is not blocked: " + p);
      if (p.isFallback()) {
        // The model refused a missing value it may not impute: a tagged fallback, never a pick.
        assertEquals(Optional.of(FallbackReason.FEATURE_PREPARATION_FAILED), p.fallbackReason());
        assertFalse(p.recommendation().isPick());
      } else {
        assertEquals(ModelType.CATBOOST, p.modelType());
        MODEL_ANSWERS.incrementAndGet();
      }
    } else {
      assertTrue(p.isBlocked(), "a vector below the gate is blocked: " + report + " -> " + p);
      assertFalse(p.blockingReasons().isEmpty());
      assertFalse(p.recommendation().isPick(), "a blocked vector is never a pick");
    }
  }

  @Test
  void randomVectorsAreBlockedOrTaggedNeverPredictedSilently() {
    int before = MODEL_ANSWERS.get();
    qt().withExamples(60)
        .forAll(QuickTheoriesGenerators.gen(vectors().list(1, 8)))
        .check(
            vectors -> {
              List<PredictionRequest> requests = new ArrayList<>();
              for (int i = 0; i < vectors.size(); i++) {
                requests.add(
                    PredictionRequest.of(
                        "p" + i, "g" + i, java.time.LocalDate.parse("2024-01-10"), vectors.get(i)));
              }
              List<Prediction> predictions = gated().predictAll(requests);
              assertEquals(vectors.size(), predictions.size());
              for (int i = 0; i < vectors.size(); i++) {
                neverSilent(vectors.get(i), predictions.get(i));
              }
              return true;
            });
    assertTrue(MODEL_ANSWERS.get() > before, "some random vectors reach the model");
  }

  /** The cutoff rule, restated: before the tip-off, else before the game day (league time). */
  private static boolean usable(FeatureRequest request, @Nullable Instant asOf) {
    if (asOf == null) {
      return request.tipoff().isEmpty();
    }
    Instant cutoff =
        request
            .tipoff()
            .orElse(request.gameDate().atStartOfDay(PlayerGame.LEAGUE_ZONE).toInstant());
    return asOf.isBefore(cutoff);
  }

  @Test
  void postTipLinesAndStaleUpstreamValuesAreBlockedOrTaggedWithOrWithoutATipoff() {
    Generator<PointInTimeScenario> scenarios = PlayerHistories.scenarios();
    qt().withExamples(80)
        .forAll(
            QuickTheoriesGenerators.gen(scenarios),
            QuickTheoriesGenerators.gen(Generator.ints(0, 3)))
        .check(
            (scenario, mode) -> {
              List<FeatureRequest> slate = new ArrayList<>();
              for (FeatureRequest poisoned : scenario.poisonedSlate()) {
                // mode 0: tip-offs kept; 1: none; 2-3: every other request without one.
                boolean drop = mode == 1 || (mode >= 2 && slate.size() % 2 == mode - 2);
                slate.add(drop ? Poison.copy(poisoned).tipoff(Optional.empty()).build() : poisoned);
              }
              List<FeatureVector> vectors =
                  FeatureExtractor.builder(scenario.poisonedHistory())
                      .schema(SCHEMA)
                      .seasonCalendar(scenario.calendar())
                      .build()
                      .extractAll(slate);
              List<PredictionRequest> requests = new ArrayList<>();
              for (int i = 0; i < slate.size(); i++) {
                requests.add(
                    PredictionRequest.of(
                        slate.get(i).playerLookup(),
                        "g" + i,
                        slate.get(i).gameDate(),
                        vectors.get(i)));
              }
              List<Prediction> predictions = gated().predictAll(requests);
              for (int i = 0; i < slate.size(); i++) {
                FeatureRequest request = slate.get(i);
                FeatureVector vector = vectors.get(i);
                Prediction p = predictions.get(i);
                neverSilent(vector, p);
                boolean lineUsable =
                    request.line().isPresent() && usable(request, request.lineAsOf().orElse(null));
                if (lineUsable) {
                  assertEquals(
                      request.line().getAsDouble(),
                      vector.valueOrNaN("vegas_points_line"),
                      "a line known before the cutoff is used: " + Poison.describe(request));
                  assertEquals(request.line(), p.line());
                } else {
                  assertTrue(
                      Double.isNaN(vector.valueOrNaN("vegas_points_line")),
                      "a line not known before the cutoff never reaches the vector: "
                          + Poison.describe(request));
                  assertTrue(p.line().isEmpty(), "nor the prediction: " + p);
                  assertEquals(Prediction.NO_LINE, p.lineSource());
                  assertFalse(p.recommendation().isPick());
                }
                for (Map.Entry<String, FeatureValue> up : request.upstream().entrySet()) {
                  String name = up.getKey();
                  if (!SCHEMA.contains(name) || usable(request, request.upstreamAsOf().get(name))) {
                    continue;
                  }
                  assertFalse(
                      vector.source(name) == up.getValue().source()
                          && vector.valueOrNaN(name) == up.getValue().value(),
                      "a stale upstream "
                          + name
                          + " never reaches the vector: "
                          + Poison.describe(request));
                }
              }
              return true;
            });
  }
}
