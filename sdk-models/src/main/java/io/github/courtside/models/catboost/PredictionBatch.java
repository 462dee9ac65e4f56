package io.github.courtside.models.catboost;

import io.github.courtside.models.prediction.Confidence;
import io.github.courtside.models.prediction.ModelType;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.PredictionPolicy;
import io.github.courtside.models.prediction.PredictionRequest;
import io.github.courtside.models.prediction.Recommendation;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The columnar result of {@link CatBoostPredictor#predictBatch}: one array of raw model outputs for
 * the whole slate, with clamped points, lines, edges and recommendations computed per row on
 * access, and {@link Prediction} records built only when asked for ({@link #prediction(int)},
 * {@link #asPredictions()}).
 *
 * <pre>{@code
 * PredictionBatch batch = predictor.predictBatch(requests);
 * for (int i = 0; i < batch.size(); i++) {
 *   if (batch.recommendation(i).isPick()) {
 *     publish(batch.prediction(i));
 *   }
 * }
 * }</pre>
 */
public final class PredictionBatch {
  private final List<PredictionRequest> requests;
  final double[] raw;
  final double[] lines;
  final double[] stds;
  final @Nullable List<String>[] imputed;
  private final PredictionPolicy policy;
  private final String modelId;
  private final String modelVersion;
  private final Instant createdAt;

  /**
   * The batch's columns, filled by the predictor: raw model outputs, the effective line (NaN
   * without one), {@code points_std_last_10} (NaN when absent) and the imputed names (null when
   * none) per row.
   */
  PredictionBatch(
      List<PredictionRequest> requests,
      double[] raw,
      double[] lines,
      double[] stds,
      @Nullable List<String>[] imputed,
      PredictionPolicy policy,
      String modelId,
      String modelVersion,
      Instant createdAt) {
    this.requests = requests;
    this.raw = raw;
    this.lines = lines;
    this.stds = stds;
    this.imputed = imputed;
    this.policy = policy;
    this.modelId = modelId;
    this.modelVersion = modelVersion;
    this.createdAt = createdAt;
  }

  /** The number of rows. */
  public int size() {
    return raw.length;
  }

  /** The request of row {@code i}. */
  public PredictionRequest request(int i) {
    return requests.get(i);
  }

  /** The model's raw output for row {@code i}, before clamping. */
  public double rawPoints(int i) {
    return raw[i];
  }

  /** The predicted points of row {@code i}, clamped by the policy. */
  public double predictedPoints(int i) {
    return policy.clamp(raw[i]);
  }

  /** Whether row {@code i} was clamped. */
  public boolean clamped(int i) {
    return policy.clamp(raw[i]) != raw[i];
  }

  /** The features of row {@code i} filled with training medians (usually empty). */
  public List<String> imputedFeatures(int i) {
    List<String> names = imputed[i];
    return names == null ? List.of() : names;
  }

  /** The line row {@code i} is bet against: the request's, else the vector's vegas line. */
  public OptionalDouble line(int i) {
    double value = lines[i];
    return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** Predicted minus line for row {@code i}, NaN without a line. */
  public double edge(int i) {
    return predictedPoints(i) - lines[i];
  }

  /** OVER, UNDER or PASS for row {@code i}. */
  public Recommendation recommendation(int i) {
    double edge = edge(i);
    return Double.isNaN(edge) ? Recommendation.PASS : Recommendation.of(edge, policy.minEdge());
  }

  /** The confidence of row {@code i} (see {@link Confidence}). */
  public double confidence(int i) {
    double std = stds[i];
    return Confidence.of(
        requests.get(i).qualityScore().orElse(80.0), Double.isNaN(std) ? 5.0 : std);
  }

  /** Row {@code i} as a {@link Prediction}. */
  public Prediction prediction(int i) {
    return Prediction.of(
        requests.get(i),
        raw[i],
        line(i),
        confidence(i),
        policy,
        modelId,
        modelVersion,
        ModelType.CATBOOST,
        imputedFeatures(i),
        createdAt);
  }

  /** The rows as {@link Prediction}s, built on access. */
  public List<Prediction> asPredictions() {
    return new AbstractList<>() {
      @Override
      public Prediction get(int index) {
        return prediction(index);
      }

      @Override
      public int size() {
        return raw.length;
      }
    };
  }

  /** When the batch was predicted. */
  public Instant createdAt() {
    return createdAt;
  }
}
