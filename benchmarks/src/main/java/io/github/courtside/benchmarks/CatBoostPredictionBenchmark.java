package io.github.courtside.benchmarks;

import ai.catboost.CatBoostError;
import ai.catboost.CatBoostModel;
import io.github.courtside.models.catboost.CatBoostPredictor;
import io.github.courtside.models.catboost.PredictionBatch;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.PredictionRequest;
import io.github.courtside.testkit.models.BoosterConfig;
import io.github.courtside.testkit.models.ObliviousTreeBooster;
import io.github.courtside.testkit.models.TrainingSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch prediction of 100,000 V9 vectors through {@link CatBoostPredictor#predictBatch} (columnar)
 * and {@link CatBoostPredictor#predictAll} (by-name vector assembly, imputation, clamp, {@link
 * Prediction} records) against raw catboost4j on the same float arrays: the ratio is the SDK's
 * overhead.
 *
 * <p>The model is the real A1 model from the shared fixtures ({@code -Dcourtside.fixtures=DIR} or
 * {@code COURTSIDE_FIXTURES}, default {@code ../shared/fixtures}); without it, a 33-feature model
 * trained by the SDK's booster (300 trees of depth 6) stands in.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class CatBoostPredictionBenchmark {
  @Param("100000")
  int vectors;

  Path modelFile = Paths.get("");

  @SuppressWarnings("NullAway.Init")
  CatBoostPredictor predictor;

  @SuppressWarnings("NullAway.Init")
  CatBoostPredictor parallel;

  @SuppressWarnings("NullAway.Init")
  CatBoostModel raw;

  List<PredictionRequest> requests = List.of();
  float[][] rows = new float[0][];

  /** Loads the model twice (SDK and raw) and builds the same vectors for both. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, CatBoostError {
    modelFile = locateModel();
    predictor = CatBoostPredictor.builder(modelFile).schema(FeatureSchema.V9_33).build();
    parallel =
        CatBoostPredictor.builder(modelFile)
            .schema(FeatureSchema.V9_33)
            .parallelism(Runtime.getRuntime().availableProcessors())
            .build();
    raw =
        CatBoostModel.loadModel(
            modelFile.toString(), modelFile.toString().endsWith(".json") ? "json" : "bin");
    Random random = new Random(42);
    FeatureSchema schema = FeatureSchema.V9_33;
    requests = new ArrayList<>(vectors);
    rows = new float[vectors][];
    LocalDate day = LocalDate.parse("2024-01-10");
    for (int n = 0; n < vectors; n++) {
      FeatureVector.Builder vector = FeatureVector.builder(schema);
      float[] row = new float[schema.size()];
      for (int i = 0; i < schema.size(); i++) {
        double value = plausible(schema, i, random);
        vector.set(schema.feature(i).name(), value, FeatureSource.PHASE4);
        row[i] = (float) value;
      }
      rows[n] = row;
      requests.add(PredictionRequest.of("p" + n, "g" + n, day, vector.build()));
    }
  }

  /** Frees both native models. */
  @TearDown(Level.Trial)
  public void tearDown() throws CatBoostError {
    predictor.close();
    parallel.close();
    raw.close();
  }

  /** The SDK path: requests to predictions. */
  @Benchmark
  public List<Prediction> sdkPredictAll() {
    return predictor.predictAll(requests);
  }

  /**
   * The SDK's columnar path: requests to a {@link PredictionBatch} (by-name inputs resolved once
   * per schema, reused row buffers, clamp checks), reading every row's predicted points and
   * recommendation from it.
   */
  @Benchmark
  public double sdkPredictBatch() {
    PredictionBatch batch = predictor.predictBatch(requests);
    double sum = 0;
    for (int i = 0; i < batch.size(); i++) {
      sum += batch.predictedPoints(i) + batch.recommendation(i).ordinal();
    }
    return sum;
  }

  /** The columnar path with the slate split across the machine's cores. */
  @Benchmark
  public double sdkPredictBatchParallel() {
    PredictionBatch batch = parallel.predictBatch(requests);
    double sum = 0;
    for (int i = 0; i < batch.size(); i++) {
      sum += batch.predictedPoints(i) + batch.recommendation(i).ordinal();
    }
    return sum;
  }

  /** Raw catboost4j batch predict on the same values. */
  @Benchmark
  public double[] rawCatBoostBatch() throws CatBoostError {
    return raw.predict(rows, (String[][]) null).copyRowMajorPredictions();
  }

  static double plausible(FeatureSchema schema, int index, Random random) {
    double min = schema.feature(index).min();
    double max = schema.feature(index).max();
    if (Double.isInfinite(min) || Double.isInfinite(max)) {
      return random.nextDouble();
    }
    return min + random.nextDouble() * (max - min) * 0.5;
  }

  static Path locateModel() throws IOException {
    String configured = System.getenv("COURTSIDE_FIXTURES");
    if (configured == null || configured.isBlank()) {
      configured = System.getProperty("courtside.fixtures", "../shared/fixtures");
    }
    Path a1 = Paths.get(configured, "models", "catboost_v9_exp_A1.cbm");
    if (Files.isRegularFile(a1)) {
      return a1;
    }
    Random random = new Random(1);
    FeatureSchema schema = FeatureSchema.V9_33;
    double[][] x = new double[20_000][schema.size()];
    double[] y = new double[x.length];
    for (int n = 0; n < x.length; n++) {
      for (int i = 0; i < schema.size(); i++) {
        x[n][i] = plausible(schema, i, random);
      }
      y[n] = 0.5 * x[n][0] + 0.3 * x[n][1] + 0.2 * x[n][2] + random.nextGaussian();
    }
    Path file = Files.createTempFile("courtside-bench-booster", ".json");
    file.toFile().deleteOnExit();
    new ObliviousTreeBooster(BoosterConfig.builder().trees(300).depth(6).build())
        .train(new TrainingSet(schema.names(), x, y))
        .writeTo(file);
    return file;
  }
}
