package io.github.courtside.models.prediction;

import io.github.courtside.core.ComponentStyle;
import io.github.courtside.models.quality.QualityTier;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Supplier;
import org.immutables.value.Value;

/**
 * What a {@link FallbackPredictor} is made of: how its model is loaded and its fallback settings.
 * Immutable; the builder is generated ({@link ComponentStyle}) and {@link Builder#build()} loads
 * the model and makes the predictor.
 *
 * <pre>{@code
 * Predictor predictor = FallbackPredictor.builder(catBoostPredictor)   // loader and modelId set
 *     .meterRegistry(registry)
 *     .maxFallbackShare(0.2)
 *     .build();
 * }</pre>
 */
@ComponentStyle
@Value.Immutable
public abstract class FallbackPredictorSetup {
  FallbackPredictorSetup() {}

  /** A builder; {@link Builder#loader} and {@link Builder#modelId} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Loads the model when the predictor is built (required). */
  public abstract Supplier<Predictor> loader();

  /** The model id, also when the model failed to load (required). */
  public abstract String modelId();

  /**
   * Opt-in: when the model fails to load, log an ERROR and answer every request with the tagged
   * fallback (reason {@link FallbackReason#MODEL_NOT_LOADED}) instead of throwing. Off by default:
   * the reference's silent version of this ran for five days (spec-ml §6 #1).
   */
  @Value.Default
  public boolean tolerateLoadFailure() {
    return false;
  }

  /**
   * Whether the quality gate runs (default true). Off, every vector reaches the model whatever its
   * quality; that is logged at WARN when the predictor is built.
   */
  @Value.Default
  public boolean qualityGate() {
    return true;
  }

  /**
   * The lowest quality tier the model is asked to predict while the gate runs (default BRONZE);
   * vectors below it are blocked.
   */
  @Value.Default
  public QualityTier minimumTier() {
    return QualityTier.BRONZE;
  }

  /** The clock that stamps {@link Prediction#createdAt()} (default: system UTC). */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The breaker: {@link FallbackPredictor#predictAll} throws {@link FallbackShareExceededException}
   * when more than this share (0-1) of a slate fell back or was blocked. Default 1.0: off.
   */
  @Value.Default
  public double maxFallbackShare() {
    return 1.0;
  }

  /**
   * Where fallbacks are counted (default nowhere). Set through {@link Builder#meterRegistry}; a
   * Micrometer type never appears in the setup itself, so Micrometer stays an optional dependency.
   */
  @Value.Default
  FallbackMetrics metrics() {
    return FallbackMetrics.NONE;
  }

  @Value.Check
  void check() {
    if (!(maxFallbackShare() >= 0 && maxFallbackShare() <= 1)) {
      throw new IllegalArgumentException(
          "fallback predictor "
              + modelId()
              + ": maxFallbackShare must be within [0, 1], was "
              + maxFallbackShare());
    }
  }

  /**
   * Builds a {@link FallbackPredictorSetup} ({@link #buildSetup()}) or directly the {@link
   * FallbackPredictor} ({@link #build()}).
   */
  public static final class Builder extends ImmutableFallbackPredictorSetup.Builder {
    Builder() {}

    /** Counts fallbacks ({@code courtside.predictions.fallback}) in this registry. */
    public Builder meterRegistry(MeterRegistry registry) {
      return metrics(new MicrometerFallbackMetrics(registry));
    }

    /** Opt-out of the quality gate: {@code qualityGate(false)}, logged at WARN at build. */
    public Builder withoutQualityGate() {
      return qualityGate(false);
    }

    /**
     * The predictor; loads the model now.
     *
     * @throws ModelLoadException when the model fails to load and failures are not tolerated
     */
    public FallbackPredictor build() {
      return FallbackPredictor.create(buildSetup());
    }
  }
}
