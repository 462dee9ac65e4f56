package io.github.courtside.models.catboost;

import io.github.courtside.core.ComponentStyle;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.PredictionPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a {@link CatBoostPredictor} is loaded from: where the model bytes come from, its metadata,
 * the feature schema and the serving settings. Immutable; the builder is generated ({@link
 * ComponentStyle}) and {@link Builder#build()} loads and validates the model.
 *
 * <pre>{@code
 * CatBoostPredictor predictor = CatBoostPredictor.builder(Path.of("catboost_v9_exp_A1.cbm"))
 *     .metadata(Path.of("catboost_v9_exp_A1.metadata.json"))
 *     .schema(FeatureSchema.V9_33)
 *     .build();
 * }</pre>
 */
@ComponentStyle
@Value.Immutable
public abstract class CatBoostPredictorSetup {
  CatBoostPredictorSetup() {}

  /**
   * A builder; {@link Builder#location}, {@link Builder#bytes} and {@link Builder#schema} are
   * needed ({@link CatBoostPredictor#builder(Path)} sets the first two).
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Reads the model bytes, once, when the predictor is built. */
  @FunctionalInterface
  public interface ModelBytes {
    /** The model file's bytes. */
    byte[] read() throws IOException;
  }

  /** Names the model in errors and logs; its suffix picks the default {@link #format()}. */
  public abstract String location();

  /** Where the model bytes come from (required). */
  public abstract ModelBytes bytes();

  /** {@code "bin"} (.cbm) or {@code "json"} (default: json for a {@code .json} location). */
  @Value.Default
  public String format() {
    return location().toLowerCase(Locale.ROOT).endsWith(".json") ? "json" : "bin";
  }

  /**
   * The model's metadata: training medians, imputed features (default {@link ModelMetadata#NONE}).
   */
  @Value.Default
  public ModelMetadata metadata() {
    return ModelMetadata.NONE;
  }

  /**
   * The feature schema the vectors are built with: building refuses a setup without one, or a
   * schema that lacks a model feature, naming the missing ones.
   */
  public abstract Optional<FeatureSchema> schema();

  /** The model id (default: the metadata's model name, else the file name without suffix). */
  public abstract Optional<String> modelId();

  /** The pick policy: minimum edge, clamp (default {@link PredictionPolicy#defaults()}). */
  @Value.Default
  public PredictionPolicy policy() {
    return PredictionPolicy.defaults();
  }

  /** The clock that stamps {@link Prediction#createdAt()} (default: system UTC). */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Where imputed values are counted (default nowhere). Set through {@link Builder#meterRegistry};
   * a Micrometer type never appears in the setup itself, so Micrometer stays an optional
   * dependency.
   */
  @Value.Default
  ImputationMetrics metrics() {
    return ImputationMetrics.NONE;
  }

  /**
   * Splits slates of at least 16,384 one-schema vectors into up to this many chunks filled and
   * predicted concurrently on the common fork-join pool (default 1: one batch call on the caller's
   * thread).
   */
  @Value.Default
  public int parallelism() {
    return 1;
  }

  @Value.Check
  void check() {
    if (!format().equals("bin") && !format().equals("json")) {
      throw new IllegalArgumentException(
          "model " + location() + ": format must be 'bin' or 'json', was " + format());
    }
    if (parallelism() < 1) {
      throw new IllegalArgumentException(
          "model " + location() + ": parallelism must be at least 1, was " + parallelism());
    }
  }

  /**
   * Builds a {@link CatBoostPredictorSetup} ({@link #buildSetup()}) or directly loads the {@link
   * CatBoostPredictor} ({@link #build()}).
   */
  public static final class Builder extends ImmutableCatBoostPredictorSetup.Builder {
    Builder() {}

    /** Counts each imputed value as {@code courtside.catboost.imputed{model, feature}} here. */
    public Builder meterRegistry(MeterRegistry registry) {
      return metrics(new MicrometerImputationMetrics(registry));
    }

    /** Reads the model's metadata from a file now: {@code metadata(ModelMetadata.read(file))}. */
    public Builder metadata(Path file) {
      return metadata(ModelMetadata.read(file));
    }

    /**
     * Loads the model and validates it.
     *
     * @throws io.github.courtside.models.prediction.ModelLoadException when no schema was given,
     *     the model cannot be read or loaded, has categorical features or more than one output,
     *     disagrees with its metadata's feature list, needs features the schema lacks, or its
     *     metadata marks features imputed without a median
     */
    public CatBoostPredictor build() {
      return CatBoostPredictor.create(buildSetup());
    }
  }
}
