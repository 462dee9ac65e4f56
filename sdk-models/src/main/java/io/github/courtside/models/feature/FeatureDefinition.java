package io.github.courtside.models.feature;

import io.github.courtside.core.ValueStyle;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * One feature of a {@link FeatureSchema}: its name, type, category, whether it is optional, its
 * default (the value written with source {@link FeatureSource#DEFAULT} when nothing is available)
 * and its plausible range.
 *
 * <p>A feature without a default is written as NaN with source {@link FeatureSource#MISSING}. A
 * value outside a <em>critical</em> range is refused when a vector is built (spec-ml §6 #14: a
 * fatigue score of 0 that was really an adjustment); other ranges are advisory.
 *
 * <pre>{@code
 * FeatureDefinition fatigue =
 *     FeatureDefinition.of("fatigue_score", FeatureType.NUMBER, FeatureCategory.MATCHUP)
 *         .withDefault(50.0)
 *         .withRange(0, 100, true);
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class FeatureDefinition {
  FeatureDefinition() {}

  /** The feature name, unique within a schema. */
  public abstract String name();

  /** The kind of number. */
  public abstract FeatureType type();

  /** The quality grouping. */
  public abstract FeatureCategory category();

  /** Whether a missing value neither caps the quality score nor blocks a prediction. */
  @Value.Default
  public boolean optional() {
    return false;
  }

  /** The default value, NaN when the feature has none. */
  @Value.Default
  public double defaultValue() {
    return Double.NaN;
  }

  /** The smallest plausible value. */
  @Value.Default
  public double min() {
    return Double.NEGATIVE_INFINITY;
  }

  /** The largest plausible value. */
  @Value.Default
  public double max() {
    return Double.POSITIVE_INFINITY;
  }

  /** Whether a value outside [min, max] is refused. */
  @Value.Default
  public boolean criticalRange() {
    return false;
  }

  @Value.Check
  void check() {
    if (name().isBlank()) {
      throw new IllegalArgumentException("feature name must not be blank");
    }
    if (!(min() <= max())) {
      throw new IllegalArgumentException(
          "feature " + name() + ": range [" + min() + ", " + max() + "] is empty");
    }
  }

  /** A required feature with no default and an unbounded range. */
  public static FeatureDefinition of(String name, FeatureType type, FeatureCategory category) {
    return new Builder().name(name).type(type).category(category).build();
  }

  /** This feature with a default value. */
  public FeatureDefinition withDefault(double value) {
    return new Builder().from(this).defaultValue(value).build();
  }

  /** This feature marked optional. */
  public FeatureDefinition asOptional() {
    return new Builder().from(this).optional(true).build();
  }

  /** This feature with a plausible range; {@code critical} makes out-of-range values an error. */
  public FeatureDefinition withRange(double low, double high, boolean critical) {
    return new Builder().from(this).min(low).max(high).criticalRange(critical).build();
  }

  /** The default value, when the feature has one. */
  public OptionalDouble defaultIfAny() {
    return Double.isNaN(defaultValue())
        ? OptionalDouble.empty()
        : OptionalDouble.of(defaultValue());
  }

  /** Whether {@code value} lies within the plausible range (NaN never trips a range check). */
  public boolean inRange(double value) {
    return Double.isNaN(value) || (value >= min() && value <= max());
  }

  /** Builds a {@link FeatureDefinition}. */
  static final class Builder extends ImmutableFeatureDefinition.Builder {
    Builder() {}
  }
}
