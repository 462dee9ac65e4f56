package io.github.courtside.models.quality;

import io.github.courtside.models.feature.FeatureSource;

/**
 * One feature's contribution to a {@link QualityReport}.
 *
 * <pre>{@code
 * for (FeatureQuality f : report.pullingDown()) {
 *   log.info("{} from {} weighs {}", f.feature(), f.source(), f.weight());
 * }
 * }</pre>
 *
 * @param feature the feature name
 * @param source where its value came from
 * @param weight the source's quality weight, 0-100
 * @param optional whether the feature is optional
 * @param requiredDefault whether it is a required feature holding a stand-in (caps the score)
 */
public record FeatureQuality(
    String feature,
    FeatureSource source,
    double weight,
    boolean optional,
    boolean requiredDefault) {}
