package io.github.courtside.models.catboost;

import ai.catboost.CatBoostError;
import ai.catboost.CatBoostModel;
import ai.catboost.CatBoostPredictions;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.prediction.Confidence;
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
import java.util.Locale;
import java.util.Objects;
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
 * that cannot be loaded throws {@link ModelLoadException} from {@link Builder#build()}: there is no
 * silent fallback (§6 #1).
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
  private final PredictionPolicy policy;
  private final LongAdder clamped = new LongAdder();
  private final Clock clock;

  private CatBoostPredictor(
      CatBoostModel model,
      String location,
      String modelId,
      String modelVersion,
      List<String> featureNames,
      double[] medians,
      boolean[] trainedWithNans,
      PredictionPolicy policy,
      Clock clock) {
    this.clock = clock;
    this.model = model;
    this.location = location;
    this.modelId = modelId;
    this.modelVersion = modelVersion;
    this.featureNames = featureNames;
    this.medians = medians;
    this.trainedWithNans = trainedWithNans;
    this.policy = policy;
  }

  /** A builder for the model file at {@code path}; {@code .json} files load as CatBoost JSON. */
  public static Builder builder(Path path) {
    return new Builder(path.toString(), () -> Files.readAllBytes(path), formatOf(path.toString()));
  }

  /**
   * A builder for model bytes read from {@code in} (e.g. a classpath resource); {@code location}
   * names the model in errors and decides the format by its suffix.
   */
  public static Builder builder(String location, InputStream in) {
    return new Builder(location, in::readAllBytes, formatOf(location));
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

  /** The features imputable from metadata medians, in model order. */
  public List<String> imputableFeatures() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < medians.length; i++) {
      if (!Double.isNaN(medians[i]) && !trainedWithNans[i]) {
        names.add(featureNames.get(i));
      }
    }
    return names;
  }

  /** How many predictions were clamped by the policy since load (each is tagged). */
  public long clampedCount() {
    return clamped.sum();
  }

  /** The model file or resource. */
  public String location() {
    return location;
  }

  @Override
  public Prediction predict(PredictionRequest request) {
    return predictAll(List.of(request)).get(0);
  }

  @Override
  public List<Prediction> predictAll(List<PredictionRequest> requests) {
    int n = requests.size();
    float[][] rows = new float[n][];
    List<List<String>> imputed = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<String> filled = new ArrayList<>(0);
      rows[i] = inputRow(requests.get(i), filled);
      imputed.add(filled.isEmpty() ? List.of() : filled);
    }
    double[] raw = predictRows(rows, n == 1 ? requests.get(0).playerLookup() : "");
    List<Prediction> predictions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      PredictionRequest request = requests.get(i);
      double clampedPoints = policy.clamp(raw[i]);
      if (clampedPoints != raw[i]) {
        clamped.increment();
        LOG.warn(
            "CLAMPED_PREDICTION player={} model={}: raw {} clamped to {}",
            request.playerLookup(),
            modelId,
            raw[i],
            clampedPoints);
      }
      predictions.add(
          Prediction.of(
                  request,
                  clampedPoints,
                  Confidence.of(request),
                  policy,
                  modelId,
                  modelVersion,
                  ModelType.CATBOOST,
                  imputed.get(i))
              .withRawPoints(raw[i])
              .withCreatedAt(clock.instant()));
    }
    return predictions;
  }

  /**
   * Raw model output for input rows already in model feature order (no imputation, no clamp): the
   * catboost4j batch call, for callers that hold arrays.
   */
  public double[] predictRows(float[][] rows) {
    return predictRows(rows, "");
  }

  private double[] predictRows(float[][] rows, String player) {
    if (rows.length == 0) {
      return new double[0];
    }
    try {
      CatBoostPredictions predictions = model.predict(rows, (String[][]) null);
      double[] out = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        out[i] = predictions.get(i, 0);
      }
      return out;
    } catch (CatBoostError e) {
      throw new PredictionException(modelId, player, "CatBoost failed: " + e.getMessage(), e);
    }
  }

  /** The model-to-schema index mapping of the last schema seen (-1 = absent). */
  private record SchemaMapping(FeatureSchema schema, int[] indexes) {}

  private volatile @Nullable SchemaMapping lastMapping;

  private int[] mapping(FeatureSchema schema) {
    SchemaMapping cached = lastMapping;
    if (cached != null && cached.schema() == schema) {
      return cached.indexes();
    }
    int[] indexes = new int[featureNames.size()];
    for (int j = 0; j < indexes.length; j++) {
      indexes[j] = schema.contains(featureNames.get(j)) ? schema.indexOf(featureNames.get(j)) : -1;
    }
    lastMapping = new SchemaMapping(schema, indexes);
    return indexes;
  }

  private float[] inputRow(PredictionRequest request, List<String> imputed) {
    FeatureVector vector = request.features();
    int[] indexes = mapping(vector.schema());
    float[] row = new float[indexes.length];
    List<String> absent = List.of();
    List<String> unfillable = List.of();
    for (int j = 0; j < row.length; j++) {
      if (indexes[j] < 0) {
        absent = append(absent, featureNames.get(j));
        continue;
      }
      double value = vector.valueAt(indexes[j]);
      if (Double.isNaN(value)) {
        if (trainedWithNans[j]) {
          row[j] = Float.NaN;
          continue;
        } else if (!Double.isNaN(medians[j])) {
          value = medians[j];
          imputed.add(featureNames.get(j));
        } else {
          unfillable = append(unfillable, featureNames.get(j));
          continue;
        }
      }
      row[j] = (float) value;
    }
    if (!absent.isEmpty()) {
      throw new FeatureContractException(modelId, vector.schema().id(), absent);
    }
    if (!unfillable.isEmpty()) {
      throw new FeaturePreparationException(
          modelId,
          request.playerLookup(),
          unfillable,
          "missing values the model was not trained with and has no median for");
    }
    return row;
  }

  private static List<String> append(List<String> list, String name) {
    List<String> grown = list.isEmpty() ? new ArrayList<>() : list;
    grown.add(name);
    return grown;
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

  private static String formatOf(String location) {
    return location.toLowerCase(Locale.ROOT).endsWith(".json") ? "json" : "bin";
  }

  /** Reads model bytes. */
  @FunctionalInterface
  interface ModelBytes {
    byte[] read() throws IOException;
  }

  /** Builds (loads) a {@link CatBoostPredictor}. */
  public static final class Builder {
    private final String location;
    private final ModelBytes bytes;
    private String format;
    private ModelMetadata metadata = ModelMetadata.NONE;
    private @Nullable FeatureSchema schema;
    private @Nullable String modelId;
    private PredictionPolicy policy = PredictionPolicy.DEFAULT;
    private Clock clock = Clock.systemUTC();

    private Builder(String location, ModelBytes bytes, String format) {
      this.location = location;
      this.bytes = bytes;
      this.format = format;
    }

    /** Reads the model's metadata (training medians) from a file. */
    public Builder metadata(Path file) {
      return metadata(ModelMetadata.read(file));
    }

    /** The model's metadata. */
    public Builder metadata(ModelMetadata value) {
      metadata = Objects.requireNonNull(value, "metadata");
      return this;
    }

    /** Validates at load that this schema supplies every model feature. */
    public Builder schema(FeatureSchema value) {
      schema = Objects.requireNonNull(value, "schema");
      return this;
    }

    /** The model id (default: the metadata's model name, else the file name without suffix). */
    public Builder modelId(String value) {
      modelId = Objects.requireNonNull(value, "modelId");
      return this;
    }

    /** Forces the format: {@code "bin"} (.cbm) or {@code "json"}. */
    public Builder format(String value) {
      if (!value.equals("bin") && !value.equals("json")) {
        throw new IllegalArgumentException("format must be 'bin' or 'json', was " + value);
      }
      format = value;
      return this;
    }

    /** The clock that stamps {@link Prediction#createdAt()} (default: system UTC). */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The pick policy (minimum edge, clamp). */
    public Builder policy(PredictionPolicy value) {
      policy = Objects.requireNonNull(value, "policy");
      return this;
    }

    /**
     * Loads the model and validates it.
     *
     * @throws ModelLoadException when the model cannot be read or loaded, has categorical features
     *     or more than one output, disagrees with its metadata's feature list, or needs features
     *     the schema lacks
     */
    public CatBoostPredictor build() {
      byte[] data;
      try {
        data = bytes.read();
      } catch (IOException e) {
        throw new ModelLoadException(location, "cannot read: " + e, e);
      }
      CatBoostModel model;
      try {
        model = CatBoostModel.loadModel(data, format);
      } catch (CatBoostError e) {
        throw new ModelLoadException(location, "CatBoost refused it: " + e.getMessage(), e);
      }
      try {
        return validate(model, data);
      } catch (RuntimeException e) {
        try {
          model.close();
        } catch (CatBoostError closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
    }

    private CatBoostPredictor validate(CatBoostModel model, byte[] data) {
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
      if (schema != null) {
        List<String> missing = schema.missingOf(names);
        if (!missing.isEmpty()) {
          throw new ModelLoadException(location, schema.id(), missing);
        }
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
      String id = modelId;
      if (id == null) {
        id = metadata.modelName().isEmpty() ? stem(location) : metadata.modelName();
      }
      String version = sha256Prefix(data);
      LOG.info(
          "loaded model {} version {} from {}: {} features, {} trees, {} imputable",
          id,
          version,
          location,
          names.size(),
          model.getTreeCount(),
          metadata.featureMedians().size());
      return new CatBoostPredictor(
          model, location, id, version, List.copyOf(names), medians, nans, policy, clock);
    }
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
