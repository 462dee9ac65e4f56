package io.github.courtside.models.baseline;

import io.github.courtside.models.prediction.ModelType;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.PredictionPolicy;
import io.github.courtside.models.prediction.PredictionRequest;
import io.github.courtside.models.prediction.Predictor;
import io.github.courtside.models.prediction.Recommendation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The moving-average baseline (spec-ml §2.3): {@code 0.50·L5 + 0.30·L10 + 0.20·season} plus rule
 * adjustments — {@code +0.3·shot_zone_mismatch_score}, {@code +0.3·pace_score}, {@code
 * +0.4·usage_spike_score}, back-to-back −1.5, home +0.5 / away −0.5, and a fatigue penalty —
 * clamped by the policy.
 *
 * <p>QUIRK fixed: the reference subtracted 2.5 when {@code fatigue_score > 70} and 1.0 when {@code
 * > 50}, but the score is a <em>freshness</em> score (higher = fresher, training median 95), so
 * nearly every player was penalised. Here the penalty applies to tired players: −2.5 below 30 and
 * −1.0 below 50. Confidence follows §2.2 (0.5; points std above 6 −0.15, above 4 −0.08; games in
 * the last 7 days ≥3 +0.10, 2 +0.05, else −0.10; clamped to [0.2, 0.8]); a confidence ≤ 0.45 is a
 * PASS. The default minimum edge is 2.0 as in §2.2.
 *
 * <pre>{@code
 * Predictor baseline = new MovingAverageBaseline();
 * Prediction p = baseline.predict(request);
 * }</pre>
 */
public final class MovingAverageBaseline implements Predictor {
  /** The system id. */
  public static final String MODEL_ID = "moving_average";

  private final PredictionPolicy policy;

  /** The baseline with a minimum edge of 2.0 and the default clamp. */
  public MovingAverageBaseline() {
    this(PredictionPolicy.builder().minEdge(2.0).build());
  }

  /** The baseline with a custom policy. */
  public MovingAverageBaseline(PredictionPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public String modelVersion() {
    return "1";
  }

  @Override
  public ModelType modelType() {
    return ModelType.MOVING_AVERAGE;
  }

  @Override
  public Prediction predict(PredictionRequest request) {
    double predicted = policy.clamp(points(request));
    double confidence = confidence(request);
    Prediction prediction =
        Prediction.of(
            request,
            predicted,
            request.effectiveLine(),
            confidence,
            policy,
            MODEL_ID,
            "1",
            ModelType.MOVING_AVERAGE,
            List.of(),
            Instant.now());
    if (confidence <= 0.45 && prediction.recommendation().isPick()) {
      return prediction.toBuilder().recommendation(Recommendation.PASS).build();
    }
    return prediction;
  }

  /** The unclamped baseline points for a request. */
  public static double points(PredictionRequest r) {
    double season = r.featureOr("points_avg_season", 10.0);
    double l5 = r.featureOr("points_avg_last_5", season);
    double l10 = r.featureOr("points_avg_last_10", season);
    double value = 0.50 * l5 + 0.30 * l10 + 0.20 * season;
    double freshness = r.featureOr("fatigue_score", 95.0);
    if (freshness < 30) {
      value -= 2.5;
    } else if (freshness < 50) {
      value -= 1.0;
    }
    value += 0.3 * r.featureOr("shot_zone_mismatch_score", 0.0);
    if (r.featureOr("back_to_back", 0.0) == 1.0) {
      value -= 1.5;
    }
    value += 0.3 * r.featureOr("pace_score", 0.0);
    value += r.featureOr("home_away", 0.0) == 1.0 ? 0.5 : -0.5;
    value += 0.4 * r.featureOr("usage_spike_score", 0.0);
    return value;
  }

  /** The §2.2 confidence, 0.2-0.8. */
  public static double confidence(PredictionRequest r) {
    double confidence = 0.5;
    double std = r.featureOr("points_std_last_10", 5.0);
    if (std > 6) {
      confidence -= 0.15;
    } else if (std > 4) {
      confidence -= 0.08;
    }
    double recent = r.featureOr("games_in_last_7_days", 3.0);
    if (recent >= 3) {
      confidence += 0.10;
    } else if (recent == 2) {
      confidence += 0.05;
    } else {
      confidence -= 0.10;
    }
    return Math.max(0.2, Math.min(0.8, confidence));
  }
}
