package io.github.courtside.models.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.prediction.ModelType;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.PredictionRequest;
import io.github.courtside.models.prediction.Recommendation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MovingAverageBaselineTest {

  private static PredictionRequest request(double fatigue, double home, double std, double recent) {
    FeatureVector vector =
        FeatureVector.builder(FeatureSchema.V9_33)
            .set("points_avg_last_5", 30, FeatureSource.CALCULATED)
            .set("points_avg_last_10", 20, FeatureSource.CALCULATED)
            .set("points_avg_season", 10, FeatureSource.CALCULATED)
            .set("fatigue_score", fatigue, FeatureSource.PHASE4)
            .set("home_away", home, FeatureSource.CALCULATED)
            .set("points_std_last_10", std, FeatureSource.CALCULATED)
            .set("games_in_last_7_days", recent, FeatureSource.CALCULATED)
            .build();
    return PredictionRequest.of("p", "g", LocalDate.parse("2024-01-02"), vector).toBuilder()
        .line(20.5)
        .build();
  }

  @Test
  void weightedAverageWithAdjustments() {
    // 0.5*30 + 0.3*20 + 0.2*10 = 23; fresh player at home: +0.5.
    Prediction fresh = new MovingAverageBaseline().predict(request(95, 1, 3, 3));
    assertEquals(23.5, fresh.predictedPoints(), 1e-12);
    assertEquals(ModelType.MOVING_AVERAGE, fresh.modelType());
    assertEquals(0.6, fresh.confidence(), 1e-12);
    assertEquals(Recommendation.OVER, fresh.recommendation());
    // Tired (freshness 20) and away: -2.5 - 0.5.
    assertEquals(
        20.0, new MovingAverageBaseline().predict(request(20, 0, 3, 3)).predictedPoints(), 1e-12);
  }

  @Test
  void lowConfidenceIsAPass() {
    Prediction shaky = new MovingAverageBaseline().predict(request(95, 1, 7, 1));
    assertEquals(0.25, shaky.confidence(), 1e-12);
    assertEquals(Recommendation.PASS, shaky.recommendation());
  }
}
