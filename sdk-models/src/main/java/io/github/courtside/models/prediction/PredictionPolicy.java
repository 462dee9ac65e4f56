package io.github.courtside.models.prediction;

import io.github.courtside.core.ValueStyle;
import org.immutables.value.Value;

/**
 * How predictions turn into picks: the minimum edge for OVER/UNDER and the clamp applied to model
 * output (spec-ml §2.7: every model path clamps to 0..60; the minimum edge was 1.0 for V8/V9).
 *
 * <pre>{@code
 * PredictionPolicy policy = PredictionPolicy.builder().minEdge(3.0).build();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class PredictionPolicy {
  PredictionPolicy() {}

  /** The defaults: minimum edge 1.0, clamp to [0, 60]. */
  public static PredictionPolicy defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The smallest absolute edge worth a pick, in points (positive, finite); 1.0 unless set. */
  @Value.Default
  public double minEdge() {
    return 1.0;
  }

  /** The lowest prediction a model may return (clamp); 0 unless set. */
  @Value.Default
  public double minPoints() {
    return 0.0;
  }

  /** The highest prediction a model may return (clamp); 60 unless set. */
  @Value.Default
  public double maxPoints() {
    return 60.0;
  }

  @Value.Check
  void check() {
    if (!(minEdge() > 0) || Double.isInfinite(minEdge())) {
      throw new IllegalArgumentException("minimum edge must be a positive number: " + minEdge());
    }
    if (!(minPoints() < maxPoints())) {
      throw new IllegalArgumentException(
          "clamp [" + minPoints() + ", " + maxPoints() + "] is empty");
    }
  }

  /** {@code points} clamped to [minPoints, maxPoints]. */
  public double clamp(double points) {
    return Math.max(minPoints(), Math.min(maxPoints(), points));
  }

  /** Builds a {@link PredictionPolicy}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutablePredictionPolicy.Builder {
    Builder() {}

    /** The clamp applied to model output. */
    public Builder clamp(double min, double max) {
      return minPoints(min).maxPoints(max);
    }
  }
}
