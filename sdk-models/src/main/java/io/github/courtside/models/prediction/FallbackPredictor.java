package io.github.courtside.models.prediction;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.quality.QualityReport;
import io.github.courtside.models.quality.QualityScorer;
import io.github.courtside.models.quality.QualityTier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
 * by the fallback; only an explicit {@link FallbackPredictorSetup#tolerateLoadFailure} turns that
 * into tagged {@link FallbackReason#MODEL_NOT_LOADED} answers. Otherwise the fallback answers only
 * when the model fails for a request with a {@link PredictionException} (including {@link
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
 * <p>The quality gate runs first, by default: each vector is scored ({@link QualityScorer}) and one
 * whose tier is below {@link FallbackPredictorSetup#minimumTier} (BRONZE by default), with a
 * required default or with matchup quality below 50 never reaches the model; it is answered by the
 * tagged fallback with reason {@link FallbackReason#QUALITY_GATE_BLOCKED} and the {@link
 * Prediction#blockingReasons()}. Opting out takes {@link FallbackPredictorSetup#qualityGate()
 * qualityGate(false)} and is logged at WARN. Every prediction carries the vector's tier, its
 * defaulted or imputed required features and {@code createdAt} from the builder's {@link Clock}.
 *
 * <p>A fallback-share breaker ({@link FallbackPredictorSetup#maxFallbackShare}) makes {@link
 * #predictAll} throw {@link FallbackShareExceededException} when more than that share of a slate
 * fell back or was blocked.
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
  private final LongAdder blocked = new LongAdder();
  private final LongAdder imputations = new LongAdder();
  private final QualityScorer scorer = new QualityScorer();
  private final @Nullable QualityTier minimumTier;
  private final Clock clock;
  private final double maxFallbackShare;

  private FallbackPredictor(
      @Nullable Predictor primary,
      String modelId,
      @Nullable ModelLoadException loadFailure,
      FallbackPredictorSetup setup) {
    this.primary = primary;
    this.modelId = modelId;
    this.loadFailure = loadFailure;
    this.metrics = setup.metrics();
    this.minimumTier = setup.qualityGate() ? setup.minimumTier() : null;
    this.clock = setup.clock();
    this.maxFallbackShare = setup.maxFallbackShare();
  }

  /** A builder around an already loaded model. */
  public static FallbackPredictorSetup.Builder builder(Predictor primary) {
    Objects.requireNonNull(primary, "primary");
    return FallbackPredictorSetup.builder().loader(() -> primary).modelId(primary.modelId());
  }

  /**
   * A builder that loads the model itself at {@link FallbackPredictorSetup.Builder#build()}: a
   * {@link ModelLoadException} propagates unless {@link FallbackPredictorSetup#tolerateLoadFailure}
   * was chosen.
   */
  public static FallbackPredictorSetup.Builder builder(
      Supplier<? extends Predictor> loader, String modelId) {
    Objects.requireNonNull(loader, "loader");
    return FallbackPredictorSetup.builder().loader(loader::get).modelId(modelId);
  }

  /**
   * The predictor a setup describes; loads the model now.
   *
   * @throws ModelLoadException when the model fails to load and failures are not tolerated
   */
  public static FallbackPredictor create(FallbackPredictorSetup setup) {
    String modelId = setup.modelId();
    Predictor primary;
    try {
      primary = Objects.requireNonNull(setup.loader().get(), "loader returned null");
    } catch (ModelLoadException e) {
      if (!setup.tolerateLoadFailure()) {
        throw e;
      }
      LOG.error(
          "MODEL_NOT_LOADED model={}: every prediction will be a tagged fallback: {}",
          modelId,
          e.getMessage());
      warnIfUngated(setup);
      return new FallbackPredictor(null, modelId, e, setup);
    }
    if (primary.modelType().isFallback()) {
      throw new IllegalArgumentException("the primary predictor cannot itself be a fallback");
    }
    warnIfUngated(setup);
    return new FallbackPredictor(primary, modelId, null, setup);
  }

  private static void warnIfUngated(FallbackPredictorSetup setup) {
    if (!setup.qualityGate()) {
      LOG.warn(
          "QUALITY_GATE_DISABLED model={}: vectors of any quality tier reach the model",
          setup.modelId());
    }
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
    return predictSlate(List.of(request), false).get(0);
  }

  @Override
  public List<Prediction> predictAll(List<PredictionRequest> requests) {
    return predictSlate(requests, true);
  }

  private List<Prediction> predictSlate(List<PredictionRequest> requests, boolean breaker) {
    int n = requests.size();
    Prediction[] out = new Prediction[n];
    QualityReport[] reports = new QualityReport[n];
    List<PredictionRequest> passing = new ArrayList<>(n);
    List<Integer> passingIndexes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      PredictionRequest request = requests.get(i);
      QualityReport report = scorer.score(request.features());
      reports[i] = report;
      List<String> reasons = minimumTier == null ? List.of() : blockingReasons(report);
      if (reasons.isEmpty()) {
        passing.add(request);
        passingIndexes.add(i);
      } else {
        out[i] = block(request, report, reasons);
      }
    }
    List<Prediction> answered = answer(passing);
    for (int k = 0; k < answered.size(); k++) {
      int i = passingIndexes.get(k);
      Prediction p = answered.get(k);
      for (String feature : p.imputedFeatures()) {
        imputations.increment();
        metrics.imputed(modelId, feature);
      }
      out[i] =
          p.toBuilder()
              .qualityTier(reports[i].tier())
              .defaultedRequiredFeatures(defaultedRequired(requests.get(i), reports[i], p))
              .createdAt(clock.instant())
              .build();
    }
    List<Prediction> predictions = new ArrayList<>(n);
    int fellBack = 0;
    for (Prediction p : out) {
      predictions.add(p);
      if (p.isFallback()) {
        fellBack++;
      }
    }
    if (breaker && n > 0 && (double) fellBack / n > maxFallbackShare) {
      throw new FallbackShareExceededException(modelId, fellBack, n, maxFallbackShare);
    }
    return predictions;
  }

  private List<String> blockingReasons(QualityReport report) {
    QualityTier floor = Objects.requireNonNull(minimumTier);
    List<String> reasons = new ArrayList<>(0);
    if (report.tier().compareTo(floor) > 0) {
      reasons.add(
          "quality tier " + report.tier() + " (score " + report.score() + ") below " + floor);
    }
    if (report.matchupQuality() < 50) {
      reasons.add("matchup quality " + report.matchupQuality() + " below 50");
    }
    if (report.requiredDefaultCount() > 0) {
      reasons.add(
          report.requiredDefaultCount()
              + " required feature(s) defaulted: "
              + report.requiredDefaults());
    }
    return reasons;
  }

  private static List<String> defaultedRequired(
      PredictionRequest request, QualityReport report, Prediction prediction) {
    if (prediction.imputedFeatures().isEmpty()) {
      return report.requiredDefaults();
    }
    LinkedHashSet<String> names = new LinkedHashSet<>(report.requiredDefaults());
    FeatureVector vector = request.features();
    FeatureSchema schema = vector.schema();
    for (String name : prediction.imputedFeatures()) {
      if (!schema.contains(name) || !schema.feature(schema.indexOf(name)).optional()) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  private Prediction block(PredictionRequest request, QualityReport report, List<String> reasons) {
    blocked.increment();
    fallbacks.increment();
    metrics.fallback(modelId, FallbackReason.QUALITY_GATE_BLOCKED);
    LOG.warn(
        "QUALITY_BLOCKED player={} game={} model={}: {}",
        request.playerLookup(),
        request.gameId(),
        modelId,
        reasons);
    return fallback
        .answer(request, modelId, modelVersion(), FallbackReason.QUALITY_GATE_BLOCKED)
        .toBuilder()
        .qualityTier(report.tier())
        .defaultedRequiredFeatures(report.requiredDefaults())
        .blockingReasons(reasons)
        .createdAt(clock.instant())
        .build();
  }

  private List<Prediction> answer(List<PredictionRequest> requests) {
    Predictor primary = this.primary;
    if (requests.isEmpty()) {
      return List.of();
    }
    if (primary == null) {
      List<Prediction> predictions = new ArrayList<>(requests.size());
      for (PredictionRequest request : requests) {
        predictions.add(
            fallBack(
                request, FallbackReason.MODEL_NOT_LOADED, Objects.requireNonNull(loadFailure)));
      }
      return predictions;
    }
    if (requests.size() == 1) {
      return List.of(answerOne(primary, requests.get(0)));
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
        predictions.add(answerOne(primary, request));
      }
      return predictions;
    }
  }

  private Prediction answerOne(Predictor primary, PredictionRequest request) {
    try {
      return primary.predict(request);
    } catch (FeaturePreparationException e) {
      return fallBack(request, FallbackReason.FEATURE_PREPARATION_FAILED, e);
    } catch (PredictionException e) {
      return fallBack(request, FallbackReason.MODEL_PREDICTION_FAILED, e);
    }
  }

  /**
   * How many feature values were imputed with training medians since construction (also {@code
   * courtside.predictions.imputed{model, feature}} with a registry).
   */
  public long imputationCount() {
    return imputations.sum();
  }

  /** How many vectors the quality gate blocked since construction. */
  public long blockedCount() {
    return blocked.sum();
  }

  /** How many predictions the fallback answered (blocked ones included) since construction. */
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
}
