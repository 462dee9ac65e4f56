package io.github.courtside.models.feature;

/**
 * What kind of number a feature holds. Every feature is carried as a {@code double}; the type
 * documents (and {@link FeatureDefinition} validates) the values that make sense.
 *
 * <pre>{@code
 * boolean flag = FeatureSchema.V9_33.feature("home_away").orElseThrow().type() == FeatureType.FLAG;
 * }</pre>
 */
public enum FeatureType {
  /** A continuous measurement (averages, ratings, lines). */
  NUMBER,
  /** A non-negative whole count (games, streaks). */
  COUNT,
  /** 0.0 or 1.0. */
  FLAG,
  /** A small signed bucket such as -2..2. */
  BUCKET
}
