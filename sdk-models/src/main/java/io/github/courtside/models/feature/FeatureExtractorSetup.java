package io.github.courtside.models.feature;

import io.github.courtside.core.ComponentStyle;
import io.github.courtside.models.history.PlayerGameHistory;
import org.immutables.value.Value;

/**
 * What a {@link FeatureExtractor} is made of: the history it reads and the schema and calendar of
 * the vectors it builds. Immutable; the builder is generated ({@link ComponentStyle}) and {@link
 * Builder#build()} makes the extractor.
 *
 * <pre>{@code
 * FeatureExtractor extractor = FeatureExtractor.builder(history)   // = builder().history(history)
 *     .schema(FeatureSchema.V9_33)
 *     .build();
 * }</pre>
 */
@ComponentStyle
@Value.Immutable
public abstract class FeatureExtractorSetup {
  FeatureExtractorSetup() {}

  /** A builder; {@link Builder#history} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Where the player games come from (required). */
  public abstract PlayerGameHistory history();

  /** The schema of the vectors built (default {@link FeatureSchema#V2_60}). */
  @Value.Default
  public FeatureSchema schema() {
    return FeatureSchema.V2_60;
  }

  /** The season calendar season averages start from (default {@link SeasonCalendar#NBA}). */
  @Value.Default
  public SeasonCalendar seasonCalendar() {
    return SeasonCalendar.NBA;
  }

  /** The mutation seam of the test suite (package-private on purpose). */
  @Value.Default
  FeatureExtractor.OpponentRows opponentRows() {
    return FeatureExtractor.OpponentRows.POINT_IN_TIME;
  }

  /**
   * Builds a {@link FeatureExtractorSetup} ({@link #buildSetup()}) or directly the {@link
   * FeatureExtractor} ({@link #build()}).
   */
  public static final class Builder extends ImmutableFeatureExtractorSetup.Builder {
    Builder() {}

    /** The extractor. */
    public FeatureExtractor build() {
      return FeatureExtractor.create(buildSetup());
    }
  }
}
