package io.github.courtside.models.prediction;

/**
 * Model confidence as the CatBoost V8/V9 path computed it (spec-ml §2.7), on a 0-1 scale: {@code
 * (75 + quality bonus + consistency bonus) / 100}, where the quality bonus is +10 for a score ≥90,
 * +7 ≥80, +5 ≥70, else +2 (unscored vectors count as 80), and the consistency bonus is +10 for a
 * points standard deviation below 4, +7 below 6, +5 below 8, else +2. Reproduced for comparability;
 * the result always lies in [0.79, 0.95].
 *
 * <pre>{@code
 * double confidence = Confidence.of(request); // e.g. 0.92
 * }</pre>
 */
public final class Confidence {
  private Confidence() {}

  /** The confidence for a request, from its quality score and {@code points_std_last_10}. */
  public static double of(PredictionRequest request) {
    return of(request.qualityScore().orElse(80.0), request.featureOr("points_std_last_10", 5.0));
  }

  /** The confidence for a quality score and a points standard deviation. */
  public static double of(double qualityScore, double pointsStd) {
    double confidence = 75;
    if (qualityScore >= 90) {
      confidence += 10;
    } else if (qualityScore >= 80) {
      confidence += 7;
    } else if (qualityScore >= 70) {
      confidence += 5;
    } else {
      confidence += 2;
    }
    if (pointsStd < 4) {
      confidence += 10;
    } else if (pointsStd < 6) {
      confidence += 7;
    } else if (pointsStd < 8) {
      confidence += 5;
    } else {
      confidence += 2;
    }
    return confidence / 100.0;
  }

  /**
   * A confidence on a 0-1 scale from either scale: values above 1 are percentages and are divided
   * by 100 (spec-ml §6 #9: systems mixed 0-1 and 0-100 scales).
   */
  public static double normalize(double confidence) {
    if (!(confidence >= 0) || Double.isInfinite(confidence)) {
      throw new IllegalArgumentException("confidence must be a non-negative number: " + confidence);
    }
    double scaled = confidence > 1 ? confidence / 100.0 : confidence;
    if (scaled > 1) {
      throw new IllegalArgumentException("confidence above 100%: " + confidence);
    }
    return scaled;
  }
}
