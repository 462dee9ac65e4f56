package io.github.courtside.models.prediction;

/**
 * How predictions turn into picks: the minimum edge for OVER/UNDER and the clamp applied to model
 * output (spec-ml §2.7: every model path clamps to 0..60; the minimum edge was 1.0 for V8/V9).
 *
 * <pre>{@code
 * PredictionPolicy policy = PredictionPolicy.builder().minEdge(3.0).build();
 * }</pre>
 *
 * @param minEdge the smallest absolute edge worth a pick, in points
 * @param minPoints the lowest prediction a model may return (clamp)
 * @param maxPoints the highest prediction a model may return (clamp)
 */
public record PredictionPolicy(double minEdge, double minPoints, double maxPoints) {

  /** The defaults: minimum edge 1.0, clamp to [0, 60]. */
  public static final PredictionPolicy DEFAULT = new PredictionPolicy(1.0, 0.0, 60.0);

  public PredictionPolicy {
    if (!(minEdge > 0) || Double.isInfinite(minEdge)) {
      throw new IllegalArgumentException("minimum edge must be a positive number: " + minEdge);
    }
    if (!(minPoints < maxPoints)) {
      throw new IllegalArgumentException("clamp [" + minPoints + ", " + maxPoints + "] is empty");
    }
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code points} clamped to [minPoints, maxPoints]. */
  public double clamp(double points) {
    return Math.max(minPoints, Math.min(maxPoints, points));
  }

  /** Builds a {@link PredictionPolicy}. */
  public static final class Builder {
    private double minEdge = DEFAULT.minEdge;
    private double minPoints = DEFAULT.minPoints;
    private double maxPoints = DEFAULT.maxPoints;

    private Builder() {}

    /** The smallest absolute edge worth a pick. */
    public Builder minEdge(double value) {
      minEdge = value;
      return this;
    }

    /** The clamp applied to model output. */
    public Builder clamp(double min, double max) {
      minPoints = min;
      maxPoints = max;
      return this;
    }

    /** The policy. */
    public PredictionPolicy build() {
      return new PredictionPolicy(minEdge, minPoints, maxPoints);
    }
  }
}
