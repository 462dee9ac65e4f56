package io.github.courtside.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.prediction.Prediction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model benchmarks measure what they claim: same inputs, same answers, full vectors. */
class ModelBenchmarksTest {

  @Test
  void sdkAndRawCatBoostPredictTheSameValues() throws Exception {
    CatBoostPredictionBenchmark benchmark = new CatBoostPredictionBenchmark();
    benchmark.vectors = 500;
    benchmark.setUp();
    try {
      List<Prediction> sdk = benchmark.sdkPredictAll();
      double[] raw = benchmark.rawCatBoostBatch();
      assertEquals(500, sdk.size());
      for (int i = 0; i < raw.length; i++) {
        assertEquals(Math.max(0, Math.min(60, raw[i])), sdk.get(i).predictedPoints(), 1e-9);
      }
    } finally {
      benchmark.tearDown();
    }
  }

  @Test
  void extractionBuildsAVectorPerSlatePlayerFromHistory() {
    FeatureExtractionBenchmark benchmark = new FeatureExtractionBenchmark();
    benchmark.players = 20;
    benchmark.setUp();
    List<FeatureVector> vectors = benchmark.extractSlate();
    assertEquals(20, vectors.size());
    for (FeatureVector vector : vectors) {
      assertEquals(FeatureSource.CALCULATED, vector.source("points_avg_last_10"));
      assertTrue(vector.valueOrNaN("games_vs_opponent") >= 0);
    }
  }
}
