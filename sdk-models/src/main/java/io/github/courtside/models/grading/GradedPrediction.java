package io.github.courtside.models.grading;

import io.github.courtside.models.prediction.Prediction;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A prediction with its result.
 *
 * <pre>{@code
 * for (GradedPrediction g : result.rows()) {
 *   log.info("{} {}: {}", g.prediction().playerLookup(), g.prediction().recommendation(), g.outcome());
 * }
 * }</pre>
 *
 * @param prediction the graded prediction
 * @param actualPoints the points scored, empty when void
 * @param outcome win, loss, push, void, pass or no line
 * @param absoluteError |predicted − actual|, empty when void
 * @param signedError predicted − actual (positive = over-predicted), empty when void
 */
public record GradedPrediction(
    Prediction prediction,
    OptionalDouble actualPoints,
    Outcome outcome,
    OptionalDouble absoluteError,
    OptionalDouble signedError) {

  public GradedPrediction {
    Objects.requireNonNull(prediction, "prediction");
    Objects.requireNonNull(actualPoints, "actualPoints");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(absoluteError, "absoluteError");
    Objects.requireNonNull(signedError, "signedError");
  }
}
