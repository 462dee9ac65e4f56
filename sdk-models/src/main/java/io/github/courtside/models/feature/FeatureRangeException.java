package io.github.courtside.models.feature;

import io.github.courtside.core.CourtsideException;

/**
 * A value outside a feature's critical range (spec-ml §6 #14: a fatigue score of 0 written for a
 * week because the processor stored an adjustment instead of the 0-100 score).
 *
 * <pre>{@code
 * try {
 *   FeatureVector.builder(FeatureSchema.V9_33).set("fatigue_score", -4.0, FeatureSource.PHASE4);
 * } catch (FeatureRangeException e) {
 *   log.error("{} = {} outside [{}, {}]", e.feature(), e.value(), e.min(), e.max());
 * }
 * }</pre>
 */
public final class FeatureRangeException extends CourtsideException {
  private static final long serialVersionUID = 1L;
  private final String feature;
  private final double value;
  private final double min;
  private final double max;

  /** {@code value} of {@code feature} lies outside [min, max]. */
  public FeatureRangeException(String feature, double value, double min, double max) {
    super(
        "feature "
            + feature
            + " = "
            + value
            + " is outside its critical range ["
            + min
            + ", "
            + max
            + "]");
    this.feature = feature;
    this.value = value;
    this.min = min;
    this.max = max;
  }

  /** The feature. */
  public String feature() {
    return feature;
  }

  /** The refused value. */
  public double value() {
    return value;
  }

  /** The range's lower bound. */
  public double min() {
    return min;
  }

  /** The range's upper bound. */
  public double max() {
    return max;
  }
}
