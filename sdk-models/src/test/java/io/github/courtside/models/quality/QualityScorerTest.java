package io.github.courtside.models.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.models.feature.FeatureCategory;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureVector;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The scoring examples of spec-ml §1.6 and §1.10, and the incidents of §6 they prevent. */
class QualityScorerTest {
  private static final FeatureSchema V25 = FeatureSchema.V2_60.prefix("v2_25features", 25);
  private final QualityScorer scorer = new QualityScorer();

  /** A vector whose feature i has the given source (a default/missing source leaves it unset). */
  static FeatureVector vector(FeatureSchema schema, IntFunction<FeatureSource> sources) {
    FeatureVector.Builder builder = FeatureVector.builder(schema);
    for (int i = 0; i < schema.size(); i++) {
      FeatureSource source = sources.apply(i);
      if (source == FeatureSource.DEFAULT || source == FeatureSource.MISSING) {
        continue;
      }
      double value = Math.max(0.5, schema.feature(i).min());
      if (Double.isInfinite(value)) {
        value = 1.0;
      }
      builder.set(schema.feature(i).name(), Math.min(value, schema.feature(i).max()), source);
    }
    return builder.build();
  }

  private double score(FeatureSchema schema, IntFunction<FeatureSource> sources) {
    return scorer.score(vector(schema, sources)).score();
  }

  @Test
  void specExamples() {
    assertEquals(100.0, score(V25, i -> FeatureSource.PHASE4));
    assertEquals(87.0, score(V25, i -> FeatureSource.PHASE3));
    // 0-24 all default except 18-20, which have no default and are missing (weight 0).
    FeatureSchema allDefaults =
        FeatureSchema.builder("defaults")
            .addFeatures(FeatureSchema.V2_60.feature(0))
            .addFeatures(FeatureSchema.V2_60.feature(1))
            .build();
    assertEquals(40.0, score(allDefaults, i -> FeatureSource.DEFAULT));
    assertEquals(94.8, score(V25, i -> i < 15 ? FeatureSource.PHASE4 : FeatureSource.PHASE3));
    assertEquals(
        49.0,
        score(
            V25,
            i ->
                i < 10
                    ? FeatureSource.PHASE4
                    : i < 20 ? FeatureSource.PHASE3 : FeatureSource.DEFAULT));
    FeatureSchema two = FeatureSchema.V2_60.prefix("two", 2);
    assertEquals(70.0, score(two, i -> i == 0 ? FeatureSource.UNKNOWN : FeatureSource.PHASE4));
    FeatureSchema three = FeatureSchema.V2_60.prefix("three", 3);
    assertEquals(
        69.0,
        score(
            three,
            i ->
                i == 0
                    ? FeatureSource.PHASE4
                    : i == 1 ? FeatureSource.DEFAULT : FeatureSource.PHASE3));
    assertEquals(100.0, score(FeatureSchema.V9_33, i -> FeatureSource.PHASE4));
  }

  @Test
  void aTypicalCleanProductionRowScoresAbout97() {
    Set<Integer> phase3 = Set.of(15, 16, 17, 37, 38, 39, 40, 41, 42, 51, 52);
    QualityReport report =
        scorer.score(
            vector(
                FeatureSchema.V2_60,
                i ->
                    phase3.contains(i)
                        ? FeatureSource.PHASE3
                        : i == 29 || i == 30
                            ? FeatureSource.OPPONENT_HISTORY
                            : i == 31 || i == 32
                                ? FeatureSource.MINUTES_PPM
                                : FeatureSource.PHASE4));
    assertEquals(97.12, report.score());
    assertEquals(QualityTier.GOLD, report.tier());
    assertTrue(report.isQualityReady());
    assertEquals(AlertLevel.GREEN, report.alertLevel());
    assertEquals("phase3", report.pullingDown().get(0).source().tag());
  }

