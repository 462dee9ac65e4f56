package io.github.courtside.models.prediction;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model with the weighted-average fallback behind it, never silent (spec-ml §2.8, §6 #1, #28).
 *
 * <p>The model must already be loaded: a model that fails to load throws at its own construction
 * and is never replaced by the fallback. The fallback answers only when the model fails for a
 * request with a {@link PredictionException} (including {@link FeaturePreparationException}); other
 * exceptions propagate, so programming errors are not papered over. Each fallback answer
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

  private final Predictor primary;
  private final WeightedAverageFallback fallback = new WeightedAverageFallback();
  private final FallbackMetrics metrics;
  private final LongAdder fallbacks = new LongAdder();

  private FallbackPredictor(Predictor primary, FallbackMetrics metrics) {
    this.primary = primary;
    this.metrics = metrics;
  }

  /** A builder around an already loaded model. */
  public static Builder builder(Predictor primary) {
    return new Builder(primary);
  }

  @Override
  public String modelId() {
    return primary.modelId();
  }

  @Override
  public String modelVersion() {
    return primary.modelVersion();
  }

  @Override
  public ModelType modelType() {
    return primary.modelType();
  }

  @Override
  public Prediction predict(PredictionRequest request) {
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
      PredictionRequest request, FallbackReason reason, PredictionException cause) {
    fallbacks.increment();
    metrics.fallback(primary.modelId(), reason);
    LOG.warn(
        "FALLBACK_PREDICTION player={} game={} model={} reason={}: {}",
        request.playerLookup(),
        request.gameId(),
        primary.modelId(),
        reason,
        cause.getMessage());
    return fallback.answer(request, primary.modelId(), primary.modelVersion(), reason);
  }

  /** Builds a {@link FallbackPredictor}. */
  public static final class Builder {
    private final Predictor primary;
    private FallbackMetrics metrics = FallbackMetrics.NONE;

    private Builder(Predictor primary) {
      this.primary = Objects.requireNonNull(primary, "primary");
      if (primary.modelType().isFallback()) {
        throw new IllegalArgumentException("the primary predictor cannot itself be a fallback");
      }
    }

    /** Counts fallbacks in this registry. */
    public Builder meterRegistry(MeterRegistry registry) {
      metrics = new MicrometerFallbackMetrics(Objects.requireNonNull(registry, "registry"));
      return this;
    }

    /** The predictor. */
    public FallbackPredictor build() {
      return new FallbackPredictor(primary, metrics);
    }
  }
}
