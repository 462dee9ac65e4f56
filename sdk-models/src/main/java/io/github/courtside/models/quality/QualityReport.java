package io.github.courtside.models.quality;

import io.github.courtside.models.feature.FeatureCategory;
import java.util.List;
import java.util.Map;

/**
 * The quality of one feature vector (spec-ml §1.6) and why: the score, its tier, the defaulted
 * features, the category percentages, the alert level and the readiness gate.
 *
 * <p>{@link #isQualityReady()} is the production gate: a vector that is not ready must not be
 * predicted on, and {@link #blockingReasons()} says why (zero tolerance for required defaults,
 * spec-ml §6 #12; matchup floor, §6 #13).
 *
 * <pre>{@code
 * QualityReport report = new QualityScorer().score(vector);
 * if (!report.isQualityReady()) {
 *   log.warn("blocked {}: {}", player, report.blockingReasons());
 * }
 * }</pre>
 *
 * @param score the quality score, 0-100, two decimals
 * @param tier the tier of the score
 * @param requiredDefaultCount required features holding stand-ins
 * @param defaultFeatureCount all features holding stand-ins (optional ones included)
 * @param defaultedFeatures names of the features holding stand-ins, in schema order
 * @param requiredDefaults names of the required features holding stand-ins
 * @param categoryQuality mean per-feature weight per category (missing counts 0), one decimal
 * @param matchupQuality the matchup category's quality (100 when the schema has no matchup feature)
 * @param primarySource phase4, phase4_partial, phase3 or mixed (spec §1.6)
 * @param alertLevel green, yellow or red
 * @param alerts named alerts (all_matchup_features_defaulted, high_default_rate_NNpct, ...)
 * @param pullingDown counted features weighing less than 100 and defaulted required ones, lowest
 *     first: what pulled the score down
 * @param blockingReasons why the vector may not be predicted on; empty when ready
 * @param trainingReady whether the vector is fit for training (gold/silver, matchup ≥70, player
 *     history ≥80)
 */
public record QualityReport(
    double score,
    QualityTier tier,
    int requiredDefaultCount,
    int defaultFeatureCount,
    List<String> defaultedFeatures,
    List<String> requiredDefaults,
    Map<FeatureCategory, Double> categoryQuality,
    double matchupQuality,
    String primarySource,
    AlertLevel alertLevel,
    List<String> alerts,
    List<FeatureQuality> pullingDown,
    List<String> blockingReasons,
    boolean trainingReady) {

  public QualityReport {
    defaultedFeatures = List.copyOf(defaultedFeatures);
    requiredDefaults = List.copyOf(requiredDefaults);
    categoryQuality = Map.copyOf(categoryQuality);
    alerts = List.copyOf(alerts);
    pullingDown = List.copyOf(pullingDown);
    blockingReasons = List.copyOf(blockingReasons);
  }

  /**
   * The production gate: tier gold, silver or bronze, score ≥ 70, matchup quality ≥ 50 and no
   * required default.
   */
  public boolean isQualityReady() {
    return blockingReasons.isEmpty();
  }
}