  @Test
  void I11_requiredDefaultsCapTheScoreAt69And49() {
    QualityReport one =
        scorer.score(
            vector(
                FeatureSchema.V9_33, i -> i == 3 ? FeatureSource.DEFAULT : FeatureSource.PHASE4));
    assertEquals(69.0, one.score());
    assertEquals(1, one.requiredDefaultCount());
    QualityReport five =
        scorer.score(
            vector(FeatureSchema.V9_33, i -> i < 5 ? FeatureSource.DEFAULT : FeatureSource.PHASE4));
    assertEquals(49.0, five.score());
    assertEquals(5, five.requiredDefaultCount());
  }

  @Test
  void I12_anyRequiredDefaultMakesTheVectorNotPredictable() {
    QualityReport report =
        scorer.score(
            vector(
                FeatureSchema.V9_33, i -> i == 0 ? FeatureSource.DEFAULT : FeatureSource.PHASE4));
    assertFalse(report.isQualityReady());
    assertEquals(java.util.List.of("points_avg_last_5"), report.requiredDefaults());
    assertTrue(
        report
            .blockingReasons()
            .get(report.blockingReasons().size() - 1)
            .contains("points_avg_last_5"));
  }

  @Test
  void theGateThrowsWithTheReport() {
    FeatureVector blocked =
        vector(FeatureSchema.V9_33, i -> i == 0 ? FeatureSource.DEFAULT : FeatureSource.PHASE4);
    QualityGateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            QualityGateException.class, () -> scorer.requireReady(blocked));
    assertEquals(69.0, e.report().score());
    assertEquals(
        100.0, scorer.requireReady(vector(FeatureSchema.V9_33, i -> FeatureSource.PHASE4)).score());
  }

  @Test
  void I29_optionalOnlyMissingDoesNotCapTheScore() {
    // Everything present except the always-missing optional 54-59 and the lines.
    QualityReport report =
        scorer.score(
            vector(
                FeatureSchema.V2_60,
                i ->
                    i >= 54 || (i >= 25 && i <= 27)
                        ? FeatureSource.MISSING
                        : FeatureSource.PHASE4));
    assertEquals(100.0, report.score());
    assertEquals(0, report.requiredDefaultCount());
    assertEquals(9, report.defaultFeatureCount());
    assertEquals(25.0, report.categoryQuality().get(FeatureCategory.VEGAS));
  }

  @Test
  void I29b_optionalDefaultsNeverBlock() {
    QualityReport report =
        scorer.score(
            vector(
                FeatureSchema.V2_60,
                i ->
                    FeatureSchema.V2_60.feature(i).optional()
                        ? FeatureSource.DEFAULT
                        : FeatureSource.PHASE4));
    assertTrue(report.isQualityReady(), report.blockingReasons().toString());
    assertTrue(report.defaultFeatureCount() > 20);
  }

  @Test
  void I13_allMatchupDefaultsBlockAndAlert() {
    Set<Integer> matchup = Set.of(5, 6, 7, 8, 13, 14);
    QualityReport report =
        scorer.score(
            vector(
                FeatureSchema.V9_33,
                i -> matchup.contains(i) ? FeatureSource.DEFAULT : FeatureSource.PHASE4));
    assertEquals(40.0, report.matchupQuality());
    assertEquals(AlertLevel.RED, report.alertLevel());
    assertTrue(report.alerts().contains("all_matchup_features_defaulted"));
    assertTrue(report.alerts().contains("matchup_quality_critical"));
    assertFalse(report.isQualityReady());
  }

  @Test
  void tiersAndPrimarySource() {
    assertEquals(QualityTier.GOLD, QualityTier.of(95));
    assertEquals(QualityTier.SILVER, QualityTier.of(94.99));
    assertEquals(QualityTier.BRONZE, QualityTier.of(70));
    assertEquals(QualityTier.POOR, QualityTier.of(50));
    assertEquals(QualityTier.CRITICAL, QualityTier.of(49.99));
    assertEquals("phase4", QualityScorer.primarySource(24, 1, 25));
    assertEquals("phase4_partial", QualityScorer.primarySource(15, 10, 25));
    assertEquals("phase3", QualityScorer.primarySource(10, 15, 25));
    assertEquals("mixed", QualityScorer.primarySource(8, 8, 25));
  }
}
