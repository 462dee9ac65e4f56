package io.github.courtside.models.catboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.Fixtures;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.PredictionRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The columnar batch path gives exactly the raw catboost4j outputs and the same predictions as
 * {@code predictAll}, across reused buffers of changing sizes, mixed schemas and parallel chunks.
 */
class PredictionBatchTest {
  private static final LocalDate DAY = LocalDate.parse("2024-01-10");

  private static CatBoostPredictorSetup.Builder a1() {
    return CatBoostPredictor.builder(Fixtures.require("models/catboost_v9_exp_A1.cbm"))
        .metadata(Fixtures.require("models/catboost_v9_exp_A1.metadata.json"))
        .schema(FeatureSchema.V9_33);
  }

  private static List<PredictionRequest> requests(int n, FeatureSchema schema, long seed) {
    Random random = new Random(seed);
    List<PredictionRequest> requests = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      FeatureVector.Builder vector = FeatureVector.builder(schema);
      for (int i = 0; i < 33; i++) {
        vector.set(
            FeatureSchema.V9_33.feature(i).name(),
            GoldenVectors.ROLE[i] * (0.5 + random.nextDouble() * 0.5),
            FeatureSource.PHASE4);
      }
      PredictionRequest request = PredictionRequest.of("p" + k, "g" + k, DAY, vector.build());
      requests.add(
          k % 3 == 0 ? request.toBuilder().line(5 + random.nextInt(20) + 0.5).build() : request);
    }
    return requests;
  }

  private static float[][] rows(List<PredictionRequest> requests) {
    float[][] rows = new float[requests.size()][33];
    for (int k = 0; k < rows.length; k++) {
      FeatureVector vector = requests.get(k).features();
      for (int i = 0; i < 33; i++) {
        rows[k][i] = (float) vector.valueOrNaN(FeatureSchema.V9_33.feature(i).name());
      }
    }
    return rows;
  }

  @Test
  void theBatchEqualsRawCatBoostAndPredictAllAcrossReusedBuffers() {
    try (CatBoostPredictor predictor = a1().build()) {
      for (int n : new int[] {2500, 120, 1030, 1024, 1}) {
        List<PredictionRequest> requests = requests(n, FeatureSchema.V9_33, n);
        PredictionBatch batch = predictor.predictBatch(requests);
        double[] raw = predictor.predictRows(rows(requests));
        List<Prediction> all = predictor.predictAll(requests);
        assertEquals(n, batch.size());
        for (int i = 0; i < n; i++) {
          assertEquals(raw[i], batch.rawPoints(i), "row " + i + " of " + n);
          Prediction p = batch.prediction(i);
          assertEquals(all.get(i).predictedPoints(), p.predictedPoints());
          assertEquals(all.get(i).recommendation(), batch.recommendation(i));
          assertEquals(all.get(i).line(), batch.line(i));
          assertEquals(all.get(i).confidence(), batch.confidence(i));
          assertEquals(all.get(i).lineSource(), p.lineSource());
          assertTrue(batch.imputedFeatures(i).isEmpty());
        }
      }
    }
  }

  @Test
  void mixedSchemasInOneSlateMapEachVectorByName() {
    try (CatBoostPredictor predictor = a1().build()) {
      List<PredictionRequest> narrow = requests(50, FeatureSchema.V9_33, 7);
      List<PredictionRequest> wide = requests(50, FeatureSchema.V2_60, 7);
      List<PredictionRequest> mixed = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        mixed.add(i % 2 == 0 ? narrow.get(i) : wide.get(i));
      }
      PredictionBatch batch = predictor.predictBatch(mixed);
      double[] raw = predictor.predictRows(rows(narrow));
      for (int i = 0; i < 50; i++) {
        assertEquals(raw[i], batch.rawPoints(i), "row " + i);
      }
    }
  }

  @Test
  void parallelChunksGiveTheSameOutputs() {
    List<PredictionRequest> requests = requests(20_000, FeatureSchema.V9_33, 3);
    try (CatBoostPredictor serial = a1().build();
        CatBoostPredictor parallel = a1().parallelism(4).build()) {
      double[] one = new double[requests.size()];
      double[] split = new double[requests.size()];
      PredictionBatch a = serial.predictBatch(requests);
      PredictionBatch b = parallel.predictBatch(requests);
      for (int i = 0; i < one.length; i++) {
        one[i] = a.rawPoints(i);
        split[i] = b.rawPoints(i);
      }
      assertArrayEquals(one, split);
    }
  }
}
