package io.github.courtside.models.prediction;

import io.github.courtside.core.CourtsideException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model with the weighted-average fallback behind it, never silent (spec-ml §2.8, §6 #1, #28).
 *
 * <p>A model that fails to load throws ({@link ModelLoadException}) and is never silently replaced
 * by the fallback; only an explicit {@link Builder#tolerateLoadFailure} turns that into tagged
 * {@link FallbackReason#MODEL_NOT_LOADED} answers. Otherwise the fallback answers only when the
 * model fails for a request with a {@link PredictionException} (including {@link
 * FeaturePreparationException}); other exceptions propagate, so programming errors are not papered
 * over. Each fallback answer
 *
 * <ul>
 *   <li>carries {@link ModelType#WEIGHTED_AVERAGE_FALLBACK} and its {@link FallbackReason},
 *   <li>increments {@code courtside.predictions.fallback{model, reason}} when a Micrometer registry
 *       is configured (and {@link #fallbackCount()} always),
 *   <li>logs a WARN line starting {@code FALLBACK_PREDICTION} naming player, model and cause.
 * </ul>
 *
 * <p>A slate is predicted in one batch; if the batch fails, each request is retried alone so that
 * one bad vector does not send the whole slate to the fallback.
 *
 * <pre>{@code
 * Predictor predictor = FallbackPredictor.builder(catBoostPredictor)
 *     .meterRegistry(registry)
 *     .build();
 * Prediction p = predictor.predict(request);
 * }</pre>
 */
public final class FallbackPredictor implements Predictor {
  private static final Logger LOG = LoggerFactory.getLogger(FallbackPredictor.class);

  private final @Nullable Predictor primary;
  private final String modelId;
  private final @Nullable ModelLoadException loadFailure;
  private final WeightedAverageFallback fallback = new WeightedAverageFallback();
  private final FallbackMetrics metrics;
  private final LongAdder fallbacks = new LongAdder();

  private FallbackPredictor(
      @Nullable Predictor primary,
      String modelId,
      @Nullable ModelLoadException loadFailure,
      FallbackMetrics metrics) {
    this.primary = primary;
    this.modelId = modelId;
    this.loadFailure = loadFailure;
    this.metrics = metrics;
  }

  /** A builder around an already loaded model. */
  public static Builder builder(Predictor primary) {
    Objects.requireNonNull(primary, "primary");
    return new Builder(() -> primary, primary.modelId());
  }

  /**
   * A builder that loads the model itself at {@link Builder#build()}: a {@link ModelLoadException}
   * propagates unless {@link Builder#tolerateLoadFailure} was chosen.
   */
  public static Builder builder(Supplier<? extends Predictor> loader, String modelId) {
    return new Builder(loader, modelId);
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public String modelVersion() {
    return primary == null ? "not-loaded" : primary.modelVersion();
  }

  @Override
  public ModelType modelType() {
    return primary == null ? ModelType.WEIGHTED_AVERAGE_FALLBACK : primary.modelType();
  }

  /** Whether the model failed to load and every prediction is a tagged fallback. */
  public boolean modelLoaded() {
    return primary != null;
  }

  @Override
  public Prediction predict(PredictionRequest request) {
    Predictor primary = this.primary;
    if (primary == null) {
      return fallBack(
          request, FallbackReason.MODEL_NOT_LOADED, Objects.requireNonNull(loadFailure));
    }
    try {
      return primary.predict(request);
    } catch (FeaturePreparationException e) {
      return fallBack(request, FallbackReason.FEATURE_PREPARATION_FAILED, e);
    } catch (PredictionException e) {
      return fallBack(request, FallbackReason.MODEL_PREDICTION_FAILED, e);
    }
  }

  @Override
  public List<Prediction> predictAll(List<PredictionRequest> requests) {
    Predictor primary = this.primary;
    if (primary == null) {
      List<Prediction> predictions = new ArrayList<>(requests.size());
      for (PredictionRequest request : requests) {
        predictions.add(predict(request));
      }
      return predictions;
    }
    try {
      return primary.predictAll(requests);
    } catch (PredictionException e) {
      LOG.warn(
          "batch of {} failed on model {} ({}); predicting one by one",
          requests.size(),
          primary.modelId(),
          e.getMessage());
      List<Prediction> predictions = new ArrayList<>(requests.size());
      for (PredictionRequest request : requests) {
        predictions.add(predict(request));
      }
      return predictions;
    }
  }

  /** How many predictions the fallback answered since construction. */
  public long fallbackCount() {
    return fallbacks.sum();
  }

  private Prediction fallBack(
      PredictionRequest request, FallbackReason reason, CourtsideException cause) {
    fallbacks.increment();
    metrics.fallback(modelId, reason);
    LOG.warn(
        "FALLBACK_PREDICTION player={} game={} model={} reason={}: {}",
        request.playerLookup(),
        request.gameId(),
        modelId,
        reason,
        cause.getMessage());
    return fallback.answer(request, modelId, modelVersion(), reason);
  }

  /** Builds a {@link FallbackPredictor}. */
  public static final class Builder {
    private final Supplier<? extends Predictor> loader;
    private final String modelId;
    private FallbackMetrics metrics = FallbackMetrics.NONE;
    private boolean tolerateLoadFailure;

    private Builder(Supplier<? extends Predictor> loader, String modelId) {
      this.loader = Objects.requireNonNull(loader, "loader");
      this.modelId = Objects.requireNonNull(modelId, "modelId");
    }

    /**
     * Opt-in: when the model fails to load, log an ERROR and answer every request with the tagged
     * fallback (reason {@link FallbackReason#MODEL_NOT_LOADED}) instead of throwing. Off by
     * default: the reference's silent version of this ran for five days (spec-ml §6 #1).
     */
    public Builder tolerateLoadFailure(boolean value) {
      tolerateLoadFailure = value;
      return this;
    }

    /** Counts fallbacks in this registry. */
    public Builder meterRegistry(MeterRegistry registry) {
      metrics = new MicrometerFallbackMetrics(Objects.requireNonNull(registry, "registry"));
      return this;
    }

    /**
     * The predictor; loads the model now.
     *
     * @throws ModelLoadException when the model fails to load and failures are not tolerated
     */
    public FallbackPredictor build() {
      Predictor primary;
      try {
        primary = Objects.requireNonNull(loader.get(), "loader returned null");
      } catch (ModelLoadException e) {
        if (!tolerateLoadFailure) {
          throw e;
        }
        LOG.error(
            "MODEL_NOT_LOADED model={}: every prediction will be a tagged fallback: {}",
            modelId,
            e.getMessage());
        return new FallbackPredictor(null, modelId, e, metrics);
      }
      if (primary.modelType().isFallback()) {
        throw new IllegalArgumentException("the primary predictor cannot itself be a fallback");
      }
      return new FallbackPredictor(primary, modelId, null, metrics);
    }
  }
}
