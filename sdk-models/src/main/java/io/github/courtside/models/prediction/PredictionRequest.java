package io.github.courtside.models.prediction;

import io.github.courtside.models.feature.FeatureVector;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a {@link Predictor} is asked: a player's game, the betting line if any, and the feature
 * vector.
 *
 * <pre>{@code
 * PredictionRequest request =
 *     PredictionRequest.of("lebronjames", "20240302_LAL_DEN", LocalDate.parse("2024-03-02"), vector)
 *         .withLine(25.5)
 *         .withQualityScore(report.score());
 * }</pre>
 *
 * @param playerLookup the player key
 * @param gameId the game id
 * @param gameDate the game date
 * @param line the points line, if any (else the vector's {@code vegas_points_line} is used)
 * @param qualityScore the vector's quality score, if scored
 * @param features the feature vector
 */
public record PredictionRequest(
    String playerLookup,
    String gameId,
    LocalDate gameDate,
    OptionalDouble line,
    OptionalDouble qualityScore,
    FeatureVector features) {

  public PredictionRequest {
    Objects.requireNonNull(playerLookup, "playerLookup");
    Objects.requireNonNull(gameId, "gameId");
    Objects.requireNonNull(gameDate, "gameDate");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(qualityScore, "qualityScore");
    Objects.requireNonNull(features, "features");
    if (line.isPresent() && !(line.getAsDouble() > 0)) {
      throw new IllegalArgumentException("a points line must be positive, was " + line);
    }
  }

  /** A request without an explicit line or quality score. */
  public static PredictionRequest of(
      String playerLookup, String gameId, LocalDate gameDate, FeatureVector features) {
    return new PredictionRequest(
        playerLookup, gameId, gameDate, OptionalDouble.empty(), OptionalDouble.empty(), features);
  }

  /** This request with an explicit points line. */
  public PredictionRequest withLine(double value) {
    return new PredictionRequest(
        playerLookup, gameId, gameDate, OptionalDouble.of(value), qualityScore, features);
  }

  /** This request with the vector's quality score. */
  public PredictionRequest withQualityScore(double value) {
    return new PredictionRequest(
        playerLookup, gameId, gameDate, line, OptionalDouble.of(value), features);
  }

  /** The line to bet against: the explicit line, else the vector's {@code vegas_points_line}. */
  public OptionalDouble effectiveLine() {
    if (line.isPresent()) {
      return line;
    }
    if (features.has("vegas_points_line")) {
      return features.value("vegas_points_line");
    }
    return OptionalDouble.empty();
  }

  /** A feature value or a default when the vector lacks or misses it. */
  public double featureOr(String name, double fallback) {
    if (!features.has(name)) {
      return fallback;
    }
    return features.value(name).orElse(fallback);
  }
}
