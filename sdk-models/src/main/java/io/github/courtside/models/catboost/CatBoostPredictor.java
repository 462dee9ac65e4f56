package io.github.courtside.models.catboost;

import ai.catboost.CatBoostError;
import ai.catboost.CatBoostModel;
import ai.catboost.CatBoostPredictions;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.prediction.FeatureContractException;
import io.github.courtside.models.prediction.FeaturePreparationException;
import io.github.courtside.models.prediction.ModelLoadException;
import io.github.courtside.models.prediction.ModelType;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.PredictionException;
import io.github.courtside.models.prediction.PredictionPolicy;
import io.github.courtside.models.prediction.PredictionRequest;
import io.github.courtside.models.prediction.Predictor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a CatBoost model (.cbm or CatBoost JSON) through catboost4j-prediction.
 *
 * <p>The input vector is built <em>by name</em> from the model's own {@code getFeatureNames()}
 * (spec-ml §6 #2, #4, #31): extra features in the request are ignored, a schema lacking a model
 * feature fails at load with the list of missing names (§6 #3), and a request whose vector lacks
 * one fails with {@link FeatureContractException}, a configuration error that no fallback absorbs.
 * Missing values (NaN) are imputed with the model's training medians from its metadata when the
 * model was trained without NaN (§3, §6 #32); a feature the model saw NaN for in training keeps
 * NaN; any other missing value is a {@link FeaturePreparationException} — nothing is silently
 * zero-filled. Output is clamped by the {@link PredictionPolicy} (0..60 by default, §2.7); a
 * clamped prediction is tagged ({@link Prediction#clamped()}, the raw value in {@link
 * Prediction#rawPredictedPoints()}), logged at WARN and counted ({@link #clampedCount()}). A model
 * that cannot be loaded throws {@link ModelLoadException} from {@link
 * CatBoostPredictorSetup.Builder#build()}: there is no silent fallback (§6 #1).
 *
 * <p>The model version is the first 16 hex digits of the file's SHA-256 (§6 #21). Thread-safe;
 * close it to free the native model.
 *
 * <pre>{@code
 * try (CatBoostPredictor predictor = CatBoostPredictor.builder(Path.of("catboost_v9_exp_A1.cbm"))
 *     .metadata(Path.of("catboost_v9_exp_A1.metadata.json"))
 *     .schema(FeatureSchema.V9_33)
 *     .build()) {
 *   List<Prediction> slate = predictor.predictAll(requests);
 * }
 * }</pre>
 */
public final class CatBoostPredictor implements Predictor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CatBoostPredictor.class);

  private final CatBoostModel model;
  private final String location;
  private final String modelId;
  private final String modelVersion;
  private final List<String> featureNames;
  private final double[] medians;
  private final boolean[] trainedWithNans;
  private final boolean[] imputable;
  private final PredictionPolicy policy;
  private final LongAdder clamped = new LongAdder();
  private final LongAdder imputations = new LongAdder();
  private final ImputationMetrics metrics;
  private final Clock clock;
  private final SchemaMapping schemaMapping;
  private final int chunks;

  private CatBoostPredictor(
      CatBoostModel model,
      String location,
      String modelId,
      String modelVersion,
      List<String> featureNames,
      double[] medians,
      boolean[] trainedWithNans,
      boolean[] imputable,
      SchemaMapping schemaMapping,
      CatBoostPredictorSetup setup) {
    this.clock = setup.clock();
    this.policy = setup.policy();
    this.metrics = setup.metrics();
    this.chunks = setup.parallelism();
    this.imputable = imputable;
    this.schemaMapping = schemaMapping;
    this.lastMapping = schemaMapping;
    this.model = model;
    this.location = location;
    this.modelId = modelId;
    this.modelVersion = modelVersion;
    this.featureNames = featureNames;
    this.medians = medians;
    this.trainedWithNans = trainedWithNans;
  }

  /** A builder for the model file at {@code path}; {@code .json} files load as CatBoost JSON. */
  public static CatBoostPredictorSetup.Builder builder(Path path) {
    return CatBoostPredictorSetup.builder()
        .location(path.toString())
        .bytes(() -> Files.readAllBytes(path));
  }

  /**
   * A builder for model bytes read from {@code in} (e.g. a classpath resource); {@code location}
   * names the model in errors and decides the format by its suffix.
   */
  public static CatBoostPredictorSetup.Builder builder(String location, InputStream in) {
    return CatBoostPredictorSetup.builder().location(location).bytes(in::readAllBytes);
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public String modelVersion() {
    return modelVersion;
  }

  @Override
  public ModelType modelType() {
    return ModelType.CATBOOST;
  }

  /** The model's feature names, in model order. */
  public List<String> featureNames() {
    return featureNames;
  }

  /**
   * The features imputed with their training median when missing, in model order: the features the
   * metadata marks as imputed in training that the model was not trained with NaN for.
   */
  public List<String> imputableFeatures() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < imputable.length; i++) {
      if (imputable[i]) {
        names.add(featureNames.get(i));
      }
    }
    return names;
  }

  /** The feature schema the predictor was built (and its contract checked) with. */
  public FeatureSchema schema() {
    return schemaMapping.schema;
  }

  /** How many predictions were clamped by the policy since load (each is tagged). */
  public long clampedCount() {
    return clamped.sum();
  }

  /**
   * How many feature values were imputed with training medians since load (also {@code
   * courtside.catboost.imputed{model, feature}} with a meter registry); each is listed on its
   * prediction ({@link Prediction#imputedFeatures()}).
   */
  public long imputationCount() {
    return imputations.sum();
  }

  /** The model file or resource. */
  public String location() {
    return location;
  }

  @Override
  public Prediction predict(PredictionRequest request) {
    return predictBatch(List.of(request)).prediction(0);
  }

  @Override
  public List<Prediction> predictAll(List<PredictionRequest> requests) {
    Prediction[] out = new Prediction[requests.size()];
    run(requests, out);
    return new ArrayList<>(Arrays.asList(out));
  }

  /**
   * Predicts a slate through catboost4j and returns the columnar result. The slate goes through in
   * blocks of {@value #BLOCK} rows: each block's vectors are copied into one reused {@code
   * float[][]} (feature positions resolved once per schema, no allocation unless a value is
   * imputed) and predicted while it is still in the CPU cache, and the line and spread a
   * recommendation needs are read into columns in the same pass. {@link Prediction} records are
   * built only on access.
   *
   * @throws FeatureContractException when a vector's schema lacks a model feature
   * @throws FeaturePreparationException when a value is missing that the model was not trained with
   *     NaN for and may not impute
   */
  public PredictionBatch predictBatch(List<PredictionRequest> requests) {
    return run(requests, null);
  }

  /** Rows copied and predicted per catboost4j call: a block's buffers stay in the L2 cache. */
  static final int BLOCK = 1024;

  private static final int MIN_CHUNK = 8192;

  private PredictionBatch run(List<PredictionRequest> requests, Prediction @Nullable [] out) {
    int n = requests.size();
    double[] raw = new double[n];
    double[] lines = new double[n];
    double[] stds = new double[n];
    @SuppressWarnings({"unchecked", "rawtypes"})
    @Nullable List<String>[] imputed = new List[n];
    PredictionBatch batch =
        new PredictionBatch(
            requests, raw, lines, stds, imputed, policy, modelId, modelVersion, clock.instant());
    String player = n == 1 ? requests.get(0).playerLookup() : "";
    int count = chunks > 1 && n >= 2 * MIN_CHUNK ? Math.min(chunks, n / MIN_CHUNK) : 1;
    if (count == 1) {
      Block block = takeBlock();
      try {
        predictRange(requests, 0, n, batch, block, out, player);
      } finally {
        spareBlock.set(block);
      }
    } else {
      java.util.stream.IntStream.range(0, count)
          .parallel()
          .forEach(
              c ->
                  predictRange(
                      requests,
                      (int) ((long) n * c / count),
                      (int) ((long) n * (c + 1) / count),
                      batch,
                      new Block(featureNames.size()),
                      out,
                      player));
    }
    for (int i = 0; i < n; i++) {
      account(requests, i, raw[i], imputed[i]);
    }
    return batch;
  }

  /** Fills, predicts and accounts rows {@code from} (inclusive) to {@code to} block by block. */
  private void predictRange(
      List<PredictionRequest> requests,
      int from,
      int to,
      PredictionBatch batch,
      Block block,
      Prediction @Nullable [] out,
      String player) {
    double[] raw = batch.raw;
    double[] lines = batch.lines;
    double[] stds = batch.stds;
    @Nullable List<String>[] imputed = batch.imputed;
    SchemaMapping mapping = schemaMapping;
    for (int start = from; start < to; start += BLOCK) {
      int end = Math.min(to, start + BLOCK);
      int size = end - start;
      float[][] rows = size == BLOCK ? block.rows : Arrays.copyOf(block.rows, size);
      // Pass 1, short and independent per row: read each vector and touch its values so that the
      // cache misses of many rows overlap instead of stalling the copy one row at a time.
      FeatureVector[] vectors = block.vectors;
      double touched = 0;
      for (int k = 0; k < size; k++) {
        FeatureVector vector = requests.get(start + k).features();
        vectors[k] = vector;
        int width = vector.schema().size();
        for (int j = 0; j < width; j += 8) {
          touched += vector.valueAt(j);
        }
      }
      block.touched = touched;
      for (int k = 0; k < size; k++) {
        PredictionRequest request = requests.get(start + k);
        FeatureVector vector = vectors[k];
        if (vector.schema() != mapping.schema) {
          mapping = mapping(vector.schema());
        }
        imputed[start + k] = fill(rows[k], vector, request, mapping);
        OptionalDouble line = request.line();
        lines[start + k] =
            line.isPresent()
                ? line.getAsDouble()
                : mapping.lineIndex < 0 ? Double.NaN : vector.valueAt(mapping.lineIndex);
        stds[start + k] = mapping.stdIndex < 0 ? Double.NaN : vector.valueAt(mapping.stdIndex);
      }
      CatBoostPredictions predictions =
          size == BLOCK ? block.predictions : new CatBoostPredictions(size, 1);
      try {
        model.predict(rows, (String[][]) null, predictions);
      } catch (CatBoostError e) {
        throw new PredictionException(modelId, player, "CatBoost failed: " + e.getMessage(), e);
      }
      for (int k = 0; k < size; k++) {
        int i = start + k;
        raw[i] = predictions.get(k, 0);
        if (out != null) {
          out[i] = batch.prediction(i);
        }
      }
    }
  }

  private void account(
      List<PredictionRequest> requests, int i, double raw, @Nullable List<String> names) {
    if (names != null) {
      for (String name : names) {
        imputations.increment();
        metrics.imputed(modelId, name);
      }
    }
    double points = policy.clamp(raw);
    if (points != raw) {
      clamped.increment();
      LOG.warn(
          "CLAMPED_PREDICTION player={} model={}: raw {} clamped to {}",
          requests.get(i).playerLookup(),
          modelId,
          raw,
          points);
    }
  }

  /**
   * Raw model output for input rows already in model feature order (no imputation, no clamp): the
   * catboost4j batch call, for callers that hold arrays.
   */
  public double[] predictRows(float[][] rows) {
    if (rows.length == 0) {
      return new double[0];
    }
    try {
      return model.predict(rows, (String[][]) null).copyRowMajorPredictions();
    } catch (CatBoostError e) {
      throw new PredictionException(modelId, "", "CatBoost failed: " + e.getMessage(), e);
    }
  }

  /** One block's input rows and output buffer, reused across calls. */
  private static final class Block {
    final float[][] rows;
    final CatBoostPredictions predictions = new CatBoostPredictions(BLOCK, 1);
    final FeatureVector[] vectors = new FeatureVector[BLOCK];

    /** The sum of the values touched by the first pass (kept so the reads are not elided). */
    double touched;

    Block(int features) {
      rows = new float[BLOCK][features];
    }
  }

  /** The block buffers of the last call on the caller's thread (others allocate their own). */
  private final AtomicReference<@Nullable Block> spareBlock = new AtomicReference<>();

  private Block takeBlock() {
    Block block = spareBlock.getAndSet(null);
    return block != null ? block : new Block(featureNames.size());
  }

  private volatile SchemaMapping lastMapping;

  private SchemaMapping mapping(FeatureSchema schema) {
    if (schema == schemaMapping.schema) {
      return schemaMapping;
    }
    SchemaMapping cached = lastMapping;
    if (cached.schema == schema) {
      return cached;
    }
    SchemaMapping mapping = SchemaMapping.of(schema, featureNames);
    lastMapping = mapping;
    return mapping;
  }

  /**
   * Copies one vector into {@code row} in model order, then fills its missing values; returns the
   * imputed names, null when none.
   */
  private @Nullable List<String> fill(
      float[] row, FeatureVector vector, PredictionRequest request, SchemaMapping mapping) {
    if (!mapping.absent.isEmpty()) {
      throw new FeatureContractException(modelId, vector.schema().id(), mapping.absent);
    }
    int m = row.length;
    if (mapping.identity) {
      for (int j = 0; j < m; j++) {
        row[j] = (float) vector.valueAt(j);
      }
    } else {
      int[] indexes = mapping.indexes;
      for (int j = 0; j < m; j++) {
        row[j] = (float) vector.valueAt(indexes[j]);
      }
    }
    boolean missing = false;
    for (int j = 0; j < m; j++) {
      missing |= Float.isNaN(row[j]);
    }
    return missing ? fillMissing(row, request, mapping) : null;
  }

  /** Replaces the NaNs of {@code row} by training medians where allowed; the imputed names. */
  private @Nullable List<String> fillMissing(
      float[] row, PredictionRequest request, SchemaMapping mapping) {
    @Nullable List<String> imputed = null;
    for (int j = 0; j < row.length; j++) {
      if (!Float.isNaN(row[j]) || trainedWithNans[j]) {
        continue;
      }
      if (!imputable[j]) {
        throw unfillable(request, mapping);
      }
      row[j] = (float) medians[j];
      if (imputed == null) {
        imputed = new ArrayList<>(2);
      }
      imputed.add(featureNames.get(j));
    }
    return imputed == null ? null : List.copyOf(imputed);
  }

  private FeaturePreparationException unfillable(PredictionRequest request, SchemaMapping mapping) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < featureNames.size(); j++) {
      double value = request.features().valueAt(mapping.indexes[j]);
      if (Double.isNaN(value) && !trainedWithNans[j] && !imputable[j]) {
        names.add(featureNames.get(j));
      }
    }
    return new FeaturePreparationException(
        modelId,
        request.playerLookup(),
        names,
        "missing values the model was not trained with and may not impute (not marked imputed"
            + " in its training metadata, or no median)");
  }

  @Override
  public void close() {
    try {
      model.close();
    } catch (CatBoostError e) {
      LOG.warn("closing model {} failed: {}", location, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "CatBoostPredictor[" + modelId + " " + modelVersion + ", " + location + "]";
  }

  /**
   * Loads the model a setup describes and validates it.
   *
   * @throws ModelLoadException when no schema was given, the model cannot be read or loaded, has
   *     categorical features or more than one output, disagrees with its metadata's feature list,
   *     needs features the schema lacks, or its metadata marks features imputed without a median
   */
  public static CatBoostPredictor create(CatBoostPredictorSetup setup) {
    String location = setup.location();
    byte[] data;
    try {
      data = setup.bytes().read();
    } catch (IOException e) {
      throw new ModelLoadException(location, "cannot read: " + e, e);
    }
    CatBoostModel model;
    try {
      model = CatBoostModel.loadModel(data, setup.format());
    } catch (CatBoostError e) {
      throw new ModelLoadException(location, "CatBoost refused it: " + e.getMessage(), e);
    }
    try {
      return validate(setup, model, data);
    } catch (RuntimeException e) {
      try {
        model.close();
      } catch (CatBoostError closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private static CatBoostPredictor validate(
      CatBoostPredictorSetup setup, CatBoostModel model, byte[] data) {
    String location = setup.location();
    ModelMetadata metadata = setup.metadata();
    if (setup.schema().isEmpty()) {
      throw new ModelLoadException(
          location,
          "no feature schema given: call .schema(...) with the schema the vectors are built with"
              + " (the contract is checked at build time, never per row)");
    }
    if (model.getPredictionDimension() != 1) {
      throw new ModelLoadException(
          location,
          "has " + model.getPredictionDimension() + " outputs; only single-output models serve");
    }
    if (model.getUsedCategoricFeatureCount() > 0
        || model.getUsedTextFeatureCount() > 0
        || model.getUsedEmbeddingFeatureCount() > 0) {
      throw new ModelLoadException(location, "uses non-numeric features; not supported");
    }
    List<String> names = List.of(model.getFeatureNames());
    if (!metadata.features().isEmpty() && !metadata.features().equals(names)) {
      throw new ModelLoadException(
          location,
          "metadata lists features " + metadata.features() + " but the model has " + names);
    }
    FeatureSchema contract = setup.schema().get();
    List<String> missing = contract.missingOf(names);
    if (!missing.isEmpty()) {
      throw new ModelLoadException(location, contract.id(), missing);
    }
    List<String> uncovered = metadata.imputedWithoutMedian();
    if (!uncovered.isEmpty()) {
      throw new ModelLoadException(
          location,
          "metadata marks features imputed that have no finite training median: " + uncovered);
    }
    boolean[] nans = new boolean[names.size()];
    for (CatBoostModel.Feature feature : model.getFeatures()) {
      if (feature instanceof CatBoostModel.FloatFeature f
          && f.getFlatFeatureIndex() < nans.length) {
        nans[f.getFlatFeatureIndex()] = f.hasNans();
      }
    }
    double[] medians = new double[names.size()];
    Arrays.fill(medians, Double.NaN);
    for (int i = 0; i < medians.length; i++) {
      Double median = metadata.featureMedians().get(names.get(i));
      if (median != null) {
        medians[i] = median;
      }
    }
    boolean[] imputable = new boolean[names.size()];
    for (String name : metadata.imputedFeatures()) {
      int i = names.indexOf(name);
      if (i >= 0 && !nans[i]) {
        imputable[i] = true;
      }
    }
    String id =
        setup
            .modelId()
            .orElse(metadata.modelName().isEmpty() ? stem(location) : metadata.modelName());
    String version = sha256Prefix(data);
    LOG.info(
        "loaded model {} version {} from {}: {} features, {} trees, {} imputable, schema {}",
        id,
        version,
        location,
        names.size(),
        model.getTreeCount(),
        metadata.imputedFeatures().size(),
        contract.id());
    return new CatBoostPredictor(
        model,
        location,
        id,
        version,
        List.copyOf(names),
        medians,
        nans,
        imputable,
        SchemaMapping.of(contract, names),
        setup);
  }

  static String stem(String location) {
    String name =
        location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\')) + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  static String sha256Prefix(byte[] data) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
