package io.github.courtside.models.prediction;

import io.github.courtside.core.ValueStyle;
import io.github.courtside.models.feature.FeatureVector;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * What a {@link Predictor} is asked: a player's game, the betting line if any, and the feature
 * vector.
 *
 * <pre>{@code
 * PredictionRequest request =
 *     PredictionRequest.of("lebronjames", "20240302_LAL_DEN", LocalDate.parse("2024-03-02"), vector)
 *         .toBuilder()
 *         .line(25.5)
 *         .qualityScore(report.score())
 *         .build();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class PredictionRequest {
  PredictionRequest() {}

  /** The player key. */
  public abstract String playerLookup();

  /** The game id. */
  public abstract String gameId();

  /** The game date. */
  public abstract LocalDate gameDate();

  /** The points line, if any (else the vector's {@code vegas_points_line} is used). */
  public abstract OptionalDouble line();

  /** The vector's quality score, if scored. */
  public abstract OptionalDouble qualityScore();

  /** The feature vector. */
  public abstract FeatureVector features();

  @Value.Check
  void check() {
    if (line().isPresent() && !(line().getAsDouble() > 0)) {
      throw new IllegalArgumentException(
          "player "
              + playerLookup()
              + " game "
              + gameId()
              + ": a points line must be positive, was "
              + line().getAsDouble());
    }
  }

  /** A request without an explicit line or quality score. */
  public static PredictionRequest of(
      String playerLookup, String gameId, LocalDate gameDate, FeatureVector features) {
    return builder()
        .playerLookup(playerLookup)
        .gameId(gameId)
        .gameDate(gameDate)
        .features(features)
        .build();
  }

  /** A builder; everything but the line and the quality score is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The line to bet against: the explicit line, else the vector's {@code vegas_points_line}. */
  public OptionalDouble effectiveLine() {
    if (line().isPresent()) {
      return line();
    }
    if (features().has("vegas_points_line")) {
      return features().value("vegas_points_line");
    }
    return OptionalDouble.empty();
  }

  /** A feature value or a default when the vector lacks or misses it. */
  public double featureOr(String name, double fallback) {
    if (!features().has(name)) {
      return fallback;
    }
    return features().value(name).orElse(fallback);
  }

  /** Builds a {@link PredictionRequest}. */
  public static final class Builder extends ImmutablePredictionRequest.Builder {
    Builder() {}
  }
}
