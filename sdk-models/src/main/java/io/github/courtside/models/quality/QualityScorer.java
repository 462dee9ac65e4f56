package io.github.courtside.models.quality;

import io.github.courtside.models.feature.FeatureCategory;
import io.github.courtside.models.feature.FeatureDefinition;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores feature vectors exactly as spec-ml §1.6 describes.
 *
 * <ol>
 *   <li>Each feature weighs its source's weight ({@link FeatureSource#weight()}: phase4 100, phase3
 *       87, calculated 100, default 40, vegas 100, bettingpros 100, opponent_history 90,
 *       minutes_ppm 95, fallback 40, missing 0, unknown 40).
 *   <li>Optional features holding stand-ins (default, fallback, missing) are left out of the mean;
 *       everything else is averaged.
 *   <li>Required features holding stand-ins cap the score: ≥1 → 69, ≥5 → 49 (spec §6 #11). Unknown
 *       tags are not stand-ins.
 *   <li>The score is rounded to two decimals.
 * </ol>
 *
 * <p>QUIRK fixed: the reference iterated {@code min(len(map), 60)} indices of a sparse map, so
 * {@code {0: phase4, 2: phase3}} never looked at index 2. Vectors here are dense — every schema
 * feature has a source — so the whole schema is scored (and always-missing optional features never
 * count as required defaults, §6 #29). QUIRK fixed: {@code has_vegas_line} no longer stands for
 * "has a line" in the report; the vegas category percentage reflects the missing lines.
 *
 * <pre>{@code
 * QualityScorer scorer = new QualityScorer();
 * QualityReport report = scorer.score(vector);
 * double score = report.score();           // e.g. 97.1
 * boolean ready = report.isQualityReady(); // the gate that blocks a prediction
 * }</pre>
 */
public final class QualityScorer {
  /** Score cap when at least one required feature is defaulted. */
  public static final double CAP_ONE_REQUIRED_DEFAULT = 69.0;

  /** Score cap when at least five required features are defaulted. */
  public static final double CAP_FIVE_REQUIRED_DEFAULTS = 49.0;

  /** A new scorer; stateless and thread-safe. */
  public QualityScorer() {}

  /**
   * The quality report of a vector that passed the readiness gate.
   *
   * @throws QualityGateException when the vector is not quality-ready (it must not be predicted on)
   */
  public QualityReport requireReady(FeatureVector vector) {
    QualityReport report = score(vector);
    if (!report.isQualityReady()) {
      throw new QualityGateException(report);
    }
    return report;
  }

  /** The quality report of a vector. */
  public QualityReport score(FeatureVector vector) {
    FeatureSchema schema = vector.schema();
    int n = schema.size();
    double sum = 0;
    int counted = 0;
    int requiredDefaults = 0;
    List<String> defaulted = new ArrayList<>();
    List<String> requiredDefaulted = new ArrayList<>();
    List<FeatureQuality> pullingDown = new ArrayList<>();
    Map<FeatureCategory, double[]> categories = new EnumMap<>(FeatureCategory.class);
    int phase4 = 0;
    int phase3 = 0;
    for (int i = 0; i < n; i++) {
      FeatureDefinition feature = schema.feature(i);
      FeatureSource source = vector.sourceAt(i);
      double weight = source.weight();
      boolean standIn = source.isDefault();
      double[] category = categories.computeIfAbsent(feature.category(), c -> new double[2]);
      category[0] += weight;
      category[1] += 1;
      if (source == FeatureSource.PHASE4) {
        phase4++;
      } else if (source == FeatureSource.PHASE3) {
        phase3++;
      }
      if (standIn) {
        defaulted.add(feature.name());
      }
      if (standIn && feature.optional()) {
        continue;
      }
      sum += weight;
      counted++;
      boolean requiredDefault = standIn;
      if (requiredDefault) {
        requiredDefaults++;
        requiredDefaulted.add(feature.name());
      }
      if (weight < 100 || requiredDefault) {
        pullingDown.add(
            new FeatureQuality(
                feature.name(), source, weight, feature.optional(), requiredDefault));
      }
    }
    double score = counted == 0 ? 0.0 : sum / counted;
    if (requiredDefaults >= 5) {
      score = Math.min(score, CAP_FIVE_REQUIRED_DEFAULTS);
    } else if (requiredDefaults >= 1) {
      score = Math.min(score, CAP_ONE_REQUIRED_DEFAULT);
    }
    score = round(score, 2);
    pullingDown.sort(Comparator.comparingDouble(FeatureQuality::weight));

    Map<FeatureCategory, Double> categoryQuality = new EnumMap<>(FeatureCategory.class);
    categories.forEach((c, totals) -> categoryQuality.put(c, round(totals[0] / totals[1], 1)));
    double matchup = categoryQuality.getOrDefault(FeatureCategory.MATCHUP, 100.0);
    double playerHistory = categoryQuality.getOrDefault(FeatureCategory.PLAYER_HISTORY, 100.0);
    double gameContext = categoryQuality.getOrDefault(FeatureCategory.GAME_CONTEXT, 100.0);
    QualityTier tier = QualityTier.of(score);

    AlertLevel level;
    if (matchup < 50 || score < 50) {
      level = AlertLevel.RED;
    } else if (requiredDefaults > 0 || score < 70 || matchup < 70) {
      level = AlertLevel.YELLOW;
    } else {
      level = AlertLevel.GREEN;
    }

    List<String> alerts = new ArrayList<>();
    List<String> matchupNames = new ArrayList<>();
    int matchupDefaulted = 0;
    for (int i = 0; i < n; i++) {
      if (schema.feature(i).category() == FeatureCategory.MATCHUP) {
        matchupNames.add(schema.feature(i).name());
        if (vector.sourceAt(i).isDefault()) {
          matchupDefaulted++;
        }
      }
    }
    if (!matchupNames.isEmpty() && matchupDefaulted == matchupNames.size()) {
      alerts.add("all_matchup_features_defaulted");
    }
    double defaultRate = (double) defaulted.size() / n;
    if (defaultRate > 0.20) {
      alerts.add("high_default_rate_" + Math.round(defaultRate * 100) + "pct");
    }
    if (matchup < 50) {
      alerts.add("matchup_quality_critical");
    }
    if (gameContext < 50) {
      alerts.add("game_context_quality_critical");
    }

    List<String> blocking = new ArrayList<>();
    if (tier != QualityTier.GOLD && tier != QualityTier.SILVER && tier != QualityTier.BRONZE) {
      blocking.add("quality tier " + tier + " (score " + score + ")");
    }
    if (matchup < 50) {
      blocking.add("matchup quality " + matchup + " below 50");
    }
    if (requiredDefaults > 0) {
      blocking.add(requiredDefaults + " required feature(s) defaulted: " + requiredDefaulted);
    }
    boolean trainingReady =
        (tier == QualityTier.GOLD || tier == QualityTier.SILVER)
            && matchup >= 70
            && playerHistory >= 80;

    return new QualityReport(
        score,
        tier,
        requiredDefaults,
        defaulted.size(),
        defaulted,
        requiredDefaulted,
        categoryQuality,
        matchup,
        primarySource(phase4, phase3, n),
        level,
        alerts,
        pullingDown,
        blocking,
        trainingReady);
  }

  /**
   * The primary source (spec §1.6): ≥90% phase4 tags → phase4; ≥50% phase4 → phase4_partial; ≥50%
   * phase3 → phase3; else mixed.
   */
  static String primarySource(int phase4, int phase3, int total) {
    if (total == 0) {
      return "unknown";
    }
    if (phase4 >= 0.9 * total) {
      return "phase4";
    }
    if (phase4 >= 0.5 * total) {
      return "phase4_partial";
    }
    if (phase3 >= 0.5 * total) {
      return "phase3";
    }
    return "mixed";
  }

  private static double round(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }
}
