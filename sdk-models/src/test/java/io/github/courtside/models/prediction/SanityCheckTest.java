package io.github.courtside.models.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SanityCheckTest {

  private static Prediction prediction(double points, double line) {
    double edge = points - line;
    return Prediction.builder()
        .playerLookup("p")
        .gameId("g")
        .gameDate(LocalDate.parse("2026-02-10"))
        .predictedPoints(points)
        .line(line)
        .edge(edge)
        .recommendation(Recommendation.of(edge, 1.0))
        .confidence(0.8)
        .modelId("xgb")
        .modelVersion("1")
        .modelType(ModelType.CATBOOST)
        .createdAt(Instant.now())
        .build();
  }

  @Test
  void I26_aMiscalibratedModelTripsTheSanityCheck() {
    List<Prediction> batch = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      batch.add(prediction(10, 31.5)); // edge -21.5: the all-UNDER model
    }
    for (int i = 0; i < 4; i++) {
      batch.add(prediction(24, 22.5));
    }
    SanityCheck.Result result = SanityCheck.DEFAULT.check(batch);
    assertEquals(6, result.insane().size());
    assertTrue(result.batchAlert());
    assertTrue(SanityCheck.DEFAULT.problems(prediction(85, 80.5)).get(0).contains("outside"));
    assertFalse(SanityCheck.DEFAULT.check(batch.subList(4, 10)).batchAlert());
    assertTrue(SanityCheck.DEFAULT.problems(prediction(24, 22.5)).isEmpty());
  }
}
