package io.github.courtside.models.feature;

import java.util.Objects;

/**
 * A value with its provenance, as supplied from upstream (composite factors, team ratings, shot
 * zones) to the {@link FeatureExtractor}.
 *
 * <pre>{@code
 * FeatureValue fatigue = new FeatureValue(93.0, FeatureSource.PHASE4);
 * }</pre>
 *
 * @param value the value (NaN means not available)
 * @param source where it came from
 */
public record FeatureValue(double value, FeatureSource source) {
  public FeatureValue {
    Objects.requireNonNull(source, "source");
  }
}
