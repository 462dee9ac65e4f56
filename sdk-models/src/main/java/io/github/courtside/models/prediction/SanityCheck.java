package io.github.courtside.models.prediction;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses implausible predictions (spec-ml §6 #26: a miscalibrated model on another scale went
 * all-UNDER with edges of -9 and took over the best bets). A prediction is insane when its points
 * fall outside [0, {@code maxPoints}] or its absolute edge exceeds {@code maxAbsEdge}; a batch
 * raises an alert when more than {@code batchAlertShare} of it is insane.
 *
 * <pre>{@code
 * SanityCheck sanity = SanityCheck.DEFAULT; // [0, 80] points, |edge| <= 20, alert above 50%
 * SanityCheck.Result result = sanity.check(predictions);
 * if (result.batchAlert()) {
 *   log.error("model {} looks miscalibrated: {}", modelId, result.insane().size());
 * }
 * }</pre>
 *
 * @param maxPoints the largest plausible prediction
 * @param maxAbsEdge the largest plausible absolute edge
 * @param batchAlertShare the share of insane predictions above which a batch alerts
 */
public record SanityCheck(double maxPoints, double maxAbsEdge, double batchAlertShare) {

  /** [0, 80] points, |edge| at most 20, batch alert above 50%. */
  public static final SanityCheck DEFAULT = new SanityCheck(80, 20, 0.5);

  public SanityCheck {
    if (!(maxPoints > 0) || !(maxAbsEdge > 0) || !(batchAlertShare > 0 && batchAlertShare < 1)) {
      throw new IllegalArgumentException(
          "invalid sanity bounds: " + maxPoints + ", " + maxAbsEdge + ", " + batchAlertShare);
    }
  }

  /** Why a prediction is implausible; empty when it is plausible. */
  public List<String> problems(Prediction prediction) {
    List<String> problems = new ArrayList<>(0);
    double points = prediction.rawPredictedPoints();
    if (points < 0 || points > maxPoints) {
      problems.add(
          (prediction.clamped() ? "raw prediction " : "predicted ")
              + points
              + " outside [0, "
              + maxPoints
              + "]");
    }
    if (prediction.edge().isPresent() && Math.abs(prediction.edge().getAsDouble()) > maxAbsEdge) {
      problems.add("edge " + prediction.edge().getAsDouble() + " beyond ±" + maxAbsEdge);
    }
    return problems;
  }

  /** Checks a batch. */
  public Result check(List<Prediction> predictions) {
    List<Prediction> insane = new ArrayList<>();
    for (Prediction prediction : predictions) {
      if (!problems(prediction).isEmpty()) {
        insane.add(prediction);
      }
    }
    boolean alert =
        !predictions.isEmpty() && (double) insane.size() / predictions.size() > batchAlertShare;
    return new Result(insane, alert);
  }

  /**
   * The outcome of {@link #check}.
   *
   * @param insane the implausible predictions, in input order
   * @param batchAlert whether their share exceeds the alert share
   */
  public record Result(List<Prediction> insane, boolean batchAlert) {
    public Result {
      insane = List.copyOf(insane);
    }
  }
}
