package io.github.courtside.models.feature;

import java.util.Objects;
import java.util.OptionalDouble;

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
 *
 * @param name the feature name, unique within a schema
 * @param type the kind of number
 * @param category the quality grouping
 * @param optional whether a missing value neither caps the quality score nor blocks a prediction
 * @param defaultValue the default value, NaN when the feature has none
 * @param min the smallest plausible value
 * @param max the largest plausible value
 * @param criticalRange whether a value outside [min, max] is refused
 */
public record FeatureDefinition(
    String name,
    FeatureType type,
    FeatureCategory category,
    boolean optional,
    double defaultValue,
    double min,
    double max,
    boolean criticalRange) {

  public FeatureDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(category, "category");
    if (name.isBlank()) {
      throw new IllegalArgumentException("feature name must not be blank");
    }
    if (!(min <= max)) {
      throw new IllegalArgumentException(
          "feature " + name + ": range [" + min + ", " + max + "] is empty");
    }
  }

  /** A required feature with no default and an unbounded range. */
  public static FeatureDefinition of(String name, FeatureType type, FeatureCategory category) {
    return new FeatureDefinition(
        name,
        type,
        category,
        false,
        Double.NaN,
        Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        false);
  }

  /** This feature with a default value. */
  public FeatureDefinition withDefault(double value) {
    return new FeatureDefinition(name, type, category, optional, value, min, max, criticalRange);
  }

  /** This feature marked optional. */
  public FeatureDefinition asOptional() {
    return new FeatureDefinition(name, type, category, true, defaultValue, min, max, criticalRange);
  }

  /** This feature with a plausible range; {@code critical} makes out-of-range values an error. */
  public FeatureDefinition withRange(double low, double high, boolean critical) {
    return new FeatureDefinition(name, type, category, optional, defaultValue, low, high, critical);
  }

  /** The default value, when the feature has one. */
  public OptionalDouble defaultIfAny() {
    return Double.isNaN(defaultValue) ? OptionalDouble.empty() : OptionalDouble.of(defaultValue);
  }

  /** Whether {@code value} lies within the plausible range (NaN never trips a range check). */
  public boolean inRange(double value) {
    return Double.isNaN(value) || (value >= min && value <= max);
  }
}
